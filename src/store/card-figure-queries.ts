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
 * `x`'s slot among `starts` (ascending): how many of them `x` has reached, as
 * an SQL expression that halves the range at each step. A sum of one
 * comparison a start cost 31 comparisons a card, over half of a warm
 * `engram stats` over 20,000 cards; this costs five.
 */
function slotExpression(x: string, starts: readonly number[], lo = 0, hi = starts.length): string {
  if (lo === hi) return String(lo);
  // The slot lies in [lo, hi]: it is at least mid when x has reached the mid-th start.
  const mid = Math.ceil((lo + hi) / 2);
  return `CASE WHEN ${x} >= ${Number(starts[mid - 1])} THEN ${slotExpression(x, starts, mid, hi)} ELSE ${slotExpression(x, starts, lo, mid - 1)} END`;
}

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
  // No start: every card is past the last one.
  if (starts.length === 0) return [];
  return store
    .sql(
      `WITH due AS (
         SELECT c.deck_id, CASE WHEN c.buried_until IS NOT NULL AND c.buried_until > ? THEN max(s.due, c.buried_until) ELSE s.due END AS at
         ${FROM} WHERE ${SCHEDULED} ${deckFilter(deckIds, 'AND')})
       SELECT deck_id, ${slotExpression('at', starts)} AS slot, count(*), sum(at < ?) FROM due
       WHERE at < ${Number(starts[starts.length - 1])} GROUP BY 1, 2`,
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
  // Three JSON arrays rather than a row a card: no array object is made per card
  // (rows cost twice as much, garbage collection included), and SQLite writes a
  // REAL in JSON with the digits that read back as the very same double.
  const [intervals, stability, difficulty] = store
    .sql(
      `SELECT json_group_array(ifnull(s.scheduled_days, 0)) FILTER (WHERE s.state = 2),
              json_group_array(ifnull(s.stability, 0)), json_group_array(ifnull(s.difficulty, 0)) ${FROM}
       WHERE c.archived_at IS NULL AND s.state IS NOT NULL AND s.state <> 0 ${deckFilter(deckIds, 'AND')}`,
    )
    .raw()
    .get() as [string, string, string];
  const numbers = (json: string) => Float64Array.from(JSON.parse(json) as number[]);
  return { intervals: numbers(intervals), stability: numbers(stability), difficulty: numbers(difficulty) };
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
  // Deck by deck, each deck's ten found by a sort that keeps only ten (a
  // window over every card ranked all of them: a fifth of a warm run).
  const decks = deckIds ?? (store.sql('SELECT id FROM decks ORDER BY id').pluck().all() as number[]);
  const longestOverdue = store
    .sql(
      `SELECT c.id ${FROM} WHERE c.deck_id = ? AND ${inPlay} AND s.state = 2 AND s.last_review IS NOT NULL
       ORDER BY CASE WHEN ifnull(s.stability, 0) <= 0 THEN 1e308 ELSE (? - s.last_review) / s.stability END DESC, c.id LIMIT ?`,
    )
    .pluck();
  const overdue = decks.flatMap((deckId) => longestOverdue.all(deckId, now, size) as number[]);
  const ids = [...new Set([...lapsed, ...overdue])];
  return ids.length === 0 ? [] : cardFacts(store, null, ids);
}
