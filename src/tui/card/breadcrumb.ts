import { charWidth, textWidth } from '../terminal/text-width.js';

const SEPARATOR = ' › ';
const ELLIPSIS = '…';

/**
 * Where a card sits, as one line of at most `width` cells: its headings
 * joined by " › ", without the file's title heading (`titleHeading`, when it
 * is the outermost: every card of the file is under it, so it says nothing),
 * cut from the left to the innermost headings that fit ("… › Section ›
 * Subsection"). An innermost heading wider than the line alone is cut at its
 * end ("Section name th…"): its beginning names it. Null when nothing is
 * left to show. Pure.
 */
export function breadcrumb(headingPath: readonly string[], titleHeading: string | null, width: number): string | null {
  const path = (titleHeading !== null && headingPath[0] === titleHeading ? headingPath.slice(1) : headingPath)
    .map((h) => h.replace(/\s+/g, ' ').trim())
    .filter((h) => h !== '');
  if (path.length === 0 || width <= 0) return null;
  const whole = path.join(SEPARATOR);
  if (textWidth(whole) <= width) return whole;
  // The innermost headings that fit after "… › ", as many as fit.
  for (let from = 1; from < path.length; from++) {
    const tail = `${ELLIPSIS}${SEPARATOR}${path.slice(from).join(SEPARATOR)}`;
    if (textWidth(tail) <= width) return tail;
  }
  return cutEnd(path[path.length - 1]!, width);
}

/** `text` cut to `width` cells with … at its end. */
function cutEnd(text: string, width: number): string {
  if (textWidth(text) <= width) return text;
  let out = '';
  let used = 0;
  for (const ch of text) {
    const w = charWidth(ch);
    if (used + w > width - 1) break;
    out += ch;
    used += w;
  }
  return out + ELLIPSIS;
}
