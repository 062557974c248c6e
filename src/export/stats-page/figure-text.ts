/** How the page writes its figures: the same words and rounding as the terminal's stats. */

import { count } from '../figure-format.js';

export { count, duration, percent } from '../figure-format.js';

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const WEEKDAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];

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
