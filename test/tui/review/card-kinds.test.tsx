import { describe, expect, it } from 'vitest';
import { cardLayout } from '../../../src/tui/card/card-layout.js';
import type { StyledLine } from '../../../src/tui/markdown/styled-line.js';
import { fakeActions, makeCard } from './fake-actions.js';
import { KEY, renderReview } from './screen.js';
import { cloze, titleBlock } from '../card/sample-cards.js';

const RULE = '─'.repeat(99);
const plain = (lines: readonly StyledLine[]): string[] => lines.map((l) => l.map((s) => s.text).join(''));
/** Lines of the frame that are a full-width rule (the header's, and the one above an answer). */
const rules = (lines: string[]): number => lines.filter((l) => l === RULE).length;

describe('review screen: card kinds', () => {
  it('a cloze shows [...] in the question and only the filled sentence after revealing', async () => {
    const fake = fakeActions([cloze]);
    const s = renderReview(fake);
    await s.waitForText('The capital of [...] is Paris.');
    expect(s.lines()[2]).toBe('The capital of [...] is Paris.');
    expect(s.text()).not.toContain('France');

    await s.press(KEY.space);
    await s.waitForText('The capital of France is Paris.');
    const lines = s.lines();
    expect(lines[2]).toBe('The capital of France is Paris.');
    expect(lines.slice(3, 21)).toEqual(Array(18).fill(''));
    // The sentence once, no gap, and no rule between a question and an answer.
    expect(s.text().split('The capital of').length - 1).toBe(1);
    expect(s.text()).not.toContain('[...]');
    expect(rules(lines)).toBe(1);
    expect(lines[22]).toBe('1 Again 1m  2 Hard 6m  3 Good 10m  4 Easy 8d');
  });

  it('a cloze with a hint shows the hint in the gap', async () => {
    const fake = fakeActions([
      makeCard(1, { kind: 'cloze', syntax: 'anki-cloze', front: '**[city]** is in France.', back: '**Paris** is in France.' }),
    ]);
    const s = renderReview(fake);
    await s.waitForText('[city] is in France.');
    await s.press(KEY.space);
    await s.waitForText('Paris is in France.');
    expect(s.text()).not.toContain('[city]');
  });

  it('a basic card keeps its question above a rule and the answer', async () => {
    const fake = fakeActions([makeCard(1)]);
    const s = renderReview(fake);
    await s.waitForText('Question 1?');
    await s.press(KEY.space);
    await s.waitForText('Answer 1.');
    expect(rules(s.lines())).toBe(2);
  });

  it("at 40 columns the breadcrumb is one line, without the file's title heading, cut from the left", async () => {
    // Seed 000's shape: one H1 over every card of a chapter captured from the web.
    const title = 'High-Quality Flashcards: Designing-data-intensive-applications_-the-big-ideas-behind-reliable-scalable_processed (Part 24)';
    const fake = fakeActions(
      [
        makeCard(1, { syntax: 'title-block', title: 'Robust Software Design for Clocks', headingPath: [title] }),
        makeCard(2, { headingPath: [title, 'Unreliable Clocks', 'Relying on Synchronized Clocks'] }),
      ],
      { titleHeading: () => title },
    );
    const s = renderReview(fake, { size: { columns: 40, rows: 12 } });
    await s.waitForText('Question 1?');
    expect(s.lines().slice(2, 5)).toEqual(['Robust Software Design for Clocks', '', 'Question 1?']);
    await s.press(KEY.space);
    await s.press('3');
    await s.waitForText('Question 2?');
    expect(s.lines().slice(2, 5)).toEqual(['… › Relying on Synchronized Clocks', '', 'Question 2?']);
    for (const line of s.lines()) expect([...line].length).toBeLessThanOrEqual(39);
  });

  it('a title-block card shows its heading path, title and context above the question', async () => {
    const fake = fakeActions([titleBlock]);
    const s = renderReview(fake);
    await s.waitForText('What does a write-through cache do on a write?');
    expect(s.lines().slice(2, 8)).toEqual([
      'Systems › Caching',
      'Write-through caching',
      'A write-through cache writes to the cache and to the store together.',
      '',
      'What does a write-through cache do on a write?',
      '',
    ]);
    await s.press(KEY.space);
    await s.waitForText('It writes to both before reporting success.');
    expect(s.lines().slice(2, 11)).toEqual([
      'Systems › Caching',
      'Write-through caching',
      'A write-through cache writes to the cache and to the store together.',
      '',
      'What does a write-through cache do on a write?',
      '',
      RULE,
      '',
      'It writes to both before reporting success.',
    ]);
  });
});

describe('review screen: scrolling a long card', () => {
  const long = makeCard(1, {
    front: Array.from({ length: 30 }, (_, i) => `Paragraph ${i + 1} of the question.`).join('\n\n'),
  });
  // 30 paragraphs with blank lines between: 59 lines, 19 of them visible.
  const body = plain(cardLayout(long, false, 99, false).lines);

  it('shows the first window with a ↓ hint, and j and down scroll it', async () => {
    expect(body).toHaveLength(59);
    const fake = fakeActions([long]);
    const s = renderReview(fake);
    await s.waitForText('Paragraph 1 of the question.');
    expect(s.lines().slice(2, 21)).toEqual(body.slice(0, 19));
    expect(s.lines()[22]).toBe('space show answer  ? keys  q quit'.padEnd(95) + ' ↓40');

    await s.press('j');
    await s.waitFor((t) => t.includes('↓39'), 'scrolled by one');
    expect(s.lines().slice(2, 21)).toEqual(body.slice(1, 20));

    await s.press(KEY.down);
    await s.waitFor((t) => t.includes('↓38'), 'scrolled by two');
    expect(s.lines().slice(2, 21)).toEqual(body.slice(2, 21));
    expect(s.lines()[2]).toBe('Paragraph 2 of the question.');

    await s.press('k');
    await s.waitFor((t) => t.includes('↓39'), 'scrolled back by one');
    expect(s.lines().slice(2, 21)).toEqual(body.slice(1, 20));
    expect(fake.effects()).toEqual([]);
  });

  it('stops at the end, where the hint goes away', async () => {
    const fake = fakeActions([long]);
    const s = renderReview(fake);
    await s.waitForText('Paragraph 1 of the question.');
    // A page is the body height less one line: 18.
    await s.press('\u001B[6~');
    await s.waitFor((t) => t.includes('↓22'), 'a page down');
    await s.press('\u001B[6~');
    await s.waitFor((t) => t.includes('↓4'), 'two pages down');
    await s.press('\u001B[6~');
    await s.waitFor((t) => t.includes('Paragraph 30 of the question.') && !t.includes('↓'), 'the end');
    expect(s.lines().slice(2, 21)).toEqual(body.slice(40, 59));
    await s.press('j');
    expect(s.lines().slice(2, 21)).toEqual(body.slice(40, 59));
    expect(s.lines()[22]).toBe('space show answer  ? keys  q quit');
  });
});

describe('review screen: images', () => {
  // The images the controller opens are those of the card as the screen laid it out.
  it('o opens the image of the card with its path and shows what happened', async () => {
    const card = makeCard(1, { front: 'Which planet is this? ![Saturn](img/saturn.png)' });
    const fake = fakeActions([card]);
    const s = renderReview(fake);
    await s.waitForText('Which planet is this? [image: img/saturn.png]');
    await s.press('o');
    await s.waitForText('Opened img/saturn.png');
    expect(fake.effects()).toEqual([{ kind: 'openImage', path: 'img/saturn.png', cardId: 1 }]);
    expect(s.lines()[21]).toBe('Opened img/saturn.png');
    expect(s.text()).toContain('Which planet is this?');
  });

  it('wraps a message too long for the line over the rows above it, the path whole and the frame still 23 rows', async () => {
    const path = '/home/someone/notes/astronomy/the-outer-planets/images/saturn-from-cassini.png';
    const card = makeCard(1, { front: 'Which planet is this? ![Saturn](img/saturn.png)' });
    const fake = fakeActions([card], { openImage: () => `No program to open files was found (tried xdg-open, gio open); the image is ${path}.` });
    const s = renderReview(fake);
    await s.waitForText('Which planet is this?');
    await s.press('o');
    await s.waitForText('No program to open files was found');
    const lines = s.lines();
    expect(lines).toHaveLength(23);
    expect(lines.slice(20, 22)).toEqual([
      'No program to open files was found (tried xdg-open, gio open); the image is',
      `${path}.`,
    ]);
    expect(lines[22]).toBe('space show answer  ? keys  q quit');
    // The next key that acts gives the card its row back.
    await s.press(' ');
    await s.waitFor((t) => !t.includes('No program'), 'the message gone');
    expect(s.lines()).toHaveLength(23);
    expect(s.lines()[21]).toBe('');
  });
});
