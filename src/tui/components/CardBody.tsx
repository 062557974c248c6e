import { Box } from 'ink';
import type { StyledLine } from '../markdown/styled-line.js';
import { StyledLineText } from './StyledLineText.js';

export interface CardBodyProps {
  lines: readonly StyledLine[];
  scroll: number;
  height: number;
  color: boolean;
}

/** The visible window of the card's lines: long cards scroll, short ones leave the rest blank. */
export function CardBody({ lines, scroll, height, color }: CardBodyProps) {
  const visible = lines.slice(scroll, scroll + height);
  return (
    <Box flexDirection="column" height={height}>
      {visible.map((line, i) => (
        <StyledLineText key={scroll + i} line={line} color={color} />
      ))}
    </Box>
  );
}
