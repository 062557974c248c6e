import { describe, expect, it } from 'vitest';
import { seededRandom } from '../../../src/schedule/seeded-random.js';
import { graphemeSegmenter, type GraphemeSegment } from '../../../src/tui/terminal/lazy-graphemes.js';

const intl = new Intl.Segmenter(undefined, { granularity: 'grapheme' });
const fields = (s: GraphemeSegment | undefined) => (s ? { segment: s.segment, index: s.index, input: s.input } : undefined);
const all = (segments: Iterable<GraphemeSegment>) => [...segments].map(fields);

/** What the stand-in gives for `text`, and what Intl gives: every grapheme, and the one at each index. */
function bothWays(text: string) {
  const ours = graphemeSegmenter().segment(text);
  const theirs = intl.segment(text);
  const indexes = [-1, ...Array.from({ length: text.length + 1 }, (_, i) => i)];
  return {
    ours: { graphemes: all(ours), containing: indexes.map((i) => fields(ours.containing(i))) },
    theirs: { graphemes: all(theirs), containing: indexes.map((i) => fields(theirs.containing(i))) },
  };
}

// Characters of the blocks split without Intl, and some that are not: CR and LF,
// combining marks, joiners, Hangul, emoji with modifiers, flags (surrogate pairs).
const SIMPLE = ['a', 'Z', ' ', '~', '\r', '\n', '\t', '\x1b', 'é', 'ß', 'ŋ', 'ʼ', '–', '”', '•', '…', '→', '∑', '─', '│', '█', '●', '✓', '❯'];
const OTHER = ['\u0301', '\u200d', '\u200b', '\ufe0f', '가', '\u1100', '\u1161', '👍', '🏽', '🇫', '🇷', '中', 'ก', '\u0e33', 'क', '\u094d'];

describe('graphemeSegmenter', () => {
  it.each([
    ['plain text', 'Question 0: why network cache?'],
    ['CR LF, a lone CR and a lone LF', 'a\r\nb\rc\nd\n\r'],
    ['a rule and a styled bullet', '\x1b[2m────\x1b[22m • done ✓'],
    ['an accent written as a combining mark', 'cafe\u0301'],
    ['emoji with a skin tone and a joiner', '👍🏽 👩\u200d💻'],
    ['a flag and Hangul', '🇫🇷 한국어'],
    ['nothing', ''],
  ])('splits %s as Intl.Segmenter does', (_, text) => {
    const { ours, theirs } = bothWays(text);
    expect(ours).toEqual(theirs);
  });

  it('splits 2,000 random strings of simple and other characters as Intl.Segmenter does', () => {
    const random = seededRandom(20);
    const pick = (from: string[]) => from[Math.floor(random() * from.length)]!;
    let differing = 0;
    for (let n = 0; n < 2_000; n++) {
      const length = Math.floor(random() * 12);
      // Half of them simple only (split without Intl), half with other characters mixed in.
      const from = n % 2 === 0 ? SIMPLE : [...SIMPLE, ...OTHER];
      const text = Array.from({ length }, () => pick(from)).join('');
      const { ours, theirs } = bothWays(text);
      if (JSON.stringify(ours) !== JSON.stringify(theirs)) differing++;
    }
    expect(differing).toBe(0);
  });
});
