import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isPlainProse, renderPlainProse } from '../../../src/tui/markdown/plain-prose.js';
import { renderMarkdown, renderMarkdownByParser } from '../../../src/tui/markdown/render-markdown.js';

/** Words and punctuation that prose cards are made of, and a few that are markup. */
const PIECES = [
  'clock', 'skew', 'Quorum', 'a', 'leader-follower', 'Q:', 'why?', 'it!', '(lease)', "don't", '"token"', '50%', 'and/or',
  'x.y', '1.', '2)', '-', '--', '+', '*', '_x_', '`code`', '#', '[link](u)', 'www.example.org', 'https://a.b', '<b>', '&amp;', '\\', ':',
  'Card 0', 'ends.',
];
const SEPARATORS = [' ', ' ', ' ', ' ', '\n', '\n\n', '\n\n\n', '  \n', '\n ', ' \n'];

const text = fc
  .array(fc.tuple(fc.constantFrom(...PIECES), fc.constantFrom(...SEPARATORS)), { maxLength: 30 })
  .map((parts) => parts.map(([piece, sep]) => piece + sep).join(''));

describe('plain prose', () => {
  it('is laid out as the parser lays it out, at every width', () => {
    let plain = 0;
    fc.assert(
      fc.property(text, fc.integer({ min: 1, max: 120 }), fc.boolean(), (t, width, color) => {
        if (isPlainProse(t)) plain++;
        expect(renderMarkdown(t, { width, color })).toEqual(renderMarkdownByParser(t, { width, color }));
      }),
      { seed: 20, numRuns: 3000 },
    );
    // The property means something only if many texts take the fast path.
    expect(plain).toBeGreaterThan(300);
  });

  it('takes sentences and paragraphs, and leaves what could be markup to the parser', () => {
    expect(isPlainProse('Question 0: why network cache consensus quorum commit read shard skew?')).toBe(true);
    expect(isPlainProse("A lease's term (in ms) ends.\n\nThen a new one starts.")).toBe(true);
    expect(isPlainProse('- a list item')).toBe(false);
    expect(isPlainProse('1. first')).toBe(false);
    expect(isPlainProse('see www.example.org')).toBe(false);
    expect(isPlainProse('hard  \nbreak')).toBe(false);
    expect(isPlainProse('    indented code')).toBe(false);
    expect(isPlainProse('some *emphasis*')).toBe(false);
  });

  it('wraps each paragraph to the width with a blank line between', () => {
    expect(renderPlainProse('one two three\nfour\n\nfive', 9)).toEqual([[{ text: 'one two' }], [{ text: 'three' }], [{ text: 'four' }], [], [{ text: 'five' }]]);
  });
});
