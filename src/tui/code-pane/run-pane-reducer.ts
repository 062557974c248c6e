import type { CodeBlock } from '../../model/code-block.js';
import type { RunResult } from '../../run/run-types.js';
import type { RunPaneState, RunPurpose, RunView } from './code-views.js';

/** What can happen to the run pane: a question asked, a run started, streamed and finished, or the pane gone. */
export type RunAction =
  | { type: 'run-choose'; blocks: CodeBlock[]; purpose: RunPurpose }
  | { type: 'run-confirm'; block: CodeBlock; deck: string; purpose: RunPurpose }
  | { type: 'run-start'; block: CodeBlock; purpose: RunPurpose }
  | { type: 'run-output'; id: number; text: string }
  | { type: 'run-finished'; id: number; result: RunResult }
  /** Nothing runs: the user said no to an untrusted deck, or its trust could not be read. */
  | { type: 'run-declined'; why: string }
  /** Esc on a finished run: the pane closes. */
  | { type: 'run-close' };

/**
 * The screen's state after a run action: pure, and only its run pane changes.
 * Returns `state` itself when the action does not apply (output or a result of
 * a run that is no longer the current one, closing a pane while its code
 * runs), so a screen's reducer can tell whether a run really finished.
 */
export function runPaneReducer<S extends RunPaneState>(state: S, action: RunAction): S {
  switch (action.type) {
    case 'run-choose':
      return { ...state, run: { step: 'choose', blocks: action.blocks, purpose: action.purpose } };
    case 'run-confirm':
      return { ...state, run: { step: 'trust', block: action.block, deck: action.deck, purpose: action.purpose } };
    case 'run-start': {
      const id = state.runCount + 1;
      return { ...state, runCount: id, run: { step: 'running', id, block: action.block, purpose: action.purpose, output: '' } };
    }
    case 'run-output': {
      const run = streamingRun(state.run, action.id);
      return run ? { ...state, run: { ...run, output: run.output + action.text } } : state;
    }
    case 'run-finished': {
      const run = streamingRun(state.run, action.id);
      return run ? { ...state, run: { ...run, step: 'finished', result: action.result } } : state;
    }
    case 'run-declined':
      return { ...state, run: null };
    case 'run-close':
      return state.run?.step === 'running' ? state : { ...state, run: null };
  }
}

type Streaming = Extract<RunView, { step: 'running' }>;

/** The pane's run when it still streams as run `id`; null when `id` is a run no longer shown. */
function streamingRun(run: RunView | null, id: number): Streaming | null {
  return run?.step === 'running' && run.id === id ? run : null;
}
