import { Box, Text } from 'ink';
import type { StyledLine } from '../markdown/styled-line.js';
import { CardBody } from '../card/CardBody.js';

/** The card's lines and the pane's, with the rows each gets. */
export interface CardWithPaneProps {
  /** The card's lines and the first one shown. */
  lines: readonly StyledLine[];
  scroll: number;
  bodyHeight: number;
  /** The pane's lines (answer box, code output); `follow` shows their end. */
  pane: { lines: readonly StyledLine[]; follow: boolean };
  /** Rows of the pane with its rule; 0 hides it. */
  paneHeight: number;
  width: number;
  color: boolean;
}

/** A card with the pane under it, a dotted rule between, as review and quiz both show them. */
export function CardWithPane({ lines, scroll, bodyHeight, pane, paneHeight, width, color }: CardWithPaneProps) {
  return (
    <>
      <CardBody lines={lines} scroll={scroll} height={bodyHeight} color={color} />
      {paneHeight > 0 ? (
        <>
          <Box height={1}>
            <Text dimColor>{'┈'.repeat(width)}</Text>
          </Box>
          <CardBody lines={pane.lines} scroll={pane.follow ? Math.max(0, pane.lines.length - (paneHeight - 1)) : 0} height={paneHeight - 1} color={color} />
        </>
      ) : null}
    </>
  );
}
