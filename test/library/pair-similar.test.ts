import { describe, expect, it } from 'vitest';
import { pairSimilar } from '../../src/library/pair-similar.js';

describe('pairSimilar', () => {
  it('pairs a text with its typo-fixed version', () => {
    expect(pairSimilar(['what is the capital of france | paris'], ['what is the capitol of france | paris'], 0.6)).toEqual([[0, 0]]);
  });

  it('does not pair unrelated texts', () => {
    expect(pairSimilar(['what is the capital of france | paris'], ['how do plants turn light into sugar | photosynthesis'], 0.6)).toEqual([]);
  });

  it('pairs identical texts', () => {
    expect(pairSimilar(['fencing token'], ['fencing token'], 0.99)).toEqual([[0, 0]]);
  });

  it('keeps pairs at the threshold and drops those below it', () => {
    // "abc" and "abd" share 2 of their 4 + 4 padded trigrams: Dice = 2 * 2 / 8 = 0.5.
    expect(pairSimilar(['abc'], ['abd'], 0.5)).toEqual([[0, 0]]);
    expect(pairSimilar(['abc'], ['abd'], 0.51)).toEqual([]);
  });

  it('lists the best pairs first', () => {
    const olds = ['photosynthesis turns light into sugar', 'mitochondria produce the energy of the cell'];
    const news = ['mitochondria produce the energy of the cell!', 'photosynthesis turns sunlight into sugars'];
    expect(pairSimilar(olds, news, 0.6)).toEqual([
      [1, 0],
      [0, 1],
    ]);
  });

  it('pairs one to one: a new text goes to its closest old text only', () => {
    const olds = ['the quick brown fox jumps over the dog', 'the quick brown fox jumps over the lazy dog'];
    const news = ['the quick brown fox jumps over the lazy dog'];
    expect(pairSimilar(olds, news, 0.6)).toEqual([[1, 0]]);
  });

  it('pairs one to one: an old text goes to its closest new text only', () => {
    const olds = ['the quick brown fox jumps over the lazy dog'];
    const news = ['the quick brown fox jumps over the dog', 'the quick brown fox jumps over the lazy dog'];
    expect(pairSimilar(olds, news, 0.6)).toEqual([[0, 1]]);
  });

  it('gives a contested old text to the best pair and leaves the runner-up for the next best', () => {
    // new 1 is closest to old 0 (about 0.95), but old 0 goes to its exact copy, new 0;
    // new 1 then settles for old 1 (about 0.94).
    const olds = ['clocks drift apart over time', 'clocks drift apart over time!!!'];
    const news = ['clocks drift apart over time', 'clocks drift apart over time!'];
    expect(pairSimilar(olds, news, 0.6)).toEqual([
      [0, 0],
      [1, 1],
    ]);
  });

  it('returns no pairs when either side is empty', () => {
    expect(pairSimilar([], [], 0.6)).toEqual([]);
    expect(pairSimilar(['some text'], [], 0.6)).toEqual([]);
    expect(pairSimilar([], ['some text'], 0.6)).toEqual([]);
  });

  // A user fixes the same typo in every card of a large, templated file: every old
  // card has exactly one new version, far closer to it than to any other card.
  it.each([150, 300])('pairs each of %i templated cards with its own edited version', (n) => {
    const olds = Array.from({ length: n }, (_, i) => `what is the capitol of country number ${i} | it is city number ${i}`);
    const news = Array.from({ length: n }, (_, i) => `what is the capital of country number ${n - 1 - i} | it is city number ${n - 1 - i}`);
    const pairs = pairSimilar(olds, news, 0.6);
    expect(pairs).toHaveLength(n);
    expect(pairs.every(([o, m]) => m === n - 1 - o)).toBe(true);
  });
});
