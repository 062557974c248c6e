import { segment, type StyledLine } from './styled-line.js';
import { wrapSegments } from './wrap-segments.js';

/**
 * Letters, digits, spaces and the punctuation that markdown gives no meaning
 * inside a line. Anything else (`*`, `_`, `` ` ``, `[`, `<`, `&`, `\`, `#`,
 * `|`, `~`, `=`, a tab...) may be markup, and the text goes to the parser.
 */
const PROSE = /^[A-Za-z0-9 ,.;:?!'"()%/\n-]*$/;
/** A line that could open a block: a list item, a rule or a setext underline, an indented line. */
const BLOCK_START = /(^|\n)[ \d+-]/;
/** Spaces before a line end: two make a hard break. */
const TRAILING_SPACE = / (\n|$)/;
/** What GFM turns into a link without any markup. */
const AUTOLINK = /:\/\/|www\./i;

/**
 * Whether `text` is prose that markdown would read as plain paragraphs, so
 * that {@link renderPlainProse} gives the very lines the parser's path gives.
 * Conservative: a card of a sentence or two, the most common card, passes;
 * anything that could hold markup does not.
 */
export function isPlainProse(text: string): boolean {
  return PROSE.test(text) && !BLOCK_START.test(text) && !TRAILING_SPACE.test(text) && !AUTOLINK.test(text);
}

/**
 * Prose that {@link isPlainProse} accepts, laid out as the markdown path lays
 * out its paragraphs (lines of a paragraph joined by a space, wrapped to
 * `width`, a blank line between paragraphs), without parsing: the first card
 * on screen need not wait for the parser to warm up, and a plain card costs a
 * wrap instead of a parse.
 */
export function renderPlainProse(text: string, width: number): StyledLine[] {
  const out: StyledLine[] = [];
  for (const paragraph of text.split(/\n{2,}/)) {
    const lines = wrapSegments([segment(paragraph.split('\n').filter((line) => line !== '').join(' '))], width);
    if (lines.length === 0) continue;
    if (out.length > 0) out.push([]);
    out.push(...lines);
  }
  return out;
}
