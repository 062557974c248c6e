import type { Forecast } from '../../../stats/stats-report.js';
import { sectionTitle, weekdayName } from './section-title.js';
import { bar, count } from './stats-figures.js';
import { barColor, type StatsStyle } from './stats-style.js';
import { sideBySide } from './text-columns.js';

/** Width of a day's label: "today" or "Tue 03-10". */
const LABEL = 9;

/**
 * Cards due per day as horizontal bars with their counts: today (backlog
 * included) and the next 30 days, in two columns when the width allows. With
 * easy days, the days of an easy weekday are marked with its share of the
 * normal load (a Saturday at half reads "Sat 12-12  50%"), and a note says so.
 */
export function forecastLines(f: Forecast, style: StatsStyle, easyDays?: readonly number[]): string[] {
  const today = f.days[0]!.due;
  const title = sectionTitle(style, 'Cards due per day', `today ${count(today)}${f.overdue ? ` (${count(f.overdue)} overdue)` : ''}, next 30 days ${count(f.next30)}`);
  if (today + f.next30 === 0) return [title, '  nothing due in the next 30 days'];
  const max = Math.max(...f.days.map((d) => d.due));
  const numbers = Math.max(...f.days.map((d) => count(d.due).length));
  const twoColumns = style.width >= 64;
  const columnWidth = twoColumns ? Math.floor((style.width - 2 - 3) / 2) : style.width - 2;
  const easy = easyDays && easyDays.some((s) => s < 1) ? easyDays : null;
  // An easy day's share takes a column of its own after the label: "  0%", " 50%".
  const mark = easy ? 5 : 0;
  const barWidth = Math.max(1, columnWidth - LABEL - mark - numbers - 2);
  const lines = f.days.map((d, i) => {
    const label = i === 0 ? 'today' : `${weekdayName(d.date)} ${d.date.slice(5)}`;
    const share = easy ? easy[new Date(`${d.date}T00:00:00Z`).getUTCDay()]! : 1;
    const marked = easy ? (share < 1 ? `${Math.round(share * 100)}%`.padStart(mark - 1) + ' ' : ' '.repeat(mark)) : '';
    const b = bar(d.due, max, barWidth);
    return `${label.padEnd(LABEL)} ${marked}${barColor(style, b)}${' '.repeat(barWidth - [...b].length)} ${count(d.due).padStart(numbers)}`;
  });
  const note = easy ? ['  easy days are marked with their share of the normal load (setting easy-days)'] : [];
  if (!twoColumns) return [title, ...lines.map((l) => `  ${l}`), ...note];
  const half = Math.ceil(lines.length / 2);
  return [title, ...sideBySide(lines.slice(0, half), lines.slice(half), columnWidth, 3).map((l) => `  ${l}`), ...note];
}
