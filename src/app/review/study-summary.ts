import { formatInterval } from '../../schedule/format-interval.js';
import { nextRollover, studyDay, type StudyClock } from '../../schedule/study-clock.js';
import { currentStreak } from '../../stats/streak.js';
import type { Store } from '../../store/open-store.js';
import { reviewTimesNewestFirst, upcoming } from '../../store/study-queries.js';
import type { SessionSummary } from './review-actions.js';
import { plural } from '../../cli/output/plural.js';

/** Streak and what is due next in `decks` (all when empty), as the end of a session shows them. */
export function studySummary(store: Store, clock: StudyClock, now: number, decks: readonly string[]): SessionSummary {
  const times = reviewTimesNewestFirst(store);
  const days = (function* () {
    for (const t of times) yield studyDay(t, clock);
  })();
  const streak = currentStreak(days, studyDay(now, clock));
  times.return?.();
  const dayEnd = nextRollover(now, clock);
  const u = upcoming(store, now, dayEnd, nextRollover(dayEnd, clock), decks);
  const next: string[] = [];
  if (u.learningLater > 0 && u.nextLearning !== null) {
    next.push(`${plural(u.learningLater, 'learning card')} today, the next in ${formatInterval(u.nextLearning - now)}`);
  }
  next.push(`tomorrow: ${plural(u.reviewsTomorrow, 'review')}, ${plural(u.newWaiting, 'new card')} waiting`);
  return { streak, next };
}
