import type { CodeBlock } from '../../model/code-block.js';
import type { CardCode } from '../../check/code-of-card.js';
import type { RunHooks, RunResult } from '../../run/run-types.js';
import type { Intent } from '../key-table.js';
import type { CodeAction } from './code-reducer.js';
import type { CodePaneState, RunPurpose } from './code-views.js';
import { streamRun } from './stream-run.js';

/** The intents of the code pane and the answer box. */
export type CodeIntent = Extract<
  Intent,
  { kind: 'run' | 'choose-block' | 'trust-answer' | 'stop-run' | 'close-pane' | 'typing-enter' | 'submit' | 'erase' | 'stop-typing' }
>;

const CODE_INTENTS: ReadonlySet<string> = new Set(['run', 'choose-block', 'trust-answer', 'stop-run', 'close-pane', 'typing-enter', 'submit', 'erase', 'stop-typing']);

/** Whether an intent is the code pane's or the answer box's. */
export function isCodeIntent(intent: Intent): intent is CodeIntent {
  return CODE_INTENTS.has(intent.kind);
}

/** What running a card's code needs from outside: the deck's trust and the runner. */
export interface CodeRunActions {
  /** Whether the deck's code may run without asking. */
  isTrusted(deck: string): boolean;
  /** Trusts the deck as it is now. */
  trust(deck: string): void;
  /** Runs one block, streaming its output through `hooks`; aborting `hooks.signal` stops it. */
  run(block: CodeBlock, hooks: RunHooks): Promise<RunResult>;
}

/** The screen's state as the pane reads it: its own part, and the card on screen with its code. */
export type CodePaneHost = CodePaneState & { current: { card: { deck: string }; code?: CardCode } | null };

/** What the pane hands the screen's reducer: its own actions, and a note for the status line. */
export type CodeControlAction = CodeAction | { type: 'message'; text: string };

/** The running code of the card on screen: what starts, asks, streams and stops it. */
export interface CodeControl {
  /** Carries out a code intent; `key` is the key's name (the digit of a block choice). */
  perform(intent: CodeIntent, key: string): void;
  /** Stops whatever runs (the screen closed). */
  stop(): void;
  /** Stops a run started for another card than `shown` (the card on screen changed). */
  stopUnlessFor(shown: unknown): void;
}

/**
 * Runs a card's code through `actions.run`, one run at a time: asks first when
 * the deck is not trusted, streams output into the pane in batches, and hands
 * the result to the reducer, which ignores results of runs stopped since.
 */
export function createCodeControl(actions: CodeRunActions, live: () => CodePaneHost, dispatch: (a: CodeControlAction) => void): CodeControl {
  let running: AbortController | null = null;
  /** The card the run is for (the ShownCard object on screen when it started). */
  let runningFor: unknown = null;

  const stop = (): void => {
    running?.abort();
    running = null;
  };

  const start = (block: CodeBlock, purpose: RunPurpose): void => {
    stop();
    dispatch({ type: 'run-start', block, purpose });
    const id = live().runCount;
    runningFor = live().current;
    const controller = streamRun(actions.run, block, {
      onOutput: (text) => dispatch({ type: 'run-output', id, text }),
      onResult: (result) => {
        if (running === controller) running = null;
        dispatch({ type: 'run-finished', id, result });
      },
    });
    running = controller;
  };

  /** Runs the block, asking first when its deck is not trusted. */
  const request = (block: CodeBlock, purpose: RunPurpose): void => {
    const deck = live().current?.card.deck;
    if (deck === undefined) return;
    let trusted: boolean;
    try {
      trusted = actions.isTrusted(deck);
    } catch (err) {
      dispatch({ type: 'run-declined', why: `Not run: ${(err as Error).message}` });
      return;
    }
    if (trusted) start(block, purpose);
    else dispatch({ type: 'run-confirm', block, deck, purpose });
  };

  const perform = (intent: CodeIntent, key: string): void => {
    const s = live();
    switch (intent.kind) {
      case 'run': {
        const blocks = s.current?.code?.blocks ?? [];
        if (s.run?.step === 'running') dispatch({ type: 'message', text: 'Code is running: esc stops it.' });
        else if (blocks.length === 0) dispatch({ type: 'message', text: 'This card has no code engram can run.' });
        else if (blocks.length === 1) request(blocks[0]!, 'show');
        else dispatch({ type: 'run-choose', blocks, purpose: 'show' });
        return;
      }
      case 'choose-block': {
        if (s.run?.step !== 'choose') return;
        const block = s.run.blocks[Number(key) - 1];
        if (block) request(block, s.run.purpose);
        return;
      }
      case 'trust-answer': {
        if (s.run?.step !== 'trust') return;
        const { block, deck, purpose } = s.run;
        if (intent.answer === 'no') {
          dispatch({ type: 'run-declined', why: `Not run: deck "${deck}" is not trusted (engram trust ${JSON.stringify(deck)} trusts it).` });
          return;
        }
        if (intent.answer === 'always') {
          try {
            actions.trust(deck);
          } catch (err) {
            dispatch({ type: 'message', text: `Not trusted: ${(err as Error).message}` });
          }
        }
        start(block, purpose);
        return;
      }
      case 'stop-run':
        stop();
        return;
      case 'close-pane':
        dispatch({ type: 'run-close' });
        return;
      case 'typing-enter': {
        const check = s.check;
        if (check?.step !== 'typing') return;
        const lastLine = check.text.slice(check.text.lastIndexOf('\n') + 1);
        // A prediction may span lines: an empty line (or a typed answer's enter) ends it.
        if (check.exercise.kind === 'typed' || (check.text !== '' && lastLine === '')) submit();
        else dispatch({ type: 'type', text: '\n' });
        return;
      }
      case 'submit':
        submit();
        return;
      case 'erase':
        dispatch({ type: 'erase' });
        return;
      case 'stop-typing':
        dispatch({ type: 'stop-typing' });
        return;
    }
  };

  /** Ends the answer box; a prediction without a given output then needs its code run. */
  const submit = (): void => {
    dispatch({ type: 'submit' });
    const check = live().check;
    if (check?.step === 'waiting' && check.exercise.kind === 'predict') request(check.exercise.block, 'predict');
  };

  const stopUnlessFor = (shown: unknown): void => {
    if (running && runningFor !== shown) stop();
  };

  return { perform, stop, stopUnlessFor };
}
