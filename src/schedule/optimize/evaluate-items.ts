import type { TrainingItem } from './training-items.js';

/**
 * Log loss and RMSE(bins) of FSRS-6 parameters on training items, computed
 * here rather than by an optimizer package: the WebAssembly build of the
 * optimizer (fsrs-browser) fits but does not evaluate. Each item's prediction
 * is the native optimizer's (fsrs-rs) to about 1e-5 (it works in 32-bit
 * floats, this in 64). The averages are plain: the native evaluation also
 * weights later items more and sets rare first intervals aside, so on a
 * whole log its figures differ from these by up to about 5% (log loss 0.247
 * against 0.259 on one synthetic history). Compare figures from one backend
 * only; both rank parameter sets the same way.
 * - only items with two or more answers a day or more apart count: fsrs-rs
 *   fits the initial stabilities from a card's first such answer separately,
 *   and its evaluation leaves those items out;
 * - each item's last answer is predicted from the memory state its earlier
 *   answers leave (same-day answers update it with FSRS-6's short-term rule);
 * - log loss is the mean binary cross-entropy of that prediction against
 *   whether the answer was a recall (any grade but Again);
 * - RMSE(bins) groups items by interval, number of answers a day or more
 *   apart, and lapses, on logarithmic scales, as fsrs-rs and srs-benchmark do,
 *   and weights each group's squared error by its size.
 */

/** How well parameters predict a log: lower is better for both. */
export interface ItemsEvaluation {
  logLoss: number;
  rmseBins: number;
}

/** Smallest and largest stability fsrs-rs allows, in days. */
const S_MIN = 0.001;
const S_MAX = 36500;
/**
 * Predictions are kept off 0 and 1 only so that the loss stays finite:
 * fsrs-rs does not clamp them (a far-overdue lapse costs 9 or more).
 */
const P_MIN = 1e-9;

/** The memory state FSRS tracks for a card. */
interface Memory {
  stability: number;
  difficulty: number;
}

/**
 * The FSRS-6 memory model for one parameter set (21 numbers): what a card's
 * answers leave in memory, and the chance to recall it some days later.
 */
export class Fsrs6Model {
  private readonly w: readonly number[];
  private readonly decay: number;
  private readonly factor: number;

  constructor(weights: readonly number[]) {
    if (weights.length !== 21) throw new Error(`FSRS-6 has 21 parameters, got ${weights.length}`);
    this.w = weights;
    this.decay = weights[20]!;
    this.factor = Math.pow(0.9, -1 / this.decay) - 1;
  }

  /** The chance to recall after `days` with stability `stability`. */
  retrievability(days: number, stability: number): number {
    return Math.pow(1 + (this.factor * days) / stability, -this.decay);
  }

  /** The memory state after the first `count` answers of `reviews`. */
  memory(reviews: TrainingItem['reviews'], count: number): Memory {
    const w = this.w;
    const first = reviews[0]!.rating;
    let s = clamp(w[first - 1]!, S_MIN, S_MAX);
    let d = clamp(this.initialDifficulty(first), 1, 10);
    for (let i = 1; i < count; i++) {
      const { rating: g, deltaT: t } = reviews[i]!;
      let next: number;
      if (t === 0) {
        // Same-day answers: FSRS-6's short-term rule; in fsrs-rs, Hard, Good and Easy never lower stability.
        let grow = Math.exp(w[17]! * (g - 3 + w[18]!)) * Math.pow(s, -w[19]!);
        if (g >= 2) grow = Math.max(grow, 1);
        next = s * grow;
      } else {
        const r = this.retrievability(t, s);
        next = g === 1 ? this.afterLapse(s, d, r) : this.afterRecall(s, d, r, g);
      }
      // Difficulty moves with every answer, same-day ones included, as in fsrs-rs.
      const moved = d - (w[6]! * (g - 3) * (10 - d)) / 9;
      d = clamp(w[7]! * this.initialDifficulty(4) + (1 - w[7]!) * moved, 1, 10);
      s = clamp(next, S_MIN, S_MAX);
    }
    return { stability: s, difficulty: d };
  }

  /** Unclamped, as fsrs-rs uses it for mean reversion (Easy's can be below 1). */
  private initialDifficulty(g: number): number {
    return this.w[4]! - Math.exp(this.w[5]! * (g - 1)) + 1;
  }

  private afterRecall(s: number, d: number, r: number, g: number): number {
    const w = this.w;
    const hard = g === 2 ? w[15]! : 1;
    const easy = g === 4 ? w[16]! : 1;
    return s * (1 + Math.exp(w[8]!) * (11 - d) * Math.pow(s, -w[9]!) * (Math.exp((1 - r) * w[10]!) - 1) * hard * easy);
  }

  private afterLapse(s: number, d: number, r: number): number {
    const w = this.w;
    const forgotten = w[11]! * Math.pow(d, -w[12]!) * (Math.pow(s + 1, w[13]!) - 1) * Math.exp((1 - r) * w[14]!);
    // With short-term steps, a lapse cannot leave more than the short-term rule would.
    return Math.min(forgotten, s / Math.exp(w[17]! * w[18]!));
  }
}

/**
 * Log loss and RMSE(bins) of `weights` on `items` (each: a card's answers up
 * to the one predicted, which comes a day or more after the one before);
 * null when no item has two answers a day or more apart.
 */
export function evaluateItems(items: readonly TrainingItem[], weights: readonly number[]): ItemsEvaluation | null {
  const model = new Fsrs6Model(weights);
  let loss = 0;
  let n = 0;
  const bins = new Map<string, { predicted: number; actual: number; count: number }>();
  for (const item of items) {
    const r = item.reviews;
    if (longTermCount(r) < 2) continue;
    n++;
    const last = r[r.length - 1]!;
    const memory = model.memory(r, r.length - 1);
    const p = clamp(model.retrievability(last.deltaT, memory.stability), P_MIN, 1 - P_MIN);
    const y = last.rating > 1 ? 1 : 0;
    loss -= y * Math.log(p) + (1 - y) * Math.log(1 - p);
    const key = binOf(r);
    let bin = bins.get(key);
    if (!bin) bins.set(key, (bin = { predicted: 0, actual: 0, count: 0 }));
    bin.predicted += p;
    bin.actual += y;
    bin.count++;
  }
  if (n === 0) return null;
  let squares = 0;
  for (const b of bins.values()) squares += ((b.predicted - b.actual) / b.count) ** 2 * b.count;
  return { logLoss: loss / n, rmseBins: Math.sqrt(squares / n) };
}

/** Answers a day or more after the one before. */
function longTermCount(reviews: TrainingItem['reviews']): number {
  let n = 0;
  for (const x of reviews) if (x.deltaT > 0) n++;
  return n;
}

/**
 * The RMSE bin of an item: its interval, its count of answers a day or more
 * apart (plus one), and its earlier lapses after a day or more, each rounded
 * down to a power of its own base (3.62, 1.89, 1.73: the bases srs-benchmark
 * chose so the bins hold similar numbers of reviews).
 */
export function binOf(reviews: TrainingItem['reviews']): string {
  const last = reviews[reviews.length - 1]!;
  const longTerm = longTermCount(reviews);
  let lapses = 0;
  for (let i = 0; i < reviews.length - 1; i++) if (reviews[i]!.rating === 1 && reviews[i]!.deltaT > 0) lapses++;
  const step = (x: number, scale: number, base: number): number => Math.round(scale * Math.pow(base, Math.floor(Math.log(x) / Math.log(base))));
  const interval = step(last.deltaT, 248, 3.62);
  const length = step(longTerm + 1, 1.99, 1.89);
  return `${interval}/${length}/${lapses === 0 ? 0 : step(lapses, 1.65, 1.73)}`;
}

function clamp(x: number, lo: number, hi: number): number {
  return Math.min(hi, Math.max(lo, x));
}
