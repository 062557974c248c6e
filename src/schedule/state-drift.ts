import type { CardState } from '../model/card-state.js';

/**
 * How a card's cached state compares with the replay of its review log:
 * `same`; `schedule` when only what the settings decide differs (due date,
 * stability, difficulty, interval, phase, step), as after the retention,
 * parameters, steps or rollover changed without a reschedule; `history` when
 * what the log alone decides differs (a state for a card never answered, none
 * for one answered, another number of answers or last answer): the cache
 * lost or gained answers, which no settings explain.
 */
export type StateDrift = 'same' | 'schedule' | 'history';

/** Compares a cached state with the replayed one (see {@link StateDrift}). */
export function stateDrift(cached: CardState | null, replayed: CardState | null): StateDrift {
  if (cached === null || replayed === null) return cached === replayed ? 'same' : 'history';
  if (cached.reps !== replayed.reps || cached.lastReview !== replayed.lastReview) return 'history';
  const same =
    cached.phase === replayed.phase &&
    cached.due === replayed.due &&
    cached.stability === replayed.stability &&
    cached.difficulty === replayed.difficulty &&
    cached.scheduledDays === replayed.scheduledDays &&
    cached.learningSteps === replayed.learningSteps &&
    cached.lapses === replayed.lapses;
  return same ? 'same' : 'schedule';
}
