import { Box, Text, useApp, useInput } from 'ink';
import { useEffect, useMemo, useRef } from 'react';
import type { QuizActions } from '../../app/quiz/quiz-actions.js';
import type { QuizItem } from '../../app/quiz/quiz-session.js';
import { CardWithPane } from '../code-pane/CardWithPane.js';
import { TooSmall } from '../terminal/TooSmall.js';
import { useNow } from '../terminal/use-now.js';
import { useTerminalSize } from '../terminal/use-terminal-size.js';
import { keyNames } from '../key-table.js';
import { quizCardLayout } from './quiz-card.js';
import { quizPaneLines } from './quiz-pane-lines.js';
import { currentItem, quizKeyModes, type QuizScreenState } from './quiz-screen-state.js';
import { quizSummaryLines } from './quiz-summary.js';
import { QuizBar } from './QuizBar.js';
import { QuizEnd } from './QuizEnd.js';
import { QuizHeader } from './QuizHeader.js';
import { QuizHelp } from './QuizHelp.js';
import { useQuiz } from './use-quiz.js';

/** Narrowest terminal a question fits in with its header, options and key bar. */
export const QUIZ_MIN_COLUMNS = 40;
/** Lowest terminal a question fits in with its header, options and key bar. */
export const QUIZ_MIN_ROWS = 12;
/** Header, its rule, the message line and the key bar. */
const CHROME_ROWS = 4;

/** What the quiz screen is given: the quiz's actions and questions, and where its last state goes. */
export interface QuizAppProps {
  actions: QuizActions;
  items: readonly QuizItem[];
  /** The seed the questions were drawn with, for the end screen. */
  seed: number;
  color: boolean;
  /** Told every state, so the caller has the last one when the screen closes. */
  onState: (state: QuizScreenState) => void;
}

/** The quiz screen: header, the card (scrollable), the answer pane under it, a message line and the key bar; at the end, the score. */
export function QuizApp({ actions, items, seed, color, onState }: QuizAppProps) {
  const { columns, rows } = useTerminalSize();
  const { state, onInput, onKey, scrollTo } = useQuiz(actions, items);
  const now = useNow(actions.now);
  const { exit } = useApp();

  useEffect(() => {
    onState(state);
    if (state.closed) exit();
  }, [state, onState, exit]);

  const tooSmall = columns < QUIZ_MIN_COLUMNS || rows < QUIZ_MIN_ROWS;
  // One column spare: writing the last column makes some terminals wrap. One row
  // spare: a frame as tall as the window would scroll it.
  const width = columns - 1;
  const areaHeight = Math.max(1, rows - 1 - CHROME_ROWS);
  const item = currentItem(state);
  const done = state.quiz.phase === 'done';
  const revealed = state.quiz.phase === 'feedback' || state.revealed || state.unchecked !== null;
  const layout = useMemo(() => (item ? quizCardLayout(item.card, revealed, width, color).lines : []), [item, revealed, width, color]);
  const pane = useMemo(() => quizPaneLines(state, width, actions.scheduled), [state, width, actions.scheduled]);
  const summary = useMemo(
    () =>
      done
        ? quizSummaryLines(state.quiz, { now: state.endedAt ?? actions.now(), seed, recorded: actions.scheduled ? state.recorded : null, saved: state.saved, width })
        : [],
    [done, state.quiz, state.endedAt, state.recorded, state.saved, seed, width, actions],
  );
  // The pane takes what it needs, up to half the area, or more when the card leaves room (a rule above it).
  const paneHeight = pane.lines.length === 0 ? 0 : Math.min(pane.lines.length + 1, Math.max(3, Math.floor(areaHeight / 2), areaHeight - layout.length));
  const bodyHeight = Math.max(1, areaHeight - paneHeight);
  const bodyLines = done ? summary.length : layout.length;
  const maxScroll = Math.max(0, bodyLines - (done ? areaHeight : bodyHeight));

  // Once the answer shows on a card taller than the window, the window moves to
  // it: the question was just read, the answer is what is new.
  const questionLines = useMemo(() => (item && revealed ? quizCardLayout(item.card, false, width, color).lines.length : 0), [item, revealed, width, color]);
  useEffect(() => {
    if (revealed && maxScroll > 0 && !done) scrollTo(Math.min(maxScroll, questionLines), maxScroll);
    // Only when the answer appears: scrolling back up afterwards is the user's.
  }, [revealed, state.quiz.index]);

  // Read at key time: Ink subscribes the handler after each frame is written, so
  // a key typed ahead can reach the previous render's handler.
  const view = useRef({ tooSmall, bodyHeight, maxScroll });
  view.current = { tooSmall, bodyHeight, maxScroll };
  useInput((input, key) => {
    const facts = view.current;
    if (!facts.tooSmall) {
      onInput(input, key, facts);
      return;
    }
    // Too small to answer: the quit keys still work (ctrl-c quits from any step but a run).
    for (const name of keyNames(input, key)) if (name === 'q' || name === 'escape' || name === 'ctrl-c') onKey('ctrl-c', facts);
  });

  if (tooSmall) return <TooSmall columns={columns} rows={rows} minColumns={QUIZ_MIN_COLUMNS} minRows={QUIZ_MIN_ROWS} />;
  const scroll = Math.min(state.scroll, maxScroll);
  const score = state.quiz.answers.filter((a) => a.correct).length;
  const modes = quizKeyModes(state);
  return (
    <Box flexDirection="column" width={width} height={rows - 1}>
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
      <Box height={1}>
        <Text dimColor>{'─'.repeat(width)}</Text>
      </Box>
      {state.helpOpen ? (
        <QuizHelp height={areaHeight} />
      ) : done ? (
        <QuizEnd lines={summary} scroll={scroll} height={areaHeight} color={color} />
      ) : (
        <CardWithPane lines={layout} scroll={scroll} bodyHeight={bodyHeight} pane={pane} paneHeight={paneHeight} width={width} color={color} />
      )}
      <Box height={1}>
        <Text wrap="truncate-end" color={color ? 'yellow' : undefined}>
          {state.message ?? ' '}
        </Text>
      </Box>
      <QuizBar
        mode={state.helpOpen ? 'quiz' : modes[0]!}
        predicting={item?.ask.kind === 'predict'}
        last={state.quiz.index === state.quiz.items.length - 1}
        moreBelow={Math.max(0, bodyLines - scroll - (done ? areaHeight : bodyHeight))}
        width={width}
      />
    </Box>
  );
}
