import type { Forecast } from '../../stats/stats-report.js';
import { barChart } from './bar-chart.js';
import { chartData, countFigure, dateFigure, figure, figureTable } from './figure-table.js';
import { count, counted, longDate, shortDate } from './figure-text.js';

/**
 * Cards due on each of today and the next 30 days as bars, today's overdue
 * backlog stacked under today's; the days as a table.
 */
export function forecastSection(f: Forecast): string {
  const chart = barChart({
    description: `Cards due per day, today and the next 30 days: today ${counted(f.days[0]?.due ?? 0, 'card')} (${count(f.overdue)} overdue), ${counted(f.next30, 'card')} in the next 30 days.`,
    layers: [
      { label: 'overdue', className: 's-overdue', values: f.days.map((_, i) => (i === 0 ? f.overdue : 0)) },
      { label: 'due', className: 's-due', values: f.days.map((d, i) => (i === 0 ? d.due - f.overdue : d.due)) },
    ],
    barTitle: (i) => `${i === 0 ? 'today' : longDate(f.days[i]!.date)}: ${counted(f.days[i]!.due, 'card')} due${i === 0 && f.overdue > 0 ? `, ${count(f.overdue)} overdue` : ''}`,
    xLabel: (i) => (i === 0 ? 'today' : i % 7 === 0 ? shortDate(f.days[i]!.date) : null),
    yLabel: (v) => count(v),
    wholeTicks: true,
    marked: 0,
  });
  const rows = f.days.map((d, i) => [dateFigure(`forecast.days.${i}.date`, d.date, i === 0 ? `today, ${longDate(d.date)}` : longDate(d.date)), figure(`forecast.days.${i}.due`, d.due, count(d.due))]);
  const table = figureTable({ id: 'forecast-table', caption: 'Cards due per day (today’s takes in the overdue)', columns: ['day', 'due'] }, rows);
  return [
    `<p class="note">Today ${countFigure('forecast.days.0.due', f.days[0]?.due ?? 0, 'card')}, ${figure('forecast.overdue', f.overdue, count(f.overdue))} of them overdue; ${countFigure('forecast.next30', f.next30, 'card')} in the next 30 days.</p>`,
    ...(f.days.some((d) => d.due > 0)
      ? [chart, `<p class="legend" aria-hidden="true"><span class="swatch s-due"></span>due <span class="swatch s-overdue"></span>overdue</p>`]
      : ['<p class="empty">Nothing is due in the next 30 days.</p>']),
    chartData('The days as a table', table),
  ].join('\n');
}
