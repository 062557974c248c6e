import { describe, expect, it } from 'vitest';
import { runPaneReducer, type RunAction } from '../../../src/tui/code-pane/run-pane-reducer.js';
import type { RunPaneState } from '../../../src/tui/code-pane/code-views.js';
import { initialQuizScreen, type QuizScreenState } from '../../../src/tui/quiz/quiz-screen-state.js';
import { finishedRun, JS_BLOCK, predictItem, T0 } from '../quiz/quiz-fake.js';

const PY = { ...JS_BLOCK, index: 1, lang: 'python', code: 'print(1)' };

function apply<S extends RunPaneState>(state: S, ...actions: RunAction[]): S {
  return actions.reduce((s, a) => runPaneReducer(s, a), state);
}

describe('runPaneReducer on the quiz screen', () => {
  it('asks, starts, streams and finishes a prediction run, leaving the rest of the quiz state as it was', () => {
    const start = initialQuizScreen([predictItem(1, null)], T0);
    const asked = apply(start, { type: 'run-confirm', block: JS_BLOCK, deck: 'code', purpose: 'predict' });
    expect(asked.run).toEqual({ step: 'trust', block: JS_BLOCK, deck: 'code', purpose: 'predict' });
    const running = apply(asked, { type: 'run-start', block: JS_BLOCK, purpose: 'predict' }, { type: 'run-output', id: 1, text: 'a\n' }, { type: 'run-output', id: 1, text: 'b\n' });
    expect(running.run).toEqual({ step: 'running', id: 1, block: JS_BLOCK, purpose: 'predict', output: 'a\nb\n' });
    expect(running.runCount).toBe(1);
    const done: QuizScreenState = apply(running, { type: 'run-finished', id: 1, result: finishedRun('a\nb\n') });
    expect(done.run).toEqual({ step: 'finished', id: 1, block: JS_BLOCK, purpose: 'predict', output: 'a\nb\n', result: finishedRun('a\nb\n') });
    expect(done.quiz).toBe(start.quiz);
    expect({ text: done.text, submitted: done.submitted, unchecked: done.unchecked, message: done.message }).toEqual({ text: '', submitted: false, unchecked: null, message: null });
  });

  it('numbers runs on, and returns the state itself for output or a result of a run no longer shown', () => {
    const second = apply({ run: null, runCount: 4 }, { type: 'run-start', block: JS_BLOCK, purpose: 'show' }, { type: 'run-start', block: PY, purpose: 'show' });
    expect(second).toEqual({ runCount: 6, run: { step: 'running', id: 6, block: PY, purpose: 'show', output: '' } });
    expect(runPaneReducer(second, { type: 'run-output', id: 5, text: 'late' })).toBe(second);
    expect(runPaneReducer(second, { type: 'run-finished', id: 5, result: finishedRun('late') })).toBe(second);
    const finished = runPaneReducer(second, { type: 'run-finished', id: 6, result: finishedRun('1\n') });
    expect(runPaneReducer(finished, { type: 'run-output', id: 6, text: 'after the end' })).toBe(finished);
  });

  it('keeps a running pane open on close, closes a finished or asking one, and empties it when nothing runs', () => {
    const running = apply({ run: null, runCount: 0 }, { type: 'run-start', block: JS_BLOCK, purpose: 'show' });
    expect(runPaneReducer(running, { type: 'run-close' })).toBe(running);
    const finished = apply(running, { type: 'run-finished', id: 1, result: finishedRun('') });
    expect(runPaneReducer(finished, { type: 'run-close' })).toEqual({ run: null, runCount: 1 });
    const choosing = apply({ run: null, runCount: 1 }, { type: 'run-choose', blocks: [JS_BLOCK, PY], purpose: 'show' });
    expect(choosing.run).toEqual({ step: 'choose', blocks: [JS_BLOCK, PY], purpose: 'show' });
    expect(runPaneReducer(choosing, { type: 'run-close' })).toEqual({ run: null, runCount: 1 });
    const asked = apply({ run: null, runCount: 1 }, { type: 'run-confirm', block: JS_BLOCK, deck: 'code', purpose: 'predict' });
    expect(runPaneReducer(asked, { type: 'run-declined', why: 'Not run: no.' })).toEqual({ run: null, runCount: 1 });
  });
});
