import { useEffect, useMemo } from 'react';
import type { QuizActions } from '../../app/quiz/quiz-actions.js';
import type { QuizItem } from '../../app/quiz/quiz-session.js';
import { CardWithPane } from '../code-pane/CardWithPane.js';
import { paneSplit } from '../code-pane/pane-split.js';
import { QUIZ_HELP_BINDINGS, quizModeNote } from '../key-table.js';
import { keyHelpLines, keyHelpWindow } from '../terminal/key-help-lines.js';
import { KeyHelp } from '../terminal/KeyHelp.js';
import { ScreenFrame } from '../terminal/ScreenFrame.js';
import { useNow } from '../terminal/use-now.js';
import { useScreenArea } from '../terminal/use-screen-area.js';
import { useStateReport } from '../terminal/use-state-report.js';
import { quizCardLayout } from './quiz-card.js';
import { quizPaneLines } from './quiz-pane-lines.js';
import { currentItem, quizKeyModes, type QuizScreenState } from './quiz-screen-state.js';
import { quizSummaryLines } from './quiz-summary.js';
import { QuizBar } from './QuizBar.js';
import { QuizEnd } from './QuizEnd.js';
import { QuizHeader } from './QuizHeader.js';
import { useQuiz } from './use-quiz.js';

/** Narrowest terminal a question fits in with its header, options and key bar. */
export const QUIZ_MIN_COLUMNS = 40;
/** Lowest terminal a question fits in with its header, options and key bar. */
export const QUIZ_MIN_ROWS = 12;

/** What the quiz screen is given: the quiz's actions and questions, and where its last state goes. */
export interface QuizAppProps {
  actions: QuizActions;
  items: readonly QuizItem[];
  /** The command that asks the same quiz again (quoted shell words), for the end screen. */
  again: readonly string[];
  color: boolean;
  /** Told every state, so the caller has the last one when the screen closes. */
  onState: (state: QuizScreenState) => void;
}

/** The quiz screen: header, the card (scrollable), the answer pane under it, a message line and the key bar; at the end, the score. */
export function QuizApp({ actions, items, again, color, onState }: QuizAppProps) {
  const area = useScreenArea(QUIZ_MIN_COLUMNS, QUIZ_MIN_ROWS);
  const { width, areaHeight } = area;
  const { state, onInput, onKey, scrollTo } = useQuiz(actions, items);
  const now = useNow(actions.now);
  useStateReport(state, onState, state.closed);

  const item = currentItem(state);
  const done = state.quiz.phase === 'done';
  const revealed = state.quiz.phase === 'feedback' || state.revealed || state.unchecked !== null;
  const layout = useMemo(() => (item ? quizCardLayout(item, revealed, width, color).lines : []), [item, revealed, width, color]);
  const pane = useMemo(() => quizPaneLines(state, width, actions.scheduled), [state, width, actions.scheduled]);
  const summary = useMemo(
    () =>
      done
        ? quizSummaryLines(state.quiz, { now: state.endedAt ?? actions.now(), again, recorded: actions.scheduled ? state.recorded : null, saved: state.saved, width })
        : [],
    [done, state.quiz, state.endedAt, state.recorded, state.saved, again, width, actions],
  );
  const { paneHeight, bodyHeight } = paneSplit(areaHeight, layout.length, pane.lines.length);
  const bodyLines = done ? summary.length : layout.length;
  const maxScroll = Math.max(0, bodyLines - (done ? areaHeight : bodyHeight));

  // Once the answer shows on a card taller than the window, the window moves to
  // it: the question was just read, the answer is what is new.
  const questionLines = useMemo(() => (item && revealed ? quizCardLayout(item, false, width, color).lines.length : 0), [item, revealed, width, color]);
  useEffect(() => {
    if (revealed && maxScroll > 0 && !done) scrollTo(Math.min(maxScroll, questionLines), maxScroll);
    // Only when the answer appears: scrolling back up afterwards is the user's.
  }, [revealed, state.quiz.index]);

  const scroll = Math.min(state.scroll, maxScroll);
  const score = state.quiz.answers.filter((a) => a.correct).length;
  const modes = quizKeyModes(state);
  // Laid out once the list is opened: the first card need not wait for it.
  const helpLines = useMemo(() => (state.helpOpen ? keyHelpLines(QUIZ_HELP_BINDINGS, quizModeNote, width) : []), [state.helpOpen, width]);
  const help = keyHelpWindow(helpLines.length, areaHeight, state.helpScroll);
  return (
    <ScreenFrame
      area={area}
      color={color}
      // With the key list open, the scroll keys move the list: they get its range.
      view={state.helpOpen ? { bodyHeight: help.rows, maxScroll: help.maxScroll } : { bodyHeight, maxScroll }}
      onInput={onInput}
      // Too small to answer: the quit keys still work (ctrl-c quits from any step but a run).
      onQuit={(view) => onKey('ctrl-c', view)}
      header={
        <QuizHeader
          deck={item?.card.deck ?? ''}
          number={Math.min(state.quiz.index + 1, state.quiz.items.length)}
          total={state.quiz.items.length}
          right={score}
          wrong={state.quiz.answers.length - score}
          elapsedMs={(state.endedAt ?? now) - state.quiz.startedAt}
          color={color}
          width={width}
        />
      }
      message={state.message}
      bar={
        <QuizBar
          mode={state.helpOpen ? 'quiz' : modes[0]!}
          predicting={item?.ask.kind === 'predict'}
          last={state.quiz.index === state.quiz.items.length - 1}
          moreBelow={Math.max(0, bodyLines - scroll - (done ? areaHeight : bodyHeight))}
          width={width}
        />
      }
    >
      {state.helpOpen ? (
        <KeyHelp lines={helpLines} view={help} height={areaHeight} />
      ) : done ? (
        <QuizEnd lines={summary} scroll={scroll} height={areaHeight} color={color} />
      ) : (
        <CardWithPane lines={layout} scroll={scroll} bodyHeight={bodyHeight} pane={pane} paneHeight={paneHeight} width={width} color={color} />
      )}
    </ScreenFrame>
  );
}
