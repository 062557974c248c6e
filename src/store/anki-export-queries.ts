import type { ApkgCard, ApkgReview, ApkgReviewLog } from '../model/anki-collection.js';
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

/** Of all cards, the share above which the whole log is read in its own order rather than card by card through its index. */
const SCAN_SHARE = 0.2;

const BY_INDEX = `SELECT card_id AS cardId, reviewed_at AS reviewedAt, rating, state_before AS stateBefore, last_interval AS lastInterval, duration_ms AS durationMs
                  FROM reviews WHERE card_id IN (SELECT value FROM json_each(?)) ORDER BY card_id, reviewed_at, event_id, id`;

/** Stands for NULL in the compact columns (facts are never negative). */
const NONE = -1;

/**
 * Every answer of the given cards, given out card by card in replay order
 * (time, then event id and row id). Most of the cards (an export of every
 * deck): the log is read once in its own order into plain columns of
 * numbers, grouped by card with a counting sort, and each card's answers
 * made into objects only when the export asks for them: a million answers
 * cost a few arrays of numbers instead of two million objects. (Looking each
 * card's answers up through the index costs several times more: a row
 * fetched from the table for each of a million index entries.) A card whose
 * answers are not in strict time order in the log (a sync merged older ones
 * in, two at one time) is read again through the index. A few cards:
 * through the index.
 */
export function apkgReviews(store: Store, cardIds: readonly number[]): ApkgReviewLog {
  const cards = store.sql('SELECT count(*) FROM cards').pluck().get() as number;
  if (cardIds.length < cards * SCAN_SHARE) return indexedLog(store.sql(BY_INDEX).all(JSON.stringify(cardIds)) as ApkgReview[]);
  const slotOf = new Map<number, number>();
  for (const id of cardIds) if (!slotOf.has(id)) slotOf.set(id, slotOf.size);
  // The columns, one entry an answer, in the log's order.
  const slot: number[] = [];
  const at: number[] = [];
  const rating: number[] = [];
  const before: number[] = [];
  const interval: number[] = [];
  const duration: number[] = [];
  let firstAt: number | null = null;
  const rows = store.sql('SELECT card_id, reviewed_at, rating, state_before, last_interval, duration_ms FROM reviews').raw().iterate() as IterableIterator<
    [number, number, number, number | null, number | null, number]
  >;
  for (const r of rows) {
    const s = slotOf.get(r[0]);
    if (s === undefined) continue;
    slot.push(s);
    at.push(r[1]);
    rating.push(r[2]);
    before.push(r[3] ?? NONE);
    interval.push(r[4] ?? NONE);
    duration.push(r[5]);
    if (firstAt === null || r[1] < firstAt) firstAt = r[1];
  }
  // Grouped by card, each card's answers in the log's order: where each card's run starts, and the answers in runs.
  const starts = new Int32Array(slotOf.size + 1);
  for (const s of slot) starts[s + 1]!++;
  for (let s = 0; s < slotOf.size; s++) starts[s + 1]! += starts[s]!;
  const order = new Int32Array(slot.length);
  const next = starts.slice(0, slotOf.size);
  for (let i = 0; i < slot.length; i++) order[next[slot[i]!]!++] = i;
  return {
    size: slot.length,
    firstAt,
    of(cardId) {
      const s = slotOf.get(cardId);
      if (s === undefined) return [];
      const out: ApkgReview[] = [];
      for (let k = starts[s]!; k < starts[s + 1]!; k++) {
        const i = order[k]!;
        // Not later than the one before it: the log's order is not the replay's for this card.
        if (out.length > 0 && at[i]! <= out[out.length - 1]!.reviewedAt) return store.sql(BY_INDEX).all(JSON.stringify([cardId])) as ApkgReview[];
        out.push({ cardId, reviewedAt: at[i]!, rating: rating[i]!, stateBefore: nullable(before[i]!), lastInterval: nullable(interval[i]!), durationMs: duration[i]! });
      }
      return out;
    },
  };
}

function nullable(n: number): number | null {
  return n === NONE ? null : n;
}

/** A log of answers already read in replay order, grouped by card. */
function indexedLog(rows: readonly ApkgReview[]): ApkgReviewLog {
  const byCard = new Map<number, ApkgReview[]>();
  let firstAt: number | null = null;
  for (const r of rows) {
    const list = byCard.get(r.cardId);
    if (list) list.push(r);
    else byCard.set(r.cardId, [r]);
    if (firstAt === null || r.reviewedAt < firstAt) firstAt = r.reviewedAt;
  }
  return { size: rows.length, firstAt, of: (cardId) => byCard.get(cardId) ?? [] };
}
