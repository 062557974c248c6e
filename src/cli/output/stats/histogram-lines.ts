import type { Distribution } from '../../../stats/stats-report.js';
import { sectionTitle } from './section-title.js';
import { bar, count } from './stats-figures.js';
import { barColor, type StatsStyle } from './stats-style.js';

/**
 * A distribution as a titled horizontal bar chart in `width` cells: a row per
 * bucket with its label and count.
 */
export function histogramLines(title: string, note: string, d: Distribution, width: number, style: StatsStyle): string[] {
  const head = sectionTitle(style, title, d.cards === 0 ? '' : note);
  if (d.cards === 0) return [head, `  none yet`];
  const label = Math.max(...d.buckets.map((b) => b.label.length));
  const numbers = Math.max(...d.buckets.map((b) => count(b.cards).length));
  const max = Math.max(...d.buckets.map((b) => b.cards));
  const barWidth = Math.max(1, width - 2 - label - numbers - 2);
  return [
    head,
    ...d.buckets.map((b) => {
      const drawn = bar(b.cards, max, barWidth);
      return `  ${b.label.padStart(label)} ${barColor(style, drawn)}${' '.repeat(barWidth - [...drawn].length)} ${count(b.cards).padStart(numbers)}`;
    }),
  ];
}
