import { fsrs, generatorParameters } from 'ts-fsrs';
import { describe, expect, it } from 'vitest';
import { fuzzFactor, fuzzInterval, fuzzSeedPrefix } from '../../src/schedule/fsrs-fuzz.js';
import { seededRandom } from '../../src/schedule/seeded-random.js';

/** ts-fsrs's own fuzz: its apply_fuzz, seeded as engram's seed strategy seeds it. */
function tsFsrsFuzz(seed: string, reps: number, interval: number, elapsed: number, maximumInterval: number): number {
  const f = fsrs(generatorParameters({ enable_fuzz: true, maximum_interval: maximumInterval }));
  f.seed = `${seed}:${reps}`;
  return f.apply_fuzz(interval, elapsed);
}

const SEEDS = ['', '1', '42', '6bb8a3fea37f8d09909163835c1e7aa2', '01JABCDEFGHJKMNPQRSTVWXYZ0', 'ünïcødé 🃏', ' ', 'a:b:c'];

describe('the fuzz drawn once an answer', () => {
  it('fuzzes every interval exactly as ts-fsrs does, for any seed, count of answers, elapsed days and maximum', () => {
    const random = seededRandom(7);
    let checked = 0;
    let moved = 0;
    for (let i = 0; i < 4000; i++) {
      const seed = i < SEEDS.length * 50 ? SEEDS[i % SEEDS.length]! : Math.floor(random() * 2 ** 40).toString(36);
      const reps = 1 + Math.floor(random() * 300);
      const interval = random() < 0.3 ? Math.floor(random() * 5) : Math.floor(random() * (random() < 0.5 ? 60 : 40_000));
      const elapsed = Math.floor(random() * 400);
      const maximum = random() < 0.3 ? 30 + Math.floor(random() * 200) : 36500;
      const mine = fuzzInterval(Math.min(interval, maximum), elapsed, maximum, fuzzFactor(fuzzSeedPrefix(seed), reps));
      expect(mine).toBe(tsFsrsFuzz(seed, reps, Math.min(interval, maximum), elapsed, maximum));
      checked++;
      if (mine !== Math.min(interval, maximum)) moved++;
    }
    expect(checked).toBe(4000);
    // The fuzz did move most intervals of 3 days or more, so the equality is not of unfuzzed numbers.
    expect(moved).toBeGreaterThan(1500);
  });

  it('draws a factor in [0, 1) that depends on the seed and the count of answers', () => {
    const a = fuzzFactor(fuzzSeedPrefix('card-a'), 5);
    expect(a).toBeGreaterThanOrEqual(0);
    expect(a).toBeLessThan(1);
    expect(fuzzFactor(fuzzSeedPrefix('card-a'), 5)).toBe(a);
    expect(fuzzFactor(fuzzSeedPrefix('card-b'), 5)).not.toBe(a);
    expect(fuzzFactor(fuzzSeedPrefix('card-a'), 6)).not.toBe(a);
  });

  it('leaves intervals under 2.5 days alone', () => {
    expect([0, 1, 2].map((d) => fuzzInterval(d, 0, 36500, 0.99))).toEqual([0, 1, 2]);
  });
});
