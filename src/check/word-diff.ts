import leven from 'leven';
import { diffSequences, sameCount, type SequenceStep } from './sequence-diff.js';

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
 * Whether a typed answer matches the expected one, how close it is, and the
 * word diff in expected order. Case, runs of whitespace (leading and trailing
 * too) and punctuation at word edges never count; words that are only
 * punctuation (a dash between clauses) are left out, unless the expected
 * answer is nothing but punctuation, which then has to be typed as it is.
 *
 * It matches when the words are the same in the same order, or, for an answer
 * that lists items (commas or semicolons between them: "GET, HEAD, PUT"), the
 * same words in any order: the order of a list is rarely what is asked (its
 * similarity then counts words in common in any order too).
 *
 * `similarity` is 2 × common words / (typed words + expected words), 1 when
 * both are empty, where a word typed with a slip (nearWord: one letter off in
 * a word of 4 to 7 letters, two in a longer one; never in a number) counts as
 * common: "Pariss" for "Paris" is a near miss (suggestGrade: Hard), not a
 * blank. It still does not match, and the diff shows the slip.
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
  const inOrder = same === want.length && same === got.length;
  const parts = steps.map((s): WordPart => ({ op: s.op, text: s.op === 'extra' ? got[s.at]!.text : want[s.at]!.text }));
  const near = slips(steps, want, got);
  let similarity = total === 0 ? 1 : (2 * (same + near)) / total;
  if (!inOrder && listsItems(expected)) {
    const common = commonWords(want, got);
    if (common === want.length && common === got.length) return { match: true, similarity: 1, parts: want.map((w) => ({ op: 'same', text: w.text })) };
    similarity = Math.max(similarity, (2 * common) / total);
  }
  return { match: inOrder, similarity, parts };
}

/** Whether an answer lists items: two or more parts between commas or semicolons. */
function listsItems(expected: string): boolean {
  return expected.split(/[,;]/).filter((p) => p.trim() !== '').length >= 2;
}

/** How many words the two have in common, in any order (each copy counted once). */
function commonWords(want: readonly { key: string }[], got: readonly { key: string }[]): number {
  const left = new Map<string, number>();
  for (const w of want) left.set(w.key, (left.get(w.key) ?? 0) + 1);
  let common = 0;
  for (const g of got) {
    const n = left.get(g.key) ?? 0;
    if (n === 0) continue;
    left.set(g.key, n - 1);
    common++;
  }
  return common;
}

/**
 * How many words the diff calls missing were typed with a slip instead: in
 * each stretch where expected and typed words differ, a missing word and a
 * near extra word are paired, in order, each word at most once.
 */
function slips(steps: readonly SequenceStep[], want: readonly { key: string }[], got: readonly { key: string }[]): number {
  let count = 0;
  let missing: string[] = [];
  let extra: string[] = [];
  const settle = (): void => {
    const free = [...extra];
    for (const m of missing) {
      const k = free.findIndex((e) => nearWord(m, e));
      if (k < 0) continue;
      free.splice(k, 1);
      count++;
    }
    missing = [];
    extra = [];
  };
  for (const s of steps) {
    if (s.op === 'same') settle();
    else if (s.op === 'missing') missing.push(want[s.at]!.key);
    else extra.push(got[s.at]!.key);
  }
  settle();
  return count;
}

/**
 * Whether `typed` is `expected` with a slip of the keyboard: at most one edit
 * (Levenshtein, by the `leven` package) in a word of 4 to 7 characters, two in
 * a longer one. Short words and anything with a digit must be exact: "cat"
 * for "car" or 1025 for 1024 is another answer, not a typo.
 */
export function nearWord(expected: string, typed: string): boolean {
  const length = Math.max(expected.length, typed.length);
  if (Math.min(expected.length, typed.length) < 4 || /\d/.test(expected) || /\d/.test(typed)) return false;
  const allowed = length <= 7 ? 1 : 2;
  return leven(expected, typed, { maxDistance: allowed + 1 }) <= allowed;
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
