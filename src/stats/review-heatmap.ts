import type { Heatmap, HeatmapLevel } from './stats-report.js';
import { isoDate, weekdayOf } from './study-date.js';

/** The first day of the heatmap ending `today`: the Monday of the week 52 weeks back. */
export function heatmapStart(today: number): number {
  const yearAgo = today - 52 * 7;
  return yearAgo - weekdayOf(yearAgo);
}

/**
 * A calendar of reviews per study day from {@link heatmapStart} through
 * `today` (53 weeks at most). Days with reviews are shaded 1-4 by quartile of
 * their counts (nearest rank), so a heavy day does not wash out the rest.
 */
export function reviewHeatmap(reviewsByDay: ReadonlyMap<number, number>, today: number): Heatmap {
  const from = heatmapStart(today);
  const counts: number[] = [];
  for (let day = from; day <= today; day++) counts.push(reviewsByDay.get(day) ?? 0);
  const active = counts.filter((n) => n > 0).sort((a, b) => a - b);
  // Upper bounds of shades 1-3 (nearest-rank quartiles); shade 4 takes the rest.
  const bounds = [1, 2, 3].map((q) => active[Math.ceil((q / 4) * active.length) - 1] ?? 0);
  const level = (n: number): number => (n === 0 ? 0 : 1 + bounds.filter((b) => n > b).length);
  const levels: HeatmapLevel[] = [];
  if (active.length > 0) {
    const edges = [0, ...bounds, active[active.length - 1]!];
    for (let l = 1; l <= 4; l++) {
      const min = edges[l - 1]! + 1;
      const max = edges[l]!;
      if (min <= max) levels.push({ level: l, min, max });
    }
  }
  return {
    from: isoDate(from),
    to: isoDate(today),
    days: counts.map((reviews, i) => ({ date: isoDate(from + i), reviews, level: level(reviews) })),
    levels,
    reviews: active.reduce((a, b) => a + b, 0),
    activeDays: active.length,
  };
}
