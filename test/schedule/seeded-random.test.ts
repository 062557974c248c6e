import { describe, expect, it } from 'vitest';
import { mixSeed, seededRandom, shuffled } from '../../src/schedule/seeded-random.js';

describe('seededRandom', () => {
  it('repeats its sequence for a seed and stays in [0, 1)', () => {
    const a = Array.from({ length: 5 }, seededRandom(42));
    const b = Array.from({ length: 5 }, seededRandom(42));
    expect(a).toEqual(b);
    expect(a.every((x) => x >= 0 && x < 1)).toBe(true);
    expect(Array.from({ length: 5 }, seededRandom(43))).not.toEqual(a);
  });
});

describe('shuffled', () => {
  it('permutes a copy deterministically and leaves the input alone', () => {
    const items = [1, 2, 3, 4, 5, 6, 7, 8];
    const once = shuffled(items, seededRandom(7));
    expect(shuffled(items, seededRandom(7))).toEqual(once);
    expect([...once].sort((x, y) => x - y)).toEqual(items);
    expect(items).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
  });
});

describe('mixSeed', () => {
  it('gives different unsigned seeds for different salts and the same for the same', () => {
    expect(mixSeed(1, 2)).toBe(mixSeed(1, 2));
    expect(mixSeed(1, 2)).not.toBe(mixSeed(1, 3));
    expect(mixSeed(1, 2)).toBeGreaterThanOrEqual(0);
  });
});
