import { describe, expect, it } from 'vitest';
import { timeOrder } from '../../src/anki/time-order.js';

/** The order a comparison sort gives: by time, ties in their own order. */
function sorted(at: Float64Array): number[] {
  return Array.from(at.keys()).sort((x, y) => at[x]! - at[y]! || x - y);
}

/** A small deterministic generator, so that a failure can be run again. */
function draws(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1_664_525) + 1_013_904_223) >>> 0;
    return s / 2 ** 32;
  };
}

describe('timeOrder', () => {
  it('orders review times as a comparison sort does, ties in their own order', () => {
    const next = draws(18);
    const start = Date.UTC(2015, 0, 1);
    // Eleven years of times, many repeated: every bit of the keys' high and low halves is used.
    const at = Float64Array.from({ length: 20_000 }, (_, i) => (i % 7 === 0 ? start : start + Math.floor(next() * 11 * 365 * 86_400_000) - (i % 3) * 65_536));
    expect(Array.from(timeOrder(at))).toEqual(sorted(at));
  });

  it('sorts times a few ms apart, negative ones, and times that are no whole ms or too far apart alike', () => {
    for (const times of [
      [5, 3, 3, 4, 3, 5, 0],
      [-2, 7, -2, -9, 0],
      [1.5, 0.25, 1.5, -3, 2],
      [2 ** 50, 0, 3, 2 ** 50, 1], [2 ** 44 - 1, 0, 2 ** 43 + 5, 2 ** 32, 2 ** 32 - 1, 2 ** 21, 2 ** 44 - 1],
      // Five to seven times leave 61 bits of the key for the time: 2^61 apart is too far (sorted by comparison), less is not.
      [2 ** 61, 0, 2 ** 61, 1, 7],
      [2 ** 61 - 1024, 0, 2 ** 61 - 1024, 1, 2 ** 60 + 512],
      [Date.UTC(2026, 2, 2), Date.UTC(2026, 2, 2) - 1, Date.UTC(2026, 2, 2)],
    ]) {
      const at = Float64Array.from(times);
      expect(Array.from(timeOrder(at))).toEqual(sorted(at));
    }
    expect(Array.from(timeOrder(new Float64Array(0)))).toEqual([]);
    expect(Array.from(timeOrder(Float64Array.of(9)))).toEqual([0]);
  });
});
