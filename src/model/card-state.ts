/** Where a card is in FSRS: never seen, in its (re)learning steps, or in day-long reviews. */
export type Phase = 'new' | 'learning' | 'review' | 'relearning';

/** The phases by their number in the store (ts-fsrs's numbering: the card_state and review log columns). */
export const PHASES: readonly Phase[] = ['new', 'learning', 'review', 'relearning'];

/**
 * A card's scheduling state: a cache that can always be rebuilt by replaying the
 * card's reviews (the review log is the truth).
 */
export interface CardState {
  phase: Phase;
  /** UTC ms. Review cards fall due at the start of a study day; learning cards at a minute. */
  due: number;
  stability: number;
  difficulty: number;
  /** Days to the next review when the card was last scheduled (0 while learning). */
  scheduledDays: number;
  /** Index of the next (re)learning step. */
  learningSteps: number;
  reps: number;
  lapses: number;
  /** UTC ms of the last review, or null when never reviewed. */
  lastReview: number | null;
}
