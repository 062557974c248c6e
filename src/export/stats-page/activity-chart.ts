import type { ActivityDay, ByPhase } from '../../stats/stats-report.js';
import { barChart } from './bar-chart.js';
import { chartData, dateFigure, figure, figureTable } from './figure-table.js';
import { count, counted, duration, longDate, shortDate } from './figure-text.js';

const PHASES: readonly (keyof ByPhase)[] = ['new', 'learning', 'review', 'relearning'];

/**
 * The reviews of each of the last 30 days as bars stacked by the phase each
 * card was in, the time they took as bars in minutes, and the days as a table.
 */
export function activitySection(days: readonly ActivityDay[]): string {
  const label = (i: number) => (i === days.length - 1 ? 'today' : (days.length - 1 - i) % 7 === 0 ? shortDate(days[i]!.date) : null);
  const reviews = days.reduce((n, d) => n + d.reviews, 0);
  const timeMs = days.reduce((n, d) => n + d.timeMs, 0);
  const active = days.filter((d) => d.reviews > 0).length;
  const first = days[0]?.date ?? '';
  const reviewChart = barChart({
    description: `Reviews per day from ${shortDate(first)} to today, by the phase of the card: ${counted(reviews, 'review')} on ${counted(active, 'day')}.`,
    layers: PHASES.map((p) => ({ label: p, className: `s-${p}`, values: days.map((d) => d.byPhase[p]) })),
    barTitle: (i) => {
      const d = days[i]!;
      const parts = PHASES.filter((p) => d.byPhase[p] > 0).map((p) => `${count(d.byPhase[p])} ${p}`);
      return `${longDate(d.date)}: ${counted(d.reviews, 'review')}${parts.length ? ` (${parts.join(', ')})` : ''}`;
    },
    xLabel: label,
    yLabel: (v) => count(v),
    wholeTicks: true,
    marked: days.length - 1,
  });
  const minutes = days.map((d) => d.timeMs / 60_000);
  const timeChart = barChart({
    description: `Time spent reviewing per day from ${shortDate(first)} to today: ${duration(timeMs)} in all.`,
    layers: [{ label: 'time', className: 's-time', values: minutes }],
    barTitle: (i) => `${longDate(days[i]!.date)}: ${duration(days[i]!.timeMs)}`,
    xLabel: label,
    yLabel: (v) => `${count(v)}m`,
    wholeTicks: true,
    marked: days.length - 1,
    height: 140,
  });
  const rows = days.map((d, i) => [
    dateFigure(`activity.${i}.date`, d.date, longDate(d.date)),
    figure(`activity.${i}.reviews`, d.reviews, count(d.reviews)),
    ...PHASES.map((p) => figure(`activity.${i}.byPhase.${p}`, d.byPhase[p], count(d.byPhase[p]))),
    figure(`activity.${i}.again`, d.again, count(d.again)),
    figure(`activity.${i}.timeMs`, d.timeMs, duration(d.timeMs)),
  ]);
  const table = figureTable({ id: 'activity-table', caption: 'Reviews and time per day, by the card’s phase', columns: ['day', 'reviews', ...PHASES, 'again', 'time'] }, rows);
  return [
    `<p class="note">${counted(reviews, 'review')} on ${counted(active, 'day')} in the last ${counted(days.length, 'day')}, ${duration(timeMs)} in all.</p>`,
    ...(reviews === 0
      ? ['<p class="empty">No reviews in these days.</p>']
      : [reviewChart, `<p class="legend" aria-hidden="true">${PHASES.map((p) => `<span class="swatch s-${p}"></span>${p}`).join(' ')}</p>`, `<h3>Time per day</h3>`, timeChart]),
    chartData('The days as a table', table),
  ].join('\n');
}
