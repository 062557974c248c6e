import { describe, expect, it } from 'vitest';
import type { CodeBlock } from '../../../src/model/code-block.js';
import { codeOfCard } from '../../../src/check/code-of-card.js';
import type { RunHooks, RunResult } from '../../../src/run/run-types.js';
import { fakeActions, makeCard, type FakeOptions } from './fake-actions.js';
import { KEY, renderReview } from './screen.js';

const RUNNABLE = new Set(['js', 'python']);
const rules = { runnable: (lang: string) => RUNNABLE.has(lang), typedAnswers: (deck: string) => deck === 'typed' };

function result(fields: Partial<RunResult> = {}): RunResult {
  return { language: 'js', phase: 'run', exit: 0, signal: null, reason: null, ms: 12, stdout: '', stderr: '', truncated: false, sandbox: 'bubblewrap', message: null, ...fields };
}

/** A runner that prints `stdout` in two chunks and exits 0. */
function printing(stdout: string): (block: CodeBlock, hooks: RunHooks) => Promise<RunResult> {
  return async (_block, hooks) => {
    const half = Math.floor(stdout.length / 2);
    hooks.onOutput?.('stdout', stdout.slice(0, half));
    hooks.onOutput?.('stdout', stdout.slice(half));
    return result({ stdout });
  };
}

/** A runner that never ends until its signal aborts, having printed "tick". */
function endless(): (block: CodeBlock, hooks: RunHooks) => Promise<RunResult> {
  return (_block, hooks) =>
    new Promise((done) => {
      hooks.onOutput?.('stdout', 'tick\n');
      hooks.signal?.addEventListener('abort', () => done(result({ exit: null, signal: 'SIGKILL', reason: 'cancelled', message: 'stopped' })));
    });
}

function deckOf(front: string, back: string, options: FakeOptions & { deck?: string } = {}) {
  return fakeActions([makeCard(1, { front, back, deck: options.deck ?? 'code' })], { code: (c) => codeOfCard(c, rules), ...options });
}

const JS_CARD = ['What does this log?', '', '```js', 'console.log(1 + 1)', '```'].join('\n');

describe('review screen: running code with r', () => {
  it('asks to trust an untrusted deck first; y runs once, streaming the output under the card', async () => {
    const fake = deckOf('Run me', '```js\nconsole.log("hi")\n```', { run: printing('hi there\n') });
    const s = renderReview(fake);
    await s.waitForText('Run me');
    await s.press(KEY.space);
    await s.press('r');
    await s.waitForText('Deck "code" is not trusted');
    expect(fake.callsOf('run')).toEqual([]);
    await s.press('y');
    await s.waitForText('hi there');
    expect(s.text()).toContain('✓ exit 0 · 12 ms');
    expect(fake.callsOf('run')).toEqual([{ kind: 'run', lang: 'js', code: 'console.log("hi")' }]);
    expect(fake.callsOf('trust')).toEqual([]);
    // Asked again next time: "once" trusted nothing.
    await s.press(KEY.escape);
    await s.press('r');
    await s.waitForText('is not trusted');
  });

  it('a trusts the deck and runs; n runs nothing and says how to trust it', async () => {
    const fake = deckOf('Run me', '```js\nx\n```', { run: printing('ok\n') });
    const s = renderReview(fake);
    await s.waitForText('Run me');
    await s.press('r');
    await s.waitForText('is not trusted');
    await s.press('n');
    await s.waitForText('Not run: deck "code" is not trusted (engram trust "code" trusts it).');
    expect(fake.callsOf('run')).toEqual([]);
    await s.press('r');
    await s.press('a');
    await s.waitForText('✓ exit 0');
    expect(fake.callsOf('trust')).toEqual([{ kind: 'trust', deck: 'code' }]);
  });

  it('with several blocks, asks which one; the digit picks it', async () => {
    const back = '```js\nconsole.log("first")\n```\n\n```python\nprint("second")\n```';
    const fake = deckOf('Two blocks', back, { trusted: ['code'], run: printing('out\n') });
    const s = renderReview(fake);
    await s.waitForText('Two blocks');
    await s.press('r');
    await s.waitForText('Which block?');
    expect(s.lines()).toEqual(expect.arrayContaining(['1 js  console.log("first")', '2 python  print("second")']));
    await s.press('2');
    await s.waitForText('✓ exit 0');
    expect(fake.callsOf('run')).toEqual([{ kind: 'run', lang: 'python', code: 'print("second")' }]);
  });

  it('esc stops a run that does not end, and the screen keeps answering keys meanwhile', async () => {
    const fake = deckOf('Loop', '```js\nwhile(true){}\n```', { trusted: ['code'], run: endless() });
    const s = renderReview(fake);
    await s.waitForText('Loop');
    await s.press('r');
    await s.waitForText('▶ running js…');
    await s.waitForText('tick');
    await s.press(KEY.space); // still answers while the code runs
    await s.waitForText('1 Again');
    await s.press(KEY.escape);
    await s.waitForText('■ stopped');
    // Escape stopped the run; it did not quit the session.
    expect(s.lastState()?.quit).toBe(false);
    await s.press(KEY.escape);
    await s.waitFor((t) => !t.includes('■ stopped'), 'the pane to close');
  });

  it('says so when the card has no code to run', async () => {
    const fake = deckOf('Plain', 'No code here');
    const s = renderReview(fake);
    await s.waitForText('Plain');
    await s.press('r');
    await s.waitForText('This card has no code engram can run.');
  });

  it('answering the card stops its run: the next card starts without a pane', async () => {
    const cards = [makeCard(1, { front: 'Loop', back: '```js\nfor(;;);\n```', deck: 'code' }), makeCard(2, { deck: 'code' })];
    const fake = fakeActions(cards, { code: (c) => codeOfCard(c, rules), trusted: ['code'], run: endless() });
    const s = renderReview(fake);
    await s.waitForText('Loop');
    await s.press('r');
    await s.waitForText('tick');
    await s.press(KEY.space);
    await s.press('3');
    await s.waitForText('Question 2?');
    expect(s.text()).not.toContain('tick');
    expect(s.lastState()?.run).toBeNull();
  });
});

describe('review screen: predict-the-output cards', () => {
  it('types a prediction over two lines, runs the code and suggests Good when it matches', async () => {
    const fake = deckOf(JS_CARD, 'It logs 2.', { trusted: ['code'], run: printing('2\n3\n') });
    const s = renderReview(fake);
    await s.waitForText('Predict the output:');
    await s.press('2');
    await s.press(KEY.enter);
    await s.press('3');
    expect(s.text()).toContain('› 2');
    await s.press(KEY.enter);
    await s.press(KEY.enter);
    await s.waitForText('✓ Right');
    expect(s.text()).toContain('suggested: 3 Good (enter)');
    expect(s.text()).toContain('It logs 2.');
    await s.press(KEY.enter);
    await s.waitFor(() => fake.callsOf('answer').length === 1, 'the answer');
    expect(fake.callsOf('answer')[0]!.grade).toBe(3);
  });

  it('a wrong prediction shows the line diff and suggests Again; 2 overrides the suggestion', async () => {
    const fake = deckOf(JS_CARD, 'It logs 2.', { trusted: ['code'], run: printing('2\n') });
    const s = renderReview(fake);
    await s.waitForText('Predict the output:');
    await s.press('5');
    await s.press('\u0004'); // ctrl-d checks at once
    await s.waitForText('✗ Not quite');
    expect(s.lines()).toEqual(expect.arrayContaining(['- 5', '+ 2', '✗ Not quite  suggested: 1 Again (enter) · 1-4 to choose']));
    await s.press('2');
    await s.waitFor(() => fake.callsOf('answer').length === 1, 'the answer');
    expect(fake.callsOf('answer')[0]!.grade).toBe(2);
  });

  it('a prediction typed ahead with a backspace and ctrl-d in one read: each key still acts', async () => {
    const fake = deckOf(JS_CARD, 'It logs 2.', { trusted: ['code'], run: printing('2\n') });
    const s = renderReview(fake);
    await s.waitForText('Predict the output:');
    await s.press('5\x7f2\u0004');
    await s.waitForText('✓ Right');
    expect(s.text()).toContain('suggested: 3 Good (enter)');
  });

  it('an output block gives the expected output: nothing runs, no trust needed', async () => {
    const fake = deckOf(JS_CARD, '```output\n2\n```');
    const s = renderReview(fake);
    await s.waitForText('Predict the output:');
    await s.press('2');
    await s.press(KEY.enter);
    await s.press(KEY.enter);
    await s.waitForText('✓ Right');
    expect(fake.callsOf('run')).toEqual([]);
  });

  it('typing takes every key as text: q and space do not quit or reveal', async () => {
    const fake = deckOf(JS_CARD, '```output\nq 1\n```');
    const s = renderReview(fake);
    await s.waitForText('Predict the output:');
    await s.press('q');
    await s.press(KEY.space);
    await s.press('1');
    await s.waitForText('› q 1');
    expect(s.lastState()?.quit).toBe(false);
    expect(s.lastState()?.phase).toBe('question');
  });

  it('esc leaves the answer box: the card is then answered from memory', async () => {
    const fake = deckOf(JS_CARD, '```output\n2\n```');
    const s = renderReview(fake);
    await s.waitForText('Predict the output:');
    await s.press(KEY.escape);
    await s.waitFor((t) => !t.includes('Predict the output:'), 'the box to close');
    await s.press(KEY.space);
    await s.waitForText('1 Again');
    await s.press(KEY.enter);
    await s.waitFor(() => fake.callsOf('answer').length === 1, 'the answer');
    expect(fake.callsOf('answer')[0]!.grade).toBe(3);
  });

  it('declining to trust the deck reveals the answer unchecked, with nothing suggested', async () => {
    const fake = deckOf(JS_CARD, 'It logs 2.', { run: printing('2\n') });
    const s = renderReview(fake);
    await s.waitForText('Predict the output:');
    await s.press('2');
    await s.press(KEY.enter);
    await s.press(KEY.enter);
    await s.waitForText('is not trusted');
    await s.press('n');
    await s.waitForText('? Not checked');
    expect(s.text()).not.toContain('suggested:');
    expect(fake.callsOf('run')).toEqual([]);
  });
});

describe('review screen: typed-answer cards', () => {
  it('enter checks the typed answer, shows the word diff and suggests Hard when nearly right', async () => {
    const fake = deckOf('Capital of France?', 'the city of Paris', { deck: 'typed' });
    const s = renderReview(fake);
    await s.waitForText('Type the answer:');
    for (const ch of 'the city Paris') await s.press(ch);
    await s.press(KEY.enter);
    await s.waitForText('✗ Not quite');
    expect(s.text()).toContain('the city +of Paris');
    expect(s.text()).toContain('suggested: 2 Hard (enter)');
  });
});
