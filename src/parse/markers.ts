import { Fence, type ScannedLine } from './scan-lines.js';

/** What a line means to the card scanner, decided from its masked text. */
export type LineMark =
  | 'blank'
  | 'fence'
  | 'heading'
  | 'rule'
  | 'p-question' // :p question
  | 'answer-open' // ??x
  | 'answer-close' // x??
  | 'q' // Q:
  | 'a' // A:
  | 'c' // C:
  | 'ml-sep' // ?
  | 'ml-sep-both' // ??
  | 'id-comment' // a line holding only <!-- engram-id: … -->: it belongs to the card below
  | 'text';

const ID_COMMENT_RE = /<!--\s*engram-id:/;
const HEADING_RE = /^ {0,3}(#{1,6})(?:[ \t]|$)/;
const RULE_RE = /^ {0,3}(?:(?:-[ \t]*){3,}|(?:\*[ \t]*){3,}|(?:_[ \t]*){3,})$/;
const P_RE = /^[ \t]{0,3}:p(?:[ \t]|$)/;
const QAC_RE = /^[ \t]{0,3}([QAC]):(?:[ \t]|$)/;
const LIST_RE = /^[ \t]*(?:[-*+]|\d{1,9}[.)])(?:[ \t]|$)/;
// Indented lines, quotes and tables; images (`![…]`, `![[…]]`) and display math
// (`$$`) too, which hashcards' decks put after a blank line under an `A:`.
const CONTINUATION_RE = /^(?:\t| {2,})\S|^[ \t]*(?:[>|]|!\[|\$\$)/;

/** Classifies one line; never looks at text inside code spans, comments or fences. */
export function markOf(line: ScannedLine): LineMark {
  if (line.fence !== Fence.None) return 'fence';
  if (line.blank) return 'blank';
  const m = line.masked;
  // Most lines are prose: look at the first character before any regex or copy.
  let start = 0;
  while (m.charCodeAt(start) === 32 || m.charCodeAt(start) === 9) start++;
  if (start === m.length) return line.comments && ID_COMMENT_RE.test(line.text) ? 'id-comment' : 'text';
  const first = m.charCodeAt(start);
  switch (first) {
    case 63: // ?
    case 120: {
      // x
      const trimmed = m.trim();
      if (trimmed === '??x') return 'answer-open';
      if (trimmed === 'x??') return 'answer-close';
      if (trimmed === '?') return 'ml-sep';
      if (trimmed === '??') return 'ml-sep-both';
      return 'text';
    }
    case 58: // :
      return P_RE.test(m) ? 'p-question' : 'text';
    case 65: // A
    case 67: // C
    case 81: {
      // Q
      const qac = QAC_RE.exec(m);
      if (!qac) return 'text';
      return qac[1] === 'Q' ? 'q' : qac[1] === 'A' ? 'a' : 'c';
    }
    case 35: // #
      return HEADING_RE.test(m) ? 'heading' : 'text';
    case 45: // -
    case 42: // *
    case 95: // _
      return RULE_RE.test(m) ? 'rule' : 'text';
    default:
      return 'text';
  }
}

/** Level and text of an ATX heading line (the caller checked `markOf` is 'heading'). */
export function headingOf(line: ScannedLine): { level: number; text: string } {
  const m = HEADING_RE.exec(line.masked)!;
  const level = m[1]!.length;
  const start = line.masked.indexOf('#') + level;
  // Trailing `#`s close an ATX heading only after a space; done by hand, since a
  // regex for it backtracks quadratically on long runs of spaces.
  let text = stripCommentsOf(line.text.slice(start)).trim();
  let end = text.length;
  while (end > 0 && text[end - 1] === '#') end--;
  if (end === 0) text = '';
  else if (end < text.length && (text[end - 1] === ' ' || text[end - 1] === '\t')) text = text.slice(0, end).trimEnd();
  return { level, text };
}

function stripCommentsOf(text: string): string {
  let out = '';
  let at = 0;
  for (;;) {
    const open = text.indexOf('<!--', at);
    if (open < 0) return out + text.slice(at);
    out += text.slice(at, open);
    const close = text.indexOf('-->', open + 4);
    if (close < 0) return out;
    at = close + 3;
  }
}

/** Offset just after the `:p`, `Q:`, `A:` or `C:` marker that opens a line marked so. */
export function markerEnd(line: ScannedLine, mark: LineMark): number {
  return mark === 'p-question' ? line.masked.indexOf(':p') + 2 : line.masked.indexOf(':') + 1;
}

/** Whether a line after a blank line still belongs to a Q:/A: answer (list, indented, quote, table, code, image, display math). */
export function continuesAnswer(line: ScannedLine, mark: LineMark): boolean {
  if (mark === 'fence') return true;
  if (mark !== 'text') return false;
  if (inlineSeparator(line.masked) >= 0) return false;
  return LIST_RE.test(line.masked) || CONTINUATION_RE.test(line.masked);
}

const BLOCK_PREFIX_RE = /^[ \t]*(?:>[ \t]?)*[ \t]*(?:(?:[-*+]|\d{1,9}[.)])[ \t]+(?:\[[ xX]\][ \t]+)?)?/;

/** Length of the quote markers, list marker and task box (`> - [ ] `) starting `text`, or 0. */
export function blockPrefixLength(text: string): number {
  return BLOCK_PREFIX_RE.exec(text)![0].length;
}

/**
 * Where the `::` or `:::` of an inline card starts in a masked line, or -1.
 * Runs of four or more colons are not separators. As in Obsidian's plugin, any
 * other `::` is one (`perro::dog`): code like `std::vector` belongs in
 * backticks. Callers rule out Anki cloze lines first, whose `{{c1::` would
 * otherwise look like one.
 */
export function inlineSeparator(masked: string): number {
  let from = 0;
  for (;;) {
    const at = masked.indexOf('::', from);
    if (at < 0) return -1;
    let end = at;
    while (end < masked.length && masked.charCodeAt(end) === 58) end++;
    const run = end - at;
    if (run === 2 || run === 3) return at;
    from = end;
  }
}

/** Whether (), [] and {} pair up in `text`: a side cut through a bracket (`[::1]`) is no card. */
export function bracketsBalance(text: string): boolean {
  const stack: number[] = [];
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 40 || c === 91 || c === 123) stack.push(c);
    else if (c === 41 || c === 93 || c === 125) {
      const open = stack.pop();
      if (open === undefined || (c === 41 ? open !== 40 : c === 93 ? open !== 91 : open !== 123)) return false;
    }
  }
  return stack.length === 0;
}

/** Whether the separator at `at` is the three-colon form (both directions). */
export function isBothWays(masked: string, at: number): boolean {
  return masked.charCodeAt(at + 2) === 58;
}

/**
 * Whether a text line opens a display-math block that a later line closes:
 * it starts with `$$` and holds an odd number of them (`$$x$$` is closed on
 * its own line). Blank lines inside such a block do not end an answer.
 */
export function opensMath(masked: string): boolean {
  const start = masked.indexOf('$$');
  if (start < 0 || masked.slice(0, start).trim() !== '') return false;
  let count = 0;
  for (let at = start; at >= 0; at = masked.indexOf('$$', at + 2)) count++;
  return count % 2 === 1;
}
