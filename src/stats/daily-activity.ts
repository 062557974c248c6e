import type { ReviewTally } from './stats-input.js';
import type { ActivityDay, ByPhase } from './stats-report.js';
import { isoDate } from './study-date.js';

/** Study days the activity chart covers, today included. */
export const ACTIVITY_DAYS = 30;

const PHASES: (keyof ByPhase)[] = ['new', 'learning', 'review', 'relearning'];

/**
 * Reviews, Again answers and time per study day over the {@link ACTIVITY_DAYS}
 * days ending `today`, oldest first, days without reviews included (as zeros),
 * each split by the phase the card was in.
 */
export function dailyActivity(tallies: Iterable<ReviewTally>, today: number): ActivityDay[] {
  const first = today - ACTIVITY_DAYS + 1;
  const days: ActivityDay[] = Array.from({ length: ACTIVITY_DAYS }, (_, i) => ({
    date: isoDate(first + i),
    reviews: 0,
    again: 0,
    timeMs: 0,
    byPhase: { new: 0, learning: 0, review: 0, relearning: 0 },
  }));
  for (const t of tallies) {
    const d = days[t.day - first];
    if (!d) continue;
    d.reviews += t.reviews;
    d.timeMs += t.durationMs;
    if (!t.passed) d.again += t.reviews;
    const phase = PHASES[t.stateBefore];
    if (phase) d.byPhase[phase] += t.reviews;
  }
  return days;
}
