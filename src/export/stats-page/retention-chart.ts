import { scaleBand, scaleLinear } from 'd3-scale';
import { line } from 'd3-shape';
import type { RetentionFigures } from '../../stats/stats-report.js';
import { CHART_WIDTH, svgNumber } from './bar-chart.js';
import { chartData, dateFigure, figure, figureTable } from './figure-table.js';
import { count, counted, percent, shortDate } from './figure-text.js';
import { escapeHtml } from './html-text.js';

const HEIGHT = 200;
const MARGIN = { top: 12, right: 8, bottom: 22, left: 44 };

/** What the periods of `engram stats` (1, 7, 30, 365 days) are called. */
function periodName(days: number): string {
  return days === 1 ? 'today' : `${count(days)} days`;
}

/** The cells of one {@link RetentionFigures} under `path`: young, mature and all, each a rate and a count. */
function ratioCells(path: string, r: RetentionFigures): string[] {
  return (['young', 'mature', 'all'] as const).flatMap((k) => [figure(`${path}.${k}.rate`, r[k].rate, percent(r[k].rate)), figure(`${path}.${k}.reviews`, r[k].reviews, count(r[k].reviews))]);
}

const COLUMNS = ['young', 'reviews', 'mature', 'reviews', 'all', 'reviews'];

/**
 * True retention: the table of `engram stats` (today, 7, 30, 365 days), then
 * the weekly rate as a line (d3-shape; weeks without reviews of cards in
 * review leave a gap) against the desired retention, and the weeks as a table.
 */
export function retentionSection(periods: readonly RetentionFigures[], weeks: readonly RetentionFigures[], desired: number): string {
  const periodTable = figureTable(
    { id: 'retention-table', caption: 'True retention by period', columns: ['period', ...COLUMNS] },
    periods.map((p, i) => [escapeHtml(periodName(p.days)), ...ratioCells(`retention.${i}`, p)]),
  );
  const weekTable = figureTable(
    { id: 'retention-weeks-table', caption: 'True retention week by week (Monday to Sunday)', columns: ['week', ...COLUMNS] },
    weeks.map((w, i) => [dateFigure(`retentionByWeek.${i}.from`, w.from, `${shortDate(w.from)} – ${shortDate(w.to)}`), ...ratioCells(`retentionByWeek.${i}`, w)]),
  );
  const rated = weeks.filter((w) => w.all.rate !== null);
  const chart = rated.length === 0 ? '<p class="empty">No reviews of cards in review in these weeks yet: the weekly line starts with them.</p>' : weeklyLine(weeks, desired);
  return [
    `<p class="note">The share of reviews of cards in review answered Hard, Good or Easy (learning steps left out), against the desired retention of ${figure('desiredRetention', desired, percent(desired))}. Young cards have an interval under 21 days, mature ones 21 days or more.</p>`,
    periodTable,
    `<h3>Week by week, the last ${counted(weeks.length, 'week')}</h3>`,
    chart,
    rated.length === 0 ? '' : `<p class="legend" aria-hidden="true"><span class="dot"></span>true retention of the week <span class="dash"></span>desired ${escapeHtml(percent(desired))}</p>`,
    chartData('The weeks as a table', weekTable),
  ].join('\n');
}

function weeklyLine(weeks: readonly RetentionFigures[], desired: number): string {
  const rates = weeks.flatMap((w) => (w.all.rate === null ? [] : [w.all.rate]));
  // Retention lives between 70% and 100%: an axis from 0 would flatten every change.
  const low = Math.max(0, Math.floor((Math.min(desired, ...rates) - 0.05) * 10) / 10);
  const x = scaleBand<number>()
    .domain(weeks.map((_, i) => i))
    .range([MARGIN.left, CHART_WIDTH - MARGIN.right])
    .padding(0.1);
  const y = scaleLinear().domain([low, 1]).range([HEIGHT - MARGIN.bottom, MARGIN.top]);
  const cx = (i: number) => x(i)! + x.bandwidth() / 2;
  const path = line<RetentionFigures>()
    .defined((w) => w.all.rate !== null)
    .x((_, i) => cx(i))
    .y((w) => y(w.all.rate ?? 0))(weeks as RetentionFigures[]);
  const last = weeks[weeks.length - 1]!;
  const description = `True retention week by week from ${shortDate(weeks[0]!.from)} to ${shortDate(last.to)}, against the desired ${percent(desired)}: ${rates.length} of ${weeks.length} weeks had reviews of cards in review, from ${percent(Math.min(...rates))} to ${percent(Math.max(...rates))}.`;
  const out = [`<svg class="chart" role="img" aria-label="${escapeHtml(description)}" viewBox="0 0 ${CHART_WIDTH} ${HEIGHT}" width="${CHART_WIDTH}" height="${HEIGHT}">`, '<g class="grid">'];
  for (const t of y.ticks(5)) {
    out.push(`<line x1="${MARGIN.left}" x2="${CHART_WIDTH - MARGIN.right}" y1="${svgNumber(y(t))}" y2="${svgNumber(y(t))}"/>`);
    out.push(`<text x="${MARGIN.left - 6}" y="${svgNumber(y(t))}" dy="0.32em" text-anchor="end">${Math.round(t * 100)}%</text>`);
  }
  out.push('</g>');
  out.push(`<line class="target" x1="${MARGIN.left}" x2="${CHART_WIDTH - MARGIN.right}" y1="${svgNumber(y(desired))}" y2="${svgNumber(y(desired))}"/>`);
  if (path) out.push(`<path class="trend" d="${path}"/>`);
  weeks.forEach((w, i) => {
    if (w.all.rate === null) return;
    out.push(`<circle class="point" cx="${svgNumber(cx(i))}" cy="${svgNumber(y(w.all.rate))}" r="3.5"><title>${escapeHtml(`week of ${shortDate(w.from)}: ${percent(w.all.rate)} of ${counted(w.all.reviews, 'review')}`)}</title></circle>`);
  });
  out.push('<g class="axis">');
  weeks.forEach((w, i) => {
    // Every fourth week named, this week among them.
    const lastOne = i === weeks.length - 1;
    if ((weeks.length - 1 - i) % 4 === 0) {
      out.push(`<text x="${svgNumber(lastOne ? x(i)! + x.bandwidth() : cx(i))}" y="${HEIGHT - 6}" text-anchor="${lastOne ? 'end' : 'middle'}">${lastOne ? 'this week' : shortDate(w.from)}</text>`);
    }
  });
  out.push('</g></svg>');
  return out.join('\n');
}
