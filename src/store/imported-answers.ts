import { PHASES } from '../model/card-state.js';
import type { Grade } from '../model/review.js';
import { SYNC_FORMAT_VERSION, type SyncEvent } from '../model/sync-event.js';
import { inChunks, placeholders } from './cards.js';
import { MultiRowInsert, ROWS_A_STATEMENT } from './multi-row-insert.js';
import type { Store } from './open-store.js';
import { AppendedTally } from './review-quarters.js';
import { deviceIdOf } from './sync-log.js';

/**
 * Fixes a card's fuzz seed at its first answer (see appendReview): set when
 * it has none, left as it is otherwise. Call it before writing its answers.
 */
export function fixFuzzSeed(store: Store, cardId: number, seed: string): void {
  store.sql('UPDATE cards SET fuzz_seed = ? WHERE id = ? AND fuzz_seed IS NULL').run(seed, cardId);
}

/**
 * {@link fixFuzzSeed} for many cards at once, each to the seed that stands for
 * it until then, its key: the cards of `cardIds` that have none get their key,
 * the others keep theirs (an import of 65,000 new cards: a statement a few
 * hundred cards instead of one a card).
 */
export function fixFuzzSeedsToKeys(store: Store, cardIds: readonly number[]): void {
  inChunks(cardIds, (ids) => {
    store.sql(`UPDATE cards SET fuzz_seed = key WHERE fuzz_seed IS NULL AND id IN (${placeholders(ids.length)})`).run(...ids);
    return [];
  });
}

/** A card whose imported answers are written: its id, and its key and fuzz seed as its answer events carry them. */
export interface ImportedCard {
  cardId: number;
  key: string;
  seed: string;
}

/**
 * Imported answers with their facts, in columns (a million answers are a few
 * typed arrays, not a million objects): answer i is of card `cards[card[i]]`,
 * at `at[i]`, with `phaseBefore[i]` coded as the review log codes it
 * (0 new, 1 learning, 2 review, 3 relearning) and `intervalBefore[i]` 0
 * unless the card was in review (as factsBefore gives them).
 */
export interface ImportedAnswerColumns {
  cards: readonly ImportedCard[];
  card: Uint32Array;
  at: Float64Array;
  rating: Uint8Array;
  durationMs: Float64Array;
  phaseBefore: Uint8Array;
  intervalBefore: Float64Array;
  /** Where the answers came from (the review log's device column: 'anki'). */
  device: string;
}

/**
 * Appends imported answers to the review log, each with its answer event
 * for sync under the id the caller derived: what appendImportedReview does
 * for one answer, for many at once (one statement a batch for the events and
 * one for the answers, this device's id looked up once), in the caller's
 * transaction. Writes the answers numbered `rows`, in that order, under the
 * event ids `eventIds` (one a row, in the same order). An answer whose event
 * the store holds already is added only when that event waits for its card
 * (another device's import of the same package, received first), which is
 * then marked folded; otherwise it is left out. Returns, for each row,
 * whether it was added.
 */
export function appendImportedColumns(store: Store, answers: ImportedAnswerColumns, rows: Uint32Array, eventIds: readonly string[], tally?: AppendedTally): boolean[] {
  const added: boolean[] = [];
  for (let i = 0; i < rows.length; i += ROWS_A_STATEMENT) {
    added.push(...appendBatch(store, answers, rows.subarray(i, i + ROWS_A_STATEMENT), eventIds.slice(i, i + ROWS_A_STATEMENT), tally));
  }
  return added;
}

/**
 * Starts adding up the stats' tallies of a bulk import's answers as
 * appendImportedColumns writes them (see AppendedTally): begin it right before
 * the first of them, give it to every call, and write it after the last, in
 * the same transaction.
 */
export function importedAnswersTally(store: Store): AppendedTally {
  return AppendedTally.begin(store.db);
}

function appendBatch(store: Store, a: ImportedAnswerColumns, rows: Uint32Array, ids: readonly string[], tally: AppendedTally | undefined): boolean[] {
  const device = deviceIdOf((text) => store.sql(text), a.at[rows[0]!]!);
  const values: unknown[] = [];
  let lo = ids[0]!;
  let hi = lo;
  for (let j = 0; j < rows.length; j++) {
    const i = rows[j]!;
    const c = a.cards[a.card[i]!]!;
    const id = ids[j]!;
    if (id < lo) lo = id;
    else if (id > hi) hi = id;
    // No line when it can be made again from the answer (see answer-lines.ts): most of what an import wrote.
    const line = c.seed === c.key ? '' : answerLine(a, i, c, id, device);
    values.push(id, device, a.at[i], 'answer', c.key, c.cardId, line);
  }
  // When the log holds no event in the batch's range of ids (a first import: always), every one is written now, and
  // the insert need not return their ids (a million RETURNING rows cost a second); otherwise it says which it wrote.
  const noneHeld = store.sql('SELECT NOT EXISTS (SELECT 1 FROM sync_events WHERE id >= ? AND id <= ?)').pluck().get(lo, hi) === 1;
  let added: boolean[];
  let written = rows.length;
  if (noneHeld) {
    // Bound as arguments, not as one array: better-sqlite3 reads an array one property lookup a value.
    store.sql(EVENTS.text(rows.length)).run(...values);
    added = Array<boolean>(rows.length).fill(true);
  } else {
    const inserted = new Set(store.sql(`${EVENTS.text(rows.length)} RETURNING id`).pluck().all(values) as string[]);
    const waiting = store.sql('UPDATE sync_events SET folded = 1, card_id = ? WHERE id = ? AND folded = 0');
    added = ids.map((id, j) => inserted.has(id) || waiting.run(a.cards[a.card[rows[j]!]!]!.cardId, id).changes === 1);
    written = added.filter(Boolean).length;
  }
  if (written > 0) {
    values.length = 0;
    for (let j = 0; j < rows.length; j++) {
      if (!added[j]) continue;
      const i = rows[j]!;
      values.push(a.cards[a.card[i]!]!.cardId, a.at[i], a.rating[i], a.durationMs[i], a.device, a.phaseBefore[i], a.intervalBefore[i], ids[j]);
    }
    store.sql(REVIEWS.text(written)).run(...values);
    if (tally) {
      for (let j = 0; j < rows.length; j++) {
        const i = rows[j]!;
        if (added[j]) tally.add(a.cards[a.card[i]!]!.cardId, a.at[i]!, a.rating[i]!, a.durationMs[i]!, a.phaseBefore[i]!, a.intervalBefore[i]!);
      }
    }
  }
  return added;
}

// A million answers' two statements took 5.3 s at ROWS_A_STATEMENT (3,584 and 4,096 variables) where 64 rows took 7.7 s.
const EVENTS = new MultiRowInsert(
  'INSERT OR IGNORE INTO sync_events (id, device, at, kind, card_key, card_id, target, line, folded, sent) VALUES ',
  '(?, ?, ?, ?, ?, ?, NULL, ?, 1, 0)',
);
const REVIEWS = new MultiRowInsert(
  'INSERT INTO reviews (card_id, reviewed_at, rating, duration_ms, session_id, device, state_before, last_interval, event_id) VALUES ',
  '(?, ?, ?, ?, NULL, ?, ?, ?, ?)',
);

/** Answer `i`'s event line. */
function answerLine(a: ImportedAnswerColumns, i: number, c: ImportedCard, id: string, device: string): string {
  const phase = PHASES[a.phaseBefore[i]!]!;
  const event = {
    v: SYNC_FORMAT_VERSION,
    id,
    device,
    at: a.at[i]!,
    kind: 'answer',
    card: c.key,
    rating: a.rating[i]! as Grade,
    durationMs: a.durationMs[i]!,
    session: null,
    host: a.device,
    before: phase !== 'new' ? { phase, intervalDays: a.intervalBefore[i]! } : null,
    seed: c.seed,
  } as SyncEvent;
  // Made in eventLine's order (v, id, device, at, kind, then the body), so stringified as it is: eventLine's
  // reordering spread cost seconds over a million answers.
  return JSON.stringify(event);
}
