import { describe, expect, it } from 'vitest';
import type { Card } from '../../../src/model/card.js';
import type { CodeBlock } from '../../../src/model/code-block.js';
import type { Exercise } from '../../../src/check/exercise.js';
import type { RunResult } from '../../../src/run/run-types.js';
import { buildQueue } from '../../../src/schedule/due-queue.js';
import type { ShownCard } from '../../../src/app/review/review-actions.js';
import { reviewReducer, type ReviewAction } from '../../../src/tui/review/review-reducer.js';
import { initialReview, type ReviewState } from '../../../src/tui/review/review-state.js';

const T = Date.UTC(2026, 2, 2, 10);
const BLOCK: CodeBlock = { side: 'front', index: 0, lang: 'js', attributes: [], code: 'console.log(2)' };

function card(id: number): Card {
  return { id, key: `k${id}`, sibling: null, kind: 'basic', syntax: 'qa', front: 'What does this log?', back: 'two', title: null, context: null, headingPath: [], line: 1, endLine: 2, deck: 'd', sourcePath: '/d.md', archived: false, suspended: false, droppedAt: null, createdAt: T, updatedAt: T };
}

function shown(id: number, exercise: Exercise): ShownCard {
  return { card: card(id), state: null, intervals: { 1: '1m', 2: '6m', 3: '10m', 4: '8d' }, shownAt: T, code: { blocks: [BLOCK], exercise } };
}

function ran(fields: Partial<RunResult>): RunResult {
  return { language: 'js', phase: 'run', exit: 0, signal: null, reason: null, ms: 5, stdout: '', stderr: '', truncated: false, sandbox: 'bubblewrap', message: null, ...fields };
}

const queue = buildQueue([], [{ id: 1, deck: 'd', sibling: null, state: null }], { newByDeck: new Map(), reviewsByDeck: new Map(), siblings: new Set() }, { global: { newPerDay: 20, reviewsPerDay: 200 }, decks: {} }, Date.UTC(2026, 2, 3, 4));

function run(state: ReviewState, ...actions: ReviewAction[]): ReviewState {
  return actions.reduce(reviewReducer, state);
}

const predictRun: Exercise = { kind: 'predict', block: BLOCK, expected: null, unordered: false };
const predictGiven: Exercise = { kind: 'predict', block: BLOCK, expected: 'a\nb', unordered: true };

describe('code reducer: the answer box', () => {
  it('a predict card opens with an empty box; a recall card with none', () => {
    const s = run(initialReview(queue, T), { type: 'show', card: shown(1, predictRun) });
    expect(s.check).toEqual({ step: 'typing', exercise: predictRun, text: '' });
    expect(run(initialReview(queue, T), { type: 'show', card: shown(1, { kind: 'recall' }) }).check).toBeNull();
  });

  it('types, erases whole characters (not half an emoji), and stops typing on request', () => {
    let s = run(initialReview(queue, T), { type: 'show', card: shown(1, predictRun) }, { type: 'type', text: 'ab😀' }, { type: 'erase' });
    expect(s.check).toMatchObject({ text: 'ab' });
    s = run(s, { type: 'stop-typing' });
    expect(s.check).toBeNull();
    expect(s.phase).toBe('question');
  });

  it('a prediction with a given output is compared at once, unordered, and reveals the answer', () => {
    const s = run(initialReview(queue, T), { type: 'show', card: shown(1, predictGiven) }, { type: 'type', text: 'b\na\n\n' }, { type: 'submit' });
    expect(s.phase).toBe('answer');
    expect(s.check).toMatchObject({ step: 'checked', given: 'b\na', correct: true, suggested: 3, note: null });
  });

  it('a fresh box ignores the space a learner presses out of habit; once typing, spaces count', () => {
    const s = run(initialReview(queue, T), { type: 'show', card: shown(1, predictGiven) }, { type: 'type', text: ' ' }, { type: 'type', text: '  b' }, { type: 'type', text: ' \n a' });
    expect(s.check).toMatchObject({ step: 'typing', text: 'b \n a' });
    const checked = run(initialReview(queue, T), { type: 'show', card: shown(1, { kind: 'predict', block: BLOCK, expected: '2', unordered: false }) }, { type: 'type', text: ' ' }, { type: 'type', text: '2' }, { type: 'submit' });
    expect(checked.check).toMatchObject({ step: 'checked', given: '2', correct: true, suggested: 3 });
  });

  it('a prediction without one waits for the run; the run finishing checks it against stdout', () => {
    let s = run(initialReview(queue, T), { type: 'show', card: shown(1, predictRun) }, { type: 'type', text: '3' }, { type: 'submit' });
    expect(s.check).toEqual({ step: 'waiting', exercise: predictRun, given: '3' });
    expect(s.phase).toBe('question');
    s = run(s, { type: 'run-start', block: BLOCK, purpose: 'predict' }, { type: 'run-output', id: 1, text: '2\n' }, { type: 'run-finished', id: 1, result: ran({ stdout: '2\n' }) });
    expect(s.phase).toBe('answer');
    expect(s.check).toMatchObject({ step: 'checked', correct: false, suggested: 1, lines: [{ op: 'missing', text: '2' }, { op: 'extra', text: '3' }] });
    expect(s.run).toMatchObject({ step: 'finished', output: '2\n' });
  });

  it('a run that timed out checks nothing and suggests nothing', () => {
    const s = run(
      initialReview(queue, T),
      { type: 'show', card: shown(1, predictRun) },
      { type: 'type', text: '2' },
      { type: 'submit' },
      { type: 'run-start', block: BLOCK, purpose: 'predict' },
      { type: 'run-finished', id: 1, result: ran({ exit: null, signal: 'SIGKILL', reason: 'timeout', message: 'stopped after 5 s (time limit)' }) },
    );
    expect(s.check).toMatchObject({ step: 'checked', correct: false, suggested: null, note: 'Not checked: stopped after 5 s (time limit)' });
  });

  it('a non-zero exit still compares stdout, with a note', () => {
    const s = run(
      initialReview(queue, T),
      { type: 'show', card: shown(1, predictRun) },
      { type: 'type', text: '2' },
      { type: 'submit' },
      { type: 'run-start', block: BLOCK, purpose: 'predict' },
      { type: 'run-finished', id: 1, result: ran({ exit: 1, stdout: '2\n', stderr: 'boom' }) },
    );
    expect(s.check).toMatchObject({ correct: true, suggested: 3, note: 'The program exited with code 1; only its standard output is compared.' });
  });
});

describe('code reducer: the run pane', () => {
  it('ignores output and results of a run that is no longer the current one', () => {
    let s = run(initialReview(queue, T), { type: 'show', card: shown(1, { kind: 'recall' }) }, { type: 'run-start', block: BLOCK, purpose: 'show' }, { type: 'run-start', block: BLOCK, purpose: 'show' });
    expect(s.run).toMatchObject({ step: 'running', id: 2 });
    s = run(s, { type: 'run-output', id: 1, text: 'old' }, { type: 'run-finished', id: 1, result: ran({}) });
    expect(s.run).toMatchObject({ step: 'running', id: 2, output: '' });
  });

  it('a running pane does not close; a finished one does; a new card clears both pane and box', () => {
    let s = run(initialReview(queue, T), { type: 'show', card: shown(1, predictRun) }, { type: 'run-start', block: BLOCK, purpose: 'show' }, { type: 'run-close' });
    expect(s.run?.step).toBe('running');
    s = run(s, { type: 'run-finished', id: 1, result: ran({}) }, { type: 'run-close' });
    expect(s.run).toBeNull();
    s = run(s, { type: 'run-start', block: BLOCK, purpose: 'show' }, { type: 'show', card: shown(2, { kind: 'recall' }) });
    expect(s.run).toBeNull();
    expect(s.check).toBeNull();
  });

  it('declining to run a prediction reveals it unchecked and says why', () => {
    const s = run(initialReview(queue, T), { type: 'show', card: shown(1, predictRun) }, { type: 'type', text: '2' }, { type: 'submit' }, { type: 'run-declined', why: 'Not run: untrusted.' });
    expect(s.phase).toBe('answer');
    expect(s.message).toBe('Not run: untrusted.');
    expect(s.check).toMatchObject({ step: 'checked', suggested: null, note: 'Not run: untrusted.' });
  });
});
