import { sanitizeText } from '../../tui/markdown/sanitize-text.js';
import { charWidth, textWidth } from '../../tui/terminal/text-width.js';

/** A table column: how to align it and how far it may shrink. */
export interface Column {
  header: string;
  align?: 'left' | 'right';
  /** Narrowest this column gets when the table must shrink; 0 means never shrink. */
  min?: number;
  /**
   * Which end of a cell too wide gives way: 'end' (default) keeps its start;
   * 'start' keeps its end, for paths whose file name and line say most
   * ('…/seeds/003-notes.md:42').
   */
  cut?: 'start' | 'end';
}

/** Columns of figures: right-aligned, never shrunk. */
export function figureColumns(...headers: string[]): Column[] {
  return headers.map((header) => ({ header, align: 'right' }));
}

/**
 * Lays rows out as aligned text columns no wider than `width` in total,
 * shrinking the shrinkable columns (widest first) and cutting cells with '…'.
 * Newlines and tabs in cells become spaces. Widths count terminal cells, so
 * wide characters line up.
 */
export function formatTable(columns: readonly Column[], rows: readonly string[][], width: number): string[] {
  // Deck names and card text come from users' files: no escape sequence reaches the terminal.
  const cells = rows.map((r) => r.map((c) => sanitizeText(c.replace(/[\r\n\t]+/g, ' '))));
  const widths = columns.map((col, i) => cells.reduce((w, r) => Math.max(w, textWidth(r[i] ?? '')), textWidth(col.header)));
  const gap = 2;
  let total = widths.reduce((a, b) => a + b, 0) + gap * (columns.length - 1);
  while (total > width) {
    let widest = -1;
    for (let i = 0; i < columns.length; i++) {
      const min = columns[i]!.min ?? 0;
      if (min > 0 && widths[i]! > min && (widest < 0 || widths[i]! > widths[widest]!)) widest = i;
    }
    if (widest < 0) break;
    const cut = Math.min(total - width, widths[widest]! - (columns[widest]!.min ?? 0), Math.max(1, Math.ceil(widths[widest]! / 8)));
    widths[widest]! -= cut;
    total -= cut;
  }
  const line = (values: readonly string[]): string =>
    columns
      .map((col, i) => pad(fit(values[i] ?? '', widths[i]!, col.cut ?? 'end'), widths[i]!, col.align ?? 'left'))
      .join(' '.repeat(gap))
      .trimEnd();
  const out = [line(columns.map((c) => c.header))];
  for (const r of cells) out.push(line(r));
  return out;
}

/** `text` cut to `width` cells with '…' standing for what was cut, at its end or its start. */
export function fit(text: string, width: number, cut: 'start' | 'end' = 'end'): string {
  if (textWidth(text) <= width) return text;
  const chars = [...text];
  if (cut === 'start') chars.reverse();
  const kept: string[] = [];
  let used = 0;
  for (const ch of chars) {
    const w = charWidth(ch);
    if (used + w > width - 1) break;
    kept.push(ch);
    used += w;
  }
  return cut === 'start' ? `…${kept.reverse().join('')}` : `${kept.join('')}…`;
}

function pad(text: string, width: number, align: 'left' | 'right'): string {
  const space = ' '.repeat(Math.max(0, width - textWidth(text)));
  return align === 'right' ? space + text : text + space;
}
