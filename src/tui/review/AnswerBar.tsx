import { Box, Text } from 'ink';
import type { Grade } from '../../model/review.js';

/** What the answer bar shows: the reveal hint, the four buttons, or the keys of the moment. */
export interface AnswerBarProps {
  revealed: boolean;
  /** The grade a checked answer suggests (enter takes it), marked on its button. */
  suggested?: Grade | null;
  intervals: Record<Grade, string> | null;
  /** What the keys do right now when it is not the usual (typing, a question in the pane). */
  hint?: string | null;
  /** Lines below the window, for the scroll hint. */
  moreBelow: number;
  color: boolean;
  width: number;
}

const BUTTONS: { grade: Grade; label: string; hue: 'red' | 'yellow' | 'green' | 'blue' }[] = [
  { grade: 1, label: 'Again', hue: 'red' },
  { grade: 2, label: 'Hard', hue: 'yellow' },
  { grade: 3, label: 'Good', hue: 'green' },
  { grade: 4, label: 'Easy', hue: 'blue' },
];

/** Below this width the buttons drop their names and keep key and interval. */
const COMPACT_BELOW = 50;

/**
 * The bottom line: how to reveal, or the four answers each with the interval
 * it gives. Always one row (cut, never wrapped), so the rows above keep their
 * places at any width.
 */
export function AnswerBar({ revealed, suggested = null, hint: modeHint = null, intervals, moreBelow, color, width }: AnswerBarProps) {
  const compact = width < COMPACT_BELOW;
  const hint = moreBelow > 0 ? ` ↓${moreBelow}` : '';
  return (
    <Box height={1} width={width}>
      <Box flexGrow={1} flexShrink={1}>
        {modeHint ? (
          <Text wrap="truncate-end">{modeHint}</Text>
        ) : revealed && intervals ? (
          <Text wrap="truncate-end">
            {BUTTONS.map((b, i) => (
              <Text key={b.grade}>
                {i > 0 ? (compact ? ' ' : '  ') : ''}
                <Text bold inverse={b.grade === suggested}>
                  {b.grade}
                </Text>
                {compact ? ':' : ' '}
                {compact ? null : <Text color={color ? b.hue : undefined}>{`${b.label} `}</Text>}
                <Text dimColor>{intervals[b.grade]}</Text>
              </Text>
            ))}
          </Text>
        ) : (
          <Text wrap="truncate-end">
            <Text bold>space</Text> show answer  <Text bold>?</Text> keys  <Text bold>q</Text> quit
          </Text>
        )}
      </Box>
      {hint ? (
        <Box flexShrink={0}>
          <Text dimColor>{hint}</Text>
        </Box>
      ) : null}
    </Box>
  );
}
