import { messageLines } from './message-lines.js';
import { useTerminalSize } from './use-terminal-size.js';

/** The header, its rule, the message line and the key bar: the rows ScreenFrame keeps for itself. */
const CHROME_ROWS = 4;

/** The terminal's size, the least a screen needs, and the room a ScreenFrame leaves its body. */
export interface ScreenArea {
  columns: number;
  rows: number;
  minColumns: number;
  minRows: number;
  /** Smaller than the least: the frame says so instead of drawing. */
  tooSmall: boolean;
  /** Columns drawn: one spare, since writing the last column makes some terminals wrap. */
  width: number;
  /** Rows of the body, between the header's rule and the message line. */
  areaHeight: number;
  /** The message line's rows, when `withMessage` laid them out (else one row, cut at the width). */
  messageLines?: readonly string[];
}

/** The room a full-screen frame has in the terminal now, updated when the window is resized. */
export function useScreenArea(minColumns: number, minRows: number): ScreenArea {
  const { columns, rows } = useTerminalSize();
  return {
    columns,
    rows,
    minColumns,
    minRows,
    tooSmall: columns < minColumns || rows < minRows,
    width: columns - 1,
    // One row spare: a frame as tall as the window would scroll it.
    areaHeight: Math.max(1, rows - 1 - CHROME_ROWS),
  };
}

/** The area with `message` laid out: a message too long for one row takes rows from the body (see messageLines). */
export function withMessage(area: ScreenArea, message: string | null): ScreenArea {
  const lines = messageLines(message, area.width, area.areaHeight);
  return { ...area, areaHeight: area.areaHeight - (lines.length - 1), messageLines: lines };
}
