import { FSRSAlgorithm, generatorParameters, type Grade as FsrsGrade } from 'ts-fsrs';
import type { TrainingItem } from './training-items.js';

/** Log loss and RMSE(bins) over a set of predictions, as srs-benchmark computes them. */
export interface BenchmarkMetrics {
  /** Mean binary cross-entropy of the predicted recall against what happened (lower is better). */
  logLoss: number;
  /** RMSE between mean predicted and mean actual recall over srs-benchmark's bins, weighted by their sizes (0-1). */
  rmseBins: number;
  /** Predictions scored. */
  count: number;
}

/** One scored prediction: the item predicted and the recall chance given to its last answer. */
export interface Prediction {
  item: TrainingItem;
  recall: number;
}

/** Predictions are kept this far from 0 and 1, so one confident miss cannot make the log loss infinite. */
const EPSILON = 1e-7;

/**
 * A predictor of FSRS-6 with `weights`: the chance to recall an item's last
 * answer after its interval, from the memory state its earlier answers build
 * (same-day answers included, through FSRS-6's short-term formula, as the
 * optimizer trains on them). ts-fsrs's own algorithm, so what the scheduler
 * uses is what is scored.
 */
export function recallPredictor(weights: readonly number[]): (item: TrainingItem) => number {
  const algorithm = new FSRSAlgorithm(generatorParameters({ w: [...weights], enable_fuzz: false, enable_short_term: true }));
  return (item) => {
    const answers = item.reviews;
    let memory: { stability: number; difficulty: number } | null = null;
    for (let i = 0; i < answers.length - 1; i++) memory = algorithm.next_state(memory, answers[i]!.deltaT, answers[i]!.rating as FsrsGrade);
    return memory === null ? 0.5 : algorithm.forgetting_curve(answers[answers.length - 1]!.deltaT, memory.stability);
  };
}

/**
 * Log loss and RMSE(bins) of predictions, as open-spaced-repetition's
 * srs-benchmark scores a model. An answer other than Again counts as
 * recalled. RMSE(bins) groups the predictions by three things, each on a
 * logarithmic scale: the interval in days (bins of powers of 3.62), the
 * answer's position in the card's history counting same-day answers (powers
 * of 1.89), and the lapses before it (Again a day or more after the previous
 * answer; none is a bin of its own, then powers of 1.73); within each bin it
 * compares the mean prediction with the share recalled, and weighs the
 * squared difference by the bin's size. Null for no predictions.
 */
export function benchmarkMetrics(predictions: readonly Prediction[]): BenchmarkMetrics | null {
  if (predictions.length === 0) return null;
  let loss = 0;
  const bins = new Map<string, { n: number; p: number; y: number }>();
  for (const { item, recall } of predictions) {
    const answers = item.reviews;
    const last = answers[answers.length - 1]!;
    const y = last.rating > 1 ? 1 : 0;
    const p = Math.min(1 - EPSILON, Math.max(EPSILON, recall));
    loss -= y * Math.log(p) + (1 - y) * Math.log(1 - p);
    let lapses = 0;
    for (let i = 0; i < answers.length - 1; i++) if (answers[i]!.rating === 1 && answers[i]!.deltaT > 0) lapses++;
    const key = `${logBin(last.deltaT, 3.62)},${logBin(answers.length, 1.89)},${lapses === 0 ? 'none' : logBin(lapses, 1.73)}`;
    let bin = bins.get(key);
    if (!bin) bins.set(key, (bin = { n: 0, p: 0, y: 0 }));
    bin.n++;
    bin.p += recall;
    bin.y += y;
  }
  let squares = 0;
  for (const b of bins.values()) squares += b.n * (b.y / b.n - b.p / b.n) ** 2;
  return { logLoss: loss / predictions.length, rmseBins: Math.sqrt(squares / predictions.length), count: predictions.length };
}

/** Which power of `base` `x` (≥ 1) falls under: srs-benchmark's bins, named by their exponent instead of their rounded start. */
function logBin(x: number, base: number): number {
  return Math.floor(Math.log(x) / Math.log(base));
}
