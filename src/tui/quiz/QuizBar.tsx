import type { QuizKeyMode } from '../key-table.js';
import { KeyBar, type KeyHint } from '../terminal/KeyBar.js';

/** What the key bar needs: the step of the question, and how much of the card is below the window. */
export interface QuizBarProps {
  /** Where keys are read now, most specific first. */
  mode: QuizKeyMode;
  /** A prediction being typed: enter adds a line. */
  predicting: boolean;
  /** The answer on screen is the quiz's last. */
  last: boolean;
  /** Lines below the window, for the scroll hint. */
  moreBelow: number;
  width: number;
}

/** The quiz's key bar: the keys that matter at this step of a question. */
export function QuizBar({ mode, predicting, last, moreBelow, width }: QuizBarProps) {
  return <KeyBar hints={hintsFor(mode, predicting, last)} moreBelow={moreBelow} width={width} />;
}

function hintsFor(mode: QuizKeyMode, predicting: boolean, last: boolean): KeyHint[] {
  switch (mode) {
    case 'quiz-choice':
      return [['1-4', 'pick'], ['?', 'keys'], ['q', 'quit']];
    case 'quiz-typing':
      return predicting ? [['enter', 'new line'], ['enter twice', 'check'], ['ctrl-d', 'check'], ['ctrl-c', 'quit']] : [['enter', 'check'], ['ctrl-c', 'quit']];
    case 'quiz-recall':
      return [['space', 'show answer'], ['?', 'keys'], ['q', 'quit']];
    case 'quiz-mark':
      return [['y', 'right'], ['n', 'wrong'], ['q', 'quit']];
    case 'quiz-trust':
      return [['y', 'run once'], ['a', 'trust deck'], ['n', 'judge it myself']];
    case 'quiz-running':
      return [['esc', 'stop'], ['q', 'quit']];
    case 'quiz-feedback':
      return [['enter', last ? 'finish' : 'next'], ['?', 'keys'], ['q', 'quit']];
    case 'quiz-end':
      return [['enter', 'close']];
    case 'quiz':
      return [['?', 'keys'], ['q', 'quit']];
  }
}
