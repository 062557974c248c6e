import { Fence, type ScannedLine } from './scan-lines.js';

/** Replace columns [from, to) of line index `line` with `insert`. */
export interface TextEdit {
  line: number;
  from: number;
  to: number;
  insert: string;
}

/** Lines [from, to) of a file, optionally starting and ending mid-line. */
export interface TextRange {
  from: number;
  to: number;
  /** Column where the first line starts (after a `Q:` marker, say). */
  firstOffset?: number;
  /** Column where the last line stops (before a `::`, say). */
  lastEnd?: number;
  /**
   * The range's last line ends a card of its own even with more text below
   * (an inline card): a trailing `^id` there is the card's block id.
   */
  endsCard?: boolean;
}

const TAG_RE = /(^|[ \t])(#flashcards(?:\/\S*)?)(?=[ \t]|$)/g;
/** An Obsidian block id ending a block (`… ^d7cee0`), and the blanks before it. */
const BLOCK_ID_RE = /(?:^|[ \t]+)\^[A-Za-z0-9-]+[ \t]*$/;
/**
 * A line of nothing but Obsidian tags (`#flashcards/spanish`, `#Center`): a
 * tag needs a character that is no digit, so `#1` is text; a line indented
 * as code (`    #endif`) is code.
 */
const TAGS_ONLY_RE = /^ {0,3}(?:#[\p{L}\p{N}_/-]*[\p{L}_/-][\p{L}\p{N}_/-]*[ \t]*)+$/u;

/**
 * The card text of a range of lines: HTML comments and `#flashcards` tags
 * removed (never inside code), lines of nothing but tags dropped (Obsidian
 * reads them as tags, hashcards as comments), the Obsidian block id that ends
 * a block (` ^d7cee0`) cut off, `edits` applied, blank edge lines dropped, the
 * first line trimmed and the others dedented together.
 * `edits` must be sorted by line, then column.
 */
export function rangeText(lines: readonly ScannedLine[], range: TextRange, edits: readonly TextEdit[] = []): string {
  const out: string[] = [];
  let e = 0;
  for (let i = range.from; i < range.to; i++) {
    const line = lines[i]!;
    while (e < edits.length && edits[e]!.line < i) e++;
    if (line.fence !== Fence.None) {
      out.push(line.text);
      continue;
    }
    const start = i === range.from ? (range.firstOffset ?? 0) : 0;
    let end = i === range.to - 1 && range.lastEnd !== undefined ? range.lastEnd : line.text.length;
    const m = line.masked;
    if (m.includes('#') && TAGS_ONLY_RE.test(start > 0 ? m.slice(start, end) : m)) {
      if (i === range.from) out.push('');
      continue;
    }
    if (m.includes('^') && (endsBlock(lines, i) || (range.endsCard === true && i === range.to - 1))) {
      const id = BLOCK_ID_RE.exec(m);
      if (id && id.index === 0) {
        if (i === range.from) out.push('');
        continue;
      }
      if (id && id.index >= start && id.index < end) end = id.index;
    }
    const c = line.comments;
    const tagged = line.masked.includes('#flashcards');
    // Most lines have nothing to edit: their text is a slice, with no list of edits made for it.
    if ((e >= edits.length || edits[e]!.line !== i) && !c && !tagged) {
      out.push(line.text.slice(start, end));
      continue;
    }
    const ops: TextEdit[] = [];
    while (e < edits.length && edits[e]!.line === i) ops.push(edits[e++]!);
    if (c) for (let k = 0; k < c.length; k += 2) ops.push(removal(line.text, i, c[k]!, c[k + 1]!));
    if (tagged) {
      for (const m of line.masked.matchAll(TAG_RE)) {
        const from = m.index + m[1]!.length;
        ops.push(removal(line.text, i, from, from + m[2]!.length));
      }
    }
    out.push(applyOps(line.text, start, end, ops));
  }
  return tidy(out);
}

/** Whether line `i` ends a block (the file, or a blank line, follows), where Obsidian reads a trailing `^id` as the block's id. */
function endsBlock(lines: readonly ScannedLine[], i: number): boolean {
  const next = lines[i + 1];
  return next === undefined || next.blank;
}

/** Removes [from, to), and one of the spaces around it when there is one on both sides. */
function removal(text: string, line: number, from: number, to: number): TextEdit {
  const spaced = text[to] === ' ' && (from === 0 || text[from - 1] === ' ');
  return { line, from, to: spaced ? to + 1 : to, insert: '' };
}

function applyOps(text: string, start: number, end: number, ops: TextEdit[]): string {
  if (ops.length === 0) return text.slice(start, end);
  // Edits come mostly in order already (a cloze line's gaps): sort's work copy was a tenth of a large import's garbage.
  if (!inOrder(ops)) ops.sort((a, b) => a.from - b.from);
  let result = '';
  let at = start;
  for (const op of ops) {
    if (op.from < at || op.to > end) continue; // outside the range, or overlapping an earlier op
    result += text.slice(at, op.from) + op.insert;
    at = op.to;
  }
  return result + text.slice(at, end);
}

/** Whether edits are sorted by column (sorting them is stable, so an ordered list is what sort would give). */
function inOrder(ops: readonly TextEdit[]): boolean {
  for (let k = 1; k < ops.length; k++) if (ops[k]!.from < ops[k - 1]!.from) return false;
  return true;
}

/**
 * Blank edge lines off, the first line trimmed, the rest dedented together.
 * Line ends are kept as written: code must stay intact, and two trailing
 * spaces are a markdown line break.
 */
function tidy(lines: string[]): string {
  if (lines.length === 1) return lines[0]!.trim();
  let first = 0;
  while (first < lines.length && lines[first]!.trim() === '') first++;
  let last = lines.length;
  while (last > first && lines[last - 1]!.trim() === '') last--;
  if (first >= last) return '';
  const head = lines[first]!.trimStart();
  const rest = lines.slice(first + 1, last);
  let indent = Infinity;
  for (const l of rest) {
    if (l.trim() === '') continue;
    let k = 0;
    while (k < l.length && (l[k] === ' ' || l[k] === '\t')) k++;
    if (k < indent) indent = k;
  }
  if (indent === Infinity) indent = 0;
  const body = [head, ...rest.map((l) => (l.trim() === '' ? l.slice(Math.min(indent, l.length)) : l.slice(indent)))];
  body[body.length - 1] = body[body.length - 1]!.trimEnd();
  if (body.length === 1) body[0] = body[0]!.trimEnd();
  return body.join('\n');
}
