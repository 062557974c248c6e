import { weekdayOfStudyDay } from './easy-days.js';

/** How evenly reviews fall over days: their mean, the busiest day, and the standard deviation. */
export interface DailySpread {
  mean: number;
  max: number;
  /** The busiest day over the mean (1 when every day is equal; 0 with no reviews). */
  maxOverMean: number;
  /** The standard deviation of the daily counts. */
  std: number;
}

/** The spread of daily review counts (one a day). */
export function dailySpread(counts: readonly number[]): DailySpread {
  if (counts.length === 0) return { mean: 0, max: 0, maxOverMean: 0, std: 0 };
  const mean = counts.reduce((a, b) => a + b, 0) / counts.length;
  const max = Math.max(...counts);
  const std = Math.sqrt(counts.reduce((a, b) => a + (b - mean) ** 2, 0) / counts.length);
  return { mean, max, maxOverMean: mean > 0 ? max / mean : 0, std };
}

/** The mean of `value` per weekday over study days, Sunday first (0 for a weekday none of the days falls on). */
export function weekdayMeans<T extends { day: number }>(days: readonly T[], value: (d: T) => number): number[] {
  const sum = new Array<number>(7).fill(0);
  const n = new Array<number>(7).fill(0);
  for (const d of days) {
    const w = weekdayOfStudyDay(d.day);
    sum[w]! += value(d);
    n[w]!++;
  }
  return sum.map((s, w) => (n[w]! > 0 ? s / n[w]! : 0));
}
