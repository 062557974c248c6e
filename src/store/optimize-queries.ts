import type { CardState } from '../model/card-state.js';
import type { Grade } from '../model/review.js';
import { STATE_COLUMNS, toCardState, type StateRow } from './card-state-rows.js';
import type { Store } from './open-store.js';

function deckFilter(decks: readonly string[]): string {
  return decks.length ? `WHERE d.name IN (${decks.map(() => '?').join(', ')})` : '';
}

/** One card's answers in log order, with its deck. */
export interface DeckCardLog {
  cardId: number;
  deck: string;
  /** The seed of the card's fuzz (see Card.seed). */
  seed: string;
  /** Each answer with the interval the load balancer or easy days chose for it (null: the plain fuzz), which a reschedule keeps while it fits. */
  reviews: { reviewedAt: number; rating: Grade; chosenDays: number | null }[];
}

/**
 * Every answer to the cards of `decks` (all decks when empty), grouped by
 * card in log order (archived and suspended cards included: what was
 * remembered still happened). Cards without answers are left out.
 */
export function cardLogs(store: Store, decks: readonly string[]): DeckCardLog[] {
  // Rows as arrays (this statement is only ever used raw): a log can hold millions.
  const rows = store
    .sql(
      `SELECT r.card_id, d.name, r.reviewed_at, r.rating, COALESCE(c.fuzz_seed, c.key), r.chosen_days
       FROM reviews r JOIN cards c ON c.id = r.card_id JOIN decks d ON d.id = c.deck_id
       ${deckFilter(decks)}
       ORDER BY r.card_id, r.reviewed_at, r.event_id, r.id`,
    )
    .raw(true)
    .iterate(...decks) as IterableIterator<[number, string, number, Grade, string, number | null]>;
  const out: DeckCardLog[] = [];
  let current: DeckCardLog | undefined;
  for (const [cardId, deck, reviewedAt, rating, seed, chosenDays] of rows) {
    if (current?.cardId !== cardId) out.push((current = { cardId, deck, seed, reviews: [] }));
    current.reviews.push({ reviewedAt, rating, chosenDays });
  }
  return out;
}

/** A card a simulation starts from: its deck and schedule (null: never answered). */
export interface SimulationCardRow {
  id: number;
  deck: string;
  state: CardState | null;
}

/**
 * The cards of `decks` (all when empty) that reviews would show some day:
 * not archived, suspended or dropped; in import order, which is new-card order.
 */
export function simulationCards(store: Store, decks: readonly string[]): SimulationCardRow[] {
  const where = `c.archived_at IS NULL AND c.suspended_at IS NULL AND c.dropped_at IS NULL${decks.length ? ` AND d.name IN (${decks.map(() => '?').join(', ')})` : ''}`;
  const rows = store
    .sql(
      `SELECT c.id AS id, d.name AS deck, ${STATE_COLUMNS}
       FROM cards c JOIN decks d ON d.id = c.deck_id LEFT JOIN card_state s ON s.card_id = c.id
       WHERE ${where}
       ORDER BY c.id`,
    )
    .all(...decks) as (StateRow & { id: number; deck: string })[];
  return rows.map((r) => ({ id: r.id, deck: r.deck, state: toCardState(r) }));
}

/** How the user answers, from the log: for a simulation to answer like them. */
export interface AnswerHabits {
  /** Answers counted, and their total time with each answer capped at a minute. */
  answers: number;
  cappedMs: number;
  /** How often each grade (index 0 = Again) was the first answer of a new card. */
  firstGrades: [number, number, number, number];
  /** How often each grade was given to a card in review. */
  reviewGrades: [number, number, number, number];
}

/**
 * Counts of grades and time spent over the answers to cards of `decks` (all
 * when empty). Reads the state before each answer: fill it first
 * (`ensureReviewFacts`) or older answers are not counted by kind.
 */
export function answerHabits(store: Store, decks: readonly string[]): AnswerHabits {
  const rows = store
    .sql(
      `SELECT r.rating AS rating, r.state_before AS before, COUNT(*) AS n, SUM(MIN(r.duration_ms, 60000)) AS ms
       FROM reviews r JOIN cards c ON c.id = r.card_id JOIN decks d ON d.id = c.deck_id
       ${deckFilter(decks)}
       GROUP BY r.rating, r.state_before`,
    )
    .all(...decks) as { rating: Grade; before: number | null; n: number; ms: number }[];
  const habits: AnswerHabits = { answers: 0, cappedMs: 0, firstGrades: [0, 0, 0, 0], reviewGrades: [0, 0, 0, 0] };
  for (const r of rows) {
    habits.answers += r.n;
    habits.cappedMs += r.ms;
    const grades = r.before === 0 ? habits.firstGrades : r.before === 2 ? habits.reviewGrades : null;
    if (grades) grades[r.rating - 1] = grades[r.rating - 1]! + r.n;
  }
  return habits;
}
