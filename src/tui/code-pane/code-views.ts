import type { CodeBlock } from '../../model/code-block.js';
import type { Grade } from '../../model/review.js';
import type { DiffLine } from '../../check/compare-output.js';
import type { Exercise } from '../../check/exercise.js';
import type { WordPart } from '../../check/word-diff.js';
import type { RunResult } from '../../run/run-types.js';

/** What a run is for: showing the output (`r`), or checking a prediction against it. */
export type RunPurpose = 'show' | 'predict';

/**
 * The code pane under the card: choosing a block, asking whether to trust the
 * deck, a run streaming its output, or its result. `id` tells a late result of
 * an earlier run (stopped, or of another card) from the current one.
 */
export type RunView =
  | { step: 'choose'; blocks: CodeBlock[]; purpose: RunPurpose }
  | { step: 'trust'; block: CodeBlock; deck: string; purpose: RunPurpose }
  | { step: 'running'; id: number; block: CodeBlock; purpose: RunPurpose; output: string }
  | { step: 'finished'; id: number; block: CodeBlock; purpose: RunPurpose; output: string; result: RunResult };

/** A card that asks for typed input: a prediction of a block's output, or the answer itself. */
export type CheckedExercise = Extract<Exercise, { kind: 'predict' } | { kind: 'typed' }>;

/**
 * The answer box of a predict-the-output or typed-answer card: being typed,
 * waiting for the code's real output, or compared, with a suggested grade
 * (null when the code could not be run, so nothing can be suggested).
 */
export type CheckView =
  | { step: 'typing'; exercise: CheckedExercise; text: string }
  | { step: 'waiting'; exercise: CheckedExercise; given: string }
  | {
      step: 'checked';
      exercise: CheckedExercise;
      given: string;
      correct: boolean;
      lines: DiffLine[] | null;
      words: WordPart[] | null;
      suggested: Grade | null;
      note: string | null;
    };

/**
 * The part of a screen's state that the run pane changes, the same on the
 * review and the quiz screens: the pane, and the count that numbers the runs
 * so that output or a result arriving late, for a run stopped or left behind,
 * is told from the current run's.
 */
export interface RunPaneState {
  run: RunView | null;
  /** Numbers the runs, so a result that arrives late for a stopped run is ignored. */
  runCount: number;
}

/**
 * The part of the review screen's state that the code pane and the answer box
 * change: a checked answer turns the card to its answer side, and a declined
 * run leaves a note on the status line.
 */
export interface CodePaneState extends RunPaneState {
  phase: 'question' | 'answer' | 'limit' | 'done';
  check: CheckView | null;
  message: string | null;
}
