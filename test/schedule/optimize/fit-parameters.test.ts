import { beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_WEIGHTS, fitParameters, sameWeights } from '../../../src/schedule/optimize/fit-parameters.js';
import { nativePackage, type FsrsOptimizer } from '../../../src/schedule/optimize/fsrs-optimizer.js';
import { trainingItems, type TrainingItem } from '../../../src/schedule/optimize/training-items.js';
import type { Grade } from '../../../src/model/review.js';
import { loadedOptimizer, UTC } from '../../helpers/loaded-optimizer.js';
import { syntheticLearner, TRUE_WEIGHTS } from '../../helpers/synthetic-learner.js';

/** `n` items of a first Good and a second answer a day later, a third of them forgotten. */
function simpleItems(n: number): TrainingItem[] {
  return Array.from({ length: n }, (_, i) => ({
    reviews: [
      { rating: 3 as Grade, deltaT: 0 },
      { rating: (i % 3 === 0 ? 1 : 3) as Grade, deltaT: 1 },
    ],
  }));
}

// Both builds of the optimizer (fsrs-rs native, and fsrs-browser's WebAssembly) pass the same tests.
describe.each(['native', 'wasm'] as const)('the %s optimizer', (backend) => {
  let optimizer: FsrsOptimizer;

  beforeAll(async () => {
    optimizer = await loadedOptimizer(backend);
  });

  describe('fitParameters on a synthetic learner', () => {
    it('fits parameters that predict the learner better than the defaults', async () => {
      const log = syntheticLearner({ cards: 300, reviewsPerCard: 7, start: Date.parse('2024-01-01T00:00:00Z'), seed: 11 });
      const set = trainingItems(log.map((c, i) => ({ cardId: i + 1, reviews: c.reviews })), UTC);
      const items = optimizer.prepare(set.items);
      const outcome = await fitParameters(optimizer, items, { relearningSteps: 1 });
      expect(outcome.kind).toBe('all');
      expect(outcome.note).toBeNull();
      expect(outcome.usable).toBe(set.items.length);
      const fitted = optimizer.evaluate(items, outcome.weights!)!.logLoss;
      const defaults = optimizer.evaluate(items, DEFAULT_WEIGHTS)!.logLoss;
      const truth = optimizer.evaluate(items, TRUE_WEIGHTS)!.logLoss;
      expect(fitted, `log loss: fitted ${fitted.toFixed(4)}, defaults ${defaults.toFixed(4)}, true parameters ${truth.toFixed(4)}`).toBeLessThan(defaults);
      // The learner remembers a first Good far longer than the defaults say: the fit finds that out.
      expect(outcome.weights![2]!).toBeGreaterThan(DEFAULT_WEIGHTS[2]! * 2);
    });
  });

  describe('fitParameters with little history', () => {
    it('keeps the defaults under 8 usable reviews and says how many more are needed', async () => {
      const outcome = await fitParameters(optimizer, optimizer.prepare(simpleItems(7)), { relearningSteps: 1 });
      expect(outcome).toEqual({
        kind: 'too-little',
        weights: null,
        usable: 7,
        note: "not enough history yet: 7 usable reviews, about 1 more needed (a review a day or more after the card's previous one counts).",
      });
    });

    it('fits only the first four parameters under 64 usable reviews', async () => {
      const outcome = await fitParameters(optimizer, optimizer.prepare(simpleItems(30)), { relearningSteps: 1 });
      expect(outcome.kind).toBe('first-four');
      expect(outcome.note).toBe(
        "only the first four parameters (how long a first answer is remembered) were fitted from 30 usable reviews; about 34 more are needed to fit all 21 (a review a day or more after the card's previous one counts).",
      );
      expect(sameWeights(outcome.weights!.slice(4), DEFAULT_WEIGHTS.slice(4))).toBe(true);
      expect(sameWeights(outcome.weights!.slice(0, 4), DEFAULT_WEIGHTS.slice(0, 4))).toBe(false);
    });

    it('reports too little history when the optimizer sets every item aside', async () => {
      // Ten items in one small group of first answer and interval: the optimizer drops them as outliers.
      const outcome = await fitParameters(optimizer, optimizer.prepare(simpleItems(10)), { relearningSteps: 1 });
      expect(outcome.kind).toBe('too-little');
      expect(outcome.weights).toBeNull();
      expect(outcome.note).toMatch(/^not enough history yet: the optimizer kept the defaults for 10 usable reviews/);
    });
  });

  describe('the optimizer wrapper', () => {
    it('refuses an item without an answer a day or more after another, instead of letting the optimizer abort', () => {
      expect(() => optimizer.prepare([{ reviews: [{ rating: 3, deltaT: 0 }, { rating: 3, deltaT: 0 }] }])).toThrow(/a day or more/);
    });

    it('evaluates to null when the optimizer finds too few items to evaluate on', () => {
      expect(optimizer.evaluate(optimizer.prepare(simpleItems(10)), DEFAULT_WEIGHTS)).toBeNull();
      expect(optimizer.evaluate(optimizer.prepare([]), DEFAULT_WEIGHTS)).toBeNull();
    });

  });
});

describe('the native package', () => {
  it('has a native package on linux-x64 only', () => {
    expect(nativePackage('linux', 'x64')).toBe('@open-spaced-repetition/binding-linux-x64-gnu');
    expect(nativePackage('darwin', 'arm64')).toBeNull();
    expect(nativePackage('win32', 'x64')).toBeNull();
  });
});
