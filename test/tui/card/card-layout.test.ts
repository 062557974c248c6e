import { describe, expect, it } from 'vitest';
import { cardLayout } from '../../../src/tui/card/card-layout.js';
import type { StyledLine } from '../../../src/tui/markdown/styled-line.js';
import { makeCard } from '../review/fake-actions.js';
import { cloze, titleBlock } from './sample-cards.js';

const plain = (lines: readonly StyledLine[]): string[] => lines.map((l) => l.map((s) => s.text).join(''));

describe('cardLayout', () => {
  const width = 40;

  it('basic: the question; revealed, the question, a rule and the answer', () => {
    const card = makeCard(1, { front: 'What does TCP add on top of IP?', back: 'Ordered, reliable byte streams.' });
    const q = cardLayout(card, false, width, true);
    expect(plain(q.lines)).toEqual(['What does TCP add on top of IP?']);
    expect(q.images).toEqual([]);
    const a = cardLayout(card, true, width, true);
    expect(plain(a.lines)).toEqual(['What does TCP add on top of IP?', '', '─'.repeat(width), '', 'Ordered, reliable byte streams.']);
    expect(a.lines[2]).toEqual([{ text: '─'.repeat(width), dim: true }]);
  });

  it('reversed: laid out like basic, from its own front and back', () => {
    const card = makeCard(2, { kind: 'reversed', syntax: 'inline-both', sibling: 'h', front: 'H', back: 'Hydrogen' });
    expect(plain(cardLayout(card, false, width, false).lines)).toEqual(['H']);
    expect(plain(cardLayout(card, true, width, false).lines)).toEqual(['H', '', '─'.repeat(width), '', 'Hydrogen']);
  });

  it('cloze: the gap in bold; revealed, only the filled text with the word in bold', () => {
    const q = cardLayout(cloze, false, width, true);
    expect(plain(q.lines)).toEqual(['The capital of [...] is Paris.']);
    expect(q.lines[0]!.find((seg) => seg.text === '[...]')?.bold).toBe(true);
    const a = cardLayout(cloze, true, width, true);
    expect(plain(a.lines)).toEqual(['The capital of France is Paris.']);
    expect(a.lines[0]!.find((seg) => seg.text === 'France')?.bold).toBe(true);
  });

  it('title block: heading path (dim), title (bold), context (dim), a blank line, then the question', () => {
    const q = cardLayout(titleBlock, false, 80, true);
    expect(plain(q.lines)).toEqual([
      'Systems › Caching',
      'Write-through caching',
      'A write-through cache writes to the cache and to the store together.',
      '',
      'What does a write-through cache do on a write?',
    ]);
    expect(q.lines[0]!.every((seg) => seg.dim === true)).toBe(true);
    expect(q.lines[1]!.every((seg) => seg.bold === true)).toBe(true);
    expect(q.lines[2]!.every((seg) => seg.dim === true)).toBe(true);
    expect(q.lines[4]!.some((seg) => seg.bold === true || seg.dim === true)).toBe(false);
    const a = cardLayout(titleBlock, true, 80, true);
    expect(plain(a.lines).slice(4)).toEqual(['What does a write-through cache do on a write?', '', '─'.repeat(80), '', 'It writes to both before reporting success.']);
  });

  it("breadcrumb: one dim line without the file's title heading, cut from the left, numbered headings as they are", () => {
    const title = 'Designing Data-Intensive Applications, Chapter 8: The Trouble with Distributed Systems';
    const card = makeCard(5, { headingPath: [title, '8.2 Unreliable Networks', '8.2.3 Timeouts and Unbounded Delays'] });
    expect(plain(cardLayout(card, false, 39, false, title).lines)).toEqual(['… › 8.2.3 Timeouts and Unbounded Delays', '', 'Question 5?']);
    expect(plain(cardLayout(card, false, 79, false, title).lines)[0]).toBe('8.2 Unreliable Networks › 8.2.3 Timeouts and Unbounded Delays');
    expect(cardLayout(card, false, 79, false, title).lines[0]).toEqual([{ text: '8.2 Unreliable Networks › 8.2.3 Timeouts and Unbounded Delays', dim: true }]);
    // Without a title heading known, the whole path, still on one line.
    expect(plain(cardLayout(card, false, 39, false).lines)[0]).toBe('… › 8.2.3 Timeouts and Unbounded Delays');
    const underTitle = makeCard(6, { headingPath: [title] });
    expect(plain(cardLayout(underTitle, false, 39, false, title).lines)).toEqual(['Question 6?']);
  });

  it('wraps to the width and lists images of the sides shown', () => {
    const card = makeCard(3, { front: 'Name the gas giant in this picture: ![planet](img/saturn.png)', back: 'Saturn ![rings](img/rings.png)' });
    const q = cardLayout(card, false, 20, false);
    expect(q.images).toEqual(['img/saturn.png']);
    expect(q.lines.every((l) => l.reduce((n, seg) => n + seg.text.length, 0) <= 20)).toBe(true);
    expect(cardLayout(card, true, 20, false).images).toEqual(['img/saturn.png', 'img/rings.png']);
  });

  it('has no colours when colour is off', () => {
    const card = makeCard(4, { front: 'Run `pwd` and see [the docs](https://example.com).', back: '```sh\npwd\n```' });
    for (const revealed of [false, true]) {
      const lines = cardLayout(card, revealed, 60, false).lines;
      expect(lines.flat().filter((seg) => seg.color !== undefined)).toEqual([]);
    }
  });
});
