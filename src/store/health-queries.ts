import type { CardState } from '../model/card-state.js';
import type { Grade } from '../model/review.js';
import { STATE_COLUMNS, toCardState, type StateRow } from './card-state-rows.js';
import type { Store } from './open-store.js';
import { REPLAY_ORDER } from './reviews.js';

/** At most this many messages of SQLite's integrity check are read: the first ones say enough. */
const INTEGRITY_LIMIT = 50;

/** What SQLite's integrity check found wrong in the file; empty when it is sound. */
export function integrityProblems(store: Store): string[] {
  const rows = store.db.pragma(`integrity_check(${INTEGRITY_LIMIT})`) as { integrity_check: string }[];
  return rows.map((r) => r.integrity_check).filter((m) => m !== 'ok');
}

/**
 * What SQLite's quick check found wrong in the file: the structure of every
 * page and row, without comparing each index with its table (about ten times
 * faster than {@link integrityProblems} on a large store); empty when sound.
 */
export function quickCheckProblems(store: Store): string[] {
  const rows = store.db.pragma(`quick_check(${INTEGRITY_LIMIT})`) as { quick_check: string }[];
  return rows.map((r) => r.quick_check).filter((m) => m !== 'ok');
}

/** Whether every problem of an integrity check is in an index (REINDEX rebuilds those from the tables). */
export function onlyIndexProblems(problems: readonly string[]): boolean {
  return problems.length > 0 && problems.every((p) => /\bindex\b/i.test(p) && !/\b(page|btree|freelist|tree)\b/i.test(p));
}

/** A row pointing at a parent that is not there (PRAGMA foreign_key_check). */
export interface ForeignKeyViolation {
  table: string;
  rowid: number;
  parent: string;
}

/** Rows whose foreign key points at nothing, at most `limit` of them. */
export function foreignKeyViolations(store: Store, limit = 1000): ForeignKeyViolation[] {
  const rows = store.db.pragma('foreign_key_check') as { table: string; rowid: number; parent: string }[];
  return rows.slice(0, limit).map((r) => ({ table: r.table, rowid: r.rowid, parent: r.parent }));
}

/** Reviews of cards that are not in the store: history without its card. */
export function orphanedReviews(store: Store): { reviews: number; cards: number[] } {
  const rows = store
    .sql('SELECT r.card_id AS id, count(*) AS n FROM reviews r LEFT JOIN cards c ON c.id = r.card_id WHERE c.id IS NULL GROUP BY r.card_id ORDER BY r.card_id')
    .all() as { id: number; n: number }[];
  return { reviews: rows.reduce((a, r) => a + r.n, 0), cards: rows.map((r) => r.id) };
}

/** Cached states of cards that are not in the store. */
export function orphanedStates(store: Store): number[] {
  return (store.sql('SELECT s.card_id AS id FROM card_state s LEFT JOIN cards c ON c.id = s.card_id WHERE c.id IS NULL ORDER BY s.card_id').all() as { id: number }[]).map(
    (r) => r.id,
  );
}

/** Removes cached states of cards that are not in the store (a cache of nothing). */
export function deleteOrphanedStates(store: Store): number {
  return store.sql('DELETE FROM card_state WHERE card_id NOT IN (SELECT id FROM cards)').run().changes;
}

/** A card with its review log (oldest first) and its cached state, for a replay check. */
export interface CardLog {
  cardId: number;
  deck: string;
  /** The seed of the card's fuzz (see Card.seed). */
  seed: string;
  /** Each answer with the interval the load balancer or easy days chose for it (null: the plain fuzz). */
  reviews: { reviewedAt: number; rating: Grade; chosenDays: number | null }[];
  state: CardState | null;
}

/**
 * A card's answers packed into one number each, time * 8 + rating (exact:
 * times stay far below 2^50), so SQLite hands over one JSON array per card
 * instead of a row per answer: crossing into JS row by row cost three times
 * what reading the log does. An answer whose day the load balancer chose is
 * a string "<that number>:<days>" instead (the few that have one pay for it).
 */
const PACKED_LOG = `json_group_array(CASE WHEN r.chosen_days IS NULL THEN r.reviewed_at * 8 + r.rating ELSE (r.reviewed_at * 8 + r.rating) || ':' || r.chosen_days END ORDER BY r.${REPLAY_ORDER.split(', ').join(', r.')})`;

/** The answers of a {@link PACKED_LOG}, in its order. */
function unpackLog(packed: string): CardLog['reviews'] {
  const values = JSON.parse(packed) as (number | string)[];
  const reviews = new Array<CardLog['reviews'][number]>(values.length);
  for (let i = 0; i < values.length; i++) {
    const v = values[i]!;
    let n: number;
    let chosenDays: number | null = null;
    if (typeof v === 'number') n = v;
    else {
      const colon = v.indexOf(':');
      n = Number(v.slice(0, colon));
      chosenDays = Number(v.slice(colon + 1));
    }
    const reviewedAt = Math.floor(n / 8);
    reviews[i] = { reviewedAt, rating: (n - reviewedAt * 8) as Grade, chosenDays };
  }
  return reviews;
}

/**
 * Every card that has answers or a cached state, with its log and state, card
 * by card: the log is streamed, so a store of a million reviews is never held
 * in memory at once.
 */
export function* cardLogs(store: Store): Generator<CardLog> {
  // Cards are visited in id order from two sorted streams: the logs (one row a card), and the states.
  const logs = store.db
    .prepare(`SELECT r.card_id, ${PACKED_LOG} FROM reviews r JOIN cards c ON c.id = r.card_id GROUP BY r.card_id ORDER BY r.card_id`)
    .raw()
    .iterate() as IterableIterator<[id: number, packed: string]>;
  const states = store.db
    .prepare(`SELECT c.id, d.name AS deck, COALESCE(c.fuzz_seed, c.key) AS seed, ${STATE_COLUMNS} FROM cards c JOIN decks d ON d.id = c.deck_id LEFT JOIN card_state s ON s.card_id = c.id
              WHERE s.card_id IS NOT NULL OR EXISTS (SELECT 1 FROM reviews r WHERE r.card_id = c.id) ORDER BY c.id`)
    .iterate() as IterableIterator<StateRow & { id: number; deck: string; seed: string }>;
  let pending = logs.next();
  for (const card of states) {
    while (!pending.done && pending.value[0] < card.id) pending = logs.next();
    let reviews: CardLog['reviews'] = [];
    if (!pending.done && pending.value[0] === card.id) {
      reviews = unpackLog(pending.value[1]);
      pending = logs.next();
    }
    yield { cardId: card.id, deck: card.deck, seed: card.seed, reviews, state: toCardState(card) };
  }
}

/** Above this many cards, reading every log in one pass beats reading them one by one. */
const ONE_BY_ONE = 3000;

/**
 * The logs of the cards `ids` (ascending) that exist and have answers or a
 * cached state, as {@link cardLogs} gives them. `onRead` hears how many
 * answers were read of the whole log when it is read in one pass.
 */
export function* cardLogsOf(store: Store, ids: readonly number[], onRead?: (answers: number) => void): Generator<CardLog> {
  if (ids.length > ONE_BY_ONE) {
    const wanted = new Set(ids);
    let answers = 0;
    for (const log of cardLogs(store)) {
      answers += log.reviews.length;
      if (!wanted.has(log.cardId)) continue;
      onRead?.(answers);
      yield log;
    }
    return;
  }
  const card = store.sql(`SELECT c.id, d.name AS deck, COALESCE(c.fuzz_seed, c.key) AS seed, ${STATE_COLUMNS} FROM cards c JOIN decks d ON d.id = c.deck_id LEFT JOIN card_state s ON s.card_id = c.id WHERE c.id = ?`);
  const reviews = store.sql(`SELECT reviewed_at AS reviewedAt, rating, chosen_days AS chosenDays FROM reviews WHERE card_id = ? ORDER BY ${REPLAY_ORDER}`);
  for (const id of ids) {
    const row = card.get(id) as (StateRow & { id: number; deck: string; seed: string }) | undefined;
    if (!row) continue;
    const log: CardLog = { cardId: id, deck: row.deck, seed: row.seed, reviews: reviews.all(id) as CardLog['reviews'], state: toCardState(row) };
    if (log.state === null && log.reviews.length === 0) continue;
    yield log;
  }
}

/** Sources whose count of active cards is not what their cards say. */
export function miscountedSources(store: Store): number[] {
  return (
    store
      .sql(
        `SELECT s.id FROM sources s
         WHERE s.active_cards != (SELECT count(*) FROM cards c WHERE c.source_id = s.id AND c.archived_at IS NULL) ORDER BY s.id`,
      )
      .all() as { id: number }[]
  ).map((r) => r.id);
}

/** Drops the per-day review tallies; the next `engram stats` makes them again from the quarter-hour tallies (review-quarters.ts). */
export function clearReviewDays(store: Store): void {
  store.sql('DELETE FROM review_days').run();
  store.sql('DELETE FROM review_days_state').run();
}

/** Rebuilds every index from its table (what an integrity check with only index problems asks for). */
export function reindex(store: Store): void {
  store.db.exec('REINDEX');
}

/** How many cards and reviews the store holds, for the doctor's header. */
export function storeCounts(store: Store): { cards: number; reviews: number } {
  return store.sql('SELECT (SELECT count(*) FROM cards) AS cards, (SELECT count(*) FROM reviews) AS reviews').get() as { cards: number; reviews: number };
}

/** A mark of the review log's content (count and last id): it changes when an answer is added or undone. */
export function reviewLogMark(store: Store): string {
  // Two subqueries: count(*) alone is SQLite's fast count, max(id) alone one step down the table; together, a scan of every row.
  const row = store.sql('SELECT (SELECT count(*) FROM reviews) AS n, (SELECT max(id) FROM reviews) AS last').get() as { n: number; last: number | null };
  return `${row.n}:${row.last ?? 0}`;
}
