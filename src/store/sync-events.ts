import type { SyncEvent } from '../model/sync-event.js';
import { answerLineSql } from './answer-lines.js';
import { withIndexesRemade } from './bulk-indexes.js';
import { MultiRowInsert, ROWS_A_STATEMENT } from './multi-row-insert.js';
import { AppendedTally } from './review-quarters.js';
import type { Store } from './open-store.js';
import { eventTarget } from './sync-log.js';

/** One of this device's events not yet written to the sync folder. */
export interface UnsentEvent {
  id: string;
  at: number;
  line: string;
}

/**
 * This device's events not yet in the sync folder, oldest id first. An
 * imported answer's event kept no line: it is made from its answer's row
 * (see answer-lines.ts).
 */
export function unsentEvents(store: Store): UnsentEvent[] {
  const rows = store
    .sql(
      `SELECT e.id, e.at, CASE WHEN e.line <> '' THEN e.line WHEN r.id IS NOT NULL THEN ${answerLineSql('e.', 'r')} END AS line
       FROM sync_events e LEFT JOIN reviews r ON e.line = '' AND r.event_id = e.id WHERE e.sent = 0 ORDER BY e.id`,
    )
    .all() as { id: string; at: number; line: string | null }[];
  // No line and no answer to make it from: a store changed outside engram (the triggers keep every other line).
  return rows.filter((r): r is UnsentEvent => r.line !== null);
}

/** Marks events as written to the sync folder. */
export function markSent(store: Store, ids: readonly string[]): void {
  const stmt = store.sql('UPDATE sync_events SET sent = 1 WHERE id = ?');
  store.transaction(() => {
    for (const id of ids) stmt.run(id);
  });
}

/** Whether the store already holds an event of this id. */
export function hasEvent(store: Store, id: string): boolean {
  return store.sql('SELECT EXISTS (SELECT 1 FROM sync_events WHERE id = ?)').pluck().get(id) === 1;
}

/** Events read from other devices and not folded yet (their card unknown here, or new), by time then id. */
export function pendingEvents(store: Store): SyncEvent[] {
  return (store.sql('SELECT line FROM sync_events WHERE folded = 0 ORDER BY at, id').pluck().all() as string[]).map((l) => JSON.parse(l) as SyncEvent);
}

/** How many events wait to be folded. */
export function pendingCount(store: Store): number {
  return store.sql('SELECT count(*) FROM sync_events WHERE folded = 0').pluck().get() as number;
}

/** Marks an event folded, with the card it was found to be about here (null: none). */
export function markFolded(store: Store, id: string, cardId: number | null): void {
  store.sql('UPDATE sync_events SET folded = 1, card_id = ? WHERE id = ?').run(cardId, id);
}

/** Removes the answer with event id `answerId` (an undo from another device); returns its card, or null when absent. */
export function deleteReviewByEvent(store: Store, answerId: string): number | null {
  const cardId = store.sql('SELECT card_id FROM reviews WHERE event_id = ?').pluck().get(answerId) as number | undefined;
  if (cardId === undefined) return null;
  store.sql('DELETE FROM reviews WHERE event_id = ?').run(answerId);
  return cardId;
}

/**
 * Whether a folded event of the same family (`kinds`, never 'answer') about this card is
 * later than (`at`, `id`): then that one stands, last writer wins by time.
 */
export function hasLaterFlagEvent(store: Store, cardId: number, kinds: readonly string[], at: number, id: string): boolean {
  // kind <> 'answer': what lets SQLite use the index by card, which holds every event but answers (schema 14).
  return (
    store
      .sql(
        `SELECT EXISTS (SELECT 1 FROM sync_events WHERE card_id = ? AND kind IN (SELECT value FROM json_each(?)) AND kind <> 'answer' AND folded = 1
           AND (at > ? OR (at = ? AND id > ?)))`,
      )
      .pluck()
      .get(cardId, JSON.stringify(kinds), at, at, id) === 1
  );
}

/** Sets a card's flag as another device's event says (no event of this device's is recorded). */
export function applyFlag(store: Store, cardId: number, e: SyncEvent): void {
  switch (e.kind) {
    case 'suspend':
    case 'unsuspend':
      store.sql('UPDATE cards SET suspended_at = ? WHERE id = ?').run(e.kind === 'suspend' ? e.at : null, cardId);
      return;
    case 'bury':
    case 'unbury':
      store.sql('UPDATE cards SET buried_until = ? WHERE id = ?').run(e.kind === 'bury' ? e.until : null, cardId);
      return;
    case 'drop':
      store.sql('UPDATE cards SET dropped_at = COALESCE(dropped_at, ?) WHERE id = ?').run(e.at, cardId);
      return;
    case 'undrop':
      store.sql('UPDATE cards SET dropped_at = NULL WHERE id = ?').run(cardId);
      return;
    default:
  }
}

/** How far each event file of other devices was read, by path. */
export function readOffsets(store: Store): Map<string, number> {
  const rows = store.sql('SELECT path, read_bytes FROM sync_files').all() as { path: string; read_bytes: number }[];
  return new Map(rows.map((r) => [r.path, r.read_bytes]));
}

/** Records how far an event file was read (complete lines only). */
export function saveOffset(store: Store, path: string, bytes: number): void {
  store.sql('INSERT INTO sync_files (path, read_bytes) VALUES (?, ?) ON CONFLICT(path) DO UPDATE SET read_bytes = excluded.read_bytes').run(path, bytes);
}

/** The sync folder this store was set up with, or null. */
export function syncFolder(store: Store): string | null {
  return (store.sql('SELECT folder FROM sync_device WHERE id = 1').pluck().get() as string | null | undefined) ?? null;
}

/** Sets the sync folder (the device row is made first when needed, see localDevice). */
export function setSyncFolder(store: Store, folder: string): void {
  store.sql('UPDATE sync_device SET folder = ? WHERE id = 1').run(folder);
}

/** Counts for doctor: events by device (this device's sent or not), the last event time of each. */
export interface DeviceEvents {
  device: string;
  events: number;
  lastAt: number;
  pending: number;
  unsent: number;
}

/** Every device's events this store holds, with counts (see DeviceEvents), by device. */
export function eventsByDevice(store: Store): DeviceEvents[] {
  return store
    .sql(
      `SELECT device, count(*) AS events, max(at) AS lastAt, sum(folded = 0) AS pending, sum(sent = 0) AS unsent
       FROM sync_events GROUP BY device ORDER BY device`,
    )
    .all() as DeviceEvents[];
}

/** Every event id of one device this store holds, sorted. */
export function eventIdsOf(store: Store, device: string): string[] {
  return store.sql('SELECT id FROM sync_events WHERE device = ? ORDER BY id').pluck().all(device) as string[];
}

/** Marks this device's events to be written to the sync folder again (they went missing from it). */
export function markUnsent(store: Store, ids: readonly string[]): void {
  const stmt = store.sql('UPDATE sync_events SET sent = 0 WHERE id = ?');
  store.transaction(() => {
    for (const id of ids) stmt.run(id);
  });
}

/** An answer already in the log, as a merge with new ones needs it. */
export interface LoggedAnswer {
  id: number;
  eventId: string | null;
  reviewedAt: number;
  rating: 1 | 2 | 3 | 4;
  stateBefore: number | null;
  lastInterval: number | null;
  /** The interval the load balancer or easy days chose, or null. */
  chosenDays: number | null;
}

/** A card's answers in the log, unordered (the caller merges and sorts). */
export function loggedAnswers(store: Store, cardId: number): LoggedAnswer[] {
  return store
    .sql('SELECT id, event_id AS eventId, reviewed_at AS reviewedAt, rating, state_before AS stateBefore, last_interval AS lastInterval, chosen_days AS chosenDays FROM reviews WHERE card_id = ?')
    .all(cardId) as LoggedAnswer[];
}

/** A foreign event to record: the event, its line as read, its card here (null: none) and whether it is folded now. */
export interface ForeignEventRow {
  event: SyncEvent;
  line: string;
  cardId: number | null;
  folded: boolean;
  /** This device's own event read back from its files (a store put back to an older copy): its line is kept to send again. */
  own?: boolean;
}

/**
 * The line kept for an event recorded from the files: none ('') for another
 * device's answer folded now whose seed is its card's key (nearly all of
 * them), whose facts its reviews row and the event's columns hold. Its line
 * is never read again: only waiting events are parsed again (pendingEvents),
 * only this device's own are sent (unsentEvents), and seedOfAnswer reads
 * the seed as the card key when the line is empty. A fold of a million
 * answers then writes no 250 MB of lines it never reads.
 */
function keptLine(r: ForeignEventRow): string {
  const e = r.event;
  return r.folded && !r.own && e.kind === 'answer' && e.seed === e.card ? '' : r.line;
}

const EVENTS = new MultiRowInsert(
  'INSERT OR IGNORE INTO sync_events (id, device, at, kind, card_key, card_id, target, line, folded, sent) VALUES ',
  '(?, ?, ?, ?, ?, ?, ?, ?, ?, 1)',
);

/**
 * Records other devices' events as folded (or, with `folded` false, waiting
 * for their card), with their lines as read, many a statement, in the
 * caller's transaction. The caller leaves out the events the store holds
 * (see heldEventIds): one it holds anyway is skipped.
 */
export function insertForeignEvents(store: Store, rows: readonly ForeignEventRow[]): void {
  const values: unknown[] = [];
  for (let i = 0; i < rows.length; i += ROWS_A_STATEMENT) {
    const to = Math.min(i + ROWS_A_STATEMENT, rows.length);
    values.length = 0;
    for (let j = i; j < to; j++) {
      const r = rows[j]!;
      const e = r.event;
      values.push(e.id, e.device, e.at, e.kind, 'card' in e ? e.card : null, r.cardId, eventTarget(e), keptLine(r), r.folded ? 1 : 0);
    }
    // Bound as arguments, not as one array: better-sqlite3 reads an array one property lookup a value.
    store.sql(EVENTS.text(to - i)).run(...values);
  }
}

/** Fewer ids than this are looked up one by one; more, by one walk of the ids between the first and the last. */
const LOOKUPS_ABOVE = 2_000;

/**
 * Which of `ids` (sorted, ascending) the store holds already. Many ids are
 * checked by one walk of the event log's ids in their range, merged with
 * them: a fold of a million events into a store that holds none of them
 * reads nothing, and one into a store that holds them reads each id once.
 */
export function heldEventIds(store: Store, ids: readonly string[]): Set<string> {
  const held = new Set<string>();
  if (ids.length === 0) return held;
  if (ids.length <= LOOKUPS_ABOVE) {
    for (const id of ids) if (hasEvent(store, id)) held.add(id);
    return held;
  }
  let i = 0;
  for (const id of store.sql('SELECT id FROM sync_events WHERE id >= ? AND id <= ? ORDER BY id').pluck().iterate(ids[0], ids[ids.length - 1]) as IterableIterator<string>) {
    while (i < ids.length && ids[i]! < id) i++;
    if (i === ids.length) break;
    if (ids[i] === id) held.add(id);
  }
  return held;
}

/** The targets of every undo the store holds (from any device). */
export function undoTargets(store: Store): Set<string> {
  // Through the partial index of targets (undos' and settings'); settings' targets never name an answer.
  return new Set(store.sql("SELECT target FROM sync_events WHERE target IS NOT NULL AND kind = 'undo'").pluck().all() as string[]);
}

/** Whether a folded setting event of the same setting (`target`) is later than (`at`, `id`): then that one stands. */
export function hasLaterSettingEvent(store: Store, target: string, at: number, id: string): boolean {
  return (
    store
      .sql("SELECT EXISTS (SELECT 1 FROM sync_events WHERE target = ? AND kind = 'setting' AND folded = 1 AND id <> ? AND (at > ? OR (at = ? AND id > ?)))")
      .pluck()
      .get(target, id, at, at, id) === 1
  );
}

/** The fuzz seed an answer's event carries (null when the store has no such event). */
export function seedOfAnswer(store: Store, eventId: string): string | null {
  const row = store.sql('SELECT line, card_key AS cardKey FROM sync_events WHERE id = ?').get(eventId) as { line: string; cardKey: string | null } | undefined;
  if (row === undefined) return null;
  // No line: a folded answer of another device's whose seed was its card key (see keptLine).
  if (row.line === '') return row.cardKey;
  return (JSON.parse(row.line) as { seed?: string }).seed ?? null;
}

/** Another device's answer to add to the log, with its facts (the state before it in the merged replay). */
export interface NewAnswer {
  cardId: number;
  event: SyncEvent & { kind: 'answer' };
  stateBefore: number;
  lastInterval: number;
}

const ANSWERS = new MultiRowInsert(
  'INSERT OR IGNORE INTO reviews (card_id, reviewed_at, rating, duration_ms, session_id, device, event_id, state_before, last_interval, chosen_days) VALUES ',
  '(?, ?, ?, ?, ?, ?, ?, ?, ?, ?)',
);

/** Adds other devices' answers to the log with their facts, in the order given (in the caller's transaction); an answer whose event id the log holds is skipped. */
export function insertAnswersWithFacts(store: Store, answers: readonly NewAnswer[]): void {
  withIndexesRemade(store, 'reviews', answers.length, () => writeAnswers(store, answers));
}

function writeAnswers(store: Store, answers: readonly NewAnswer[]): void {
  // The stats' tallies of these answers, added up here: the commit's fold need not read them back (see AppendedTally).
  const tally = AppendedTally.begin(store.db);
  const values: unknown[] = [];
  for (let i = 0; i < answers.length; i += ROWS_A_STATEMENT) {
    const to = Math.min(i + ROWS_A_STATEMENT, answers.length);
    values.length = 0;
    for (let j = i; j < to; j++) pushAnswer(values, answers[j]!);
    // Bound as arguments (see insertForeignEvents).
    const changes = store.sql(ANSWERS.text(to - i)).run(...values).changes;
    if (changes !== to - i) tally.spoil();
    else {
      for (let j = i; j < to; j++) {
        const a = answers[j]!;
        const e = a.event;
        tally.add(a.cardId, e.at, e.rating, e.durationMs, a.stateBefore, a.lastInterval);
      }
    }
  }
  tally.write();
}

function pushAnswer(values: unknown[], a: NewAnswer): void {
  const e = a.event;
  values.push(a.cardId, e.at, e.rating, e.durationMs, e.session, e.host, e.id, a.stateBefore, a.lastInterval, chosenDaysOf(e));
}

/** The interval an answer event says its device's load balancer chose, when it says one that can be (a whole number of days). */
export function chosenDaysOf(e: { chosenDays?: unknown }): number | null {
  return typeof e.chosenDays === 'number' && Number.isInteger(e.chosenDays) && e.chosenDays >= 0 ? e.chosenDays : null;
}

/** What a replay of a card needs: its deck, key, fuzz seed as kept (null: none yet) and as used (the key when none). */
export interface ReplayIdentity {
  deck: string;
  key: string;
  fuzzSeed: string | null;
  seed: string;
}

/**
 * What a replay needs of each card of `cardIds` (see ReplayIdentity), by card
 * id; a card not in the store is absent. One query for them all: a fold
 * replays up to every card of the store, and a query a card cost it a
 * statement each.
 */
export function replayIdentities(store: Store, cardIds: readonly number[]): Map<number, ReplayIdentity> {
  const rows = store
    .sql(
      `SELECT c.id, d.name AS deck, c.key, c.fuzz_seed AS fuzzSeed, COALESCE(c.fuzz_seed, c.key) AS seed
       FROM cards c JOIN decks d ON d.id = c.deck_id WHERE c.id IN (SELECT value FROM json_each(?))`,
    )
    .all(JSON.stringify(cardIds)) as (ReplayIdentity & { id: number })[];
  return new Map(rows.map(({ id, ...card }) => [id, card]));
}

/** Whether the review log holds any answer (a fold into a fresh store finds none, and reads no card's). */
export function hasAnswers(store: Store): boolean {
  return store.sql('SELECT EXISTS (SELECT 1 FROM reviews)').pluck().get() === 1;
}

/** Rewrites the facts of one answer (a merge put answers before it). */
export function updateAnswerFacts(store: Store, reviewId: number, stateBefore: number, lastInterval: number): void {
  store.sql('UPDATE reviews SET state_before = ?, last_interval = ? WHERE id = ?').run(stateBefore, lastInterval, reviewId);
}

/** Sets a card's fuzz seed. */
export function setCardSeed(store: Store, cardId: number, seed: string | null): void {
  store.sql('UPDATE cards SET fuzz_seed = ? WHERE id = ?').run(seed, cardId);
}
