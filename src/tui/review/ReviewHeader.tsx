import { Box, Text } from 'ink';
import type { Phase } from '../../model/card-state.js';
import { sanitizeText } from '../markdown/sanitize-text.js';

/** What the header line shows. */
export interface ReviewHeaderProps {
  deck: string;
  counts: { new: number; learning: number; review: number };
  /** The phase of the card on screen, underlined in the counts as Anki does. */
  phase: Phase | null;
  elapsedMs: number;
  color: boolean;
  width: number;
}

/** Deck, cards left (new · learning · review, Anki's colours) and time spent. */
export function ReviewHeader({ deck, counts, phase, elapsedMs, color, width }: ReviewHeaderProps) {
  const seconds = Math.floor(elapsedMs / 1000);
  const clock = `${Math.floor(seconds / 60)}:${String(seconds % 60).padStart(2, '0')}`;
  const count = (label: string, n: number, hue: 'blue' | 'red' | 'green', current: boolean) => (
    <Text color={color ? hue : undefined} underline={current} bold={current}>
      {label} {n}
    </Text>
  );
  return (
    <Box width={width} height={1} justifyContent="space-between">
      <Box flexShrink={1} marginRight={1}>
        <Text bold wrap="truncate-end">
          {sanitizeText(deck)}
        </Text>
      </Box>
      <Box flexShrink={0} gap={2}>
        {count('New', counts.new, 'blue', phase === 'new')}
        {count('Learn', counts.learning, 'red', phase === 'learning' || phase === 'relearning')}
        {count('Due', counts.review, 'green', phase === 'review')}
        <Text dimColor>{clock}</Text>
      </Box>
    </Box>
  );
}
