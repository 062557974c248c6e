/**
 * Consecutive study days with at least one review, counting back from today
 * (or from yesterday when today has none yet: the streak is not broken before
 * the day is over). `daysNewestFirst` may repeat days and is read only as far
 * as the streak goes.
 */
export function currentStreak(daysNewestFirst: Iterable<number>, today: number): number {
  let streak = 0;
  let expected = -1;
  for (const day of daysNewestFirst) {
    if (expected === -1) {
      if (day < today - 1) return 0;
      expected = day;
    }
    if (day === expected) {
      streak++;
      expected--;
    } else if (day < expected) {
      return streak;
    }
  }
  return streak;
}

/** The longest run of consecutive study days with a review; `daysOldestFirst` may repeat days. */
export function longestStreak(daysOldestFirst: Iterable<number>): number {
  let longest = 0;
  let run = 0;
  let previous: number | null = null;
  for (const day of daysOldestFirst) {
    if (day === previous) continue;
    run = previous !== null && day === previous + 1 ? run + 1 : 1;
    longest = Math.max(longest, run);
    previous = day;
  }
  return longest;
}
