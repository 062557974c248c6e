import { default_w } from 'ts-fsrs';
import { beforeAll, describe, expect, it } from 'vitest';
import { fitParameters } from '../../../src/schedule/optimize/fit-parameters.js';
import type { FsrsOptimizer } from '../../../src/schedule/optimize/fsrs-optimizer.js';
import { trainingItems } from '../../../src/schedule/optimize/training-items.js';
import { loadedOptimizer, UTC } from '../../helpers/loaded-optimizer.js';
import { syntheticLearner, TRUE_WEIGHTS } from '../../helpers/synthetic-learner.js';

let optimizer: FsrsOptimizer;

beforeAll(async () => {
  optimizer = await loadedOptimizer();
});

/**
 * Three learners whose memory follows FSRS-6 with known parameters, each far
 * from the defaults in its own way: long first memories and slow forgetting
 * after a lapse (the helper's learner); short first memories, recalls that
 * lengthen memory little and a flat forgetting curve; and a quick learner with a steep
 * curve whose recalls lengthen memory a lot.
 */
const LEARNERS: { name: string; weights: readonly number[] }[] = [
  { name: 'long first memories', weights: TRUE_WEIGHTS },
  { name: 'short memories, flat curve', weights: [0.05, 0.2, 0.6, 2, ...default_w.slice(4, 8), 1.0, ...default_w.slice(9, 20), 0.1] },
  { name: 'quick, steep curve', weights: [1, 3, 8, 20, default_w[4]!, default_w[5]!, default_w[6]!, default_w[7]!, 2.0, ...default_w.slice(9, 20), 0.4] },
];

describe('fitting synthetic learners with known parameters', () => {
  for (const [n, learner] of LEARNERS.entries()) {
    it(`finds parameters as good as the true ones on 5,000 cards: ${learner.name}`, async () => {
      const log = syntheticLearner({ cards: 5000, reviewsPerCard: 5, start: Date.parse('2023-01-01T00:00:00Z'), seed: 100 + n, weights: learner.weights });
      const set = trainingItems(log.map((c, i) => ({ cardId: i + 1, reviews: c.reviews })), UTC);
      const items = optimizer.prepare(set.items);
      const outcome = await fitParameters(optimizer, items, { relearningSteps: 1 });
      expect(outcome.kind).toBe('all');
      const fitted = optimizer.evaluate(items, outcome.weights!)!.logLoss;
      const truth = optimizer.evaluate(items, learner.weights)!.logLoss;
      // Within 1% of the true parameters' log loss on the same reviews (a fit may even beat them on a finite sample).
      expect(fitted / truth, `log loss: fitted ${fitted.toFixed(5)}, true ${truth.toFixed(5)}`).toBeLessThan(1.01);
      // While the defaults are not: the learner is one a fit has to find.
      expect(optimizer.evaluate(items, default_w)!.logLoss / truth).toBeGreaterThan(1.02);
    });
  }
});
