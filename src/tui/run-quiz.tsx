import { render, type Instance } from 'ink';
import type { QuizItem } from '../quiz/quiz-session.js';
import { QuizApp } from './components/QuizApp.js';
import type { QuizActions } from './quiz/quiz-actions.js';
import type { QuizScreenState } from './quiz/quiz-screen-state.js';
import { quizSummaryLines } from './quiz/quiz-summary.js';

export interface RunQuizOptions {
  items: readonly QuizItem[];
  actions: QuizActions;
  /** The seed the questions were drawn with, shown at the end so the quiz can be taken again. */
  seed: number;
  color: boolean;
  stdin?: NodeJS.ReadStream;
  stdout?: NodeJS.WriteStream;
}

const ALT_SCREEN_ON = '\x1b[?1049h\x1b[H\x1b[2J';
const ALT_SCREEN_OFF = '\x1b[?1049l';

/**
 * The quiz on the terminal's alternate screen, until its end screen is closed
 * or the user quits; the quiz is saved as it ends (also on SIGTERM/SIGHUP).
 * @returns the lines to print on the normal screen afterwards: the score and the wrong answers
 */
export async function runQuiz(o: RunQuizOptions): Promise<{ lines: string[] }> {
  const stdin = o.stdin ?? process.stdin;
  const stdout = o.stdout ?? process.stdout;
  const width = Math.max(40, (stdout.columns || 80) - 1);
  let last: QuizScreenState | null = null;
  let onAltScreen = false;
  const leave = () => {
    if (onAltScreen) stdout.write(ALT_SCREEN_OFF);
    onAltScreen = false;
  };
  // The terminal gets its normal screen back however the process ends; a quiz
  // cut short by a signal is saved first (a scheduled answer is in the log already).
  const onSignal = (signal: NodeJS.Signals): void => {
    leave();
    stdin.setRawMode?.(false);
    if (last && last.saved === null) {
      try {
        o.actions.save(last.quiz, last.answeredAt, o.actions.now());
      } catch {
        // Leaving anyway: the signal asked for it.
      }
    }
    process.exit(128 + (signal === 'SIGHUP' ? 1 : 15));
  };
  process.once('exit', leave);
  process.once('SIGTERM', onSignal);
  process.once('SIGHUP', onSignal);
  stdout.write(ALT_SCREEN_ON);
  onAltScreen = true;
  let instance: Instance | undefined;
  try {
    instance = render(
      <QuizApp
        actions={o.actions}
        items={o.items}
        seed={o.seed}
        color={o.color}
        onState={(s) => {
          last = s;
        }}
      />,
      {
        stdin,
        stdout,
        // Ctrl-C stops running code first; the key table quits with it otherwise.
        exitOnCtrlC: false,
        patchConsole: false,
        maxFps: 1000,
      },
    );
    await instance.waitUntilExit();
  } finally {
    leave();
    process.off('exit', leave);
    process.off('SIGTERM', onSignal);
    process.off('SIGHUP', onSignal);
  }
  const state = last as QuizScreenState | null;
  if (!state) return { lines: [] };
  return {
    lines: quizSummaryLines(state.quiz, {
      now: state.endedAt ?? o.actions.now(),
      seed: o.seed,
      recorded: o.actions.scheduled ? state.recorded : null,
      saved: state.saved,
      width,
    }),
  };
}
