import { Box, Text } from 'ink';
import type { Grade } from '../../model/review.js';

export interface AnswerBarProps {
  revealed: boolean;
  intervals: Record<Grade, string> | null;
  /** Lines below the window, for the scroll hint. */
  moreBelow: number;
  color: boolean;
}

const BUTTONS: { grade: Grade; label: string; hue: 'red' | 'yellow' | 'green' | 'blue' }[] = [
  { grade: 1, label: 'Again', hue: 'red' },
  { grade: 2, label: 'Hard', hue: 'yellow' },
  { grade: 3, label: 'Good', hue: 'green' },
  { grade: 4, label: 'Easy', hue: 'blue' },
];

/** The bottom line: how to reveal, or the four answers each with the interval it gives. */
export function AnswerBar({ revealed, intervals, moreBelow, color }: AnswerBarProps) {
  return (
    <Box justifyContent="space-between">
      {revealed && intervals ? (
        <Box gap={2} flexShrink={1}>
          {BUTTONS.map((b) => (
            <Text key={b.grade} wrap="truncate-end">
              <Text bold>{b.grade}</Text> <Text color={color ? b.hue : undefined}>{b.label}</Text> <Text dimColor>{intervals[b.grade]}</Text>
            </Text>
          ))}
        </Box>
      ) : (
        <Text wrap="truncate-end">
          <Text bold>space</Text> show answer  <Text bold>?</Text> keys  <Text bold>q</Text> quit
        </Text>
      )}
      {moreBelow > 0 ? <Text dimColor> ↓{moreBelow}</Text> : null}
    </Box>
  );
}
