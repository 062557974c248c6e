import { Text } from 'ink';
import type { Grade } from '../../model/review.js';
import { GRADE_NAMES } from '../card/grade-names.js';
import { KeyBar, type KeyHint } from '../terminal/KeyBar.js';

/** What the answer bar shows: the reveal hint, the four buttons, or the keys of the moment. */
export interface AnswerBarProps {
  revealed: boolean;
  /** The grade a checked answer suggests (enter takes a Hard or Good), marked on its button. */
  suggested?: Grade | null;
  intervals: Record<Grade, string> | null;
  /** What the keys do right now when it is not the usual (typing, a question in the pane). */
  hint?: string | null;
  /** Lines below the window, for the scroll hint. */
  moreBelow: number;
  /** The card was derived from notes: `x` drops it, and the bar says so on both sides. */
  droppable?: boolean;
  color: boolean;
  width: number;
}

const BUTTONS: { grade: Grade; hue: 'red' | 'yellow' | 'green' | 'blue' }[] = [
  { grade: 1, hue: 'red' },
  { grade: 2, hue: 'yellow' },
  { grade: 3, hue: 'green' },
  { grade: 4, hue: 'blue' },
];

const QUESTION_HINTS: readonly KeyHint[] = [
  ['space', 'show answer'],
  ['?', 'keys'],
  ['q', 'quit'],
];

/** A derived card's question side: how to drop it comes before the keys every card has. */
const DERIVED_QUESTION_HINTS: readonly KeyHint[] = [['space', 'show answer'], ['x', 'drop'], ['?', 'keys'], ['q', 'quit']];

/** Below this width the buttons drop their names and keep key and interval. */
const COMPACT_BELOW = 50;

/** The review's key bar: how to reveal, or the four answers each with the interval it gives; for a derived card, how to drop it. */
export function AnswerBar({ revealed, suggested = null, hint = null, intervals, moreBelow, droppable = false, color, width }: AnswerBarProps) {
  const compact = width < COMPACT_BELOW;
  return (
    <KeyBar hints={droppable ? DERIVED_QUESTION_HINTS : QUESTION_HINTS} moreBelow={moreBelow} width={width}>
      {hint ? (
        <Text wrap="truncate-end">{hint}</Text>
      ) : revealed && intervals ? (
        <Text wrap="truncate-end">
          {BUTTONS.map((b, i) => (
            <Text key={b.grade}>
              {i > 0 ? (compact ? ' ' : '  ') : ''}
              <Text bold inverse={b.grade === suggested}>
                {b.grade}
              </Text>
              {compact ? ':' : ' '}
              {compact ? null : <Text color={color ? b.hue : undefined}>{`${GRADE_NAMES[b.grade]} `}</Text>}
              <Text dimColor>{intervals[b.grade]}</Text>
            </Text>
          ))}
          {/* The answer is where a card shows itself not worth keeping: dropping it is offered there too, room allowing. */}
          {droppable && !compact ? (
            <Text>
              {'   '}
              <Text bold>x</Text> drop
            </Text>
          ) : null}
        </Text>
      ) : undefined}
    </KeyBar>
  );
}
