import type { Card } from '../../model/card.js';
import type { CodeBlock } from '../../model/code-block.js';
import type { CardState } from '../../model/card-state.js';
import type { Grade } from '../../model/review.js';
import type { CardCode } from '../../check/code-of-card.js';
import type { RunHooks, RunResult } from '../../run/run-types.js';
import type { DueQueue, QueueCard } from '../../schedule/due-queue.js';
import type { LimitReached, MoreStudy } from './today-limits.js';

/** A card on screen: its content, its state, and what each answer would schedule. */
export interface ShownCard {
  card: Card;
  state: CardState | null;
  /** Button labels: the interval each grade gives ("10m", "3d"). */
  intervals: Record<Grade, string>;
  /** UTC ms the question appeared: the answer's duration counts from here. */
  shownAt: number;
  /** The card's runnable code blocks and what it asks of the user; none when absent. */
  code?: CardCode;
  /** The heading the card's file is titled with (above all its cards): left out of the card's breadcrumb. */
  titleHeading?: string | null;
}


/** The card as it is after an edit, or why not (`gone` when it left its file). */
export type EditResult = ShownCard | { message: string; gone: boolean };

/** Where the user stands when a review ends: the streak, and what is due next in the session's decks. */
export interface StudySummary {
  /** Consecutive study days with reviews, up to today. */
  streak: number;
  /** Learning cards still due later today, and in how many ms the first of them is (null when none). */
  learningLater: number;
  nextLearningInMs: number | null;
  /** Reviews due by the end of tomorrow's study day. */
  reviewsTomorrow: number;
  /** New cards not studied yet. */
  newWaiting: number;
  /** Today's limits used up while cards wait behind them (empty when none). */
  limits: LimitReached[];
}

/**
 * Everything the review screen needs from outside, implemented by the review
 * use case (review-service.ts) over the store, the clock and the editor. The
 * screen itself does no IO.
 */
export interface ReviewActions {
  now(): number;
  /** Loads a card of the queue for showing; null when it is no longer to be shown (archived, suspended, dropped). */
  show(card: QueueCard, now: number): ShownCard | null;
  /**
   * Today's queue afresh from the store, for a session that ran past the day's
   * rollover or that another engram wrote to (what was studied today counted).
   */
  queueFor(now: number): DueQueue;
  /**
   * Whether another engram (an import in another terminal) wrote to the store
   * since the last call; the first call only takes the reading.
   */
  changedElsewhere(): boolean;
  /** Records an answer (committed before this returns); returns the review's id and the card's new state. */
  answer(shown: ShownCard, grade: Grade, now: number): { reviewId: number; state: CardState };
  /** Takes an answer back out of the log; returns the card's state before it. */
  undo(reviewId: number, cardId: number): CardState | null;
  /** Hides a card until the next study day. */
  bury(cardId: number): void;
  /** Takes back `bury`: the card can be shown today again. */
  unbury(cardId: number): void;
  /** Suspends a card until `engram unsuspend`. */
  suspend(cardId: number): void;
  /** Takes back `suspend`. */
  unsuspend(cardId: number): void;
  /** Drops a card derived from notes for good (the caller checks that it is derived). */
  drop(cardId: number): void;
  /** Takes back `drop`. */
  undrop(cardId: number): void;
  /**
   * Opens the card's file in $EDITOR at its line, re-imports it, and returns the
   * card as it is now; or why not, with `gone` when the card left its file.
   */
  edit(shown: ShownCard, now: number): EditResult | Promise<EditResult>;
  /** Opens an image of the card with the system's opener; tells what happened. */
  openImage(path: string, card: Card): string | Promise<string>;
  /**
   * Store upkeep that can wait for the user to read the card on screen (the
   * write-ahead log's checkpoint); the screen calls it after a card is drawn.
   * Never throws: upkeep that fails is tried again next time.
   */
  whileReading(): void;
  /** Streak and what is due next, for the end of the review. */
  summary(now: number): StudySummary;
  /** Today's limits that keep cards of the session's decks waiting, once its queue has run out (empty when none). */
  limitsReached(now: number): LimitReached[];
  /** Allows `more` study today past the limits, for the session's decks (as `engram review --more` does). */
  studyMore(more: MoreStudy, now: number): void;
  /** Whether the deck's code may run without asking: trusted, and unchanged since. */
  isTrusted(deck: string): boolean;
  /** Trusts the deck as it is now (until its content changes). */
  trust(deck: string): void;
  /**
   * Runs one code block, streaming output through `hooks`; aborting `hooks.signal`
   * stops it. Resolves with the result also when the code fails; never rejects
   * for the code's own faults.
   */
  run(block: CodeBlock, hooks: RunHooks): Promise<RunResult>;
}
