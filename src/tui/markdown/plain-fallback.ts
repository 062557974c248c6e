import { breakCodeLine } from './break-code-line.js';
import { TAB_SPACES } from './render-code-block.js';
import { segment, type StyledLine } from './styled-line.js';
import { wrapSegments } from './wrap-segments.js';

/*
 * Why a fallback: cards come from untrusted files, and remark's parse time
 * grows much faster than the input on some shapes (deep nesting: thousands
 * of `- ` or `>` on one line take seconds and can overflow the stack; every
 * setext heading rescans the document; emphasis delimiters are matched
 * pairwise within a paragraph). Rather than let one card freeze the
 * review screen, text that looks like it could be such a shape is shown as
 * plain wrapped text. Real cards are far below every limit.
 */

/** Longer text than this is not parsed. */
export const MAX_MARKDOWN_LENGTH = 20_000;
/** A line indented further than this (tabs to multiples of 4) is not parsed. */
export const MAX_INDENT_COLUMNS = 40;
/** More container markers than this (`>` or list markers) at the start of a line are not parsed. */
export const MAX_LINE_NESTING = 16;
/** More setext underlines (`===` or `---` lines) than this are not parsed: remark is quadratic in them. */
export const MAX_SETEXT_UNDERLINES = 200;
/**
 * More `*`, `_` or `~` characters that could open or close emphasis than
 * this between two blank lines are not parsed: remark is quadratic in them
 * within a paragraph (5,000 take seconds). `snake_case` and `a * b` do not
 * count, so code rarely comes near.
 */
export const MAX_PARAGRAPH_DELIMITERS = 256;

/** Why a text is shown as plain text instead of being parsed. */
export type FallbackReason =
  | 'too long'
  | 'deep indentation'
  | 'deep nesting'
  | 'too many setext underlines'
  | 'too many emphasis delimiters';

/** What one line says: a reason on its own, or something counted across lines. */
type LineVerdict = FallbackReason | 'blank' | 'underline' | undefined;

/**
 * Returns the reason `markdown` should skip remark and be shown by
 * `renderPlainText`, or undefined when it is safe to parse: longer than
 * `MAX_MARKDOWN_LENGTH`, a line indented more than `MAX_INDENT_COLUMNS`
 * columns, a line opening more than `MAX_LINE_NESTING` block quotes or
 * lists (`> > > …`, `- - - …`, `1. 1. …`), or more than
 * `MAX_SETEXT_UNDERLINES` lines that could underline a heading, or more than
 * `MAX_PARAGRAPH_DELIMITERS` emphasis delimiters between two blank lines.
 * Runs in one pass over the text.
 */
export function plainFallbackReason(markdown: string): FallbackReason | undefined {
  if (markdown.length > MAX_MARKDOWN_LENGTH) return 'too long';
  let underlines = 0;
  let delimiters = 0;
  let start = 0;
  while (start <= markdown.length) {
    let end = markdown.indexOf('\n', start);
    if (end === -1) end = markdown.length;
    const reason = checkLine(markdown, start, end);
    if (reason === 'blank') delimiters = 0;
    else if (reason === 'underline') {
      if (++underlines > MAX_SETEXT_UNDERLINES) return 'too many setext underlines';
    } else if (reason) return reason;
    delimiters += countDelimiters(markdown, start, end);
    if (delimiters > MAX_PARAGRAPH_DELIMITERS) return 'too many emphasis delimiters';
    start = end + 1;
  }
  return undefined;
}

/** Returns true when `markdown` must be shown by `renderPlainText` instead of being parsed. */
export function needsPlainFallback(markdown: string): boolean {
  return plainFallbackReason(markdown) !== undefined;
}

function isBlank(ch: string | undefined): boolean {
  return ch === ' ' || ch === '\t';
}

function checkLine(text: string, start: number, end: number): LineVerdict {
  let i = start;
  let column = 0;
  while (i < end && isBlank(text[i])) {
    column = text[i] === '\t' ? column + 4 - (column % 4) : column + 1;
    i++;
  }
  if (i === end) return 'blank';
  if (column > MAX_INDENT_COLUMNS) return 'deep indentation';
  if (column < 4 && /^(?:=+|-+)[ \t]*$/.test(text.slice(i, end))) return 'underline';
  let nesting = 0;
  while (i < end) {
    const ch = text[i]!;
    let next = i;
    if (ch === '>') next = i + 1;
    else if ((ch === '-' || ch === '+' || ch === '*') && (i + 1 === end || isBlank(text[i + 1]))) next = i + 1;
    else if (ch >= '0' && ch <= '9') {
      let j = i;
      while (j < end && j - i < 9 && text[j]! >= '0' && text[j]! <= '9') j++;
      if ((text[j] === '.' || text[j] === ')') && (j + 1 === end || isBlank(text[j + 1]))) next = j + 1;
    }
    if (next === i) break;
    if (++nesting > MAX_LINE_NESTING) return 'deep nesting';
    i = next;
    while (i < end && isBlank(text[i])) i++;
  }
  return undefined;
}

const SPACE = /\s/;
const PUNCTUATION = /[\p{P}\p{S}]/u;

/**
 * Counts the characters of `*`, `_` and `~` runs in a line that the
 * CommonMark flanking rules would let open or close emphasis; line ends
 * count as whitespace.
 */
function countDelimiters(text: string, start: number, end: number): number {
  let count = 0;
  let i = start;
  while (i < end) {
    const ch = text[i]!;
    if (ch !== '*' && ch !== '_' && ch !== '~') {
      i++;
      continue;
    }
    let j = i;
    while (j < end && text[j] === ch) j++;
    const before = i > start ? text[i - 1]! : ' ';
    const after = j < end ? text[j]! : ' ';
    const spaceBefore = SPACE.test(before);
    const spaceAfter = SPACE.test(after);
    const punctBefore = PUNCTUATION.test(before);
    const punctAfter = PUNCTUATION.test(after);
    const left = !spaceAfter && (!punctAfter || spaceBefore || punctBefore);
    const right = !spaceBefore && (!punctBefore || spaceAfter || punctAfter);
    const active = ch === '_' ? (left && (!right || punctBefore)) || (right && (!left || punctAfter)) : left || right;
    if (active) count += j - i;
    i = j;
  }
  return count;
}

const FENCE = /^ {0,3}(?:`{3,}|~{3,})/;
const INDENTED = /^(?: {4}|\t)/;

/**
 * Returns `text` as plain lines, markdown syntax and all: ordinary lines
 * word-wrapped to `width`; lines that look like code (inside a ``` or ~~~
 * fence, or indented by a tab or four spaces) kept as they are, broken with
 * a `↪ ` marker only where they are too wide, their indentation capped at
 * half the width. Runs of blank lines become one.
 */
export function renderPlainText(text: string, width: number): StyledLine[] {
  const room = Math.max(1, Math.floor(width));
  const out: StyledLine[] = [];
  let inFence = false;
  let blank = false;
  for (const line of text.split('\n')) {
    const fence = FENCE.test(line);
    const code = inFence || fence || INDENTED.test(line);
    if (fence) inFence = !inFence;
    if (line.trim() === '') {
      blank = out.length > 0;
      continue;
    }
    if (blank) out.push([]);
    blank = false;
    out.push(...(code ? renderCodeLine(line, room) : wrapSegments([segment(line.trim())], room)));
  }
  return out;
}

function renderCodeLine(line: string, width: number): StyledLine[] {
  const expanded = line.replace(/\t/g, TAB_SPACES).trimEnd();
  const body = expanded.trimStart();
  const indent = Math.min(expanded.length - body.length, Math.floor(width / 2));
  return breakCodeLine([segment(' '.repeat(indent) + body)], width);
}
