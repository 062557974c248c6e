import type { QuizActions } from '../../app/quiz/quiz-actions.js';
import type { QuizItem } from '../../app/quiz/quiz-session.js';
import { fullScreen, type ProcessEnd } from '../terminal/full-screen.js';
import { QuizApp } from './QuizApp.js';
import type { QuizScreenState } from './quiz-screen-state.js';
import { quizSummaryLines } from './quiz-summary.js';

/** A planned quiz, the actions behind it, and the terminal to show it on. */
export interface RunQuizOptions {
  items: readonly QuizItem[];
  actions: QuizActions;
  /** The command that asks the same quiz again, as quoted shell words: shown at the end. */
  again: readonly string[];
  color: boolean;
  /** The terminal: keys are read from `stdin`, the screen drawn on `stdout`. */
  stdin: NodeJS.ReadStream;
  stdout: NodeJS.WriteStream;
  /** The process's exit and ending signals: the quiz is saved and the terminal gets its normal screen back. */
  processEnd?: ProcessEnd;
}

/**
 * The quiz on the terminal's alternate screen, until its end screen is closed
 * or the user quits; the quiz is saved as it ends (also on SIGTERM/SIGHUP).
 * @returns the lines to print on the normal screen afterwards: the score and the wrong answers
 */
export async function runQuiz(o: RunQuizOptions): Promise<{ lines: string[] }> {
  const { stdin, stdout } = o;
  const width = Math.max(40, (stdout.columns || 80) - 1);
  let last: QuizScreenState | null = null;
  // A quiz cut short by a signal is saved first (a scheduled answer is in the log already).
  const screen = fullScreen({
    stdin,
    stdout,
    processEnd: o.processEnd,
    beforeSignalExit: () => {
      if (last && last.saved === null) o.actions.save(last.quiz, last.answeredAt, o.actions.now());
    },
  });
  await screen.show(
    <QuizApp
      actions={o.actions}
      items={o.items}
      again={o.again}
      color={o.color}
      onState={(s) => {
        last = s;
      }}
    />,
  );
  const state = last as QuizScreenState | null;
  if (!state) return { lines: [] };
  return {
    lines: quizSummaryLines(state.quiz, {
      now: state.endedAt ?? o.actions.now(),
      again: o.again,
      recorded: o.actions.scheduled ? state.recorded : null,
      saved: state.saved,
      width,
    }),
  };
}
