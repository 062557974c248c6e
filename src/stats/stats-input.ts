import type { StudyClock } from '../model/study-clock.js';
import type { CardFacts, DeckReviewTally, ReviewTally } from '../model/review-tally.js';
import type { HardCardFacts } from './hard-cards.js';
import type { CardCounts, Distribution, Forecast } from './stats-report.js';

export type { CardFacts, DeckReviewTally, ReviewTally };

/**
 * What the stats are computed from: review tallies per study day (made by the
 * store from the quarter-hour tallies it keeps as answers are written) and the facts of each card. Plain data, so the
 * figures can be computed and tested without a store.
 */

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
  /** Settings `easy-days`, Sunday first; absent or null when there are none. */
  easyDays?: readonly number[] | null;
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
  /**
   * The hard cards, when the caller found them already (to look up their
   * fronts) with hardCards over the same cards, time and decks' weights:
   * a pass over every card fewer. Found from `cards` when left out.
   */
  hard?: { mostLapses: readonly HardCardFacts[]; lowestRetrievability: readonly HardCardFacts[] };
  /**
   * The figures about cards when the store counted them (card-figures.ts):
   * then `cards` need hold only the hard cards, and no pass goes over every card.
   */
  cardFigures?: CardFigures;
}

/** What statsReport gives about the cards of the selected decks, counted without a pass over every card. */
export interface CardFigures {
  counts: CardCounts;
  /** Each deck's counts and cards due today (a deck without cards may be missing). */
  byDeck: ReadonlyMap<number, { counts: CardCounts; dueToday: number }>;
  forecast: Forecast;
  intervals: Distribution;
  stability: Distribution;
  difficulty: Distribution;
}
