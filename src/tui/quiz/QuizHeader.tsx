import { Box, Text } from 'ink';
import { sanitizeText } from '../markdown/sanitize-text.js';
import { clock } from './quiz-summary.js';

/** What the quiz's top line says. */
export interface QuizHeaderProps {
  deck: string;
  /** The question on screen, 1-based, and how many the quiz asks. */
  number: number;
  total: number;
  right: number;
  wrong: number;
  elapsedMs: number;
  color: boolean;
  width: number;
}

/** The quiz's top line: the deck, which question of how many, the score so far and the time spent. */
export function QuizHeader({ deck, number, total, right, wrong, elapsedMs, color, width }: QuizHeaderProps) {
  return (
    <Box width={width} height={1} justifyContent="space-between">
      <Box flexShrink={1} marginRight={1}>
        <Text bold wrap="truncate-end">
          {deck ? `Quiz · ${sanitizeText(deck)}` : 'Quiz'}
        </Text>
      </Box>
      <Box flexShrink={0} gap={2}>
        <Text>
          {number}/{total}
        </Text>
        <Text color={color ? 'green' : undefined}>✓ {right}</Text>
        <Text color={color ? 'red' : undefined}>✗ {wrong}</Text>
        <Text dimColor>{clock(elapsedMs)}</Text>
      </Box>
    </Box>
  );
}
