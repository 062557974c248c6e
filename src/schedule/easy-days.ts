/**
 * Easy days: per weekday, the share (0-1) of the normal review load the user
 * wants on that day, Sunday first (index 0 Sunday ... 6 Saturday, as
 * `Date.getUTCDay`). All ones is a normal week.
 */
export type EasyDays = readonly number[];

/** The weekdays' short names, Sunday first, as `engram config set easy-days` takes them. */
export const WEEKDAY_NAMES = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'] as const;

/**
 * The weekday of a study day (days since 1970-01-01 on the study clock), 0
 * Sunday ... 6 Saturday. A study day's number is its local calendar date (the
 * study clock shifts instants by the zone's offset and the rollover), so its
 * weekday is plain arithmetic: no time zone is read, and a DST change cannot
 * move it. 1970-01-01 was a Thursday.
 */
export function weekdayOfStudyDay(day: number): number {
  return (((day + 4) % 7) + 7) % 7;
}

/** Whether `days` asks for anything: some weekday below its full load. */
export function hasEasyDays(days: EasyDays | null): days is EasyDays {
  return days !== null && days.some((share) => share < 1);
}
