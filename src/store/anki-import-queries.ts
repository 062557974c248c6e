import type { Store } from './open-store.js';

/** The times (UTC ms) of a card's answers: an Anki import leaves out the review log rows it has already. */
export function answerTimesOfCard(store: Store, cardId: number): number[] {
  return store.sql('SELECT reviewed_at FROM reviews WHERE card_id = ?').pluck().all(cardId) as number[];
}

/**
 * The key of the reversed card beside card `cardId` (its sibling group
 * `sibling`): the second card of a note engram exported as Anki's
 * "Basic (and reversed card)". Undefined when the markdown no longer gives one.
 */
export function reversedSiblingKey(store: Store, sibling: string, cardId: number): string | undefined {
  return store.sql("SELECT key FROM cards WHERE sibling = ? AND kind = 'reversed' AND id <> ? LIMIT 1").pluck().get(sibling, cardId) as string | undefined;
}
