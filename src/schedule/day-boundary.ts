/** Hour of local time at which a new study day starts, as in Anki. */
export const DEFAULT_ROLLOVER_HOUR = 4;

/**
 * The first day rollover after `now` (UTC ms) in the process's local time zone:
 * cards due before it are due "today". Built from calendar fields, so a DST
 * change between now and then is handled by Date itself.
 */
export function nextRollover(now: number, rolloverHour = DEFAULT_ROLLOVER_HOUR): number {
  const d = new Date(now);
  const today = new Date(d.getFullYear(), d.getMonth(), d.getDate(), rolloverHour).getTime();
  if (today > now) return today;
  return new Date(d.getFullYear(), d.getMonth(), d.getDate() + 1, rolloverHour).getTime();
}
