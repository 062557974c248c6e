import { cardById } from '../../src/store/cards.js';
import { join } from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import { loadSettings, schedulerSet } from '../../src/app/settings/study-settings.js';
import type { CardState } from '../../src/model/card-state.js';
import type { Grade } from '../../src/model/review.js';
import type { SchedulerSet } from '../../src/schedule/scheduler-set.js';
import { cardState } from '../../src/store/card-state-rows.js';
import { openStore, type Store } from '../../src/store/open-store.js';
import { reviewsOfCard } from '../../src/store/reviews.js';

// Checks of a store after engram was killed or shared with another engram:
// the file is sound, and every cached card state is what its review log
// replays to. The store is opened as any engram opens it (which recovers a
// write-ahead log left by a killed process) and closed again before returning.

/** The schedulers engram uses with the config under `home` (as the spawned binary reads it). */
export function schedulersOf(home: string): SchedulerSet {
  return schedulerSet(loadSettings(join(home, '.config', 'engram', 'config.json')));
}

/** Runs `read` on the store at `path`, opened as engram opens it, and closes it. */
export function withStore<T>(path: string, read: (store: Store) => T): T {
  const store = openStore(path, { create: false });
  try {
    return read(store);
  } finally {
    store.close();
  }
}

/** What is wrong with the file: integrity_check messages and foreign_key_check rows; both empty when sound. */
export function fileProblems(store: Store): { integrity: string[]; foreignKeys: unknown[] } {
  const integrity = (store.db.pragma('integrity_check') as { integrity_check: string }[]).map((r) => r.integrity_check).filter((m) => m !== 'ok');
  return { integrity, foreignKeys: store.db.pragma('foreign_key_check') as unknown[] };
}

/** One answer in the review log. */
export interface LogRow {
  id: number;
  cardId: number;
  rating: Grade;
}

/** The review log after review id `afterId`, oldest first. */
export function logRows(store: Store, afterId = 0): LogRow[] {
  return store.db.prepare('SELECT id, card_id AS cardId, rating FROM reviews WHERE id > ? ORDER BY id').all(afterId) as LogRow[];
}

/** A card whose cached state is not the replay of its log. */
export interface Drift {
  cardId: number;
  cached: CardState | null;
  replayed: CardState | null;
}

/** Every card (archived ones too) whose cached state differs from the replay of its review log. */
export function replayDrift(store: Store, schedulers: SchedulerSet): Drift[] {
  const cards = store.db.prepare('SELECT c.id, d.name AS deck FROM cards c JOIN decks d ON d.id = c.deck_id ORDER BY c.id').all() as { id: number; deck: string }[];
  const drift: Drift[] = [];
  for (const { id, deck } of cards) {
    const cached = cardState(store, id);
    const replayed = schedulers.forDeck(deck).replay(cardById(store, id)!.seed!, reviewsOfCard(store, id));
    if (!isDeepStrictEqual(cached, replayed)) drift.push({ cardId: id, cached, replayed });
  }
  return drift;
}

/**
 * The header counts a review of `deck` must start with at `now`, worked out
 * from the states alone (not with engram's queue code): New = studyable cards
 * never answered, Learn = learning or relearning cards due before `dayEnd`,
 * Due = review cards due before `dayEnd`. Valid while the daily limits are
 * above these numbers and the deck has no siblings.
 */
export function expectedCounts(store: Store, deck: string, dayEnd: number): { new: number; learn: number; due: number } {
  const ids = store.db
    .prepare(
      `SELECT c.id FROM cards c JOIN decks d ON d.id = c.deck_id
        WHERE d.name = ? AND c.archived_at IS NULL AND c.suspended_at IS NULL AND c.buried_until IS NULL`,
    )
    .pluck()
    .all(deck) as number[];
  const counts = { new: 0, learn: 0, due: 0 };
  for (const id of ids) {
    const s = cardState(store, id);
    if (s === null || s.phase === 'new') counts.new++;
    else if (s.due >= dayEnd) continue;
    else if (s.phase === 'review') counts.due++;
    else counts.learn++;
  }
  return counts;
}

/** The New/Learn/Due counts of the last review header in `text` (plain text), or null when none is complete. */
export function lastHeader(text: string): { new: number; learn: number; due: number } | null {
  // The clock after the counts proves the line was written whole.
  const all = [...text.matchAll(/New (\d+) {2}Learn (\d+) {2}Due (\d+) {2}\d+:\d\d/g)];
  const m = all[all.length - 1];
  return m ? { new: Number(m[1]), learn: Number(m[2]), due: Number(m[3]) } : null;
}
