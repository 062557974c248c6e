import type { Review } from '../model/review.js';
import type { Store } from './open-store.js';

interface ReviewRow {
  id: number;
  card_id: number;
  reviewed_at: number;
  rating: Review['rating'];
  duration_ms: number;
  session_id: string | null;
  device: string | null;
}

function toReview(r: ReviewRow): Review {
  return {
    id: r.id,
    cardId: r.card_id,
    reviewedAt: r.reviewed_at,
    rating: r.rating,
    durationMs: r.duration_ms,
    sessionId: r.session_id,
    device: r.device,
  };
}

/** Appends one answer to the review log; returns its id. Throws if the card does not exist. */
export function appendReview(store: Store, review: Omit<Review, 'id'>): number {
  const result = store
    .sql('INSERT INTO reviews (card_id, reviewed_at, rating, duration_ms, session_id, device) VALUES (?, ?, ?, ?, ?, ?)')
    .run(review.cardId, review.reviewedAt, review.rating, review.durationMs, review.sessionId, review.device);
  return Number(result.lastInsertRowid);
}

/**
 * A card's reviews in the order they were answered (the log's own order): a
 * clock set back must not reorder them, or a replay would not give the state
 * the answers gave.
 */
export function reviewsOfCard(store: Store, cardId: number): Review[] {
  return (store.sql('SELECT * FROM reviews WHERE card_id = ? ORDER BY id').all(cardId) as ReviewRow[]).map(toReview);
}

/** Removes one answer (undo). Returns false when it is not in the log. */
export function deleteReview(store: Store, reviewId: number): boolean {
  return store.sql('DELETE FROM reviews WHERE id = ?').run(reviewId).changes === 1;
}
