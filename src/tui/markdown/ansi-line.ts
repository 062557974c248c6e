import type { Segment, SegmentColor, StyledLine } from './styled-line.js';

const COLOR_CODES: Record<SegmentColor, number> = { red: 31, green: 32, yellow: 33, blue: 34, magenta: 35, cyan: 36, gray: 90 };

/**
 * One laid-out line as a string with SGR escape codes, each segment reset
 * after itself. Drawing a line as one string (instead of one Ink node per
 * segment) keeps the next card's frame cheap. Colours only when `color`.
 */
export function ansiLine(line: StyledLine, color: boolean): string {
  let out = '';
  for (const s of line) {
    const codes = sgrCodes(s, color);
    out += codes.length ? `\x1b[${codes.join(';')}m${s.text}\x1b[0m` : s.text;
  }
  return out;
}

function sgrCodes(s: Segment, color: boolean): number[] {
  const codes: number[] = [];
  if (s.bold) codes.push(1);
  if (s.dim) codes.push(2);
  if (s.italic) codes.push(3);
  if (s.underline) codes.push(4);
  if (s.inverse) codes.push(7);
  if (s.strikethrough) codes.push(9);
  if (color && s.color) codes.push(COLOR_CODES[s.color]);
  return codes;
}
