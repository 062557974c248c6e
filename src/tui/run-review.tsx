import { render, type Instance } from 'ink';
import { nextCard, type DueQueue } from '../schedule/due-queue.js';
import { ReviewApp } from './components/ReviewApp.js';
import type { ReviewActions } from './session/review-actions.js';
import { sessionStats } from './session/session-reducer.js';
import type { SessionState } from './session/session-state.js';
import { sessionSummaryLines } from './session/summary-lines.js';

/** Runs something with the terminal handed back to the user (an editor), then takes it again. */
export type SuspendScreen = <T>(run: () => T) => T;

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

const ALT_SCREEN_ON = '\x1b[?1049h\x1b[H\x1b[2J';
const ALT_SCREEN_OFF = '\x1b[?1049l';

/**
 * The review session on the terminal's alternate screen (as vim and less use
 * it), until the day's cards are done or the user quits.
 * @returns the lines to print on the normal screen afterwards
 */
export async function runReview(o: RunReviewOptions): Promise<{ lines: string[] }> {
  const stdin = o.stdin ?? process.stdin;
  const stdout = o.stdout ?? process.stdout;
  let instance: Instance | undefined;
  let onAltScreen = false;
  const enter = () => {
    stdout.write(ALT_SCREEN_ON);
    onAltScreen = true;
  };
  const leave = () => {
    if (onAltScreen) stdout.write(ALT_SCREEN_OFF);
    onAltScreen = false;
  };
  const suspendScreen: SuspendScreen = (run) => {
    leave();
    stdin.setRawMode?.(false);
    try {
      return run();
    } finally {
      stdin.setRawMode?.(true);
      enter();
      instance?.clear();
    }
  };
  const actions = o.makeActions(suspendScreen);
  const startedAt = actions.now();
  if (nextCard(o.queue, startedAt) === null) {
    return { lines: ['Nothing is due now.', ...sessionSummaryLines(null, actions.summary(startedAt))] };
  }
  let last: SessionState | null = null;
  // Whatever happens, the user's terminal gets its normal screen back: on exit,
  // and on the signals that end a process without it (every answer is saved).
  const onSignal = (signal: NodeJS.Signals): void => {
    leave();
    stdin.setRawMode?.(false);
    process.exit(128 + (signal === 'SIGHUP' ? 1 : 15));
  };
  process.once('exit', leave);
  process.once('SIGTERM', onSignal);
  process.once('SIGHUP', onSignal);
  enter();
  try {
    let drawn = false;
    const onState = (s: SessionState): void => {
      last = s;
      if (!drawn && s.current) {
        drawn = true;
        // After this commit's frame has been written.
        setImmediate(() => o.onFirstCard?.());
      }
    };
    instance = render(<ReviewApp actions={actions} queue={o.queue} color={o.color} onState={onState} />, {
      stdin,
      stdout,
      // Ctrl-C stops running code first; the key table quits with it otherwise.
      exitOnCtrlC: false,
      patchConsole: false,
      // Ink's default 30 fps holds a frame up to 33 ms after the one before: the
      // next card must not wait that long. (Ink's incremental rendering stays off:
      // it drew the second frame a line too low on the alternate screen.)
      maxFps: 1000,
    });
    await instance.waitUntilExit();
  } finally {
    leave();
    process.off('exit', leave);
    process.off('SIGTERM', onSignal);
    process.off('SIGHUP', onSignal);
  }
  const end = actions.now();
  const state = last as SessionState | null;
  return { lines: sessionSummaryLines(state ? sessionStats(state, end) : null, actions.summary(end)) };
}
