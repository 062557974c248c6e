import { bold, dim, type StatsStyle } from './stats-style.js';

/** A section's title line, with an optional note beside it. */
export function sectionTitle(style: StatsStyle, title: string, note = ''): string {
  return note ? `${bold(style, title)}  ${dim(style, note)}` : bold(style, title);
}

const WEEKDAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];

/** "Tue" for the yyyy-mm-dd date `iso`. */
export function weekdayName(iso: string): string {
  return WEEKDAYS[new Date(`${iso}T00:00:00Z`).getUTCDay()]!;
}
