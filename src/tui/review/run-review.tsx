import { nextCard, type DueQueue } from '../../schedule/due-queue.js';
import { ReviewApp } from './ReviewApp.js';
import { fullScreen, type SuspendScreen } from '../terminal/full-screen.js';
import type { ReviewActions } from '../../app/review/review-actions.js';
import { sessionStats } from './review-reducer.js';
import type { SessionState } from './review-state.js';
import { sessionSummaryLines } from '../../cli/output/review-summary.js';

export type { SuspendScreen } from '../terminal/full-screen.js';

export interface RunReviewOptions {
  queue: DueQueue;
  color: boolean;
  /** Builds the actions once the screen exists, so `edit` can hand the terminal over. */
  makeActions: (suspendScreen: SuspendScreen) => ReviewActions;
  stdin?: NodeJS.ReadStream;
  stdout?: NodeJS.WriteStream;
  /** Told once, when the first card has been drawn (for start-up timing). */
  onFirstCard?: () => void;
}

/**
 * The review session on the terminal's alternate screen (as vim and less use
 * it), until the day's cards are done or the user quits.
 * @returns the lines to print on the normal screen afterwards
 */
export async function runReview(o: RunReviewOptions): Promise<{ lines: string[] }> {
  const stdin = o.stdin ?? process.stdin;
  const stdout = o.stdout ?? process.stdout;
  const screen = fullScreen({ stdin, stdout });
  const actions = o.makeActions(screen.suspend);
  const startedAt = actions.now();
  if (nextCard(o.queue, startedAt) === null) {
    return { lines: ['Nothing is due now.', ...sessionSummaryLines(null, actions.summary(startedAt))] };
  }
  let last: SessionState | null = null;
  let drawn = false;
  const onState = (s: SessionState): void => {
    last = s;
    if (!drawn && s.current) {
      drawn = true;
      // After this commit's frame has been written.
      setImmediate(() => o.onFirstCard?.());
    }
  };
  await screen.show(<ReviewApp actions={actions} queue={o.queue} color={o.color} onState={onState} />);
  const end = actions.now();
  const state = last as SessionState | null;
  return { lines: sessionSummaryLines(state ? sessionStats(state, end) : null, actions.summary(end)) };
}
