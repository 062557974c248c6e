import { useCallback, useMemo } from 'react';
import type { ReviewActions, ShownCard } from '../../app/review/review-actions.js';
import { isDerivedSyntax } from '../../model/card.js';
import { queueCounts, type DueQueue } from '../../schedule/due-queue.js';
import { cardLayout } from '../card/card-layout.js';
import { modeNote, REVIEW_HELP_BINDINGS } from '../key-table.js';
import { CardWithPane } from '../code-pane/CardWithPane.js';
import { codePaneLines } from '../code-pane/code-pane-lines.js';
import { paneSplit } from '../code-pane/pane-split.js';
import { keyHelpLines, keyHelpWindow } from '../terminal/key-help-lines.js';
import { KeyHelp } from '../terminal/KeyHelp.js';
import { ScreenFrame } from '../terminal/ScreenFrame.js';
import { useNow } from '../terminal/use-now.js';
import { useScreenArea, withMessage } from '../terminal/use-screen-area.js';
import { useStateReport } from '../terminal/use-state-report.js';
import { AnswerBar } from './AnswerBar.js';
import { DayLimit } from './DayLimit.js';
import { moreStudy, moreText } from './study-more.js';
import type { ReviewState } from './review-state.js';
import { ReviewHeader } from './ReviewHeader.js';
import { useReview } from './use-review.js';

/** Smallest terminal a card fits in with its header and answer bar: columns, then rows. */
export const MIN_COLUMNS = 40;
/** See MIN_COLUMNS. */
export const MIN_ROWS = 10;

/** The review's actions and queue, colours, and who hears of each state. */
export interface ReviewAppProps {
  actions: ReviewActions;
  queue: DueQueue;
  color: boolean;
  /** Told every state, so the caller has the last one when the screen closes. */
  onState: (state: ReviewState) => void;
}

/** The keys of the moment when they are not the answer bar's: typing, or a question in the code pane. */
function keysHint(s: ReviewState): string | null {
  if (s.phase === 'limit') return `m ${moreText(moreStudy(s.limits))}  u undo  q quit`;
  if (s.run?.step === 'trust') return 'y run once · a trust the deck · n do not run';
  if (s.run?.step === 'choose') return '1-9 run that block · esc cancel';
  if (s.check?.step === 'typing' && s.phase === 'question') {
    return s.check.exercise.kind === 'predict' ? 'enter new line · enter twice or ctrl-d check · esc answer from memory' : 'enter check · esc answer from memory';
  }
  return null;
}

/**
 * The review screen: header, the card (scrollable) with the code pane under
 * it, a message line and the answer bar. It lays out and draws; the rules are
 * the review controller's (through useReview), which it hands the keys with
 * what the layout knows (body height, scroll range, the card's images).
 */
export function ReviewApp({ actions, queue, color, onState }: ReviewAppProps) {
  const screen = useScreenArea(MIN_COLUMNS, MIN_ROWS);
  const { width } = screen;
  // Lays out both sides of the card loaded ahead, so answering only has to draw.
  const warm = useCallback(
    (shown: ShownCard) => {
      cardLayout(shown.card, false, width, color, shown.titleHeading ?? null);
      cardLayout(shown.card, true, width, color, shown.titleHeading ?? null);
    },
    [width, color],
  );
  const { state, perform, onInput } = useReview(actions, queue, warm);
  const now = useNow(actions.now);
  useStateReport(state, onState, state.phase === 'done');
  // A long status line (a path at 40 columns) wraps, taking rows from the card.
  const area = withMessage(screen, state.message);
  const { areaHeight } = area;

  const revealed = state.phase === 'answer';
  const layout = useMemo(
    () => (state.current ? cardLayout(state.current.card, revealed, width, color, state.current.titleHeading ?? null) : { lines: [], images: [] }),
    [state.current, revealed, width, color],
  );
  const pane = useMemo(() => codePaneLines(state.run, state.check, width), [state.run, state.check, width]);
  const { paneHeight, bodyHeight } = paneSplit(areaHeight, layout.lines.length, pane.lines.length);
  const maxScroll = Math.max(0, layout.lines.length - bodyHeight);

  const scroll = Math.min(state.scroll, maxScroll);
  // Laid out once the list is opened: the first card need not wait for it.
  const helpLines = useMemo(() => (state.helpOpen ? keyHelpLines(REVIEW_HELP_BINDINGS, modeNote, width) : []), [state.helpOpen, width]);
  const help = keyHelpWindow(helpLines.length, areaHeight, state.helpScroll);
  // With the key list open, the scroll keys move the list: they get its range.
  const view = state.helpOpen ? { bodyHeight: help.rows, maxScroll: help.maxScroll, images: layout.images } : { bodyHeight, maxScroll, images: layout.images };
  return (
    <ScreenFrame
      area={area}
      color={color}
      view={view}
      onInput={onInput}
      onQuit={(view) => perform({ kind: 'quit' }, view)}
      header={
        <ReviewHeader
          deck={state.current?.card.deck ?? ''}
          counts={queueCounts(state.queue)}
          phase={state.current ? (state.current.state?.phase ?? 'new') : null}
          elapsedMs={now - state.startedAt}
          color={color}
          width={width}
        />
      }
      message={state.message}
      bar={
        <AnswerBar
          suggested={state.check?.step === 'checked' ? state.check.suggested : null}
          hint={keysHint(state)}
          revealed={revealed}
          intervals={state.current?.intervals ?? null}
          moreBelow={Math.max(0, layout.lines.length - scroll - bodyHeight)}
          droppable={state.current !== null && isDerivedSyntax(state.current.card.syntax)}
          color={color}
          width={width}
        />
      }
    >
      {state.helpOpen ? (
        <KeyHelp lines={helpLines} view={help} height={areaHeight} />
      ) : state.phase === 'limit' ? (
        <DayLimit limits={state.limits} height={areaHeight} width={width} color={color} />
      ) : (
        <CardWithPane lines={layout.lines} scroll={scroll} bodyHeight={bodyHeight} pane={pane} paneHeight={paneHeight} width={width} color={color} />
      )}
    </ScreenFrame>
  );
}
