import { describe, expect, it } from 'vitest';
import { codeDeck, JS_CARD, printing } from './code-fakes.js';
import { KEY, renderReview } from './screen.js';

// What the pane under the card says is codePaneLines' (test/tui/code-pane); the
// keys are the controller's. These check the pane's place on the screen and the
// answer bar's hint for the keys of the moment.
describe('review screen: the code pane under the card', () => {
  it('the trust question, then the streamed output and its status, under the card; the bar says the keys', async () => {
    const fake = codeDeck('Run me', '```js\nconsole.log("hi")\n```', { run: printing('hi there\n') });
    const s = renderReview(fake);
    await s.waitForText('Run me');
    await s.press(KEY.space);
    await s.press('r');
    await s.waitForText('Deck "code" is not trusted');
    expect(s.lines()[22]).toBe('y run once · a trust the deck · n do not run');
    await s.press('y');
    await s.waitForText('hi there');
    // The card keeps what it needs; the pane takes the rows below, a dotted rule first.
    const lines = s.lines();
    expect(lines.slice(2, 8)).toEqual(['Run me', '', '─'.repeat(99), '', '  js', '  console.log("hi")']);
    expect(lines.slice(8, 18)).toEqual(Array(10).fill(''));
    expect(lines.slice(18, 22)).toEqual(['┈'.repeat(99), 'hi there', '✓ exit 0 · 12 ms  r runs again · esc closes', '']);
    expect(lines[22]).toBe('1 Again 1m  2 Hard 6m  3 Good 10m  4 Easy 8d');
  });

  it('lists the blocks to choose from, with the keys in the bar', async () => {
    const back = '```js\nconsole.log("first")\n```\n\n```python\nprint("second")\n```';
    const s = renderReview(codeDeck('Two blocks', back, { trusted: ['code'] }));
    await s.waitForText('Two blocks');
    await s.press('r');
    await s.waitForText('Which block?');
    expect(s.lines()).toEqual(expect.arrayContaining(['1 js  console.log("first")', '2 python  print("second")']));
    expect(s.lines()[22]).toBe('1-9 run that block · esc cancel');
  });

  it('the answer box under a prediction card, then the check with its diff and suggestion', async () => {
    const fake = codeDeck(JS_CARD, 'It logs 2.', { trusted: ['code'], run: printing('2\n') });
    const s = renderReview(fake);
    await s.waitForText('Predict the output:');
    expect(s.lines()[22]).toBe('enter new line · enter twice or ctrl-d check · esc answer from memory');
    await s.press('5');
    await s.waitForText('› 5');
    await s.press('\u0004');
    await s.waitForText('✗ Not quite');
    expect(s.lines()).toEqual(expect.arrayContaining(['- 5', '+ 2', '✗ Not quite  suggested: 1 Again · press 1 for it, 2-4 if you knew it']));
    expect(s.text()).toContain('It logs 2.');
    // The suggested grade is marked on its button (inverse), the bar shows all four.
    expect(s.lines()[22]).toBe('1 Again 1m  2 Hard 6m  3 Good 10m  4 Easy 8d');
  });

  it('shows output exactly, padding kept, and takes a prediction typed as the pane shows it (uniq -c)', async () => {
    const fake = codeDeck(JS_CARD, 'It counts.', { trusted: ['code'], run: printing('      1 a\n      2 b\n') });
    const s = renderReview(fake);
    await s.waitForText('Predict the output:');
    for (const key of ['1', ' ', 'a', KEY.enter, '2', ' ', 'b', KEY.enter, KEY.enter]) await s.press(key);
    await s.waitForText('✓ Right');
    expect(s.lines()).toEqual(expect.arrayContaining(['      1 a', '      2 b']));
  });

  it('at 40x12 the arrows and page keys scroll a predict card to its code while the answer box has focus', async () => {
    const question = ['What does this log? Read the whole', 'story first: it sets the scene for the', 'snippet below and is long on purpose.', '', '```js', 'console.log(1 + 1)', '```'].join('\n');
    const s = renderReview(codeDeck(question, 'It logs 2.', { trusted: ['code'] }), { size: { columns: 40, rows: 12 } });
    await s.waitForText('Predict the output:');
    await s.waitFor((t) => !t.includes('console.log'), 'the narrow layout');
    await s.press(KEY.down);
    await s.press(KEY.down);
    await s.press(KEY.down);
    await s.waitForText('console.log(1 + 1)');
    await s.press('\u001B[6~');
    await s.press('\u001B[5~');
    expect(s.lastState()?.check).toMatchObject({ step: 'typing', text: '' });
    await s.press('j');
    await s.waitForText('› j');
    expect(s.lines().every((l) => l.length <= 40)).toBe(true);
  });

  it('a typed-answer card says enter checks', async () => {
    const s = renderReview(codeDeck('Capital of France?', 'Paris', { deck: 'typed' }));
    await s.waitForText('Type the answer:');
    expect(s.lines()[22]).toBe('enter check · esc answer from memory');
  });
});
