import type { SimulatedDay, SimulationResult } from '../../schedule/review-simulation.js';
import { DAY } from '../../schedule/study-clock.js';
import { formatTable } from './format-table.js';

const EIGHTHS = ['', '▏', '▎', '▍', '▌', '▋', '▊', '▉'];

/** A bar `value / max` of `width` cells, drawn in eighths of a cell. */
export function bar(value: number, max: number, width: number): string {
  if (max <= 0 || value <= 0) return '';
  const eighths = Math.max(1, Math.round((value / max) * width * 8));
  return '█'.repeat(Math.floor(eighths / 8)) + EIGHTHS[eighths % 8]!;
}

/** "12 min", "1 h 05 min"; "<1 min" under half a minute. */
export function formatMinutes(seconds: number): string {
  const minutes = Math.round(seconds / 60);
  if (minutes < 1) return '<1 min';
  if (minutes < 60) return `${minutes} min`;
  return `${Math.floor(minutes / 60)} h ${String(minutes % 60).padStart(2, '0')} min`;
}

/** The calendar date a study day is named by, as YYYY-MM-DD. */
export function studyDate(day: number): string {
  return new Date(day * DAY).toISOString().slice(0, 10);
}

/** A simulation's days grouped by calendar month: the month's name and its days. */
export function monthsOf(days: readonly SimulatedDay[]): { label: string; days: SimulatedDay[] }[] {
  const out: { label: string; days: SimulatedDay[] }[] = [];
  for (const d of days) {
    const label = new Date(d.day * DAY).toLocaleString('en', { month: 'short', year: 'numeric', timeZone: 'UTC' });
    const last = out[out.length - 1];
    if (last?.label === label) last.days.push(d);
    else out.push({ label, days: [d] });
  }
  return out;
}

/** Averages per day over some simulated days. */
export function averages(days: readonly SimulatedDay[]): { reviews: number; learned: number; steps: number; seconds: number | null } {
  const n = Math.max(1, days.length);
  const total = (f: (d: SimulatedDay) => number) => days.reduce((a, d) => a + f(d), 0);
  const timed = days.every((d) => d.seconds !== null);
  return {
    reviews: total((d) => d.reviews) / n,
    learned: total((d) => d.learned) / n,
    steps: total((d) => d.steps) / n,
    seconds: timed && days.length > 0 ? total((d) => d.seconds!) / n : null,
  };
}

/** One line per month: a bar of reviews a day, the figure, new cards a day and time a day. */
export function monthTable(result: SimulationResult, width: number): string[] {
  const months = monthsOf(result.days).map((m) => ({ label: m.label, ...averages(m.days) }));
  const timed = months.every((m) => m.seconds !== null);
  const max = Math.max(...months.map((m) => m.reviews));
  // Label, figures and gaps take about 34 cells (40 with time); the bar gets the rest, up to 40.
  const barWidth = Math.max(10, Math.min(40, width - (timed ? 44 : 34)));
  const right = 'right' as const;
  return formatTable(
    [
      { header: 'month' },
      { header: 'reviews a day' },
      { header: '', align: right },
      { header: 'new', align: right },
      ...(timed ? [{ header: 'time', align: right }] : []),
    ],
    months.map((m) => [
      m.label,
      bar(m.reviews, max, barWidth).padEnd(barWidth),
      m.reviews.toFixed(1),
      m.learned.toFixed(1),
      ...(timed ? [formatMinutes(m.seconds!)] : []),
    ]),
    width,
  );
}
