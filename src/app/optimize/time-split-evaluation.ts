import { DEFAULT_WEIGHTS, fitParameters } from '../../schedule/optimize/fit-parameters.js';
import { benchmarkMetrics, recallPredictor, type BenchmarkMetrics, type Prediction } from '../../schedule/optimize/benchmark-metrics.js';
import type { FsrsOptimizer } from '../../schedule/optimize/fsrs-optimizer.js';
import { timeSeriesSplits, SPLITS } from '../../schedule/optimize/time-series-split.js';
import type { LoggedTrainingItem } from '../../schedule/optimize/training-items.js';

/** What `engram optimize --evaluate` found: the parameters scored on later reviews than they were fitted on. */
export interface TimeSplitEvaluation {
  /** Usable reviews (items) in time order, and how many of them were predicted (the last `splits` parts). */
  items: number;
  tested: number;
  splits: number;
  /** Of the fits on each split's earlier reviews, how many had too little history and predicted with the defaults. */
  fitsOnDefaults: number;
  defaults: BenchmarkMetrics;
  current: BenchmarkMetrics;
  /** Each part predicted by the parameters fitted on the parts before it. */
  fitted: BenchmarkMetrics;
}

/**
 * Scores the current, the default and freshly fitted parameters on the
 * user's history as srs-benchmark does: usable reviews (answers a day or
 * more after the card's previous one, each with the card's answers before
 * it, same-day ones included) ordered by time and cut by scikit-learn's
 * TimeSeriesSplit into 6 parts; for each of the last 5, parameters are
 * fitted on every review before it and predict it. All the predictions of
 * those 5 parts are pooled into one log loss and one RMSE(bins)
 * ({@link benchmarkMetrics}); the current and default parameters predict
 * the same reviews (nothing to fit). `currentWeights` gives each item's
 * parameters in use now (a deck's own, else the global ones). Null when
 * there are fewer items than parts. Rejects with Error when the optimizer
 * fails.
 */
export async function evaluateOnTimeSplit(
  optimizer: FsrsOptimizer,
  items: readonly LoggedTrainingItem[],
  currentWeights: (item: LoggedTrainingItem) => readonly number[],
  relearningSteps: number,
): Promise<TimeSplitEvaluation | null> {
  // Stable: items answered at the same moment keep the log's order.
  const ordered = [...items].sort((a, b) => a.at - b.at);
  const splits = timeSeriesSplits(ordered.length, SPLITS);
  if (splits.length === 0) return null;
  const predictors = new Map<string, (item: LoggedTrainingItem) => number>();
  const predictorOf = (weights: readonly number[]) => {
    const key = weights.join(',');
    let p = predictors.get(key);
    if (!p) predictors.set(key, (p = recallPredictor(weights)));
    return p;
  };
  const fitted: Prediction[] = [];
  const current: Prediction[] = [];
  const defaults: Prediction[] = [];
  let fitsOnDefaults = 0;
  for (const split of splits) {
    const train = ordered.slice(0, split.testStart);
    const outcome = await fitParameters(optimizer, optimizer.prepare(train), { relearningSteps });
    if (outcome.weights === null) fitsOnDefaults++;
    const predictFitted = predictorOf(outcome.weights ?? DEFAULT_WEIGHTS);
    const predictDefault = predictorOf(DEFAULT_WEIGHTS);
    for (const item of ordered.slice(split.testStart, split.testEnd)) {
      fitted.push({ item, recall: predictFitted(item) });
      current.push({ item, recall: predictorOf(currentWeights(item))(item) });
      defaults.push({ item, recall: predictDefault(item) });
    }
  }
  return {
    items: ordered.length,
    tested: fitted.length,
    splits: splits.length,
    fitsOnDefaults,
    defaults: benchmarkMetrics(defaults)!,
    current: benchmarkMetrics(current)!,
    fitted: benchmarkMetrics(fitted)!,
  };
}
