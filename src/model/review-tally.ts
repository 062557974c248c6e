/**
 * What the store folds from the review log and the card states for the stats:
 * per-day review tallies and the facts of each card (see stats/stats-input.ts).
 */

/** Reviews of one kind on one study day: how many, and how long they took. */
export interface ReviewTally {
  /** Study day number (days since 1970-01-01 on the study clock). */
  day: number;
  /** The card's phase when answered, in ts-fsrs numbering: 0 new, 1 learning, 2 review, 3 relearning. */
  stateBefore: number;
  /** A review card whose interval was 21 days or more. */
  mature: boolean;
  /** Answered Hard, Good or Easy (not Again). */
  passed: boolean;
  reviews: number;
  durationMs: number;
}

/** A {@link ReviewTally} of one deck. */
export interface DeckReviewTally extends ReviewTally {
  deckId: number;
}

/** One card as the stats see it: where it is and its cached FSRS state. */
export interface CardFacts {
  id: number;
  deckId: number;
  archived: boolean;
  suspended: boolean;
  /** Dropped by the learner (a derived card never shown again). */
  dropped: boolean;
  /** UTC ms the card is buried until, or null. */
  buriedUntil: number | null;
  /** ts-fsrs numbering (0-3), or null when the card has no state (never reviewed). */
  state: number | null;
  /** The rest are null when `state` is null. */
  due: number | null;
  stability: number | null;
  difficulty: number | null;
  scheduledDays: number | null;
  lapses: number | null;
  lastReview: number | null;
}
