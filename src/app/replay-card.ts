import type { CardState } from '../model/card-state.js';
import type { SchedulerSet } from '../schedule/scheduler-set.js';
import { saveCardState } from '../store/card-state-rows.js';
import { cardById } from '../store/cards.js';
import type { Store } from '../store/open-store.js';
import { reviewsOfCard, rewriteReviewFacts } from '../store/reviews.js';

/**
 * Rebuilds a card's cached state and the facts of its answers by replaying
 * its whole log in replay order (by time across devices, see REPLAY_ORDER)
 * with its deck's scheduler and its seed: after an undo, after answers from
 * other devices were merged, or after an answer that is not the card's latest.
 * Call it inside the transaction that changed the log. Returns the state
 * (null: the card is new again, or there is no such card).
 */
export function replayCard(store: Store, schedulers: SchedulerSet, cardId: number): CardState | null {
  const card = cardById(store, cardId);
  if (!card) return null;
  const reviews = reviewsOfCard(store, cardId);
  const { before, after } = schedulers.forDeck(card.deck).history(card.seed ?? card.key, reviews);
  rewriteReviewFacts(store, reviews.map((r) => r.id), before);
  saveCardState(store, cardId, after);
  return after;
}
