import { describe, expect, it } from 'vitest';
import { DEFAULT_WEIGHTS } from '../../../src/schedule/optimize/fit-parameters.js';
import { benchmarkMetrics, recallPredictor } from '../../../src/schedule/optimize/benchmark-metrics.js';
import { timeSeriesSplits } from '../../../src/schedule/optimize/time-series-split.js';
import type { TrainingItem } from '../../../src/schedule/optimize/training-items.js';
import type { Grade } from '../../../src/model/review.js';
import { loadedOptimizer } from '../../helpers/loaded-optimizer.js';

/** An item from [rating, days since the previous answer] pairs. */
function item(...answers: [Grade, number][]): TrainingItem {
  return { reviews: answers.map(([rating, deltaT]) => ({ rating, deltaT })) };
}

describe('timeSeriesSplits', () => {
  it("cuts as scikit-learn's TimeSeriesSplit(n_splits=5): six parts, the first only trained on", () => {
    // 20 items: parts of floor(20 / 6) = 3, the first takes the rest (5).
    expect(timeSeriesSplits(20)).toEqual([
      { testStart: 5, testEnd: 8 },
      { testStart: 8, testEnd: 11 },
      { testStart: 11, testEnd: 14 },
      { testStart: 14, testEnd: 17 },
      { testStart: 17, testEnd: 20 },
    ]);
    expect(timeSeriesSplits(12, 2)).toEqual([
      { testStart: 4, testEnd: 8 },
      { testStart: 8, testEnd: 12 },
    ]);
  });

  it('makes no split from fewer items than parts', () => {
    expect(timeSeriesSplits(5)).toEqual([]);
    expect(timeSeriesSplits(6)).toHaveLength(5);
  });
});

describe('benchmarkMetrics', () => {
  it('is the mean cross-entropy, and the RMSE between mean prediction and recall share per bin', () => {
    // Two items in one bin (interval 5 days, second answer, no lapse), one recalled: mean prediction 0.7, share 0.5.
    const a = item([3, 0], [3, 5]);
    const b = item([3, 0], [1, 5]);
    // A third in another bin (interval 20 days): predicted 0.9, recalled.
    const c = item([3, 0], [3, 20]);
    const m = benchmarkMetrics([
      { item: a, recall: 0.8 },
      { item: b, recall: 0.6 },
      { item: c, recall: 0.9 },
    ])!;
    expect(m.count).toBe(3);
    expect(m.logLoss).toBeCloseTo(-(Math.log(0.8) + Math.log(0.4) + Math.log(0.9)) / 3, 12);
    expect(m.rmseBins).toBeCloseTo(Math.sqrt((2 * 0.2 ** 2 + 1 * 0.1 ** 2) / 3), 12);
  });

  it("bins by srs-benchmark's three scales: interval (×3.62), position in the history (×1.89), lapses (none, then ×1.73)", () => {
    // Both recalled, one predicted 0 and the other 1: binned together their errors half cancel (RMSE 0.5), apart they do not (√0.5).
    const score = (x: TrainingItem, y: TrainingItem) =>
      benchmarkMetrics([
        { item: x, recall: 0 },
        { item: y, recall: 1 },
      ])!.rmseBins;
    // Intervals 4 and 13 days: both in [3.62, 13.1); 3 and 4 are not.
    expect(score(item([3, 0], [3, 4]), item([3, 0], [3, 13]))).toBeCloseTo(Math.sqrt(0.25), 12);
    expect(score(item([3, 0], [3, 3]), item([3, 0], [3, 4]))).toBeCloseTo(Math.sqrt(0.5), 12);
    // Second and third answers: 2 and 3 are both in [1.89, 3.57).
    expect(score(item([3, 0], [3, 4]), item([3, 0], [3, 0], [3, 4]))).toBeCloseTo(Math.sqrt(0.25), 12);
    // A lapse (Again a day or more later) is a bin apart from none; a first answer Again is no lapse.
    expect(score(item([1, 0], [3, 4], [3, 4]), item([3, 0], [3, 4], [3, 4]))).toBeCloseTo(Math.sqrt(0.25), 12);
    expect(score(item([3, 0], [1, 4], [3, 4]), item([3, 0], [3, 4], [3, 4]))).toBeCloseTo(Math.sqrt(0.5), 12);
  });

  it('keeps a sure miss finite', () => {
    expect(benchmarkMetrics([{ item: item([3, 0], [1, 5]), recall: 1 }])!.logLoss).toBeCloseTo(-Math.log(1e-7), 6);
    expect(benchmarkMetrics([])).toBeNull();
  });
});

describe('recallPredictor', () => {
  it("predicts as the optimizer's own evaluation does, same-day answers included", async () => {
    const optimizer = await loadedOptimizer();
    // Items whose predicted answer follows an earlier one a day or more after the first: the optimizer
    // sets rare first intervals aside when it evaluates, so those are compared one at a time here.
    const items = [item([3, 0], [3, 4], [3, 10]), item([2, 0], [3, 2], [1, 7], [3, 0], [3, 2]), item([1, 0], [3, 0], [3, 1], [4, 6]), item([4, 0], [3, 9], [2, 30])];
    for (const weights of [DEFAULT_WEIGHTS, [...DEFAULT_WEIGHTS.slice(0, 20), 0.5]]) {
      const predict = recallPredictor(weights);
      for (const x of items) {
        const ours = benchmarkMetrics([{ item: x, recall: predict(x) }])!.logLoss;
        const theirs = optimizer.evaluate(optimizer.prepare([x]), weights)!.logLoss;
        expect(Math.abs(ours - theirs), JSON.stringify(x.reviews)).toBeLessThan(1e-6);
      }
    }
  });
});
