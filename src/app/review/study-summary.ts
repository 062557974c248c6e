import { nextRollover, studyDay, type StudyClock } from '../../schedule/study-time.js';
import { currentStreak } from '../../stats/streak.js';
import type { Store } from '../../store/open-store.js';
import { reviewTimesNewestFirst, upcoming } from '../../store/study-queries.js';
import type { StudySummary } from './review-actions.js';

/**
 * The streak and what is due next in `decks` (all when empty), for the end of
 * a review. Reads the store only.
 */
export function studySummary(store: Store, clock: StudyClock, now: number, decks: readonly string[]): Omit<StudySummary, 'limits'> {
  const times = reviewTimesNewestFirst(store);
  const days = (function* () {
    for (const t of times) yield studyDay(t, clock);
  })();
  const streak = currentStreak(days, studyDay(now, clock));
  times.return?.();
  const dayEnd = nextRollover(now, clock);
  const u = upcoming(store, now, dayEnd, nextRollover(dayEnd, clock), decks);
  return {
    streak,
    learningLater: u.learningLater,
    nextLearningInMs: u.nextLearning === null ? null : u.nextLearning - now,
    reviewsTomorrow: u.reviewsTomorrow,
    newWaiting: u.newWaiting,
  };
}
