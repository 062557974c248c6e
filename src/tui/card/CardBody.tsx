import { Box, Text } from 'ink';
import { useMemo } from 'react';
import { ansiLine } from '../markdown/ansi-line.js';
import type { StyledLine } from '../markdown/styled-line.js';

/** The lines to show, the first one shown, and the rows they have. */
export interface CardBodyProps {
  lines: readonly StyledLine[];
  scroll: number;
  height: number;
  color: boolean;
}

/**
 * The visible window of the card's lines: long cards scroll, short ones leave
 * the rest blank. Each line is one pre-styled string (the lines already fit
 * the width), so a new card costs Ink a handful of nodes, not one per word.
 */
export function CardBody({ lines, scroll, height, color }: CardBodyProps) {
  const visible = useMemo(() => lines.slice(scroll, scroll + height).map((l) => ansiLine(l, color) || ' '), [lines, scroll, height, color]);
  return (
    <Box flexDirection="column" height={height}>
      {visible.map((line, i) => (
        <Text key={scroll + i} wrap="truncate-end">
          {line}
        </Text>
      ))}
    </Box>
  );
}
