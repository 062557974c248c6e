import type { RetentionFigures } from '../../../stats/stats-report.js';
import { figureColumns, formatTable } from '../format-table.js';
import { sectionTitle } from './section-title.js';
import { count, percent } from './stats-figures.js';
import type { StatsStyle } from './stats-style.js';

function period(days: number): string {
  return days === 1 ? 'today' : `${days} days`;
}

/** True retention per period, young and mature, against the desired retention. */
export function retentionLines(periods: readonly RetentionFigures[], desired: number, style: StatsStyle): string[] {
  const title = sectionTitle(style, 'True retention', `reviews of cards in review passed; desired ${percent(desired)}`);
  if (periods.every((p) => p.all.reviews === 0)) return [title, '  no reviews of cards in review yet'];
  const columns = [
    { header: 'period' },
    ...figureColumns('young', 'reviews', 'mature', 'reviews', 'all', 'reviews'),
  ];
  const rows = periods.map((p) => [
    period(p.days),
    percent(p.young.rate),
    count(p.young.reviews),
    percent(p.mature.rate),
    count(p.mature.reviews),
    percent(p.all.rate),
    count(p.all.reviews),
  ]);
  return [title, ...formatTable(columns, rows, style.width - 2).map((l) => `  ${l}`), '  young: interval under 21 days; mature: 21 days or more'];
}
