import type { CardFacts } from '../model/review-tally.js';
import type { Store } from './open-store.js';
import { cardFacts } from './stats-queries.js';

// The stats' figures about cards counted by SQLite rather than from a JS
// object per card: `engram stats` runs once, mostly uncompiled, and turning
// 20,000 rows into objects cost more than everything else it does. Each query
// gives what the pure functions of stats/ give from every card's facts
// (test/app/stats/card-figures.test.ts holds them to it).

const FROM = 'FROM cards c LEFT JOIN card_state s ON s.card_id = c.id';

function deckFilter(deckIds: readonly number[] | null, and = 'WHERE'): string {
  return deckIds === null ? '' : `${and} c.deck_id IN (${deckIds.map((id) => Number(id)).join(', ') || 'NULL'})`;
}

/** Card categories counted once each, as countCard counts them: 0-3 the FSRS state (none: 0), then these. */
export const SUSPENDED = 4;
export const DROPPED = 5;
export const BURIED = 6;
export const ARCHIVED = 7;

/**
 * How many cards of each deck fall in each category at `now` (UTC ms):
 * archived, else dropped, else suspended, else buried, else by FSRS state.
 * Rows of [deck id, category, cards].
 */
export function cardCategoryCounts(store: Store, deckIds: readonly number[] | null, now: number): [deckId: number, category: number, cards: number][] {
  return store
    .sql(
      `SELECT c.deck_id, CASE WHEN c.archived_at IS NOT NULL THEN ${ARCHIVED} WHEN c.dropped_at IS NOT NULL THEN ${DROPPED}
         WHEN c.suspended_at IS NOT NULL THEN ${SUSPENDED} WHEN c.buried_until IS NOT NULL AND c.buried_until > ? THEN ${BURIED}
         WHEN s.state IN (1, 2, 3) THEN s.state ELSE 0 END AS category, count(*)
       ${FROM} ${deckFilter(deckIds)} GROUP BY 1, 2`,
    )
    .raw()
    .all(now) as [number, number, number][];
}

/** Cards shown in reviews at all (isScheduled): not archived, suspended or dropped, with a due time. */
const SCHEDULED = 'c.archived_at IS NULL AND c.suspended_at IS NULL AND c.dropped_at IS NULL AND s.state > 0 AND s.due IS NOT NULL';

/**
 * Scheduled cards by deck and slot of the forecast: a card's slot is how many
 * of `starts` (ascending UTC ms, the starts of the study days after today) its
 * time to come up (its due time, or the end of its burial when later) has
 * reached; cards past the last start are left out. Rows of [deck id, slot,
 * cards, of them due before `todayStart`].
 */
export function dueSlotCounts(
  store: Store,
  deckIds: readonly number[] | null,
  now: number,
  starts: readonly number[],
  todayStart: number,
): [deckId: number, slot: number, cards: number, overdue: number][] {
  const slot = starts.map((s) => `(at >= ${Number(s)})`).join(' + ') || '0';
  return store
    .sql(
      `WITH due AS (
         SELECT c.deck_id, CASE WHEN c.buried_until IS NOT NULL AND c.buried_until > ? THEN max(s.due, c.buried_until) ELSE s.due END AS at
         ${FROM} WHERE ${SCHEDULED} ${deckFilter(deckIds, 'AND')})
       SELECT deck_id, ${slot} AS slot, count(*), sum(at < ?) FROM due GROUP BY 1, 2 HAVING slot < ${starts.length}`,
    )
    .raw()
    .all(now, todayStart) as [number, number, number, number][];
}

/** The values the distributions show, one per card (archived cards and new ones left out). */
export interface CardValues {
  /** Scheduled days of the cards in review. */
  intervals: Float64Array;
  /** Stability of the cards reviewed at least once (0 when missing). */
  stability: Float64Array;
  /** Difficulty of the cards reviewed at least once (0 when missing). */
  difficulty: Float64Array;
}

/**
 * The values of the cards of the decks that the distributions show, read in
 * one pass as plain numbers (nine sorting queries over the cards cost more than
 * everything else `engram stats` does on a warm store).
 */
export function cardValues(store: Store, deckIds: readonly number[] | null): CardValues {
  const rows = store
    .sql(
      `SELECT s.state, ifnull(s.scheduled_days, 0), ifnull(s.stability, 0), ifnull(s.difficulty, 0) ${FROM}
       WHERE c.archived_at IS NULL AND s.state IS NOT NULL AND s.state <> 0 ${deckFilter(deckIds, 'AND')}`,
    )
    .raw()
    .all() as [state: number, days: number, stability: number, difficulty: number][];
  const intervals = new Float64Array(rows.length);
  const stability = new Float64Array(rows.length);
  const difficulty = new Float64Array(rows.length);
  let inReview = 0;
  for (let i = 0; i < rows.length; i++) {
    const [state, days, s, d] = rows[i]!;
    if (state === 2) intervals[inReview++] = days;
    stability[i] = s;
    difficulty[i] = d;
  }
  return { intervals: intervals.subarray(0, inReview), stability, difficulty };
}

/**
 * The only cards that can be hard cards (see stats/hard-cards.ts), with their
 * facts: the ten forgotten most often of the decks, and of each deck the ten in
 * review longest overdue for their stability (the lowest chance of recall on
 * the deck's own forgetting curve, which falls as elapsed time over stability
 * grows).
 */
export function hardCardCandidates(store: Store, deckIds: readonly number[] | null, now: number, size: number): CardFacts[] {
  const inPlay = 'c.archived_at IS NULL AND c.suspended_at IS NULL AND c.dropped_at IS NULL AND s.state > 0';
  const lapsed = store.sql(`SELECT c.id ${FROM} WHERE ${inPlay} AND s.lapses > 0 ${deckFilter(deckIds, 'AND')} ORDER BY s.lapses DESC, c.id LIMIT ?`).pluck().all(size) as number[];
  const overdue = store
    .sql(
      `SELECT id FROM (
         SELECT c.id, row_number() OVER (PARTITION BY c.deck_id ORDER BY
           CASE WHEN ifnull(s.stability, 0) <= 0 THEN 1e308 ELSE (? - s.last_review) / s.stability END DESC, c.id) AS rank
         ${FROM} WHERE ${inPlay} AND s.state = 2 AND s.last_review IS NOT NULL ${deckFilter(deckIds, 'AND')})
       WHERE rank <= ?`,
    )
    .pluck()
    .all(now, size) as number[];
  const ids = [...new Set([...lapsed, ...overdue])];
  return ids.length === 0 ? [] : cardFacts(store, null, ids);
}
