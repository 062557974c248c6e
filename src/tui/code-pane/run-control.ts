import type { CodeBlock } from '../../model/code-block.js';
import type { RunHooks, RunResult } from '../../run/run-types.js';
import type { Intent } from '../key-table.js';
import type { RunPaneState, RunPurpose } from './code-views.js';
import type { RunAction } from './run-pane-reducer.js';
import { streamRun } from './stream-run.js';

/** What running a card's code needs from outside: the deck's trust and the runner. */
export interface CodeRunActions {
  /** Whether the deck's code may run without asking. */
  isTrusted(deck: string): boolean;
  /** Trusts the deck as it is now. */
  trust(deck: string): void;
  /** Runs one block, streaming its output through `hooks`; aborting `hooks.signal` stops it. */
  run(block: CodeBlock, hooks: RunHooks): Promise<RunResult>;
}

/** What the run control hands the screen's reducer: run actions, and a note for the status line. */
export type RunControlAction = Extract<RunAction, { type: 'run-confirm' | 'run-start' | 'run-output' | 'run-finished' | 'run-declined' }> | { type: 'message'; text: string };

/** The screen the runs are shown on. */
export interface RunHost {
  /** The screen's state now (read after each dispatch). */
  live(): RunPaneState;
  /** What a run started now is for (the card or the question on screen): see `stopUnlessFor`. */
  owner(): unknown;
  dispatch(action: RunControlAction): void;
}

/** How a screen says why nothing ran; the rest of what the control says is the same everywhere. */
export interface RunWords {
  /** The store could not say whether the deck is trusted (`why` is its complaint). */
  trustUnknown(why: string): string;
  /** The user said no to running an untrusted deck's code. */
  declined(deck: string): string;
}

/** The runs of one screen, one at a time: asked for, answered, stopped. */
export interface RunControl {
  /** Runs `block` of `deck`, asking first when the deck is not trusted. */
  request(block: CodeBlock, deck: string, purpose: RunPurpose): void;
  /** Stops whatever runs (esc, ctrl-c, the screen closed). */
  stop(): void;
  /** Stops a run started for another owner than `owner` (what is on screen changed). */
  stopUnlessFor(owner: unknown): void;
  /**
   * Carries out the run keys every screen has: the answer to the trust
   * question on screen (nothing when none is asked), and stopping the run.
   * @returns whether `intent` was one of them
   */
  runKey(intent: Intent): boolean;
}

/**
 * Runs code through `actions.run`, one run at a time, for the review and the
 * quiz alike: asks first when the deck is not trusted, streams the output into
 * the pane in batches, and hands the result to the reducer, which ignores
 * results of runs stopped since.
 * @returns the control; nothing runs until `request`
 */
export function createRunControl(actions: CodeRunActions, host: RunHost, words: RunWords): RunControl {
  let running: AbortController | null = null;
  let runningFor: unknown = null;

  const stop = (): void => {
    running?.abort();
    running = null;
  };

  const start = (block: CodeBlock, purpose: RunPurpose): void => {
    stop();
    host.dispatch({ type: 'run-start', block, purpose });
    const id = host.live().runCount;
    runningFor = host.owner();
    const controller = streamRun(actions.run, block, {
      onOutput: (text) => host.dispatch({ type: 'run-output', id, text }),
      onResult: (result) => {
        if (running === controller) running = null;
        host.dispatch({ type: 'run-finished', id, result });
      },
    });
    running = controller;
  };

  /** The answer to the trust question on screen. */
  const answerTrust = (answer: 'once' | 'always' | 'no'): void => {
    const run = host.live().run;
    if (run?.step !== 'trust') return;
    if (answer === 'no') {
      host.dispatch({ type: 'run-declined', why: words.declined(run.deck) });
      return;
    }
    if (answer === 'always') {
      try {
        actions.trust(run.deck);
      } catch (err) {
        host.dispatch({ type: 'message', text: `Not trusted: ${(err as Error).message}` });
      }
    }
    start(run.block, run.purpose);
  };

  return {
    request(block, deck, purpose) {
      let trusted: boolean;
      try {
        trusted = actions.isTrusted(deck);
      } catch (err) {
        host.dispatch({ type: 'run-declined', why: words.trustUnknown((err as Error).message) });
        return;
      }
      if (trusted) start(block, purpose);
      else host.dispatch({ type: 'run-confirm', block, deck, purpose });
    },
    stop,
    stopUnlessFor(owner) {
      if (running && runningFor !== owner) stop();
    },
    runKey(intent) {
      if (intent.kind === 'trust-answer') answerTrust(intent.answer);
      else if (intent.kind === 'stop-run') stop();
      else return false;
      return true;
    },
  };
}
