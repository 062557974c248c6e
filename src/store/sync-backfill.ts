import type Database from 'better-sqlite3';
import type { Grade } from '../model/review.js';
import type { Phase } from '../model/card-state.js';
import { insertOwnEvent, type Prepare } from './sync-log.js';

const PHASES: Phase[] = ['new', 'learning', 'review', 'relearning'];

/**
 * Writes this device's history from before events existed as its first
 * events (schema 7): an answer for every review, in log order, and the
 * suspensions and drops standing now. Burials are left out: they end with
 * the study day. Reviews get their event's id.
 */
export function backfillSyncEvents(db: Database.Database): void {
  const cache = new Map<string, Database.Statement>();
  const sql: Prepare = (text) => {
    let stmt = cache.get(text);
    if (!stmt) cache.set(text, (stmt = db.prepare(text)));
    return stmt;
  };
  const reviews = db
    .prepare(
      `SELECT r.id, r.card_id, r.reviewed_at, r.rating, r.duration_ms, r.session_id, r.device, r.state_before, r.last_interval,
              c.key, c.fuzz_seed FROM reviews r JOIN cards c ON c.id = r.card_id ORDER BY r.id`,
    )
    .all() as {
    id: number; card_id: number; reviewed_at: number; rating: Grade; duration_ms: number; session_id: string | null; device: string | null;
    state_before: number | null; last_interval: number | null; key: string; fuzz_seed: string | null;
  }[];
  for (const r of reviews) {
    const before = r.state_before === null || r.state_before === 0 ? null : { phase: PHASES[r.state_before]!, intervalDays: r.last_interval ?? 0 };
    const event = insertOwnEvent(
      sql,
      { kind: 'answer', card: r.key, rating: r.rating, durationMs: r.duration_ms, session: r.session_id, host: r.device, before, seed: r.fuzz_seed ?? String(r.card_id) },
      r.reviewed_at,
      r.card_id,
    );
    sql('UPDATE reviews SET event_id = ? WHERE id = ?').run(event.id, r.id);
  }
  const flagged = db.prepare('SELECT id, key, suspended_at, dropped_at FROM cards WHERE suspended_at IS NOT NULL OR dropped_at IS NOT NULL ORDER BY id').all() as {
    id: number; key: string; suspended_at: number | null; dropped_at: number | null;
  }[];
  for (const c of flagged) {
    if (c.suspended_at !== null) insertOwnEvent(sql, { kind: 'suspend', card: c.key }, c.suspended_at, c.id);
    if (c.dropped_at !== null) insertOwnEvent(sql, { kind: 'drop', card: c.key }, c.dropped_at, c.id);
  }
}
