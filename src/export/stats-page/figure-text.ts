/** How the page writes its figures: the same words and rounding as the terminal's stats. */

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const WEEKDAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];

/** A count with thousands separated: "12,345". */
export function count(n: number): string {
  return n.toLocaleString('en-US');
}

/** A rate (0-1) as a percentage with one decimal, or "—" when there is none. */
export function percent(rate: number | null): string {
  return rate === null ? '—' : `${(rate * 100).toFixed(1)}%`;
}

/** Time spent: "45s", "12m 30s", "3h 05m". */
export function duration(ms: number): string {
  const s = Math.round(ms / 1000);
  if (s < 60) return `${s}s`;
  if (s < 3600) return `${Math.floor(s / 60)}m ${String(s % 60).padStart(2, '0')}s`;
  const m = Math.round(ms / 60_000);
  return `${count(Math.floor(m / 60))}h ${String(m % 60).padStart(2, '0')}m`;
}

/** "Mar 2" for the yyyy-mm-dd date `iso`. */
export function shortDate(iso: string): string {
  return `${MONTHS[Number(iso.slice(5, 7)) - 1]} ${Number(iso.slice(8, 10))}`;
}

/** "Mon Mar 2, 2026" for the yyyy-mm-dd date `iso`. */
export function longDate(iso: string): string {
  return `${WEEKDAYS[new Date(`${iso}T00:00:00Z`).getUTCDay()]} ${shortDate(iso)}, ${iso.slice(0, 4)}`;
}

/** "Mar" for the yyyy-mm-dd date `iso`. */
export function monthName(iso: string): string {
  return MONTHS[Number(iso.slice(5, 7)) - 1]!;
}

/** "1 review", "12 reviews". */
export function counted(n: number, noun: string): string {
  return `${count(n)} ${noun}${n === 1 ? '' : 's'}`;
}
