import { charWidth } from '../terminal/text-width.js';
import { segment, type Segment } from './styled-line.js';

/** The result of cutting styled text at a cell count. */
export interface CellSplit {
  /** The part that fits. */
  head: Segment[];
  /** Everything after it. */
  rest: Segment[];
  /** Cells `head` takes. */
  width: number;
}

/**
 * Cuts `segments` so that the head takes at most `cells` terminal cells.
 * Zero-width code points (combining marks, variation selectors) stay with
 * the character before them. With `force`, a head that would be empty gets
 * its first character anyway, so callers breaking text always make progress
 * even when a wide character is wider than the room left.
 */
export function takeCells(segments: readonly Segment[], cells: number, force = false): CellSplit {
  const head: Segment[] = [];
  let used = 0;
  for (let i = 0; i < segments.length; i++) {
    const seg = segments[i]!;
    let cut = 0;
    let stopped = false;
    for (const ch of seg.text) {
      const w = charWidth(ch);
      if (w > 0 && used + w > cells && !(force && used === 0)) {
        stopped = true;
        break;
      }
      used += w;
      cut += ch.length;
    }
    if (!stopped) {
      head.push(seg);
      continue;
    }
    if (cut > 0) head.push(segment(seg.text.slice(0, cut), seg));
    const rest = [segment(seg.text.slice(cut), seg), ...segments.slice(i + 1)];
    return { head, rest, width: used };
  }
  return { head, rest: [], width: used };
}
