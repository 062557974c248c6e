import type { CardRecord, ReviewRow, RevlogRow } from '../model/export-rows.js';
import { STATE_COLUMNS } from './card-state-rows.js';
import type { Store } from './open-store.js';

/** Names of the decks holding any card, archived ones too (their reviews can be exported), sorted. */
export function exportDeckNames(store: Store): string[] {
  return (store.sql('SELECT d.name FROM decks d WHERE EXISTS (SELECT 1 FROM cards c WHERE c.deck_id = d.id) ORDER BY d.name').all() as { name: string }[]).map(
    (r) => r.name,
  );
}

// The deck filter is one JSON array parameter, so each query is one cached statement for any number of decks.
const IN_DECKS = 'd.name IN (SELECT value FROM json_each(?))';
const CARDS_IN_DECKS = `r.card_id IN (SELECT c.id FROM cards c JOIN decks d ON d.id = c.deck_id WHERE ${IN_DECKS})`;

function iterateRaw<T>(store: Store, sql: string, decks: readonly string[] | null): IterableIterator<T> {
  // Raw rows (arrays) convert about twice as fast as objects. These statements are used
  // nowhere else, so setting raw on the cached statement cannot surprise another caller.
  const stmt = store.sql(decks === null ? sql : sql.replace('ORDER BY', `WHERE ${CARDS_IN_DECKS} ORDER BY`)).raw(true);
  return (decks === null ? stmt.iterate() : stmt.iterate(JSON.stringify(decks))) as IterableIterator<T>;
}

/**
 * The review log as the FSRS revlog, in log order (by review id): of cards
 * now in the given decks, or all when `decks` is null. Streams rows; the
 * store is busy until the iterator is finished or returned.
 */
export function revlogRows(store: Store, decks: readonly string[] | null): IterableIterator<RevlogRow> {
  return iterateRaw(store, 'SELECT r.card_id, r.reviewed_at, r.rating, r.state_before, r.duration_ms FROM reviews r ORDER BY r.id', decks);
}

/** The review log with every field, in log order, as {@link revlogRows} filters it. Streams rows. */
export function reviewRows(store: Store, decks: readonly string[] | null): IterableIterator<ReviewRow> {
  return iterateRaw(
    store,
    'SELECT r.id, r.card_id, r.reviewed_at, r.rating, r.state_before, r.last_interval, r.duration_ms, r.session_id, r.device FROM reviews r ORDER BY r.id',
    decks,
  );
}

/** The deck each card (archived too) is in now, by card id. */
export function deckOfCards(store: Store): Map<number, string> {
  const rows = store.sql('SELECT c.id, d.name FROM cards c JOIN decks d ON d.id = c.deck_id').all() as { id: number; name: string }[];
  return new Map(rows.map((r) => [r.id, r.name]));
}

/**
 * Cards with their cached scheduling state, by deck, file and line: of the
 * given decks (all when null), archived ones only when asked. Streams rows.
 */
export function cardRecords(store: Store, decks: readonly string[] | null, includeArchived: boolean): IterableIterator<CardRecord> {
  const where = [...(decks === null ? [] : [IN_DECKS]), ...(includeArchived ? [] : ['c.archived_at IS NULL'])];
  const sql = `SELECT c.id, d.name AS deck, COALESCE(src.shown_path, src.path) AS source_path, c.line, c.end_line, c.kind, c.syntax, c.title, c.context,
                      c.heading_path, c.front, c.back, ${STATE_COLUMNS}, c.suspended_at, c.buried_until, c.archived_at, c.dropped_at
               FROM cards c JOIN decks d ON d.id = c.deck_id LEFT JOIN sources src ON src.id = c.source_id
               LEFT JOIN card_state s ON s.card_id = c.id
               ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
               ORDER BY d.name, src.path, c.line, c.id`;
  const stmt = store.sql(sql);
  return (decks === null ? stmt.iterate() : stmt.iterate(JSON.stringify(decks))) as IterableIterator<CardRecord>;
}
