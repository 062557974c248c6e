import type { SchedulerSet } from '../schedule/scheduler-set.js';
import { cardById } from '../store/cards.js';
import type { Store } from '../store/open-store.js';
import { fillReviewFacts } from '../store/reviews.js';

/**
 * Fills in what each card was when answered, for reviews answered before the
 * store recorded it (schema version 3), by replaying each such card's log with
 * its deck's scheduler. Run before stats, exports and fits read the facts;
 * a no-op (one indexed lookup) once every review has them. Returns how many were filled.
 */
export function ensureReviewFacts(store: Store, schedulers: SchedulerSet): number {
  return fillReviewFacts(store, (cardId, reviews) => {
    const card = cardById(store, cardId);
    return schedulers.forDeck(card?.deck ?? '').history(card?.seed ?? cardId, reviews).before;
  });
}
