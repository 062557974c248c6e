import type { CardState, Phase } from '../model/card-state.js';
import type { Review } from '../model/review.js';
import { PHASE_CODES } from './card-state-rows.js';
import type { Store } from './open-store.js';
import type { SyncEventBody } from '../model/sync-event.js';
import { cardIdentity, recordEvent, recordEventWithId } from './sync-log.js';

interface ReviewRow {
  id: number;
  card_id: number;
  reviewed_at: number;
  rating: Review['rating'];
  duration_ms: number;
  session_id: string | null;
  device: string | null;
  chosen_days: number | null;
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
    chosenDays: r.chosen_days,
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
 * is unknown, and {@link fillReviewFacts} later. The answer is also recorded
 * as this device's event for sync, in the caller's transaction (see recordEvent);
 * a card's first answer fixes the seed of its fuzz. Throws if the card does not exist.
 */
export function appendReview(store: Store, review: Omit<Review, 'id'>, before?: CardState | null): number {
  const facts = before === undefined ? null : factsBefore(before);
  const card = cardIdentity(store, review.cardId);
  let eventId: string | null = null;
  if (card) eventId = recordEvent(store, answerBody(store, review, card, facts), review.reviewedAt, review.cardId).id;
  return insertReview(store, review, facts, eventId);
}

/**
 * {@link appendReview} of an answer whose event id the caller derived from
 * where the answer came from (an Anki review imported: the same id on every
 * device that imports the package, so sync folds the two copies into one).
 * When the store holds that event already it records none: an event that
 * waits for its card (another device's import of the same package, received
 * before this one) is taken as this answer's and marked folded; one folded
 * already (this answer logged, or undone, before) leaves the log as it is and
 * false is returned. Returns whether the answer was added. `before` as for
 * appendReview (left out: unknown, for a replay to fill in).
 */
export function appendImportedReview(store: Store, review: Omit<Review, 'id'>, eventId: string, before?: CardState | null): boolean {
  const facts = before === undefined ? null : factsBefore(before);
  const card = cardIdentity(store, review.cardId);
  if (!card) throw new Error(`no card ${review.cardId}`);
  if (!recordEventWithId(store, answerBody(store, review, card, facts), review.reviewedAt, review.cardId, eventId)) {
    const waiting = store.sql('UPDATE sync_events SET folded = 1, card_id = ? WHERE id = ? AND folded = 0').run(review.cardId, eventId).changes === 1;
    if (!waiting) return false;
  }
  insertReview(store, review, facts, eventId);
  return true;
}

/** The answer event of `review` (fixing the card's fuzz seed at its first answer). */
function answerBody(store: Store, review: Omit<Review, 'id'>, card: { key: string; seed: string | null }, facts: ReviewFacts | null): SyncEventBody {
  // The fuzz seed is fixed at the first answer, so later re-keys (typo fixes) keep the dates.
  const seed = card.seed ?? card.key;
  if (card.seed === null) store.sql('UPDATE cards SET fuzz_seed = ? WHERE id = ?').run(seed, review.cardId);
  return {
    kind: 'answer',
    card: card.key,
    rating: review.rating,
    durationMs: review.durationMs,
    session: review.sessionId,
    host: review.device,
    before: facts && facts.phaseBefore !== 'new' ? { phase: facts.phaseBefore, intervalDays: facts.intervalBefore } : null,
    seed,
    // Only when the load balancer or easy days chose: other devices replay with it (older events have none).
    ...(review.chosenDays != null ? { chosenDays: review.chosenDays } : {}),
  };
}

function insertReview(store: Store, review: Omit<Review, 'id'>, facts: ReviewFacts | null, eventId: string | null): number {
  const result = store
    .sql(
      'INSERT INTO reviews (card_id, reviewed_at, rating, duration_ms, session_id, device, state_before, last_interval, event_id, chosen_days) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)',
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
      eventId,
      review.chosenDays ?? null,
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
 * The order answers are replayed in: by time, then by event id (then by log
 * id, for answers from before events), so that every device that holds the
 * same answers, from whichever devices and in whichever order they arrived,
 * replays them alike. SQL, for every query that replays.
 */
export const REPLAY_ORDER = 'reviewed_at, event_id, id';

/** A card's reviews in replay order (see {@link REPLAY_ORDER}). */
export function reviewsOfCard(store: Store, cardId: number): Review[] {
  return (store.sql(`SELECT * FROM reviews WHERE card_id = ? ORDER BY ${REPLAY_ORDER}`).all(cardId) as ReviewRow[]).map(toReview);
}

/**
 * Removes one answer (undo), recorded as this device's undo event at `at`
 * (UTC ms) for sync; a card left without answers loses its fuzz seed with
 * them. Returns false when it is not in the log.
 */
export function deleteReview(store: Store, reviewId: number, at: number): boolean {
  const row = store.sql('SELECT r.card_id, r.event_id, c.key FROM reviews r JOIN cards c ON c.id = r.card_id WHERE r.id = ?').get(reviewId) as
    | { card_id: number; event_id: string | null; key: string }
    | undefined;
  if (!row) return false;
  store.sql('DELETE FROM reviews WHERE id = ?').run(reviewId);
  if (row.event_id !== null) recordEvent(store, { kind: 'undo', card: row.key, target: row.event_id }, at, row.card_id);
  forgetSeedWithoutReviews(store, row.card_id);
  return true;
}

/** A card with no answer left has no fuzz seed: its next first answer fixes one again, on every device alike. */
export function forgetSeedWithoutReviews(store: Store, cardId: number): void {
  store.sql('UPDATE cards SET fuzz_seed = NULL WHERE id = ? AND NOT EXISTS (SELECT 1 FROM reviews WHERE card_id = ?)').run(cardId, cardId);
}

/** Whether a card has an answer after the given one in replay order (see {@link REPLAY_ORDER}). */
export function hasLaterReview(store: Store, cardId: number, reviewId: number): boolean {
  const r = store.sql('SELECT reviewed_at, event_id FROM reviews WHERE id = ?').get(reviewId) as { reviewed_at: number; event_id: string | null } | undefined;
  if (!r) return false;
  return (
    store
      .sql(
        `SELECT EXISTS (SELECT 1 FROM reviews WHERE card_id = ? AND id <> ? AND (reviewed_at > ? OR (reviewed_at = ? AND COALESCE(event_id, '') > COALESCE(?, '')))) AS later`,
      )
      .pluck()
      .get(cardId, reviewId, r.reviewed_at, r.reviewed_at, r.event_id) === 1
  );
}

/**
 * Rewrites the facts (state before) of answers after a replay in merged
 * order: `before[i]` is the state before `reviewIds[i]`.
 */
export function rewriteReviewFacts(store: Store, reviewIds: readonly number[], before: readonly (CardState | null)[]): void {
  const stmt = store.sql('UPDATE reviews SET state_before = ?, last_interval = ? WHERE id = ? AND (state_before IS NOT ? OR last_interval IS NOT ?)');
  reviewIds.forEach((id, i) => {
    const f = factsBefore(before[i] ?? null);
    stmt.run(PHASE_CODES[f.phaseBefore], f.intervalBefore, id, PHASE_CODES[f.phaseBefore], f.intervalBefore);
  });
}
