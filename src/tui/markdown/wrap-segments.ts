import { charWidth, textWidth } from '../terminal/text-width.js';
import { takeCells } from './take-cells.js';
import { mergeSegments, segment, type Segment, type StyledLine } from './styled-line.js';

/** Spaces and tabs separate words; other blanks (no-break space) stay inside them. */
const SPACE_RUN = /([ \t]+)/;

interface Token {
  space: boolean;
  pieces: Segment[];
  width: number;
}

/**
 * Word-wraps styled text to `width` cells and returns the lines. A `\n` in a
 * segment's text is a hard line break. A run of spaces inside one segment is
 * kept, spaces ending one segment and starting the next collapse to one, and
 * spaces where the text wraps are dropped. A word wider than the width is
 * broken across lines, and so is text with wide (CJK) characters, which has
 * no spaces to break at. Returns no lines for text that is empty.
 */
export function wrapSegments(segments: readonly Segment[], width: number): StyledLine[] {
  const room = Math.max(1, Math.floor(width));
  const out: StyledLine[] = [];
  for (const hardLine of splitHardLines(segments)) out.push(...wrapHardLine(hardLine, room));
  while (out.length > 0 && out[out.length - 1]!.length === 0) out.pop();
  while (out.length > 0 && out[0]!.length === 0) out.shift();
  return out;
}

function splitHardLines(segments: readonly Segment[]): Segment[][] {
  const lines: Segment[][] = [[]];
  for (const seg of segments) {
    const parts = seg.text.split('\n');
    parts.forEach((part, i) => {
      if (i > 0) lines.push([]);
      if (part !== '') lines[lines.length - 1]!.push(segment(part, seg));
    });
  }
  return lines;
}

function tokenize(segments: readonly Segment[]): Token[] {
  const tokens: Token[] = [];
  for (const seg of segments) {
    for (const part of seg.text.split(SPACE_RUN)) {
      if (part === '') continue;
      const space = /^[ \t]+$/.test(part);
      // Tabs would take a terminal-dependent number of cells; one space keeps widths exact.
      const text = space ? part.replace(/\t/g, ' ') : part;
      const piece = segment(text, seg);
      const last = tokens[tokens.length - 1];
      // Spaces on both sides of dropped markup (`a <!-- x --> b`) would show as a double space.
      if (last?.space && space) continue;
      // A word may change style midway (`**bold**tail`) and must still wrap as one word.
      if (last && last.space === space) {
        last.pieces.push(piece);
        last.width += textWidth(text);
      } else tokens.push({ space, pieces: [piece], width: textWidth(text) });
    }
  }
  return tokens;
}

function hasWideCharacter(pieces: readonly Segment[]): boolean {
  for (const piece of pieces) {
    if (/^[\x20-\x7e]*$/.test(piece.text)) continue;
    for (const ch of piece.text) if (charWidth(ch) > 1) return true;
  }
  return false;
}

function wrapHardLine(segments: readonly Segment[], width: number): StyledLine[] {
  const lines: StyledLine[] = [];
  let line: Segment[] = [];
  let used = 0;
  let pending: Token | undefined;

  const flush = (): void => {
    lines.push(mergeSegments(line));
    line = [];
    used = 0;
    pending = undefined;
  };

  for (const token of tokenize(segments)) {
    if (token.space) {
      pending = token;
      continue;
    }
    const gap = used > 0 && pending ? pending.width : 0;
    if (used + gap + token.width <= width) {
      if (gap > 0) line.push(...pending!.pieces);
      line.push(...token.pieces);
      used += gap + token.width;
      pending = undefined;
      continue;
    }
    if (token.width <= width && !hasWideCharacter(token.pieces)) {
      if (used > 0) flush();
      line.push(...token.pieces);
      used = token.width;
      pending = undefined;
      continue;
    }
    // Too long for any line, or CJK text: break it where the line ends.
    let rest: Segment[] = token.pieces;
    while (rest.length > 0) {
      const spaceWidth = used > 0 && pending ? pending.width : 0;
      const free = width - used - spaceWidth;
      const split = takeCells(rest, free, used === 0);
      if (split.head.length === 0) {
        if (used === 0) break;
        flush();
        continue;
      }
      if (spaceWidth > 0) line.push(...pending!.pieces);
      pending = undefined;
      line.push(...split.head);
      used += spaceWidth + split.width;
      rest = split.rest.filter((piece) => piece.text !== '');
      if (rest.length > 0) flush();
    }
  }
  if (line.length > 0 || lines.length === 0) flush();
  return lines;
}

/** Wrapped, but an empty line stays a line: program output and diffs keep their blank lines. */
export function wrapKeepingBlank(segments: readonly Segment[], width: number): StyledLine[] {
  const lines = wrapSegments(segments, width);
  return lines.length > 0 ? lines : [[]];
}
