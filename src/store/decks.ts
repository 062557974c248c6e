import type { DeckSummary } from '../model/deck.js';
import type { Store } from './open-store.js';

/** The id of the deck called `name`, created if it does not exist. */
export function ensureDeck(store: Store, name: string, now: number): number {
  const found = store.sql('SELECT id FROM decks WHERE name = ?').get(name) as { id: number } | undefined;
  if (found) return found.id;
  return Number(store.sql('INSERT INTO decks (name, created_at) VALUES (?, ?)').run(name, now).lastInsertRowid);
}

/** Not archived, suspended or dropped, not buried at `@now`: a card that can be studied. */
const ACTIVE = `c.archived_at IS NULL AND c.suspended_at IS NULL AND c.dropped_at IS NULL AND (c.buried_until IS NULL OR c.buried_until <= @now)`;

/**
 * Per deck with at least one card: totals by state. `dayEnd` is the next day
 * rollover (cards due before it are due today); buried cards are left out of
 * new, due and learning until `now` passes their bury time.
 */
export function deckSummaries(store: Store, now: number, dayEnd: number): DeckSummary[] {
  const rows = store
    .sql(
      `SELECT d.name AS name,
         COUNT(*) FILTER (WHERE c.archived_at IS NULL AND c.dropped_at IS NULL) AS total,
         COUNT(*) FILTER (WHERE ${ACTIVE} AND (s.card_id IS NULL OR s.state = 0)) AS new,
         COUNT(*) FILTER (WHERE ${ACTIVE} AND s.state = 2 AND s.due < @dayEnd) AS due,
         COUNT(*) FILTER (WHERE ${ACTIVE} AND s.state IN (1, 3) AND s.due < @dayEnd) AS learning,
         COUNT(*) FILTER (WHERE c.archived_at IS NULL AND c.dropped_at IS NULL AND c.suspended_at IS NOT NULL) AS suspended,
         COUNT(*) FILTER (WHERE c.archived_at IS NULL AND c.dropped_at IS NOT NULL) AS dropped,
         COUNT(*) FILTER (WHERE c.archived_at IS NOT NULL) AS archived
       FROM decks d
       JOIN cards c ON c.deck_id = d.id
       LEFT JOIN card_state s ON s.card_id = c.id
       GROUP BY d.id
       ORDER BY d.name`,
    )
    .all({ now, dayEnd }) as DeckSummary[];
  return rows;
}

/** Names of the decks holding at least one card that is not archived, sorted. */
export function deckNames(store: Store): string[] {
  return store
    .sql('SELECT DISTINCT d.name FROM decks d JOIN cards c ON c.deck_id = d.id WHERE c.archived_at IS NULL ORDER BY d.name')
    .pluck()
    .all() as string[];
}
