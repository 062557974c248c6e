import { DAY } from '../schedule/study-time.js';

/** The calendar date of study day `day` as yyyy-mm-dd (a study day is named by the date it starts on). */
export function isoDate(day: number): string {
  return new Date(day * DAY).toISOString().slice(0, 10);
}

/** The weekday of study day `day`: 0 Monday … 6 Sunday. */
export function weekdayOf(day: number): number {
  // Day 0, 1970-01-01, was a Thursday.
  return (((day + 3) % 7) + 7) % 7;
}
