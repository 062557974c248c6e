import type { QuizActions } from '../../app/quiz/quiz-actions.js';
import type { CodeBlock } from '../../model/code-block.js';
import { streamRun } from '../code-pane/stream-run.js';
import type { QuizScreenAction, QuizScreenState } from './quiz-screen-state.js';

/** Running a prediction's code: asked first for an untrusted deck, streamed, stoppable. */
export interface QuizRunControl {
  /** Runs the block of the question on screen, asking first when its deck is not trusted. */
  request(block: CodeBlock, deck: string): void;
  /** The answer to the trust question. */
  answerTrust(answer: 'once' | 'always' | 'no'): void;
  /** Stops whatever runs (esc, ctrl-c, the screen closed). */
  stop(): void;
  /** Stops a run started for another question than the `index`-th (the question changed). */
  stopUnlessFor(index: number): void;
}

/**
 * The quiz's runs, one at a time, through `actions.run` (as the review
 * screen's code control does): results go to the reducer with the time they
 * came, which ignores those of runs stopped since.
 * @returns the control; nothing runs until `request`
 */
export function createQuizRunControl(actions: QuizActions, live: () => QuizScreenState, dispatch: (a: QuizScreenAction) => void): QuizRunControl {
  let running: AbortController | null = null;
  let runningFor = -1;

  const stop = (): void => {
    running?.abort();
    running = null;
  };

  const start = (block: CodeBlock): void => {
    stop();
    dispatch({ type: 'run-start', block });
    const id = live().runCount;
    runningFor = live().quiz.index;
    const controller = streamRun(actions.run, block, {
      onOutput: (text) => dispatch({ type: 'run-output', id, text }),
      onResult: (result) => {
        if (running === controller) running = null;
        dispatch({ type: 'run-finished', id, result, now: actions.now() });
      },
    });
    running = controller;
  };

  return {
    request(block, deck) {
      let trusted: boolean;
      try {
        trusted = actions.isTrusted(deck);
      } catch (err) {
        dispatch({ type: 'run-declined', why: `Not run: ${(err as Error).message}. Judge your prediction yourself.` });
        return;
      }
      if (trusted) start(block);
      else dispatch({ type: 'run-confirm', block, deck });
    },
    answerTrust(answer) {
      const run = live().run;
      if (run?.step !== 'trust') return;
      if (answer === 'no') {
        dispatch({ type: 'run-declined', why: `Not run: deck "${run.deck}" is not trusted. Judge your prediction yourself (the answer shows above).` });
        return;
      }
      if (answer === 'always') {
        try {
          actions.trust(run.deck);
        } catch (err) {
          dispatch({ type: 'message', text: `Not trusted: ${(err as Error).message}` });
        }
      }
      start(run.block);
    },
    stop,
    stopUnlessFor(index) {
      if (running && runningFor !== index) stop();
    },
  };
}
