import type { Phase } from '../model/card-state.js';
import type { Grade } from '../model/review.js';
import { SYNC_FORMAT_VERSION, type SyncEvent } from '../model/sync-event.js';
import type { Store } from './open-store.js';
import { AppendedTally } from './review-quarters.js';
import { deviceIdOf } from './sync-log.js';

/** An imported answer to write with its facts (the card's phase and interval before it) and its derived event id. */
export interface ImportedAnswerWrite {
  cardId: number;
  /** The card's key and fuzz seed, as its answer event carries them. */
  key: string;
  seed: string;
  at: number;
  rating: Grade;
  durationMs: number;
  /** Where the answer came from (the review log's device column: 'anki'). */
  device: string;
  /** The facts of the answer, as factsBefore gives them (the interval is 0 unless the card was in review). */
  phaseBefore: Phase;
  intervalBefore: number;
  eventId: string;
}

const PHASE_CODE: Record<Phase, number> = { new: 0, learning: 1, review: 2, relearning: 3 };

/**
 * Fixes a card's fuzz seed at its first answer (see appendReview): set when
 * it has none, left as it is otherwise. Call it before writing its answers.
 */
export function fixFuzzSeed(store: Store, cardId: number, seed: string): void {
  store.sql('UPDATE cards SET fuzz_seed = ? WHERE id = ? AND fuzz_seed IS NULL').run(seed, cardId);
}

/**
 * Appends imported answers to the review log, each with its answer event
 * for sync under the id the caller derived: what appendImportedReview does
 * for one answer, for many at once (one statement a batch for the events and
 * one for the answers, this device's id looked up once), in the caller's
 * transaction and in the order given. An answer whose event the store holds
 * already is added only when that event waits for its card (another device's
 * import of the same package, received first), which is then marked folded;
 * otherwise it is left out. Returns, for each answer, whether it was added.
 */
export function appendImportedAnswers(store: Store, answers: readonly ImportedAnswerWrite[], tally?: AppendedTally): boolean[] {
  const added: boolean[] = [];
  for (let i = 0; i < answers.length; i += BATCH) added.push(...appendBatch(store, answers.slice(i, i + BATCH), tally));
  return added;
}

/**
 * Starts adding up the stats' tallies of a bulk import's answers as
 * appendImportedAnswers writes them (see AppendedTally): begin it right before
 * the first of them, give it to every call, and write it after the last, in
 * the same transaction.
 */
export function importedAnswersTally(store: Store): AppendedTally {
  return AppendedTally.begin(store.db);
}

/**
 * Answers a statement writes: with 512 (3,584 and 4,096 variables, of SQLite's 32,766) a million answers' two
 * statements took 5.3 s where 64 took 7.7 s; each shape is prepared once (see statementOf).
 */
const BATCH = 512;

function appendBatch(store: Store, answers: readonly ImportedAnswerWrite[], tally: AppendedTally | undefined): boolean[] {
  const device = deviceIdOf((text) => store.sql(text), answers[0]!.at);
  const values: unknown[] = [];
  let lo = answers[0]!.eventId;
  let hi = lo;
  for (const a of answers) {
    if (a.eventId < lo) lo = a.eventId;
    else if (a.eventId > hi) hi = a.eventId;
    // No line when it can be made again from the answer (see answer-lines.ts): most of what an import wrote.
    const line = a.seed === a.key ? '' : answerLine(a, device);
    values.push(a.eventId, device, a.at, 'answer', a.key, a.cardId, line);
  }
  // When the log holds no event in the batch's range of ids (a first import: always), every one is written now, and
  // the insert need not return their ids (a million RETURNING rows cost a second); otherwise it says which it wrote.
  const noneHeld = store.sql('SELECT NOT EXISTS (SELECT 1 FROM sync_events WHERE id >= ? AND id <= ?)').pluck().get(lo, hi) === 1;
  let added: boolean[];
  let rows: readonly ImportedAnswerWrite[];
  if (noneHeld) {
    store.sql(statementOf(EVENTS, answers.length)).run(values);
    added = answers.map(() => true);
    rows = answers;
  } else {
    const written = new Set(store.sql(`${statementOf(EVENTS, answers.length)} RETURNING id`).pluck().all(values) as string[]);
    const waiting = store.sql('UPDATE sync_events SET folded = 1, card_id = ? WHERE id = ? AND folded = 0');
    added = answers.map((a) => written.has(a.eventId) || waiting.run(a.cardId, a.eventId).changes === 1);
    rows = answers.filter((_, i) => added[i]);
  }
  if (rows.length > 0) {
    values.length = 0;
    for (const a of rows) values.push(a.cardId, a.at, a.rating, a.durationMs, a.device, PHASE_CODE[a.phaseBefore], a.intervalBefore, a.eventId);
    store.sql(statementOf(REVIEWS, rows.length)).run(values);
    if (tally) for (const a of rows) tally.add(a.cardId, a.at, a.rating, a.durationMs, PHASE_CODE[a.phaseBefore], a.intervalBefore);
  }
  return added;
}

/** An insert's head and the placeholders of one of its rows, with its texts made so far by row count. */
interface InsertShape {
  head: string;
  row: string;
  texts: Map<number, string>;
}

const EVENTS: InsertShape = {
  head: 'INSERT OR IGNORE INTO sync_events (id, device, at, kind, card_key, card_id, target, line, folded, sent) VALUES ',
  row: '(?, ?, ?, ?, ?, ?, NULL, ?, 1, 0)',
  texts: new Map(),
};
const REVIEWS: InsertShape = {
  head: 'INSERT INTO reviews (card_id, reviewed_at, rating, duration_ms, session_id, device, state_before, last_interval, event_id) VALUES ',
  row: '(?, ?, ?, ?, NULL, ?, ?, ?, ?)',
  texts: new Map(),
};

/** The text of an insert of `rows` rows, made once a row count (a text of 20 KB, and the store's statement cache is keyed by it). */
function statementOf(shape: InsertShape, rows: number): string {
  let text = shape.texts.get(rows);
  if (text === undefined) {
    text = shape.head + Array(rows).fill(shape.row).join(', ');
    shape.texts.set(rows, text);
  }
  return text;
}

/** An imported answer's event line. */
function answerLine(a: ImportedAnswerWrite, device: string): string {
  const event = {
    v: SYNC_FORMAT_VERSION,
    id: a.eventId,
    device,
    at: a.at,
    kind: 'answer',
    card: a.key,
    rating: a.rating,
    durationMs: a.durationMs,
    session: null,
    host: a.device,
    before: a.phaseBefore !== 'new' ? { phase: a.phaseBefore, intervalDays: a.intervalBefore } : null,
    seed: a.seed,
  } as SyncEvent;
  // Made in eventLine's order (v, id, device, at, kind, then the body), so stringified as it is: eventLine's
  // reordering spread cost seconds over a million answers.
  return JSON.stringify(event);
}
