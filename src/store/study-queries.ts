import type { CardState } from '../model/card-state.js';
import type { FlagEventKind } from '../model/sync-event.js';
import { cardIdentity, recordEvent } from './sync-log.js';
import type { Store } from './open-store.js';
import { STATE_COLUMNS, toCardState, type StateRow } from './card-state-rows.js';

/** A card that can be studied now, with what the queue needs. */
export interface StudyableCard {
  id: number;
  deck: string;
  sibling: string | null;
  state: CardState | null;
}

const STUDYABLE = 'c.archived_at IS NULL AND c.suspended_at IS NULL AND c.dropped_at IS NULL AND (c.buried_until IS NULL OR c.buried_until <= ?)';

function deckFilter(decks: readonly string[]): string {
  return decks.length ? `AND d.name IN (${decks.map(() => '?').join(', ')})` : '';
}

type StudyRow = StateRow & { id: number; deck: string; sibling: string | null };

function toStudyable(r: StudyRow): StudyableCard {
  return { id: r.id, deck: r.deck, sibling: r.sibling, state: toCardState(r) };
}

/**
 * Studyable cards (not archived, suspended, dropped, or buried past `now`) that
 * have a schedule due before `dayEnd`, of the given decks (all when empty).
 */
export function scheduledCards(store: Store, now: number, dayEnd: number, decks: readonly string[]): StudyableCard[] {
  const rows = store
    .sql(
      `SELECT c.id, d.name AS deck, c.sibling, ${STATE_COLUMNS}
       FROM card_state s JOIN cards c ON c.id = s.card_id JOIN decks d ON d.id = c.deck_id
       WHERE s.due < ? AND s.state > 0 AND ${STUDYABLE} ${deckFilter(decks)}`,
    )
    .all(dayEnd, now, ...decks) as StudyRow[];
  return rows.map(toStudyable);
}

/**
 * Studyable cards never reviewed, in new-card order (the order they were
 * imported, which is file order), read lazily: stop early and the rest is never
 * fetched. Finish or `return()` the iterator before the store changes (a page
 * read after a change would see it).
 */
export function* newCards(store: Store, now: number, decks: readonly string[]): Generator<StudyableCard> {
  // A store may hold a hundred thousand new cards, all read when the daily limit
  // allows them: three columns a row, as arrays (no object of named columns per
  // row), deck names from one small read instead of a join per row, and the few
  // new cards that have a state row (reset, or imported so) read beforehand,
  // while the store is free, instead of nine state columns on every row.
  const deckNames = new Map((store.sql('SELECT id, name FROM decks').all() as { id: number; name: string }[]).map((d) => [d.id, d.name]));
  const stated = new Map(
    (store.sql(`SELECT s.card_id AS id, ${STATE_COLUMNS} FROM card_state s WHERE s.state = 0`).all() as (StateRow & { id: number })[]).map((r) => [r.id, toCardState(r)]),
  );
  // Read in pages that double (64, 128, ... 4,096 rows), each with all(): a row
  // at a time through iterate() is a call into the native side per row, a
  // quarter of the query's time over 10,000 new cards, and the first small page
  // still keeps a queue of 20 new cards from reading more.
  const page = store
    .sql(
      `SELECT c.id, c.deck_id, c.sibling
       FROM cards c LEFT JOIN card_state s ON s.card_id = c.id
       WHERE c.id > ? AND (s.card_id IS NULL OR s.state = 0) AND ${STUDYABLE}
       ${decks.length ? `AND c.deck_id IN (SELECT id FROM decks WHERE name IN (${decks.map(() => '?').join(', ')}))` : ''}
       ORDER BY c.id LIMIT ?`,
    )
    .raw();
  for (let after = Number.MIN_SAFE_INTEGER, size = FIRST_PAGE; ; size = Math.min(size * 2, LAST_PAGE)) {
    const rows = page.all(after, now, ...decks, size) as NewCardRow[];
    for (const r of rows) yield { id: r[0], deck: deckNames.get(r[1])!, sibling: r[2], state: stated.get(r[0]) ?? null };
    if (rows.length < size) return;
    after = rows[rows.length - 1]![0];
  }
}

/** Rows of newCards' first page, and the most of any page (see newCards). */
const FIRST_PAGE = 64;
const LAST_PAGE = 4096;

/** A row of newCards' query: id, deck id, sibling. */
type NewCardRow = [number, number, string | null];

/** A card reviewed since some time, and whether that was its first review ever. */
export interface StudiedCard {
  cardId: number;
  deck: string;
  sibling: string | null;
  firstEver: boolean;
}

/** The cards reviewed at or after `since` (UTC ms), each once. */
export function cardsStudiedSince(store: Store, since: number): StudiedCard[] {
  const rows = store
    .sql(
      `SELECT r.card_id AS cardId, d.name AS deck, c.sibling AS sibling,
              (SELECT MIN(r2.reviewed_at) FROM reviews r2 WHERE r2.card_id = r.card_id) >= ? AS firstEver
       FROM reviews r JOIN cards c ON c.id = r.card_id JOIN decks d ON d.id = c.deck_id
       WHERE r.reviewed_at >= ?
       GROUP BY r.card_id`,
    )
    .all(since, since) as { cardId: number; deck: string; sibling: string | null; firstEver: number }[];
  return rows.map((r) => ({ ...r, firstEver: r.firstEver === 1 }));
}

/**
 * Hides a card until `until` (UTC ms, the next day rollover), or with null
 * shows it again at once; recorded as an event at `at` (UTC ms) for sync.
 * Returns false when there is no such card.
 */
export function buryCard(store: Store, cardId: number, until: number | null, at: number): boolean {
  const done = store.sql('UPDATE cards SET buried_until = ? WHERE id = ?').run(until, cardId).changes === 1;
  if (done) flagEvent(store, cardId, until === null ? { kind: 'unbury' } : { kind: 'bury', until }, at);
  return done;
}

/** Records a change of a card's flags as this device's event (see recordEvent). */
function flagEvent(store: Store, cardId: number, change: { kind: Exclude<FlagEventKind, 'bury'> } | { kind: 'bury'; until: number }, at: number): void {
  const card = cardIdentity(store, cardId);
  if (card) recordEvent(store, { ...change, card: card.key }, at, cardId);
}

/**
 * Suspends a card (kept, never shown) or lifts the suspension, and records
 * the change as an event for sync (at `at`, UTC ms: give it when lifting).
 * Returns false when there is no such card.
 */
export function setSuspended(store: Store, cardId: number, suspendedAt: number | null, at: number = suspendedAt ?? 0): boolean {
  const done = store.sql('UPDATE cards SET suspended_at = ? WHERE id = ?').run(suspendedAt, cardId).changes === 1;
  if (done) flagEvent(store, cardId, { kind: suspendedAt === null ? 'unsuspend' : 'suspend' }, at);
  return done;
}

/**
 * Drops a card for good (kept with its history, never shown, kept dropped by
 * re-imports; dropped again, it keeps its first date), or with null takes the
 * drop back; recorded as an event at `at` (UTC ms; give it when taking a
 * drop back) for sync. Returns false when there is no such card. Which cards
 * may be dropped is the caller's rule.
 */
export function setDropped(store: Store, cardId: number, droppedAt: number | null, at: number = droppedAt ?? 0): boolean {
  const done =
    store.sql('UPDATE cards SET dropped_at = CASE WHEN ? IS NULL THEN NULL ELSE COALESCE(dropped_at, ?) END WHERE id = ?').run(droppedAt, droppedAt, cardId).changes === 1;
  if (done) flagEvent(store, cardId, { kind: droppedAt === null ? 'undrop' : 'drop' }, at);
  return done;
}

/** What comes after a session: learning cards later today, reviews due tomorrow, new cards waiting. */
export interface Upcoming {
  learningLater: number;
  /** Due time of the next learning card today, or null. */
  nextLearning: number | null;
  reviewsTomorrow: number;
  newWaiting: number;
}

/** Counts of what comes next, for studyable cards (not archived, suspended or buried past `now`) of `decks` (all when empty). */
export function upcoming(store: Store, now: number, dayEnd: number, tomorrowEnd: number, decks: readonly string[]): Upcoming {
  const from = `FROM cards c JOIN decks d ON d.id = c.deck_id LEFT JOIN card_state s ON s.card_id = c.id WHERE ${STUDYABLE} ${deckFilter(decks)}`;
  const learning = store
    .sql(`SELECT COUNT(*) AS n, MIN(s.due) AS first ${from} AND s.state IN (1, 3) AND s.due < ?`)
    .get(now, ...decks, dayEnd) as { n: number; first: number | null };
  const reviews = store.sql(`SELECT COUNT(*) AS n ${from} AND s.state = 2 AND s.due < ?`).get(now, ...decks, tomorrowEnd) as { n: number };
  // Cards buried today are new again tomorrow.
  const news = store
    .sql(`SELECT COUNT(*) AS n FROM cards c JOIN decks d ON d.id = c.deck_id LEFT JOIN card_state s ON s.card_id = c.id
          WHERE c.archived_at IS NULL AND c.suspended_at IS NULL AND c.dropped_at IS NULL ${deckFilter(decks)} AND (s.card_id IS NULL OR s.state = 0)`)
    .get(...decks) as { n: number };
  return { learningLater: learning.n, nextLearning: learning.first === null ? null : Math.max(now, learning.first), reviewsTomorrow: reviews.n, newWaiting: news.n };
}

/**
 * Studyable cards (not archived, suspended or buried past `now`) of `decks`
 * (all when empty) that wait today: new ones, and reviews due before `dayEnd`.
 */
export function waitingToday(store: Store, now: number, dayEnd: number, decks: readonly string[]): { new: number; reviews: number } {
  const row = store
    .sql(
      `SELECT COALESCE(SUM(s.card_id IS NULL OR s.state = 0), 0) AS new, COALESCE(SUM(s.state = 2 AND s.due < ?), 0) AS reviews
       FROM cards c JOIN decks d ON d.id = c.deck_id LEFT JOIN card_state s ON s.card_id = c.id
       WHERE ${STUDYABLE} ${deckFilter(decks)}`,
    )
    .get(dayEnd, now, ...decks) as { new: number; reviews: number };
  return row;
}

/** Review times, newest first, read lazily (a streak stops at its first gap). */
export function reviewTimesNewestFirst(store: Store): IterableIterator<number> {
  return store.sql('SELECT reviewed_at FROM reviews ORDER BY reviewed_at DESC').pluck().iterate() as IterableIterator<number>;
}
