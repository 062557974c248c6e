import { PHASES, type CardState, type Phase } from '../model/card-state.js';
import { inChunks, placeholders } from './cards.js';
import { MultiRowInsert } from './multi-row-insert.js';
import type { Store } from './open-store.js';

/** The `state` column holds ts-fsrs's numbering, so the cache reads like FSRS tools expect. */
export const PHASE_CODES: Record<Phase, number> = { new: 0, learning: 1, review: 2, relearning: 3 };

/** Columns of card_state, as selected by {@link STATE_COLUMNS}. */
export interface StateRow {
  state: number | null;
  due: number | null;
  stability: number | null;
  difficulty: number | null;
  scheduled_days: number | null;
  learning_steps: number | null;
  reps: number | null;
  lapses: number | null;
  last_review: number | null;
}

/** The card_state columns (aliased `s`), for queries that join it. */
export const STATE_COLUMNS = 's.state, s.due, s.stability, s.difficulty, s.scheduled_days, s.learning_steps, s.reps, s.lapses, s.last_review';

/** A state from its row, or null when the card has none (never reviewed). */
export function toCardState(r: StateRow): CardState | null {
  if (r.state === null) return null;
  return {
    phase: PHASES[r.state]!,
    due: r.due!,
    stability: r.stability!,
    difficulty: r.difficulty!,
    scheduledDays: r.scheduled_days!,
    learningSteps: r.learning_steps!,
    reps: r.reps!,
    lapses: r.lapses!,
    lastReview: r.last_review,
  };
}

/** The cached scheduling state of a card, or null when it was never reviewed. */
export function cardState(store: Store, cardId: number): CardState | null {
  const row = store.sql(`SELECT ${STATE_COLUMNS} FROM card_state s WHERE s.card_id = ?`).get(cardId) as StateRow | undefined;
  return row ? toCardState(row) : null;
}

/** The cached states of the cards `ids` (null: none), in the order given. */
export function cardStatesOf(store: Store, ids: readonly number[]): Map<number, CardState | null> {
  const read = store.sql(`SELECT ${STATE_COLUMNS} FROM card_state s WHERE s.card_id = ?`);
  const out = new Map<number, CardState | null>();
  for (const id of ids) {
    const row = read.get(id) as StateRow | undefined;
    out.set(id, row ? toCardState(row) : null);
  }
  return out;
}

/**
 * Writes a card's cached state (or removes it when null: the card is new
 * again). An UPDATE, and an INSERT only when there was no row: not one
 * INSERT ... ON CONFLICT DO UPDATE, because SQLite lets an upsert's conflict
 * handling override the OR IGNORE of the statements its triggers run, and
 * doctor's triggers (schema 9) note each changed card with INSERT OR IGNORE:
 * once doctor had recorded a clean check, every answer to a card with a
 * state failed on doctor_changed's key.
 */
export function saveCardState(store: Store, cardId: number, s: CardState | null): void {
  if (s === null) {
    store.sql('DELETE FROM card_state WHERE card_id = ?').run(cardId);
    return;
  }
  const values = stateValues(cardId, s);
  const updated = store
    .sql(
      `UPDATE card_state SET state = ?, due = ?, stability = ?, difficulty = ?, scheduled_days = ?, learning_steps = ?, reps = ?, lapses = ?, last_review = ?
       WHERE card_id = ?`,
    )
    .run(...values).changes;
  if (updated === 0) {
    store
      .sql('INSERT INTO card_state (state, due, stability, difficulty, scheduled_days, learning_steps, reps, lapses, last_review, card_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)')
      .run(...values);
  }
}

/** The values of a state's row, in the column order the writes below use (card_id last). */
function stateValues(cardId: number, s: CardState): unknown[] {
  return [PHASE_CODES[s.phase], s.due, s.stability, s.difficulty, s.scheduledDays, s.learningSteps, s.reps, s.lapses, s.lastReview, cardId];
}

/**
 * Writes many cards' cached states, as {@link saveCardState} writes each: a
 * bulk import's states, a multi-row INSERT for the cards that have none yet
 * (all of them when the cards are new: 65,000 states in a few hundred
 * statements instead of 130,000), an UPDATE for each of the others (a
 * DELETE for a null state, as saveCardState: none is written for a card that had none).
 */
export function saveCardStates(store: Store, states: ReadonlyMap<number, CardState | null>): void {
  inChunks([...states.keys()], (ids) => {
    const held = new Set(store.sql(`SELECT card_id FROM card_state WHERE card_id IN (${placeholders(ids.length)})`).pluck().all(...ids) as number[]);
    const fresh = ids.filter((id) => !held.has(id) && states.get(id) !== null);
    for (const id of ids) if (held.has(id)) saveCardState(store, id, states.get(id) ?? null);
    for (let i = 0; i < fresh.length; i += STATE_ROWS) {
      const rows = fresh.slice(i, i + STATE_ROWS);
      const values = rows.flatMap((id) => stateValues(id, states.get(id)!));
      store.sql(STATES.text(rows.length)).run(...values);
    }
    return [];
  });
}

/** States an INSERT writes (1,280 variables; a statement of each size is kept by the store's cache). */
const STATE_ROWS = 128;
const STATES = new MultiRowInsert(
  'INSERT INTO card_state (state, due, stability, difficulty, scheduled_days, learning_steps, reps, lapses, last_review, card_id) VALUES ',
  '(?, ?, ?, ?, ?, ?, ?, ?, ?, ?)',
);
