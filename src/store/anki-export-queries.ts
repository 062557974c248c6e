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

/** Every answer of the given cards, by card then time. */
export function apkgReviews(store: Store, cardIds: readonly number[]): ApkgReview[] {
  return store
    .sql(
      `SELECT card_id AS cardId, reviewed_at AS reviewedAt, rating, state_before AS stateBefore, last_interval AS lastInterval, duration_ms AS durationMs
       FROM reviews WHERE card_id IN (SELECT value FROM json_each(?)) ORDER BY card_id, reviewed_at, event_id, id`,
    )
    .all(JSON.stringify(cardIds)) as ApkgReview[];
}
