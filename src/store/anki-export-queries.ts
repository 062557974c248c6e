import type { ApkgAnswerVisit, ApkgCard, ApkgReview, ApkgReviewLog } from '../model/anki-collection.js';
import Database from 'better-sqlite3';
import type { Store } from './open-store.js';
import { addonOptions } from './sqlite-addon.js';
import { startWaitedWorker } from './waited-worker.js';

const IN_DECKS = 'd.name IN (SELECT value FROM json_each(?))';

/**
 * The cards an Anki export carries: studyable ones (not archived, not
 * dropped) of the given decks (all when null), suspended and buried too,
 * with their schedule; by deck, file and line.
 */
export function apkgCards(store: Store, decks: readonly string[] | null, now: number): ApkgCard[] {
  const sql = `SELECT c.id, c.key, c.sibling, c.kind, d.name AS deck, src.path AS sourcePath, c.front, c.back, c.created_at AS createdAt,
                      s.state, s.due, s.stability, s.difficulty, s.scheduled_days AS scheduledDays, s.reps, s.lapses,
                      c.suspended_at IS NOT NULL AS suspended, COALESCE(c.buried_until > ?, 0) AS buried
               FROM cards c JOIN decks d ON d.id = c.deck_id LEFT JOIN sources src ON src.id = c.source_id
               LEFT JOIN card_state s ON s.card_id = c.id
               WHERE ${exported(decks)}
               ORDER BY d.name, src.path, c.line, c.id`;
  const rows = (decks === null ? store.sql(sql).all(now) : store.sql(sql).all(now, JSON.stringify(decks))) as (Omit<ApkgCard, 'suspended' | 'buried'> & { suspended: number; buried: number })[];
  return rows.map((r) => ({ ...r, suspended: r.suspended === 1, buried: r.buried === 1 }));
}

/** The cards an export of the decks (all when null) carries: the condition on `c` (cards) and `d` (their decks) apkgCards reads them by. */
function exported(decks: readonly string[] | null): string {
  return `c.archived_at IS NULL AND c.dropped_at IS NULL ${decks === null ? '' : `AND ${IN_DECKS}`}`;
}

/** How many cards an export of the decks (all when null) carries (as apkgCards gives them), counted without reading them. */
export function apkgCardCount(store: Store, decks: readonly string[] | null): number {
  const sql = `SELECT count(*) FROM cards c JOIN decks d ON d.id = c.deck_id WHERE ${exported(decks)}`;
  return (decks === null ? store.sql(sql).pluck().get() : store.sql(sql).pluck().get(JSON.stringify(decks))) as number;
}

/** Of all cards, the share above which the whole log is read in its own order rather than card by card through its index. */
const SCAN_SHARE = 0.2;

const BY_INDEX = `SELECT card_id AS cardId, reviewed_at AS reviewedAt, rating, state_before AS stateBefore, last_interval AS lastInterval, duration_ms AS durationMs
                  FROM reviews WHERE card_id IN (SELECT value FROM json_each(?)) ORDER BY card_id, reviewed_at, event_id, id`;

/** Stands for NULL in the compact columns (facts are never negative). */
const NONE = -1;

/**
 * The time of the earliest answer of the given cards (UTC ms), or null when
 * they have none: one step of the log's index by card a card.
 */
export function apkgFirstAnswerAt(store: Store, cardIds: readonly number[]): number | null {
  const sql = 'SELECT min((SELECT min(reviewed_at) FROM reviews WHERE card_id = j.value)) FROM json_each(?) j';
  return store.sql(sql).pluck().get(JSON.stringify(cardIds)) as number | null;
}

/** A read of the answers of an export's cards under way; {@link PendingApkgReviews.take} waits for it. */
export interface PendingApkgReviews {
  /** The answers of the given cards (the export's), waited for. Throws what reading them threw. */
  take(cardIds: readonly number[]): ApkgReviewLog;
}

/** The whole log read in its own order: one typed array a column (card, time, rating, state before, last interval, duration), NONE for NULL. */
type LogColumns = Float64Array[];

/**
 * Reads the whole log into columns, on `data.db` or else on a read-only
 * connection of its own to `data.path`. Run on the worker, its text sent
 * there (see startWaitedWorker), so it uses nothing but its arguments; and
 * here when no worker started.
 */
function readLogColumns(
  data: { path: string; options: object; db?: Database.Database },
  Sqlite: new (path: string, options: object) => Database.Database,
): { value: LogColumns; transfer: ArrayBuffer[] } {
  const db = data.db ?? new Sqlite(data.path, { ...data.options, readonly: true, fileMustExist: true });
  try {
    // One read transaction: the count and the rows see the same log.
    return db.transaction(() => {
      const n = db.prepare('SELECT count(*) FROM reviews').pluck().get() as number;
      const c = [0, 1, 2, 3, 4, 5].map(() => new Float64Array(n));
      const [card, at, rating, before, interval, duration] = c as [Float64Array, Float64Array, Float64Array, Float64Array, Float64Array, Float64Array];
      let i = 0;
      const rows = db.prepare('SELECT card_id, reviewed_at, rating, state_before, last_interval, duration_ms FROM reviews').raw().iterate() as IterableIterator<
        [number, number, number, number | null, number | null, number]
      >;
      for (const r of rows) {
        card[i] = r[0];
        at[i] = r[1];
        rating[i] = r[2];
        before[i] = r[3] ?? -1;
        interval[i] = r[4] ?? -1;
        duration[i] = r[5];
        i++;
      }
      return { value: c, transfer: c.map((a) => a.buffer as ArrayBuffer) };
    })();
  } finally {
    if (!data.db) db.close();
  }
}

/**
 * Starts reading every answer of an export's `cardCount` cards, to be given
 * out card by card in replay order (time, then event id and row id). Most of
 * the cards (an export of every deck): the whole log is read in its own
 * order into typed columns, on a worker thread with a read-only connection of
 * its own (a million answers take a second or more of one core, while the
 * export reads its cards and makes its notes on this one), then grouped by
 * card here with a counting sort, and each card's answers handed out from the
 * columns, never made into objects. (Looking each card's answers up through
 * the index costs several times more: a row fetched from the table for each
 * of a million index entries.) A card whose answers are not in strict time
 * order in the log (a sync merged older ones in, two at one time) is read
 * again through the index. A few cards: through the index, here, when taken.
 * A store read into memory, or a worker that cannot start, is read here when
 * taken.
 */
export function startApkgReviews(store: Store, cardCount: number): PendingApkgReviews {
  const cards = store.sql('SELECT count(*) FROM cards').pluck().get() as number;
  if (cardCount < cards * SCAN_SHARE) return { take: (cardIds) => indexedLog(store.sql(BY_INDEX).all(JSON.stringify(cardIds)) as ApkgReview[]) };
  // A store read into memory has no file a worker could open: its own connection reads it, when taken.
  const inMemory = store.readOnly || store.db.memory;
  const worker = inMemory ? null : startWaitedWorker<LogColumns>(readLogColumns.toString(), { path: store.path, options: addonOptions() });
  const here = () => readLogColumns({ path: store.path, options: {}, db: store.db }, Database).value;
  return { take: (cardIds) => groupedLog(store, cardIds, worker?.wait() ?? here()) };
}

/** The log's columns, in its order, grouped by card: the cards' answers in runs, each card's in the log's order. */
function groupedLog(store: Store, cardIds: readonly number[], columns: LogColumns): ApkgReviewLog {
  const [card, at, rating, before, interval, duration] = columns as [Float64Array, Float64Array, Float64Array, Float64Array, Float64Array, Float64Array];
  const slotOf = new Map<number, number>();
  for (const id of cardIds) if (!slotOf.has(id)) slotOf.set(id, slotOf.size);
  // Each answer's card's slot (-1: a card not exported), and where each card's run starts.
  const slot = new Int32Array(card.length);
  const starts = new Int32Array(slotOf.size + 1);
  let size = 0;
  for (let i = 0; i < card.length; i++) {
    const s = slotOf.get(card[i]!);
    if (s === undefined) {
      slot[i] = -1;
      continue;
    }
    slot[i] = s;
    starts[s + 1]!++;
    size++;
  }
  for (let s = 0; s < slotOf.size; s++) starts[s + 1]! += starts[s]!;
  const order = new Int32Array(size);
  const next = starts.slice(0, slotOf.size);
  for (let i = 0; i < slot.length; i++) if (slot[i]! >= 0) order[next[slot[i]!]!++] = i;
  return {
    size,
    each(cardId, answer) {
      const s = slotOf.get(cardId);
      if (s === undefined) return;
      const from = starts[s]!;
      const to = starts[s + 1]!;
      // An answer not later than the one before it: the log's order is not the replay's for this card.
      for (let k = from + 1; k < to; k++) {
        if (at[order[k]!]! <= at[order[k - 1]!]!) {
          visitRows(store.sql(BY_INDEX).all(JSON.stringify([cardId])) as ApkgReview[], answer);
          return;
        }
      }
      for (let k = from; k < to; k++) {
        const i = order[k]!;
        answer(at[i]!, rating[i]!, nullable(before[i]!), nullable(interval[i]!), duration[i]!);
      }
    },
  };
}

function visitRows(rows: readonly ApkgReview[], answer: ApkgAnswerVisit): void {
  for (const r of rows) answer(r.reviewedAt, r.rating, r.stateBefore, r.lastInterval, r.durationMs);
}

function nullable(n: number): number | null {
  return n === NONE ? null : n;
}

/** A log of answers already read in replay order, grouped by card. */
function indexedLog(rows: readonly ApkgReview[]): ApkgReviewLog {
  const byCard = new Map<number, ApkgReview[]>();
  for (const r of rows) {
    const list = byCard.get(r.cardId);
    if (list) list.push(r);
    else byCard.set(r.cardId, [r]);
  }
  return { size: rows.length, each: (cardId, answer) => visitRows(byCard.get(cardId) ?? [], answer) };
}
