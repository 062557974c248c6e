import { Box, Text } from 'ink';
import type { ReactNode } from 'react';

/** One key and what it does now: ["space", "show answer"]. */
export type KeyHint = readonly [key: string, what: string];

/** What the key bar shows: the keys of the moment (or the screen's own line), and how much is below the window. */
export interface KeyBarProps {
  /** The keys that matter now, each key bold; ignored when `children` gives the line instead. */
  hints?: readonly KeyHint[];
  /** The screen's own line in place of the hints (the review's grade buttons). */
  children?: ReactNode;
  /** Lines below the window, for the scroll hint at the right. */
  moreBelow: number;
  width: number;
}

/**
 * The bottom line of the review and the quiz screens: the keys of the moment
 * and, at the right, how many lines are below the window. Always one row (cut,
 * never wrapped), so the rows above keep their places at any width.
 */
export function KeyBar({ hints = [], children, moreBelow, width }: KeyBarProps) {
  const more = moreBelow > 0 ? ` ↓${moreBelow}` : '';
  return (
    <Box height={1} width={width}>
      <Box flexGrow={1} flexShrink={1}>
        {children ?? (
          <Text wrap="truncate-end">
            {hints.map(([key, what], i) => (
              <Text key={key}>
                {i > 0 ? '  ' : ''}
                <Text bold>{key}</Text> {what}
              </Text>
            ))}
          </Text>
        )}
      </Box>
      {more ? (
        <Box flexShrink={0}>
          <Text dimColor>{more}</Text>
        </Box>
      ) : null}
    </Box>
  );
}
