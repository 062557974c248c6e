import { wrapSegments } from '../markdown/wrap-segments.js';
import { lineText, segment } from '../markdown/styled-line.js';

/** Most rows a status line takes: enough for a path at 40 columns, never the card's room. */
const MOST_ROWS = 3;
/** Rows the body keeps however long the message. */
const BODY_KEEPS = 3;

/**
 * The rows of the message line: one (blank when there is no message), or a
 * long message word-wrapped over up to three rows, taken from the body's
 * `areaHeight` while it keeps three. A message longer still ends in "…".
 */
export function messageLines(message: string | null, width: number, areaHeight: number): string[] {
  if (message === null || message === '') return [' '];
  const wrapped = wrapSegments([segment(message)], width).map(lineText);
  const rows = Math.max(1, Math.min(MOST_ROWS, areaHeight - BODY_KEEPS, wrapped.length));
  if (wrapped.length <= rows) return wrapped.length ? wrapped : [' '];
  const shown = wrapped.slice(0, rows);
  // Ink cuts the last row at the width with its own ellipsis when the added one overflows.
  shown[rows - 1] = `${shown[rows - 1]}…`;
  return shown;
}
