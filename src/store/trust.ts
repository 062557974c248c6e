import { createHash } from 'node:crypto';
import { EngramError } from '../model/engram-error.js';
import type { Store } from './open-store.js';

/** A deck the user trusted, and whether its cards still read as they did then. */
export interface TrustedDeck {
  deck: string;
  trustedAt: number;
  /** False when the deck's content changed since it was trusted: its code asks again. */
  current: boolean;
}

function deckId(store: Store, deckName: string): number {
  const row = store.sql('SELECT id FROM decks WHERE name = ?').get(deckName) as { id: number } | undefined;
  if (!row) throw new EngramError('notFound', `no deck called "${deckName}". List decks with engram decks.`);
  return row.id;
}

function hashOf(store: Store, id: number): string {
  // Suspended and buried cards count: they are still the deck's code and `engram run`
  // can run them. Sorted by text, not by file or line, so moving a card keeps trust.
  const rows = store
    .sql('SELECT front, back FROM cards WHERE deck_id = ? AND archived_at IS NULL ORDER BY front, back')
    .all(id) as { front: string; back: string }[];
  const hash = createHash('sha256');
  // One JSON line per card: no pair of cards can run together into the same bytes.
  for (const r of rows) hash.update(`${JSON.stringify([r.front, r.back])}\n`);
  return hash.digest('hex');
}

/**
 * A sha256 (hex) of the text of the deck's cards that are not archived: any
 * change to a card's question or answer, or a card added or gone, changes it;
 * line numbers and files do not. Throws EngramError ('usage') for an unknown deck.
 */
export function deckContentHash(store: Store, deckName: string): string {
  return hashOf(store, deckId(store, deckName));
}

/**
 * Whether the user trusted the deck and its content is unchanged since.
 * Throws EngramError ('usage') for an unknown deck.
 */
export function isDeckTrusted(store: Store, deckName: string): boolean {
  const id = deckId(store, deckName);
  const row = store.sql('SELECT content_hash FROM deck_trust WHERE deck_id = ?').get(id) as { content_hash: string } | undefined;
  return row !== undefined && row.content_hash === hashOf(store, id);
}

/**
 * Trusts the deck as its cards read now (again, if it was trusted before).
 * Throws EngramError ('usage') for an unknown deck.
 */
export function trustDeck(store: Store, deckName: string, now: number): void {
  store.transaction(() => {
    const id = deckId(store, deckName);
    store
      .sql(
        `INSERT INTO deck_trust (deck_id, content_hash, trusted_at) VALUES (?, ?, ?)
         ON CONFLICT (deck_id) DO UPDATE SET content_hash = excluded.content_hash, trusted_at = excluded.trusted_at`,
      )
      .run(id, hashOf(store, id), now);
  });
}

/**
 * Forgets the deck's trust; returns false when it was not trusted.
 * Throws EngramError ('usage') for an unknown deck.
 */
export function untrustDeck(store: Store, deckName: string): boolean {
  return store.sql('DELETE FROM deck_trust WHERE deck_id = ?').run(deckId(store, deckName)).changes > 0;
}

/** Every trusted deck, by name, with whether its content is still what was trusted. */
export function trustedDecks(store: Store): TrustedDeck[] {
  const rows = store
    .sql('SELECT d.id, d.name, t.content_hash, t.trusted_at FROM deck_trust t JOIN decks d ON d.id = t.deck_id ORDER BY d.name')
    .all() as { id: number; name: string; content_hash: string; trusted_at: number }[];
  return rows.map((r) => ({ deck: r.name, trustedAt: r.trusted_at, current: r.content_hash === hashOf(store, r.id) }));
}
