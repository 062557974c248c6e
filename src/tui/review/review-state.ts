import type { CardState } from '../../model/card-state.js';
import type { Grade } from '../../model/review.js';
import type { DueQueue } from '../../schedule/due-queue.js';
import type { CheckView, RunView } from '../code-pane/code-views.js';
import type { ShownCard } from '../../app/review/review-actions.js';
import type { LimitReached } from '../../app/review/today-limits.js';

/** One answer of this review, kept for undo and for the summary. */
export interface ReviewAnswer {
  cardId: number;
  reviewId: number;
  grade: Grade;
  durationMs: number;
  /** The queue and card as they were before the answer, restored by undo. */
  queueBefore: DueQueue;
  shownBefore: ShownCard;
  stateAfter: CardState;
}

/** A card this review buried, suspended or dropped, kept so that undo can bring it back as it was. */
export interface ReviewPutAway {
  kind: 'bury' | 'suspend' | 'drop';
  cardId: number;
  /** The queue, card and side shown before it was put away, restored by undo. */
  queueBefore: DueQueue;
  shownBefore: ShownCard;
  phaseBefore: 'question' | 'answer';
  /** How long it had been on screen (ms): its answer time carries on from there. */
  shownForMs: number;
}

/** What `u` takes back, newest last: an answer (the last of `answers`) or a card put away. */
export type UndoStep = { kind: 'answer' } | ReviewPutAway;

/** The whole state of a review: pure data, changed only by the reducer. */
export interface ReviewState {
  queue: DueQueue;
  /**
   * question: front shown; answer: back shown; limit: the cards are done but a
   * daily limit keeps more waiting (`limits` says which); done: nothing left
   * today or the user quit.
   */
  phase: 'question' | 'answer' | 'limit' | 'done';
  /** The daily limits used up while cards wait, in phase `limit`; else empty. */
  limits: LimitReached[];
  current: ShownCard | null;
  answers: ReviewAnswer[];
  /** The answers, buries, suspensions and drops of this review, in order: `u` undoes the last. */
  history: UndoStep[];
  /** Cards taken out of the review (buried, suspended, dropped, gone): undoing an answer must not bring them back. */
  removed: number[];
  helpOpen: boolean;
  /** First visible line of the key list while it is open (scroll keys move it then, not the card). */
  helpScroll: number;
  /** First visible line of the card body. */
  scroll: number;
  /** A short note at the bottom ("Unburied card 3."), cleared by the next key that acts. */
  message: string | null;
  startedAt: number;
  /** True once the user asked to quit (the screen then closes). */
  quit: boolean;
  /** The code pane of the current card (choosing, trusting, running, result), or none. */
  run: RunView | null;
  /** The typed answer or prediction of the current card, or none. */
  check: CheckView | null;
  /** Numbers the runs, so a result that arrives late for a stopped run is ignored. */
  runCount: number;
}

/** A fresh review over `queue`, started at `now`, before its first card is loaded. */
export function initialReview(queue: DueQueue, now: number): ReviewState {
  return { queue, phase: 'question', current: null, limits: [], answers: [], history: [], removed: [], helpOpen: false, helpScroll: 0, scroll: 0, message: null, startedAt: now, quit: false, run: null, check: null, runCount: 0 };
}
