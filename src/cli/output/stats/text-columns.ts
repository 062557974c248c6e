import { textWidth } from '../../../tui/terminal/text-width.js';

const SGR = /\x1b\[[0-9;]*m/g;

/** Cells `line` takes on a terminal, colour codes not counted. */
export function visibleWidth(line: string): number {
  return textWidth(line.replace(SGR, ''));
}

/** `text` padded with spaces to `width` cells, on the left (right-aligned) or the right. */
export function padTo(text: string, width: number, align: 'left' | 'right' = 'left'): string {
  const space = ' '.repeat(Math.max(0, width - visibleWidth(text)));
  return align === 'right' ? space + text : text + space;
}

/** Two blocks of lines side by side, the left one padded to `leftWidth` cells, `gap` spaces between. */
export function sideBySide(left: readonly string[], right: readonly string[], leftWidth: number, gap: number): string[] {
  const out: string[] = [];
  for (let i = 0; i < Math.max(left.length, right.length); i++) {
    const r = right[i] ?? '';
    out.push(r === '' ? (left[i] ?? '').trimEnd() : padTo(left[i] ?? '', leftWidth) + ' '.repeat(gap) + r);
  }
  return out;
}
