import type { Heatmap } from '../../../stats/stats-report.js';
import { sectionTitle } from './section-title.js';
import { count, days } from './stats-figures.js';
import { shade, type StatsStyle } from './stats-style.js';

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const ROWS = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'];
/** Indent and weekday label before the first week. */
const LEFT = 6;

/**
 * The year of reviews as a calendar: a row per weekday, a column per week
 * (oldest left), month names above, and a legend of the shades. Weeks that do
 * not fit in `style.width` are dropped from the old end.
 */
export function heatmapLines(h: Heatmap, style: StatsStyle): string[] {
  if (h.reviews === 0) return [sectionTitle(style, 'Reviews per day, last 12 months'), '  no reviews yet'];
  const title = sectionTitle(style, 'Reviews per day, last 12 months', `${count(h.reviews)} reviews on ${count(h.activeDays)} of ${days(h.days.length)}`);
  const allWeeks = Math.ceil(h.days.length / 7);
  const weeks = Math.max(1, Math.min(allWeeks, style.width - LEFT));
  const first = allWeeks - weeks;
  const week = (w: number) => h.days.slice((first + w) * 7, (first + w) * 7 + 7);

  const labels = new Array<string>(weeks).fill(' ');
  let free = 0;
  for (let w = 0; w < weeks; w++) {
    const firstOfMonth = week(w).find((d) => d.date.endsWith('-01'));
    // The oldest column is named even without a 1st in it, when no 1st follows too close.
    const roomy = w === 0 && ![1, 2, 3].some((n) => week(n).some((d) => d.date.endsWith('-01')));
    const named = firstOfMonth ?? (roomy ? week(0)[0] : undefined);
    if (!named || w < free || w + 3 > weeks) continue;
    const name = MONTHS[Number(named.date.slice(5, 7)) - 1]!;
    for (let i = 0; i < 3; i++) labels[w + i] = name[i]!;
    free = w + 4;
  }

  const out = [title, `${' '.repeat(LEFT)}${labels.join('')}`.trimEnd()];
  for (let row = 0; row < 7; row++) {
    let line = `  ${ROWS[row]} `;
    // Days after today have no cell; a run of one shade is coloured once.
    for (let w = 0; w < weeks; ) {
      const level = week(w)[row]?.level;
      if (level === undefined) break;
      let run = 1;
      while (w + run < weeks && week(w + run)[row]?.level === level) run++;
      line += shade(style, level, run);
      w += run;
    }
    out.push(line);
  }
  const legend = [`${shade(style, 0)} 0`, ...h.levels.map((l) => `${shade(style, l.level)} ${l.min === l.max ? count(l.min) : `${count(l.min)}-${count(l.max)}`}`)];
  out.push(`${' '.repeat(LEFT)}${legend.join('  ')}`);
  return out;
}
