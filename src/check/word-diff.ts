import { diffSequences, sameCount } from './sequence-diff.js';

/**
 * One word of a typed-answer diff: `same` in both (shown as the expected
 * spelling), `missing` from the expected answer, `extra` typed but not expected.
 */
export interface WordPart {
  op: 'same' | 'missing' | 'extra';
  text: string;
}

/**
 * Punctuation that may wrap a word without changing it ("Paris." = "paris").
 * Symbols that carry meaning in answers about code (`C#`, `C++`, `->`, `$x`,
 * the minus of `-1`) are deliberately absent.
 */
const EDGE_PUNCTUATION = new Set('.,;:!?\'"`()[]{}«»“”‘’…–—');

/**
 * Whether a typed answer matches the expected one word for word, how close it
 * is (2 × common words / (typed words + expected words), 1 when both are
 * empty) and the word diff in expected order. Case, runs of whitespace and
 * punctuation at word edges never count; words that are only punctuation
 * (a dash between clauses) are left out, unless the expected answer is
 * nothing but punctuation, which then has to be typed as it is.
 */
export function compareTyped(typed: string, expected: string): { match: boolean; similarity: number; parts: WordPart[] } {
  let want = wordsOf(expected, true);
  let got = wordsOf(typed, true);
  if (want.length === 0) {
    want = wordsOf(expected, false);
    got = wordsOf(typed, false);
  }
  const steps = diffSequences(
    want.map((w) => w.key),
    got.map((w) => w.key),
  );
  const total = want.length + got.length;
  const same = sameCount(steps);
  return {
    match: same === want.length && same === got.length,
    similarity: total === 0 ? 1 : (2 * same) / total,
    parts: steps.map((s) => ({ op: s.op, text: s.op === 'extra' ? got[s.at]!.text : want[s.at]!.text })),
  };
}

/** The words of a text with the key each is compared by; `dropBare` leaves out punctuation-only words. */
function wordsOf(text: string, dropBare: boolean): { text: string; key: string }[] {
  const words: { text: string; key: string }[] = [];
  for (const word of text.split(/\s+/)) {
    if (word === '') continue;
    const lower = word.normalize('NFC').toLowerCase().replace(/[‘’]/g, "'");
    const key = trimEdgePunctuation(lower);
    if (key !== '') words.push({ text: word, key });
    else if (!dropBare) words.push({ text: word, key: lower });
  }
  return words;
}

/** The word without EDGE_PUNCTUATION at either end (a loop, not a regex: linear on any input). */
function trimEdgePunctuation(word: string): string {
  let from = 0;
  let to = word.length;
  while (from < to && EDGE_PUNCTUATION.has(word[from]!)) from++;
  while (to > from && EDGE_PUNCTUATION.has(word[to - 1]!)) to--;
  return word.slice(from, to);
}
