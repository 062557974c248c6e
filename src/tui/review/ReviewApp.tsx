import { Box, Text, useApp, useInput } from 'ink';
import { useCallback, useEffect, useMemo, useRef } from 'react';
import type { ReviewActions, ShownCard } from '../../app/review/review-actions.js';
import { queueCounts, type DueQueue } from '../../schedule/due-queue.js';
import { cardLayout } from '../card/card-layout.js';
import { CardWithPane } from '../code-pane/CardWithPane.js';
import { codePaneLines } from '../code-pane/code-pane-lines.js';
import { keyNames } from '../key-table.js';
import { TooSmall } from '../terminal/TooSmall.js';
import { useNow } from '../terminal/use-now.js';
import { useTerminalSize } from '../terminal/use-terminal-size.js';
import { AnswerBar } from './AnswerBar.js';
import type { ReviewState } from './review-state.js';
import { ReviewHeader } from './ReviewHeader.js';
import { ReviewHelp } from './ReviewHelp.js';
import { useReview } from './use-review.js';

/** Smallest terminal a card fits in with its header and answer bar: columns, then rows. */
export const MIN_COLUMNS = 40;
/** See MIN_COLUMNS. */
export const MIN_ROWS = 10;
/** Header, its rule, the message line and the answer bar. */
const CHROME_ROWS = 4;

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
  const { columns, rows } = useTerminalSize();
  // Lays out both sides of the card loaded ahead, so answering only has to draw.
  const warm = useCallback(
    (shown: ShownCard) => {
      cardLayout(shown.card, false, columns - 1, color);
      cardLayout(shown.card, true, columns - 1, color);
    },
    [columns, color],
  );
  const { state, perform, onInput } = useReview(actions, queue, warm);
  const now = useNow(actions.now);
  const { exit } = useApp();

  useEffect(() => {
    onState(state);
    if (state.phase === 'done') exit();
  }, [state, onState, exit]);

  const tooSmall = columns < MIN_COLUMNS || rows < MIN_ROWS;
  // One column spare: writing the last column makes some terminals wrap. One row
  // spare: a frame as tall as the window would scroll it.
  const width = columns - 1;
  const areaHeight = Math.max(1, rows - 1 - CHROME_ROWS);
  const revealed = state.phase === 'answer';
  const layout = useMemo(
    () => (state.current ? cardLayout(state.current.card, revealed, width, color) : { lines: [], images: [] }),
    [state.current, revealed, width, color],
  );
  const pane = useMemo(() => codePaneLines(state.run, state.check, width), [state.run, state.check, width]);
  // The pane under the card (a rule above it) takes what it needs: what the card leaves
  // free, and at least half the area when the card is long.
  const paneRoom = Math.max(3, Math.floor(areaHeight / 2), areaHeight - layout.lines.length);
  const paneHeight = pane.lines.length === 0 ? 0 : Math.min(pane.lines.length + 1, paneRoom);
  const bodyHeight = Math.max(1, areaHeight - paneHeight);
  const maxScroll = Math.max(0, layout.lines.length - bodyHeight);

  // Read at key time: Ink subscribes the handler after each frame is written, so
  // a key typed ahead can reach the previous render's handler.
  const view = useRef({ tooSmall, bodyHeight, maxScroll, images: layout.images });
  view.current = { tooSmall, bodyHeight, maxScroll, images: layout.images };
  useInput((input, key) => {
    const facts = view.current;
    if (!facts.tooSmall) {
      onInput(input, key, facts);
      return;
    }
    for (const name of keyNames(input, key)) if (name === 'q' || name === 'escape' || name === 'ctrl-c') perform({ kind: 'quit' }, facts);
  });

  if (tooSmall) return <TooSmall columns={columns} rows={rows} minColumns={MIN_COLUMNS} minRows={MIN_ROWS} />;
  const scroll = Math.min(state.scroll, maxScroll);
  return (
    <Box flexDirection="column" width={width} height={rows - 1}>
      <ReviewHeader
        deck={state.current?.card.deck ?? ''}
        counts={queueCounts(state.queue)}
        phase={state.current ? (state.current.state?.phase ?? 'new') : null}
        elapsedMs={now - state.startedAt}
        color={color}
        width={width}
      />
      <Box height={1}>
        <Text dimColor>{'─'.repeat(width)}</Text>
      </Box>
      {state.helpOpen ? (
        <ReviewHelp height={bodyHeight} width={width} />
      ) : (
        <CardWithPane lines={layout.lines} scroll={scroll} bodyHeight={bodyHeight} pane={pane} paneHeight={paneHeight} width={width} color={color} />
      )}
      <Box height={1}>
        <Text wrap="truncate-end" color={color ? 'yellow' : undefined}>
          {state.message ?? ' '}
        </Text>
      </Box>
      <AnswerBar
        suggested={state.check?.step === 'checked' ? state.check.suggested : null}
        hint={keysHint(state)}
        revealed={revealed}
        intervals={state.current?.intervals ?? null}
        moreBelow={Math.max(0, layout.lines.length - scroll - bodyHeight)}
        color={color}
        width={width}
      />
    </Box>
  );
}
