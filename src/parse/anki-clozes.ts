import type { ScannedLine } from './scan-lines.js';

/**
 * Anki's cloze deletions read as Anki reads them (its rslib cloze parser is
 * the reference; engram's tests and docs/conformance/anki-cloze.md hold its
 * cases): `{{c1::text}}`, `{{c1::text::hint}}`, several numbers on one
 * deletion (`{{c1,2::text}}`), clozes nested in clozes, `c0` that is never a
 * card. A line is read in one pass; markers are looked for in its masked text,
 * so nothing inside inline code or an HTML comment is a marker.
 */

/** Anki reads no cloze nested deeper than this; engram leaves a deeper one as text and says so. */
export const MAX_ANKI_NESTING = 10;

/** A stretch of a line's own text, columns [from, to). */
export interface TextPiece {
  from: number;
  to: number;
}

/** One deletion `{{c1,2::text::hint}}` of a line, with the deletions nested in it. */
export interface AnkiCloze {
  /** Columns of the whole marker, from its `{{` to past its `}}`. */
  from: number;
  to: number;
  /** The cards it is hidden on, ascending, without repeats; 0 as written (Anki makes no card 0). */
  numbers: number[];
  /** Its text and nested deletions, in order (the hint is not among them). */
  pieces: (TextPiece | AnkiCloze)[];
  /** What its gap shows instead of `...`, or null. */
  hint: string | null;
  /** Its text with every nested deletion filled in. */
  text: string;
  /** Whether that text is empty or spaces: such a deletion hides nothing, so it is no gap. */
  empty: boolean;
}

/** What one line holds: its top-level deletions, and the markers it could not read. */
export interface AnkiLine {
  clozes: AnkiCloze[];
  /** Columns of `{{cN::` openers with no `}}` after them on the line (left as text). */
  unclosed: number[];
  /** Columns of openers nested deeper than {@link MAX_ANKI_NESTING} (left as text). */
  tooDeep: number[];
}

/** Whether a masked line holds an Anki cloze opener `{{cN::` (or `{{c1,2::`). */
export function hasAnkiCloze(masked: string): boolean {
  return masked.includes('{{c') && OPENER_HINT_RE.test(masked);
}

const OPENER_HINT_RE = /\{\{c,*\d[\d,]*::/;

/** Whether a value is a nested deletion rather than a stretch of text. */
export function isCloze(piece: TextPiece | AnkiCloze): piece is AnkiCloze {
  return 'numbers' in piece;
}

interface Frame {
  from: number;
  numbers: number[];
  pieces: (TextPiece | AnkiCloze)[];
  hintFrom: number;
  hintTo: number;
}

/**
 * The deletions of one line. As in Anki: an opener is `{{c`, numbers and
 * commas, `::` (numbers that do not parse are skipped, and an opener left with
 * none is text); the first `}}` closes the innermost open deletion; a `}}`
 * with none open is text; in a deletion's own text the first `::` starts its
 * hint, which runs to the next marker. Unlike Anki, which drops an unclosed
 * deletion with all its text, engram keeps it as text (and reports it).
 */
export function parseAnkiLine(line: ScannedLine): AnkiLine {
  const m = line.masked;
  const top: (TextPiece | AnkiCloze)[] = [];
  const stack: Frame[] = [];
  const unclosed: number[] = [];
  const tooDeep: number[] = [];
  let textFrom = 0;
  const flushText = (to: number): void => {
    if (to <= textFrom) return;
    const frame = stack[stack.length - 1];
    if (!frame) {
      top.push({ from: textFrom, to });
      return;
    }
    const colons = colonsIn(m, textFrom, to);
    if (colons >= 0) {
      if (colons > textFrom) frame.pieces.push({ from: textFrom, to: colons });
      frame.hintFrom = colons + 2;
      frame.hintTo = to;
    } else {
      frame.pieces.push({ from: textFrom, to });
    }
  };
  let i = m.indexOf('{{') < 0 ? m.length : 0;
  while (i < m.length) {
    const c = m.charCodeAt(i);
    if (c === 123 && m.charCodeAt(i + 1) === 123 && m.charCodeAt(i + 2) === 99) {
      const open = openerAt(m, i);
      if (open) {
        if (stack.length >= MAX_ANKI_NESTING) {
          tooDeep.push(i);
          i = open.end;
          continue;
        }
        flushText(i);
        stack.push({ from: i, numbers: open.numbers, pieces: [], hintFrom: -1, hintTo: -1 });
        i = textFrom = open.end;
        continue;
      }
    } else if (c === 125 && m.charCodeAt(i + 1) === 125 && stack.length > 0) {
      flushText(i);
      const frame = stack.pop()!;
      const cloze = closeFrame(frame, i + 2, line.text);
      (stack.length > 0 ? stack[stack.length - 1]!.pieces : top).push(cloze);
      i = textFrom = i + 2;
      continue;
    }
    i++;
  }
  flushText(m.length);
  // Whatever is still open reaches the end of the line: its markers become
  // text again, the deletions closed inside it stay deletions.
  while (stack.length > 0) {
    const frame = stack.pop()!;
    unclosed.push(frame.from);
    const into = stack.length > 0 ? stack[stack.length - 1]!.pieces : top;
    let at = frame.from;
    for (const p of frame.pieces) {
      if (!isCloze(p)) continue;
      if (p.from > at) into.push({ from: at, to: p.from });
      into.push(p);
      at = p.to;
    }
    if (m.length > at) into.push({ from: at, to: m.length });
  }
  unclosed.reverse();
  return { clozes: top.filter(isCloze), unclosed, tooDeep };
}

/** Where the first `::` in columns [from, to) starts, or -1 (searched no further than `to`). */
function colonsIn(m: string, from: number, to: number): number {
  for (let k = from; k + 1 < to; k++) if (m.charCodeAt(k) === 58 && m.charCodeAt(k + 1) === 58) return k;
  return -1;
}

function closeFrame(frame: Frame, to: number, text: string): AnkiCloze {
  let filled = '';
  for (const p of frame.pieces) filled += isCloze(p) ? p.text : text.slice(p.from, p.to);
  const hint = frame.hintFrom >= 0 ? text.slice(frame.hintFrom, frame.hintTo).trim() || null : null;
  return { from: frame.from, to, numbers: frame.numbers, pieces: frame.pieces, hint, text: filled, empty: filled.trim() === '' };
}

/** The numbers and end of a cloze opener at `at` (which starts `{{c`), or null when it is none. */
function openerAt(m: string, at: number): { numbers: number[]; end: number } | null {
  const numbers: number[] = [];
  let n = -1; // the number being read, or -1 between numbers
  let j = at + 3;
  for (; j < m.length; j++) {
    const c = m.charCodeAt(j);
    if (c >= 48 && c <= 57) n = (n < 0 ? 0 : n * 10) + (c - 48);
    else if (c === 44) n = keep(numbers, n);
    else break;
  }
  if (m.charCodeAt(j) !== 58 || m.charCodeAt(j + 1) !== 58) return null;
  keep(numbers, n);
  if (numbers.length === 0) return null;
  if (numbers.length > 1) numbers.sort((a, b) => a - b);
  return { numbers, end: j + 2 };
}

/** Adds a number read (Anki keeps those that fit its 16-bit card numbers, once each); returns -1. */
function keep(numbers: number[], n: number): number {
  if (n >= 0 && n <= 65535 && !numbers.includes(n)) numbers.push(n);
  return -1;
}

/**
 * Every card number (above 0) of the deletions, nested ones included, in the
 * order they first appear (a deletion before those nested in it).
 */
export function numbersInOrder(clozes: readonly (TextPiece | AnkiCloze)[], found: number[] = []): number[] {
  for (const p of clozes) {
    if (!isCloze(p) || p.empty) continue;
    for (const n of p.numbers) if (n > 0 && !found.includes(n)) found.push(n);
    numbersInOrder(p.pieces, found);
  }
  return found;
}

/** Every card number (above 0) of the deletions, nested ones included, ascending: Anki's cards. */
export function cardNumbers(clozes: readonly AnkiCloze[]): number[] {
  return numbersInOrder(clozes).sort((a, b) => a - b);
}

/**
 * A deletion as card `n` shows it on its front: hidden as `**[...]**` (or
 * `**[hint]**`, its nested deletions hidden with it) when it is on card `n`,
 * else its text with its own nested deletions shown the same way.
 */
export function frontOf(cloze: AnkiCloze, n: number, text: string): string {
  if (!cloze.empty && cloze.numbers.includes(n)) return `**[${cloze.hint ?? '...'}]**`;
  return piecesText(cloze, text, (c) => frontOf(c, n, text));
}

/**
 * A deletion as card `n` shows it on its back: its text, in bold when it is on
 * card `n` (once: a deletion on card `n` inside another one is already in bold).
 */
export function backOf(cloze: AnkiCloze, n: number, text: string, inGap = false): string {
  const gap = !inGap && !cloze.empty && cloze.numbers.includes(n);
  const inner = piecesText(cloze, text, (c) => backOf(c, n, text, inGap || gap));
  return gap ? `**${inner}**` : inner;
}

/** The texts card `n` hides, in order: each outermost deletion on card `n`, filled in. */
export function hiddenTexts(clozes: readonly (TextPiece | AnkiCloze)[], n: number, out: string[] = []): string[] {
  for (const c of clozes) {
    if (!isCloze(c)) continue;
    if (!c.empty && c.numbers.includes(n)) out.push(c.text);
    else hiddenTexts(c.pieces, n, out);
  }
  return out;
}

function piecesText(cloze: AnkiCloze, text: string, nested: (c: AnkiCloze) => string): string {
  if (cloze.pieces.length === 1 && !isCloze(cloze.pieces[0]!)) return cloze.text;
  let out = '';
  for (const p of cloze.pieces) out += isCloze(p) ? nested(p) : text.slice(p.from, p.to);
  return out;
}

/** How many deletions there are, nested ones included. */
export function countClozes(clozes: readonly (TextPiece | AnkiCloze)[]): number {
  let n = 0;
  for (const c of clozes) if (isCloze(c)) n += 1 + countClozes(c.pieces);
  return n;
}
