import type { ReviewActions, StudySummary } from '../../app/review/review-actions.js';
import { nextCard, type DueQueue } from '../../schedule/due-queue.js';
import { fullScreen, type ProcessEnd, type SuspendScreen } from '../terminal/full-screen.js';
import { ReviewApp } from './ReviewApp.js';
import { reviewStats, type ReviewStats } from './review-reducer.js';
import type { ReviewState } from './review-state.js';

/** What a review on the terminal needs: the queue, the actions, and the terminal itself. */
export interface RunReviewOptions {
  queue: DueQueue;
  color: boolean;
  /** Builds the actions once the screen exists, so `edit` can hand the terminal over. */
  makeActions: (suspendScreen: SuspendScreen) => ReviewActions;
  /** The terminal: keys come from `stdin` (in raw mode), frames go to `stdout`. */
  stdin: NodeJS.ReadStream;
  stdout: NodeJS.WriteStream;
  /** The process's exit and ending signals, on which the terminal gets its normal screen back. */
  processEnd?: ProcessEnd;
  /** Told once, when the first card has been drawn (for start-up timing). */
  onFirstCard?: () => void;
}

/** How a review ended: what it did (null when nothing was due, so no screen opened) and what comes next. */
export interface ReviewOutcome {
  stats: ReviewStats | null;
  summary: StudySummary;
}

/**
 * The review on the terminal's alternate screen (as vim and less use it),
 * until the day's cards are done or the user quits. Every answer is saved as
 * it is given, through the actions.
 * @returns what the review did and what comes next, for the normal screen afterwards
 */
export async function runReview(o: RunReviewOptions): Promise<ReviewOutcome> {
  const screen = fullScreen({ stdin: o.stdin, stdout: o.stdout, processEnd: o.processEnd });
  const actions = o.makeActions(screen.suspend);
  const startedAt = actions.now();
  if (nextCard(o.queue, startedAt) === null) return { stats: null, summary: actions.summary(startedAt) };
  let last: ReviewState | null = null;
  let drawn = false;
  const onState = (s: ReviewState): void => {
    last = s;
    if (!drawn && s.current) {
      drawn = true;
      // After this commit's frame has been written.
      setImmediate(() => o.onFirstCard?.());
    }
  };
  await screen.show(<ReviewApp actions={actions} queue={o.queue} color={o.color} onState={onState} />);
  const end = actions.now();
  const state = last as ReviewState | null;
  const stats = state ? reviewStats(state, end) : { reviewed: 0, againRate: 0, timeMs: end - startedAt };
  return { stats, summary: actions.summary(end) };
}
