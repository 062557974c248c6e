import { textWidth } from '../terminal/text-width.js';

/** The colours a segment may ask for; the renderer maps them to terminal colours. */
export type SegmentColor = 'red' | 'green' | 'yellow' | 'blue' | 'magenta' | 'cyan' | 'gray';

/** A run of text drawn with one style. */
export interface Segment {
  text: string;
  bold?: boolean;
  italic?: boolean;
  underline?: boolean;
  strikethrough?: boolean;
  dim?: boolean;
  inverse?: boolean;
  color?: SegmentColor;
}

/** One terminal line: segments drawn left to right. An empty array is a blank line. */
export type StyledLine = Segment[];

/** Every property of a segment except its text. */
export type Style = Omit<Segment, 'text'>;

const FLAGS = ['bold', 'italic', 'underline', 'strikethrough', 'dim', 'inverse'] as const;

/**
 * Returns a new segment with `text` and only the style properties that are
 * set, so that output compares cleanly with `toEqual` and stays small.
 */
export function segment(text: string, style: Style = {}): Segment {
  const out: Segment = { text };
  for (const flag of FLAGS) if (style[flag]) out[flag] = true;
  if (style.color) out.color = style.color;
  return out;
}

/** Returns the style of `seg` without its text. */
export function styleOf(seg: Segment): Style {
  const { text: _text, ...style } = seg;
  return style;
}

/** Returns true when the two styles draw the same way (unset and false are equal). */
export function sameStyle(a: Style, b: Style): boolean {
  for (const flag of FLAGS) if (Boolean(a[flag]) !== Boolean(b[flag])) return false;
  return a.color === b.color;
}

/** Returns `base` with `extra` laid over it. */
export function withStyle(base: Style, extra: Style): Style {
  return { ...base, ...extra };
}

/** Returns the number of terminal cells the line takes. */
export function lineWidth(line: readonly Segment[]): number {
  let width = 0;
  for (const seg of line) width += textWidth(seg.text);
  return width;
}

/** Returns the line's text without styles. */
export function lineText(line: readonly Segment[]): string {
  let text = '';
  for (const seg of line) text += seg.text;
  return text;
}

/**
 * Returns the line with empty segments dropped and neighbours of the same
 * style joined, which keeps the output small for the Ink side.
 */
export function mergeSegments(line: readonly Segment[]): StyledLine {
  const out: StyledLine = [];
  for (const seg of line) {
    if (seg.text === '') continue;
    const last = out[out.length - 1];
    if (last && sameStyle(last, seg)) out[out.length - 1] = segment(last.text + seg.text, last);
    else out.push(segment(seg.text, seg));
  }
  return out;
}

/** Returns the line without trailing spaces (padding that would only fill the terminal with blanks). */
export function trimLineEnd(line: readonly Segment[]): StyledLine {
  const out = [...line];
  while (out.length > 0) {
    const last = out[out.length - 1]!;
    const trimmed = last.text.replace(/ +$/, '');
    if (trimmed === last.text && trimmed !== '') break;
    if (trimmed === '') out.pop();
    else {
      out[out.length - 1] = segment(trimmed, last);
      break;
    }
  }
  return out;
}
