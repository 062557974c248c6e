import type { Store } from './open-store.js';

/** engram doctor's last check that found every cached state equal to the replay of its log. */
export interface CleanCheck {
  /** UTC ms of the check. */
  checkedAt: number;
  /** The review log's last id then: answers past it came since. */
  reviewsThrough: number;
  /** The scheduling settings the check replayed with (a fingerprint; other settings mean every card again). */
  settings: string;
}

/** The last clean check of this store, or null when there has been none. */
export function lastCleanCheck(store: Store): CleanCheck | null {
  const row = store.sql('SELECT checked_at, reviews_through, settings FROM doctor_check WHERE id = 1').get() as
    | { checked_at: number; reviews_through: number; settings: string }
    | undefined;
  return row ? { checkedAt: row.checked_at, reviewsThrough: row.reviews_through, settings: row.settings } : null;
}

/**
 * The cards changed since `check` (ascending ids): their cached state, an
 * answer removed, their deck or fuzz seed (kept by triggers), or an answer
 * added (a review past the check's last id).
 */
export function cardsChangedSince(store: Store, check: CleanCheck): number[] {
  return store
    // NOT INDEXED: the answers past the check are a range of ids; left to itself, SQLite scans an index of every answer for them.
    .sql('SELECT card_id FROM doctor_changed UNION SELECT card_id FROM reviews NOT INDEXED WHERE id > ? ORDER BY 1')
    .pluck()
    .all(check.reviewsThrough) as number[];
}

/** The review log's last id (0 when empty). */
export function lastReviewId(store: Store): number {
  return (store.sql('SELECT coalesce(max(id), 0) FROM reviews').pluck().get() as number) ?? 0;
}

/**
 * Records a clean check and forgets the changes it covered. Call it in the
 * transaction the check read in, so no change made meanwhile is forgotten.
 */
export function recordCleanCheck(store: Store, check: CleanCheck): void {
  store
    .sql('INSERT INTO doctor_check (id, checked_at, reviews_through, settings) VALUES (1, ?, ?, ?) ON CONFLICT(id) DO UPDATE SET checked_at = excluded.checked_at, reviews_through = excluded.reviews_through, settings = excluded.settings')
    .run(check.checkedAt, check.reviewsThrough, check.settings);
  store.sql('DELETE FROM doctor_changed').run();
}
