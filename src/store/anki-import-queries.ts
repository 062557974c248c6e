import { inChunks, placeholders } from './cards.js';
import type { Store } from './open-store.js';

/** The times (UTC ms) of a card's answers: an Anki import leaves out the review log rows it has already. */
export function answerTimesOfCard(store: Store, cardId: number): number[] {
  return store.sql('SELECT reviewed_at FROM reviews WHERE card_id = ?').pluck().all(cardId) as number[];
}

/** Which of the cards `cardIds` have an answer in the log: an import looks up the answer times of those alone. */
export function cardsWithAnswers(store: Store, cardIds: readonly number[]): Set<number> {
  return new Set(inChunks(cardIds, (ids) => store.sql(`SELECT DISTINCT card_id FROM reviews WHERE card_id IN (${placeholders(ids.length)})`).pluck().all(...ids) as number[]));
}

/**
 * The key of the reversed card beside card `cardId` (its sibling group
 * `sibling`): the second card of a note engram exported as Anki's
 * "Basic (and reversed card)". Undefined when the markdown no longer gives one.
 */
export function reversedSiblingKey(store: Store, sibling: string, cardId: number): string | undefined {
  return store.sql("SELECT key FROM cards WHERE sibling = ? AND kind = 'reversed' AND id <> ? LIMIT 1").pluck().get(sibling, cardId) as string | undefined;
}

/** What an Anki import needs of a card it writes answers to. */
export interface ImportTarget {
  key: string;
  id: number;
  deck: string;
  suspended: boolean;
  /** The card's fuzz seed: its key until its first answer fixes one. */
  seed: string;
}

/**
 * The cards of `keys` (archived ones too), with only what an import needs:
 * reading whole cards (texts, heading paths) for 65,000 of them took a second.
 */
export function importTargets(store: Store, keys: readonly string[]): ImportTarget[] {
  return inChunks(keys, (chunk) =>
    (
      store
        .sql(
          `SELECT c.key, c.id, d.name, c.suspended_at IS NOT NULL, COALESCE(c.fuzz_seed, c.key)
           FROM cards c JOIN decks d ON d.id = c.deck_id WHERE c.key IN (${placeholders(chunk.length)})`,
        )
        .raw()
        .all(...chunk) as [string, number, string, number, string][]
    ).map(([key, id, deck, suspended, seed]) => ({ key, id, deck, suspended: suspended === 1, seed })),
  );
}
