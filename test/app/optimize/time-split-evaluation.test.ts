import { beforeAll, describe, expect, it } from 'vitest';
import { evaluateOnTimeSplit } from '../../../src/app/optimize/time-split-evaluation.js';
import { DEFAULT_WEIGHTS } from '../../../src/schedule/optimize/fit-parameters.js';
import { benchmarkMetrics, recallPredictor } from '../../../src/schedule/optimize/benchmark-metrics.js';
import type { FsrsOptimizer } from '../../../src/schedule/optimize/fsrs-optimizer.js';
import { trainingItems } from '../../../src/schedule/optimize/training-items.js';
import { loadedOptimizer, UTC } from '../../helpers/loaded-optimizer.js';
import { syntheticLearner, TRUE_WEIGHTS } from '../../helpers/synthetic-learner.js';

let optimizer: FsrsOptimizer;

beforeAll(async () => {
  optimizer = await loadedOptimizer();
});

/** 600 cards of the synthetic learner (true parameters known), as a log. */
function learnerItems() {
  const log = syntheticLearner({ cards: 600, reviewsPerCard: 5, start: Date.parse('2024-01-01T00:00:00Z'), seed: 5 });
  return trainingItems(log.map((c, i) => ({ cardId: i + 1, reviews: c.reviews })), UTC).items;
}

describe('evaluateOnTimeSplit', () => {
  it('predicts the last five of six parts in time order, each with parameters fitted on what came before', async () => {
    const items = learnerItems();
    const e = (await evaluateOnTimeSplit(optimizer, items, () => DEFAULT_WEIGHTS, 1))!;
    const part = Math.floor(items.length / 6);
    expect(e).toMatchObject({ items: items.length, tested: 5 * part, splits: 5, fitsOnDefaults: 0 });
    // The current parameters are the defaults here: the same predictions, the same figures.
    expect(e.current).toEqual(e.defaults);
    // The tested reviews are the latest ones: the defaults scored on them alone give the same figures.
    const latest = [...items].sort((a, b) => a.at - b.at).slice(items.length - 5 * part);
    const predict = recallPredictor(DEFAULT_WEIGHTS);
    expect(benchmarkMetrics(latest.map((item) => ({ item, recall: predict(item) })))).toEqual(e.defaults);
    // Fitted on earlier reviews only, the parameters still predict later ones better than the defaults.
    expect(e.fitted.logLoss, `fitted ${e.fitted.logLoss}, defaults ${e.defaults.logLoss}`).toBeLessThan(e.defaults.logLoss);
    expect(e.fitted.count).toBe(5 * part);
  });

  it("scores each item with the parameters it is scheduled with now", async () => {
    const items = learnerItems();
    const e = (await evaluateOnTimeSplit(optimizer, items, () => TRUE_WEIGHTS, 1))!;
    // The learner's true parameters predict it better than anything fitted on part of its history.
    expect(e.current.logLoss).toBeLessThan(e.fitted.logLoss);
    expect(e.current.logLoss).toBeLessThan(e.defaults.logLoss);
  });

  it('is null with fewer usable reviews than parts, and predicts with the defaults where a fit had too little before it', async () => {
    const items = learnerItems();
    expect(await evaluateOnTimeSplit(optimizer, items.slice(0, 5), () => DEFAULT_WEIGHTS, 1)).toBeNull();
    // 30 items: parts of 5, the first fit has 5 items before it (under 8: nothing fitted).
    const few = (await evaluateOnTimeSplit(optimizer, items.slice(0, 30), () => DEFAULT_WEIGHTS, 1))!;
    expect(few).toMatchObject({ items: 30, tested: 25, splits: 5 });
    expect(few.fitsOnDefaults).toBeGreaterThanOrEqual(1);
  });
});
