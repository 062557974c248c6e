import type { Heatmap } from '../../stats/stats-report.js';
import { svgNumber } from './bar-chart.js';
import { chartData, countFigure, dateFigure, figure, figureTable } from './figure-table.js';
import { count, counted, longDate, monthName } from './figure-text.js';
import { escapeHtml } from './html-text.js';

const CELL = 10;
const STEP = 13;
const LEFT = 30;
const TOP = 16;
const WEEKDAYS = ['Mon', '', 'Wed', '', 'Fri', '', 'Sun'];

/**
 * The year of reviews as a calendar: a column a week (the heatmap starts on a
 * Monday), a row a weekday, shaded 0-4 as `engram stats`; month names above,
 * a legend of the shades, and the days with reviews as a table.
 */
export function heatmapSection(h: Heatmap): string {
  const weeks = Math.ceil(h.days.length / 7);
  const width = LEFT + weeks * STEP;
  const height = TOP + 7 * STEP;
  const summary =
    h.reviews === 0 ? 'No reviews in the last 12 months.' : `${counted(h.reviews, 'review')} on ${counted(h.activeDays, 'day')} from ${longDate(h.from)} to ${longDate(h.to)}.`;
  const svg: string[] = [`<svg class="chart heatmap" role="img" aria-label="${escapeHtml(`Reviews per day as a calendar. ${summary}`)}" viewBox="0 0 ${width} ${height}" width="${width}" height="${height}">`];
  svg.push('<g class="axis">');
  let lastLabel = -4;
  for (let w = 0; w < weeks; w++) {
    const week = h.days.slice(w * 7, w * 7 + 7);
    const first = week.find((d) => d.date.endsWith('-01')) ?? (w === 0 && !h.days.slice(7, 28).some((d) => d.date.endsWith('-01')) ? week[0] : undefined);
    // Names closer than three weeks would run into each other.
    if (!first || w - lastLabel < 3 || w > weeks - 2) continue;
    svg.push(`<text x="${LEFT + w * STEP}" y="${TOP - 5}">${monthName(first.date)}</text>`);
    lastLabel = w;
  }
  WEEKDAYS.forEach((name, row) => {
    if (name) svg.push(`<text x="${LEFT - 5}" y="${svgNumber(TOP + row * STEP + CELL / 2)}" dy="0.32em" text-anchor="end">${name}</text>`);
  });
  svg.push('</g>');
  h.days.forEach((d, i) => {
    const x = LEFT + Math.floor(i / 7) * STEP;
    const y = TOP + (i % 7) * STEP;
    svg.push(`<rect class="h${d.level}" x="${x}" y="${y}" width="${CELL}" height="${CELL}" rx="2"><title>${escapeHtml(`${longDate(d.date)}: ${counted(d.reviews, 'review')}`)}</title></rect>`);
  });
  svg.push('</svg>');

  const legend = [`<span class="swatch h0"></span>none`, ...h.levels.map((l) => `<span class="swatch h${l.level}"></span>${l.min === l.max ? count(l.min) : `${count(l.min)}–${count(l.max)}`}`)];
  const rows = h.days.flatMap((d, i) => (d.reviews > 0 ? [[dateFigure(`heatmap.days.${i}.date`, d.date, longDate(d.date)), figure(`heatmap.days.${i}.reviews`, d.reviews, count(d.reviews))]] : []));
  const table = figureTable({ id: 'heatmap-table', caption: `Days with reviews since ${longDate(h.from)}`, columns: ['day', 'reviews'] }, rows);
  return [
    `<p class="note">${h.reviews === 0 ? 'No reviews in the last 12 months.' : `${countFigure('heatmap.reviews', h.reviews, 'review')} on ${countFigure('heatmap.activeDays', h.activeDays, 'day')} of the last ${counted(h.days.length, 'day')}.`}</p>`,
    `<div class="scroll recent">${svg.join('\n')}</div>`,
    `<p class="legend" aria-hidden="true">reviews a day: ${legend.join(' ')}</p>`,
    h.reviews === 0 ? '' : chartData(`The ${counted(h.activeDays, 'day')} with reviews as a table`, table),
  ].join('\n');
}
