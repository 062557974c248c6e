import type { CodeBlock } from '../../model/code-block.js';
import type { RunHooks, RunResult } from '../../run/run-types.js';
import type { QuizAnswer, QuizState } from './quiz-session.js';

/**
 * What a quiz needs from outside its screen: the clock, store writes, trust
 * and runs. prepareQuiz gives the store's (quizService); the screen does no
 * IO of its own, so a test can hand it a fake.
 */
export interface QuizActions {
  now(): number;
  /** Whether answers are also recorded as reviews (`--schedule`): the screen then offers a grade. */
  readonly scheduled: boolean;
  /**
   * Records an answer as a review with its grade, committed before this
   * returns, when the quiz is scheduled; does nothing otherwise. Throws when
   * the store says no (the screen then stays on the answer).
   */
  record(answer: QuizAnswer, now: number): void;
  /**
   * Saves the quiz with its answers (`answeredAt[i]` is when answer i was
   * given); once per quiz, so a second call returns the first one's id. Saves
   * nothing and returns null when nothing was answered.
   */
  save(quiz: QuizState, answeredAt: readonly number[], finishedAt: number): number | null;
  /** Whether the deck's code may run without asking: trusted, and unchanged since. */
  isTrusted(deck: string): boolean;
  /** Trusts the deck as it is now (until its content changes). */
  trust(deck: string): void;
  /**
   * Runs one code block, streaming output through `hooks`; aborting
   * `hooks.signal` stops it. Resolves with the result also when the code
   * fails; never rejects for the code's own faults.
   */
  run(block: CodeBlock, hooks: RunHooks): Promise<RunResult>;
}
