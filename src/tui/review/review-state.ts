import type { CardState } from '../../model/card-state.js';
import type { Grade } from '../../model/review.js';
import type { DueQueue } from '../../schedule/due-queue.js';
import type { CheckView, RunView } from '../code-pane/code-views.js';
import type { ShownCard } from '../../app/review/review-actions.js';

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

/** The whole state of a review: pure data, changed only by the reducer. */
export interface ReviewState {
  queue: DueQueue;
  /** question: front shown; answer: back shown; done: nothing left today or the user quit. */
  phase: 'question' | 'answer' | 'done';
  current: ShownCard | null;
  answers: ReviewAnswer[];
  /** Cards taken out of the review (buried, suspended, gone): an undo must not bring them back. */
  removed: number[];
  helpOpen: boolean;
  /** First visible line of the key list while it is open (scroll keys move it then, not the card). */
  helpScroll: number;
  /** First visible line of the card body. */
  scroll: number;
  /** A short note at the bottom ("Buried until tomorrow"), cleared by the next card. */
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
  return { queue, phase: 'question', current: null, answers: [], removed: [], helpOpen: false, helpScroll: 0, scroll: 0, message: null, startedAt: now, quit: false, run: null, check: null, runCount: 0 };
}
