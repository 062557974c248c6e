import type { ReviewTally } from './stats-input.js';
import type { RetentionFigures } from './stats-report.js';
import { isoDate, weekdayOf } from './study-date.js';
import { ratio } from './true-retention.js';

/** Weeks true retention is followed over, this week included. */
export const RETENTION_WEEKS = 26;

/**
 * True retention (see trueRetention) week by week, Monday to Sunday as the
 * heatmap's columns, over the {@link RETENTION_WEEKS} weeks ending with this
 * one (which ends `today`), oldest first; a week without reviews of cards in
 * review has null rates. One pass over the tallies.
 */
export function weeklyRetention(tallies: Iterable<ReviewTally>, today: number): RetentionFigures[] {
  const thisMonday = today - weekdayOf(today);
  const first = thisMonday - (RETENTION_WEEKS - 1) * 7;
  // [youngPassed, young, maturePassed, mature] a week.
  const sums = Array.from({ length: RETENTION_WEEKS }, () => [0, 0, 0, 0]);
  for (const t of tallies) {
    if (t.stateBefore !== 2 || t.day < first || t.day > today) continue;
    const s = sums[Math.floor((t.day - first) / 7)]!;
    const at = t.mature ? 2 : 0;
    s[at + 1]! += t.reviews;
    if (t.passed) s[at]! += t.reviews;
  }
  return sums.map(([yp, y, mp, m], i) => {
    const from = first + i * 7;
    const to = Math.min(from + 6, today);
    return {
      days: to - from + 1,
      from: isoDate(from),
      to: isoDate(to),
      young: ratio(yp!, y!),
      mature: ratio(mp!, m!),
      all: ratio(yp! + mp!, y! + m!),
    };
  });
}
