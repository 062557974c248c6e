import { describe, expect, it } from 'vitest';
import type { Grade } from '../../../src/model/review.js';
import { binOf, evaluateItems, Fsrs6Model } from '../../../src/schedule/optimize/evaluate-items.js';
import { DEFAULT_WEIGHTS } from '../../../src/schedule/optimize/fit-parameters.js';

const item = (...answers: [number, number][]) => ({ reviews: answers.map(([rating, deltaT]) => ({ rating: rating as Grade, deltaT })) });

describe('Fsrs6Model', () => {
  it('recalls with 90% chance after as many days as the stability, whatever the decay', () => {
    for (const decay of [0.1542, 0.5]) {
      const model = new Fsrs6Model([...DEFAULT_WEIGHTS.slice(0, 20), decay]);
      expect(model.retrievability(12, 12)).toBeCloseTo(0.9, 12);
      expect(model.retrievability(0, 12)).toBe(1);
    }
  });

  it("starts a card at its first answer's initial stability and difficulty", () => {
    const w = DEFAULT_WEIGHTS;
    const memory = new Fsrs6Model(w).memory(item([3, 0], [3, 5]).reviews, 1);
    expect(memory.stability).toBe(w[2]);
    expect(memory.difficulty).toBeCloseTo(w[4]! - Math.exp(w[5]! * 2) + 1, 12);
  });

  it('never lowers stability on a same-day Hard, Good or Easy, as fsrs-rs does', () => {
    const model = new Fsrs6Model(DEFAULT_WEIGHTS);
    const first = model.memory(item([3, 0]).reviews, 1).stability;
    for (const g of [2, 3, 4]) expect(model.memory(item([3, 0], [g, 0]).reviews, 2).stability).toBeGreaterThanOrEqual(first);
    expect(model.memory(item([3, 0], [1, 0]).reviews, 2).stability).toBeLessThan(first);
  });
});

describe('evaluateItems', () => {
  it("leaves out items whose last answer is the card's first a day or more after another, and is null without others", () => {
    expect(evaluateItems([item([3, 0], [3, 4]), item([1, 0], [3, 0], [3, 2])], DEFAULT_WEIGHTS)).toBeNull();
    const counted = item([3, 0], [3, 3], [1, 7]);
    expect(evaluateItems([item([3, 0], [3, 4]), counted], DEFAULT_WEIGHTS)).toEqual(evaluateItems([counted], DEFAULT_WEIGHTS));
  });

  it('is the cross-entropy of the predicted recall, and its error in one bin', () => {
    const model = new Fsrs6Model(DEFAULT_WEIGHTS);
    const forgot = item([3, 0], [3, 3], [1, 7]);
    const p = model.retrievability(7, model.memory(forgot.reviews, 2).stability);
    expect(evaluateItems([forgot], DEFAULT_WEIGHTS)).toEqual({ logLoss: -Math.log(1 - p), rmseBins: p });
  });
});

describe('binOf', () => {
  it('bins by interval, answers a day or more apart and lapses on logarithmic scales', () => {
    // Interval: 2.48 days × 3.62^⌊log₃.₆₂ t⌋ (in hundredths), length: 1.99 × 1.89^⌊…⌋, lapses: 1.65 × 1.73^⌊…⌋, rounded.
    expect(binOf(item([3, 0], [3, 1]).reviews)).toBe('248/4/0');
    expect(binOf(item([3, 0], [3, 3], [3, 7]).reviews)).toBe('898/4/0');
    expect(binOf(item([3, 0], [1, 3], [3, 0], [3, 4]).reviews)).toBe('898/4/2');
    expect(binOf(item([3, 0], [3, 1], [3, 2], [3, 5], [3, 14]).reviews)).toBe('3250/7/0');
  });
});
