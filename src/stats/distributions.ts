import type { Bucket, Distribution } from './stats-report.js';

/** Day ranges for intervals and stability: `[from, to)`; 21 days is where a card turns mature. */
const DAY_BUCKETS: readonly [label: string, from: number, to: number | null][] = [
  ['< 1d', 0, 1],
  ['1d', 1, 2],
  ['2-3d', 2, 4],
  ['4-7d', 4, 8],
  ['8-14d', 8, 15],
  ['15-20d', 15, 21],
  ['21-30d', 21, 31],
  ['1-3mo', 31, 91],
  ['3-6mo', 91, 181],
  ['6-12mo', 181, 366],
  ['> 1y', 366, null],
];

/** Difficulty 1-10, in ten bands of its value rounded to a whole number. */
const DIFFICULTY_BUCKETS: readonly [label: string, from: number, to: number | null][] = Array.from({ length: 10 }, (_, i) => {
  const d = i + 1;
  return [String(d), d === 1 ? 1 : d - 0.5, d === 10 ? null : d + 0.5] as const;
});

function distribution(of: string, values: readonly number[], ranges: readonly [string, number, number | null][]): Distribution {
  // A typed array sorts numbers natively: collections run to tens of thousands of cards.
  const sorted = Float64Array.from(values).sort();
  const n = sorted.length;
  // Each bucket ends where its upper bound would be inserted: a binary search per
  // bucket, not a step per card (this runs once per command, mostly uncompiled).
  let start = 0;
  const buckets: Bucket[] = ranges.map(([label, from, to]) => {
    const end = to === null ? n : firstAtLeast(sorted, to, start);
    const bucket = { label, from, to, cards: end - start };
    start = end;
    return bucket;
  });
  return {
    of,
    cards: n,
    mean: n ? compensatedSum(sorted) / n : null,
    median: n ? (n % 2 ? sorted[(n - 1) / 2]! : (sorted[n / 2 - 1]! + sorted[n / 2]!) / 2) : null,
    buckets,
  };
}

/**
 * The sum of `values` in their order with Kahan-Babuska-Neumaier compensation:
 * what SQLite's sum() gives over the same values in the same order (the store
 * sums large collections there, see store/card-figure-queries.ts).
 */
export function compensatedSum(values: ArrayLike<number>): number {
  let sum = 0;
  let err = 0;
  for (let i = 0; i < values.length; i++) {
    const v = values[i]!;
    const t = sum + v;
    err += Math.abs(sum) > Math.abs(v) ? sum - t + v : v - t + sum;
    sum = t;
  }
  return sum + err;
}

/** A distribution's raw figures: values per bucket, how many, their sum and their median. */
export interface CountedValues {
  /** Values per bucket: bucket i holds values from bound i-1 (inclusive) up to bound i (the last is open). */
  counts: number[];
  cards: number;
  /** Summed in ascending order with compensation, as SQLite's total() sums them in that order. */
  sum: number;
  /** The middle value, or the mean of the two middle ones; null with no values. */
  median: number | null;
}

/** The figures of `values` (sorted in place) counted into the buckets split at `bounds` (ascending upper bounds). */
export function countValues(values: Float64Array, bounds: readonly number[]): CountedValues {
  const sorted = values.sort();
  const n = sorted.length;
  let start = 0;
  const counts = bounds.map((bound) => {
    const end = firstAtLeast(sorted, bound, start);
    const inBucket = end - start;
    start = end;
    return inBucket;
  });
  counts.push(n - start);
  if (n === 0) return { counts, cards: 0, sum: 0, median: null };
  const median = n % 2 ? sorted[(n - 1) / 2]! : (sorted[n / 2 - 1]! + sorted[n / 2]!) / 2;
  return { counts, cards: n, sum: compensatedSum(sorted), median };
}

/** The upper bounds of the buckets of a distribution (the last bucket has none). */
export function bucketBounds(of: 'days' | 'difficulty'): number[] {
  return (of === 'days' ? DAY_BUCKETS : DIFFICULTY_BUCKETS).flatMap(([, , to]) => (to === null ? [] : [to]));
}

/** A distribution from counts per bucket (of {@link bucketBounds}), the number of values, their sum and median. */
export function distributionFromCounts(
  what: 'intervals' | 'stability' | 'difficulty',
  h: { counts: readonly number[]; cards: number; sum: number; median: number | null },
): Distribution {
  const ranges = what === 'difficulty' ? DIFFICULTY_BUCKETS : DAY_BUCKETS;
  return {
    of: what === 'intervals' ? INTERVALS_OF : REVIEWED_OF,
    cards: h.cards,
    mean: h.cards ? h.sum / h.cards : null,
    median: h.cards ? h.median : null,
    buckets: ranges.map(([label, from, to], i) => ({ label, from, to, cards: h.counts[i] ?? 0 })),
  };
}

const INTERVALS_OF = 'cards in review, not archived';
const REVIEWED_OF = 'reviewed cards, not archived';

/** The index of the first value of `sorted` (ascending) from `from` on that is at least `bound`; its length when none is. */
function firstAtLeast(sorted: Float64Array, bound: number, from: number): number {
  let lo = from;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (sorted[mid]! < bound) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Current intervals (days to the next review when last scheduled) of cards in review. */
export function intervalDistribution(intervals: number[]): Distribution {
  return distribution(INTERVALS_OF, intervals, DAY_BUCKETS);
}

/** FSRS stability (days for recall to fall to 90%) of reviewed cards. */
export function stabilityDistribution(stabilities: number[]): Distribution {
  return distribution(REVIEWED_OF, stabilities, DAY_BUCKETS);
}

/** FSRS difficulty (1 easiest - 10 hardest) of reviewed cards. */
export function difficultyDistribution(difficulties: number[]): Distribution {
  return distribution(REVIEWED_OF, difficulties, DIFFICULTY_BUCKETS);
}
