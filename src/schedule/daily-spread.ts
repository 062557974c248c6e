import { weekdayOfStudyDay } from './easy-days.js';

/** How evenly reviews fall over days: their mean, the busiest day, and the standard deviation. */
export interface DailySpread {
  mean: number;
  max: number;
  /** The busiest day over the mean (1 when every day is equal; 0 with no reviews). */
  maxOverMean: number;
  /** The standard deviation of the daily counts. */
  std: number;
  /**
   * How much a day differs from the week around it: the root mean square of
   * each day's count less the mean of the seven days centred on it, over the
   * days that have three days on each side (0 with fewer than seven days).
   * Unlike `std`, a workload that grows or shrinks steadily (a new deck's
   * first months) adds nothing to it: it is the day-to-day unevenness the
   * load balancer removes.
   */
  dayToDay: number;
  /** `dayToDay` over the mean of those days' weeks (0 with no reviews): the same, as a share of a day's work. */
  dayToDayShare: number;
}

/** Days on each side of a day in the week it is compared with. */
const HALF_WEEK = 3;

/** The spread of daily review counts (one a day). */
export function dailySpread(counts: readonly number[]): DailySpread {
  if (counts.length === 0) return { mean: 0, max: 0, maxOverMean: 0, std: 0, dayToDay: 0, dayToDayShare: 0 };
  const mean = counts.reduce((a, b) => a + b, 0) / counts.length;
  const max = Math.max(...counts);
  const std = Math.sqrt(counts.reduce((a, b) => a + (b - mean) ** 2, 0) / counts.length);
  let squares = 0;
  let weeks = 0;
  let days = 0;
  for (let i = HALF_WEEK; i + HALF_WEEK < counts.length; i++) {
    let week = 0;
    for (let j = i - HALF_WEEK; j <= i + HALF_WEEK; j++) week += counts[j]!;
    week /= 2 * HALF_WEEK + 1;
    squares += (counts[i]! - week) ** 2;
    weeks += week;
    days++;
  }
  const dayToDay = days > 0 ? Math.sqrt(squares / days) : 0;
  return { mean, max, maxOverMean: mean > 0 ? max / mean : 0, std, dayToDay, dayToDayShare: weeks > 0 ? dayToDay / (weeks / days) : 0 };
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
