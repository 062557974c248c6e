import type { CardState, Phase } from '../model/card-state.js';
import type { Review } from '../model/review.js';
import { PHASE_CODES } from './card-state-rows.js';
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

/**
 * What a card was when it was answered: its phase and its interval in days (0
 * unless it was in review). Stats and the FSRS revlog export read these.
 */
export interface ReviewFacts {
  phaseBefore: Phase;
  intervalBefore: number;
}

/** The facts of an answer given to a card in state `before` (null: a new card). */
export function factsBefore(before: CardState | null): ReviewFacts {
  if (!before) return { phaseBefore: 'new', intervalBefore: 0 };
  return { phaseBefore: before.phase, intervalBefore: before.phase === 'review' ? Math.max(0, Math.round(before.scheduledDays)) : 0 };
}

/**
 * Appends one answer to the review log; returns its id. `before` is the card's
 * state when it was answered (null for a new card); leave it out only when it
 * is unknown, and {@link fillReviewFacts} later. Throws if the card does not exist.
 */
export function appendReview(store: Store, review: Omit<Review, 'id'>, before?: CardState | null): number {
  const facts = before === undefined ? null : factsBefore(before);
  const result = store
    .sql(
      'INSERT INTO reviews (card_id, reviewed_at, rating, duration_ms, session_id, device, state_before, last_interval) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
    )
    .run(
      review.cardId,
      review.reviewedAt,
      review.rating,
      review.durationMs,
      review.sessionId,
      review.device,
      facts ? PHASE_CODES[facts.phaseBefore] : null,
      facts ? facts.intervalBefore : null,
    );
  return Number(result.lastInsertRowid);
}

/** Cards with reviews whose facts are unknown (answered before schema version 3). */
export function cardsMissingReviewFacts(store: Store): number[] {
  return (store.sql('SELECT DISTINCT card_id FROM reviews WHERE state_before IS NULL').pluck().all() as number[]);
}

/**
 * Fills the facts of reviews that have none, card by card: `replay` gets a
 * card's reviews in log order and returns the state before each. Facts already
 * recorded are kept (the store refuses to change them). Returns how many
 * reviews were filled.
 */
export function fillReviewFacts(store: Store, replay: (cardId: number, reviews: Review[]) => (CardState | null)[]): number {
  let filled = 0;
  for (const cardId of cardsMissingReviewFacts(store)) {
    store.transaction(() => {
      const reviews = reviewsOfCard(store, cardId);
      const before = replay(cardId, reviews);
      const missing = store.sql('SELECT id FROM reviews WHERE card_id = ? AND state_before IS NULL').pluck().all(cardId) as number[];
      const todo = new Set(missing);
      reviews.forEach((r, i) => {
        if (!todo.has(r.id)) return;
        const f = factsBefore(before[i] ?? null);
        store.sql('UPDATE reviews SET state_before = ?, last_interval = ? WHERE id = ?').run(PHASE_CODES[f.phaseBefore], f.intervalBefore, r.id);
        filled++;
      });
    });
  }
  return filled;
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
