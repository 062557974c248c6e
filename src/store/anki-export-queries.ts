import type { ApkgCard, ApkgReview } from '../model/anki-collection.js';
import type { Store } from './open-store.js';

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
               WHERE c.archived_at IS NULL AND c.dropped_at IS NULL ${decks === null ? '' : `AND ${IN_DECKS}`}
               ORDER BY d.name, src.path, c.line, c.id`;
  const rows = (decks === null ? store.sql(sql).all(now) : store.sql(sql).all(now, JSON.stringify(decks))) as (Omit<ApkgCard, 'suspended' | 'buried'> & { suspended: number; buried: number })[];
  return rows.map((r) => ({ ...r, suspended: r.suspended === 1, buried: r.buried === 1 }));
}

/** A review row as read for an export: card, time, rating, facts, duration, then its event id and row id (the tie-breaks). */
type ReviewRow = [cardId: number, reviewedAt: number, rating: 1 | 2 | 3 | 4, stateBefore: number | null, lastInterval: number | null, durationMs: number, eventId: string | null, id: number];

/** Of all cards, the share above which the whole log is read in its own order rather than card by card through its index. */
const SCAN_SHARE = 0.2;

/**
 * Every answer of the given cards, by card, then time (then event id and row
 * id, as a replay orders them). Most of the cards (an export of every deck):
 * the log is read once in its own order and sorted here, which costs a
 * fraction of looking each card's answers up through the index (a row
 * fetched from the table for each of a million index entries). A few cards:
 * through the index.
 */
export function apkgReviews(store: Store, cardIds: readonly number[]): ApkgReview[] {
  const cards = store.sql('SELECT count(*) FROM cards').pluck().get() as number;
  if (cardIds.length < cards * SCAN_SHARE) {
    return store
      .sql(
        `SELECT card_id AS cardId, reviewed_at AS reviewedAt, rating, state_before AS stateBefore, last_interval AS lastInterval, duration_ms AS durationMs
         FROM reviews WHERE card_id IN (SELECT value FROM json_each(?)) ORDER BY card_id, reviewed_at, event_id, id`,
      )
      .all(JSON.stringify(cardIds)) as ApkgReview[];
  }
  const wanted = new Set(cardIds);
  const byCard = new Map<number, ReviewRow[]>();
  const rows = store.sql('SELECT card_id, reviewed_at, rating, state_before, last_interval, duration_ms, event_id, id FROM reviews').raw().iterate() as IterableIterator<ReviewRow>;
  for (const r of rows) {
    if (!wanted.has(r[0])) continue;
    const list = byCard.get(r[0]);
    if (list) list.push(r);
    else byCard.set(r[0], [r]);
  }
  const out: ApkgReview[] = [];
  for (const id of [...byCard.keys()].sort((a, b) => a - b)) {
    const list = byCard.get(id)!;
    // Answers are written in time order but for merges (a sync of older answers): sorted only when out of order.
    if (!inOrder(list)) list.sort(compareReviews);
    for (const r of list) out.push({ cardId: r[0], reviewedAt: r[1], rating: r[2], stateBefore: r[3], lastInterval: r[4], durationMs: r[5] });
  }
  return out;
}

/** Time, then event id (none first, by code point, as SQLite compares text), then row id. */
function compareReviews(a: ReviewRow, b: ReviewRow): number {
  if (a[1] !== b[1]) return a[1] - b[1];
  if (a[6] !== b[6]) return a[6] === null ? -1 : b[6] === null ? 1 : a[6] < b[6] ? -1 : 1;
  return a[7] - b[7];
}

function inOrder(rows: readonly ReviewRow[]): boolean {
  for (let i = 1; i < rows.length; i++) if (compareReviews(rows[i - 1]!, rows[i]!) > 0) return false;
  return true;
}
