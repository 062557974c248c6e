import type { StudyClock } from '../schedule/study-clock.js';

/**
 * What the stats are computed from: review tallies per study day (folded from
 * the review log by the store) and the facts of each card. Plain data, so the
 * figures can be computed and tested without a store.
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

/** A deck in the selection, with the FSRS parameters its cards are scheduled with. */
export interface StatsDeck {
  id: number;
  name: string;
  /** FSRS-6 parameters (21 numbers); the last is the decay of its forgetting curve. */
  weights: readonly number[];
}

/** Everything statsReport (build-stats-report.ts) needs: tallies and cards of the selected decks, and when it is. */
export interface StatsInput {
  /** UTC ms. */
  now: number;
  clock: StudyClock;
  /** Settings `retention`. */
  desiredRetention: number;
  /** The decks counted. */
  decks: readonly StatsDeck[];
  /** No deck was named: `decks` is every deck. */
  allDecks: boolean;
  /** Every day's tallies of those decks, summed over the decks. */
  tallies: readonly ReviewTally[];
  /** Deck by deck, the tallies of the 30 study days through today. */
  recentDeckTallies: readonly DeckReviewTally[];
  /** Every card of those decks, archived ones too. */
  cards: readonly CardFacts[];
  /** The question side (markdown) of the hard cards (see hardCards), by id; others may be left out. */
  fronts: ReadonlyMap<number, string>;
}
