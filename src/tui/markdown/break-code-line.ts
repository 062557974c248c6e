import { takeCells } from './take-cells.js';
import { lineWidth, mergeSegments, segment, type Segment, type StyledLine } from './styled-line.js';

/** Starts each line that continues a code line too long for the screen. */
export const CONTINUATION_MARKER = '↪ ';

/**
 * Breaks one line of code (or other text that must not be reflowed) into
 * lines of at most `width` cells, cutting at the cell where the line ends
 * rather than between words. Lines after the first start with a dim
 * `↪ ` marker when there is room for it. Returns `[[]]` for an empty line.
 */
export function breakCodeLine(line: readonly Segment[], width: number): StyledLine[] {
  const room = Math.max(1, Math.floor(width));
  if (lineWidth(line) <= room) return [mergeSegments(line)];
  const marker = segment(CONTINUATION_MARKER, { dim: true });
  const markerWidth = lineWidth([marker]);
  const out: StyledLine[] = [];
  let rest: Segment[] = [...line];
  while (rest.length > 0) {
    const continued = out.length > 0;
    const withMarker = continued && room - markerWidth >= 1;
    const split = takeCells(rest, withMarker ? room - markerWidth : room, true);
    if (split.head.length === 0) break;
    out.push(mergeSegments(withMarker ? [marker, ...split.head] : split.head));
    rest = split.rest.filter((piece) => piece.text !== '');
  }
  return out;
}
