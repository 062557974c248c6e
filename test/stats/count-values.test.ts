import { describe, expect, it } from 'vitest';
import { countValues } from '../../src/stats/distributions.js';

// The distributions of engram stats are counted from the cards' values read in
// one pass: buckets [bound i-1, bound i), the last open; the median; the sum
// in ascending order with compensation (as SQLite's total() gives it).

describe('countValues', () => {
  it('counts each value into the bucket its bounds hold, the last bucket open, with the middle value of an odd count', () => {
    const values = Float64Array.from([30, 0, 1, 3.5, 2, 21, 400, 1, 20.999]);
    expect(countValues(values, [1, 2, 4, 21])).toEqual({ counts: [1, 2, 2, 1, 3], cards: 9, sum: 479.499, median: 3.5 });
  });

  it('gives the mean of the two middle values of an even count, and no median of none', () => {
    expect(countValues(Float64Array.from([4, 1, 2, 10]), [3])).toEqual({ counts: [2, 2], cards: 4, sum: 17, median: 3 });
    expect(countValues(new Float64Array(0), [1, 2])).toEqual({ counts: [0, 0, 0], cards: 0, sum: 0, median: null });
  });

  it('sums in ascending order with compensation: 1 and 1 beside 1e100 and -1e100 still add up to 2', () => {
    const values = Float64Array.from([1e100, 1, -1e100, 1]);
    expect(countValues(values, [0])).toEqual({ counts: [1, 3], cards: 4, sum: 2, median: 1 });
    // Summed as they come, the ones are lost.
    expect(1e100 + 1 + -1e100 + 1).toBe(1);
  });
});
