import { keysLabel, type KeyBinding } from '../key-table.js';
import { charWidth, textWidth } from './text-width.js';

/**
 * The `?` key list of the review and the quiz as lines that fit the screen,
 * and the part of them in view: the list wraps to any width and scrolls in
 * any height, so every key can be read on the smallest screen engram draws.
 */

/** A piece of a key list line and how it is drawn: the keys bold, when a key applies dim. */
export interface HelpRun {
  text: string;
  style: 'key' | 'help' | 'note';
}

/** One line of the key list, never wider than the width it was made for. */
export type HelpLine = readonly HelpRun[];

/** The description column needs at least this many cells beside the keys; narrower, each key goes above its description. */
export const MIN_HELP_COLUMN = 24;
/** How far a description under its key is indented. */
const NARROW_INDENT = 2;

/**
 * The key list's lines at `width` cells: each binding's keys (keysLabel),
 * then its help and, dim, `note(b)` (when it applies). Where the keys and a
 * description column of MIN_HELP_COLUMN fit side by side, the keys are padded
 * to the widest and the description wraps under its own indent; narrower, the
 * keys take a line and the description wraps below them, indented by 2. Words
 * too long for a line are cut into pieces. Pure.
 */
export function keyHelpLines(bindings: readonly KeyBinding[], note: (b: KeyBinding) => string, width: number): HelpLine[] {
  const room = Math.max(1, width);
  const keysWidth = Math.max(0, ...bindings.map((b) => textWidth(keysLabel(b))));
  const sideBySide = keysWidth + 2 + MIN_HELP_COLUMN <= room;
  const lines: HelpLine[] = [];
  for (const b of bindings) {
    const label = keysLabel(b);
    const words = descriptionWords(b.help, note(b));
    if (sideBySide) {
      const indent = keysWidth + 2;
      const wrapped = wrapWords(words, room - indent);
      wrapped.forEach((runs, i) => {
        const lead = i === 0 ? label + ' '.repeat(indent - textWidth(label)) : ' '.repeat(indent);
        lines.push([{ text: lead, style: i === 0 ? 'key' : 'help' }, ...runs]);
      });
    } else {
      for (const piece of pieces(label, room)) lines.push([{ text: piece, style: 'key' }]);
      const pad = ' '.repeat(Math.min(NARROW_INDENT, room - 1));
      for (const runs of wrapWords(words, room - pad.length)) lines.push([{ text: pad, style: 'help' }, ...runs]);
    }
  }
  return lines;
}

/** What of the key list is in view in a body of `height` rows. */
export interface HelpWindow {
  /** First line in view (the scroll asked for, kept within 0..maxScroll). */
  first: number;
  /** Rows the lines get: the body less its title and foot. */
  rows: number;
  /** Lines above and below the view. */
  above: number;
  below: number;
  /** The furthest the list scrolls. */
  maxScroll: number;
}

/**
 * The view of a key list of `total` lines in a body of `height` rows scrolled
 * to `scroll`: a title row and a foot row frame the lines (the foot says how
 * many are below and how to scroll). Pure.
 */
export function keyHelpWindow(total: number, height: number, scroll: number): HelpWindow {
  const rows = Math.max(1, height - 2);
  const maxScroll = Math.max(0, total - rows);
  const first = Math.max(0, Math.min(maxScroll, scroll));
  return { first, rows, above: first, below: Math.max(0, total - first - rows), maxScroll };
}

interface Word {
  text: string;
  style: 'help' | 'note';
  /** Spaces before the word when it does not start a line. */
  gap: number;
}

function descriptionWords(help: string, note: string): Word[] {
  const words: Word[] = help.split(/\s+/).filter(Boolean).map((text) => ({ text, style: 'help' as const, gap: 1 }));
  // The note keeps its two-space gap from the help, as the wide list always showed it.
  note.split(/\s+/).filter(Boolean).forEach((text, i) => words.push({ text, style: 'note', gap: i === 0 ? 2 : 1 }));
  return words;
}

/** Words wrapped into lines of at most `room` cells, each line as runs of one style. */
function wrapWords(words: readonly Word[], room: number): HelpRun[][] {
  const width = Math.max(1, room);
  const lines: HelpRun[][] = [];
  let line: HelpRun[] = [];
  let used = 0;
  const add = (text: string, style: Word['style']): void => {
    const last = line[line.length - 1];
    if (last && last.style === style) last.text += text;
    else line.push({ text, style });
    used += textWidth(text);
  };
  const breakLine = (): void => {
    lines.push(line);
    line = [];
    used = 0;
  };
  for (const word of words) {
    const w = textWidth(word.text);
    if (used > 0 && used + word.gap + w <= width) {
      add(' '.repeat(word.gap) + word.text, word.style);
      continue;
    }
    if (used > 0) breakLine();
    const parts = pieces(word.text, width);
    parts.forEach((part, i) => {
      if (i > 0) breakLine();
      add(part, word.style);
    });
  }
  if (line.length > 0 || lines.length === 0) lines.push(line);
  return lines;
}

/** `text` cut into pieces of at most `width` cells (whole when it fits). */
function pieces(text: string, width: number): string[] {
  if (textWidth(text) <= width) return [text];
  const out: string[] = [];
  let piece = '';
  let used = 0;
  for (const ch of text) {
    const w = charWidth(ch);
    if (used + w > width && piece !== '') {
      out.push(piece);
      piece = '';
      used = 0;
    }
    piece += ch;
    used += w;
  }
  if (piece !== '') out.push(piece);
  return out;
}
