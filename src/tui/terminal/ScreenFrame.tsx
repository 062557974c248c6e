import { Box, Text, useInput } from 'ink';
import { useRef, type ReactNode } from 'react';
import { keyNames, type InkKey } from '../key-table.js';
import { TooSmall } from './TooSmall.js';
import type { ScreenArea } from './use-screen-area.js';

/** What a full-screen frame holds, and where its keys go. */
export interface ScreenFrameProps<V> {
  area: ScreenArea;
  header: ReactNode;
  /** The body, `area.areaHeight` rows: the card with its pane, the key list, the end screen. */
  children: ReactNode;
  /** The note above the key bar, or null; its rows are `area.messageLines` when laid out (withMessage). */
  message: string | null;
  bar: ReactNode;
  color: boolean;
  /** What the layout knows that keys need (body height, scroll range), handed over at key time. */
  view: V;
  /** One read from the terminal, as Ink describes it. */
  onInput: (input: string, key: InkKey, view: V) => void;
  /** A quit key (q, escape, ctrl-c) on a terminal too small to show the screen. */
  onQuit: (view: V) => void;
}

/**
 * The frame the review and the quiz screens share: header, rule, body, message
 * line and key bar, one column and one row short of the terminal; or, in a
 * terminal too small, a note saying so, where only the quit keys work.
 */
export function ScreenFrame<V>({ area, header, children, message, bar, color, view, onInput, onQuit }: ScreenFrameProps<V>) {
  // Read at key time: Ink subscribes the handler after each frame is written, so
  // a key typed ahead can reach the previous render's handler.
  const now = useRef({ view, tooSmall: area.tooSmall });
  now.current = { view, tooSmall: area.tooSmall };
  useInput((input, key) => {
    const { view: facts, tooSmall } = now.current;
    if (!tooSmall) {
      onInput(input, key, facts);
      return;
    }
    for (const name of keyNames(input, key)) if (name === 'q' || name === 'escape' || name === 'ctrl-c') onQuit(facts);
  });

  const lines = area.messageLines ?? [message ?? ' '];
  if (area.tooSmall) return <TooSmall columns={area.columns} rows={area.rows} minColumns={area.minColumns} minRows={area.minRows} />;
  return (
    <Box flexDirection="column" width={area.width} height={area.rows - 1}>
      {header}
      <Box height={1}>
        <Text dimColor>{'─'.repeat(area.width)}</Text>
      </Box>
      {children}
      <Box height={lines.length} flexDirection="column">
        {lines.map((line, i) => (
          <Text key={i} wrap="truncate-end" color={color ? 'yellow' : undefined}>
            {line}
          </Text>
        ))}
      </Box>
      {bar}
    </Box>
  );
}
