import { Box, Text } from 'ink';
import { limitSentence, type LimitReached } from '../../app/review/today-limits.js';
import { wrapSegments } from '../markdown/wrap-segments.js';
import { lineText, segment } from '../markdown/styled-line.js';
import { moreStudy, moreText } from './study-more.js';

/** The limits used up, and the room the screen has. */
export interface DayLimitProps {
  limits: readonly LimitReached[];
  height: number;
  width: number;
  color: boolean;
}

/** What the limit screen says, word-wrapped to `width`: the limits used up, then what m and q do. */
export function dayLimitLines(limits: readonly LimitReached[], width: number): string[] {
  const raise = limits.map((l) => `engram config set ${l.kind === 'new' ? 'new-per-day' : 'reviews-per-day'} N${l.deck === null ? '' : ` --deck ${l.deck}`}`);
  const paragraphs = [
    'No more cards for now.',
    ...limits.map(limitSentence),
    '',
    `m  study ${moreText(moreStudy(limits))} today`,
    `q  stop here; to change the limit for good: ${raise.join(', ')}`,
  ];
  return paragraphs.flatMap((p) => (p === '' ? [''] : wrapSegments([segment(p)], width).map(lineText)));
}

/** The review's end when a daily limit keeps cards waiting: says so, and that m studies more today (Anki's custom study). */
export function DayLimit({ limits, height, width, color }: DayLimitProps) {
  const lines = dayLimitLines(limits, width).slice(0, height);
  return (
    <Box flexDirection="column" height={height}>
      {lines.map((line, i) => (
        <Text key={i} bold={i === 0} color={i === 0 && color ? 'cyan' : undefined} wrap="truncate-end">
          {line || ' '}
        </Text>
      ))}
    </Box>
  );
}
