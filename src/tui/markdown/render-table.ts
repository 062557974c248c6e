import type { AlignType, Table } from 'mdast';
import { textWidth } from '../terminal/text-width.js';
import { fitColumns } from './fit-columns.js';
import { spaces } from './indent-lines.js';
import type { RenderContext } from './render-context.js';
import { renderInline } from './render-inline.js';
import {
  lineWidth,
  mergeSegments,
  segment,
  trimLineEnd,
  type Segment,
  type StyledLine,
} from './styled-line.js';
import { wrapSegments } from './wrap-segments.js';

/** Drawn between columns. */
export const COLUMN_GAP = ' │ ';
/** Drawn under the header across each column. */
export const RULE_CHAR = '─';
/** Where the rule under the header crosses a column gap. */
export const RULE_CROSS = '┼';

/**
 * Returns the lines of a GFM table: a bold header row, a dim rule of `─`
 * crossed by `┼` under it, then the body rows, columns separated by a dim
 * ` │ ` and aligned as the table's delimiter row says. A table wider than
 * `width` has its widest columns narrowed and their cell text wrapped, so a
 * row may take several lines. When not even three cells per column fit,
 * each body row is shown as `Header: value` lines instead.
 */
export function renderTable(node: Table, width: number, ctx: RenderContext): StyledLine[] {
  const rows = node.children.map((row, r) =>
    row.children.map((cell) => flattenBreaks(renderInline(cell.children, r === 0 ? { bold: true } : {}, ctx))),
  );
  const columns = Math.max(0, ...rows.map((row) => row.length));
  if (columns === 0) return [];
  const natural = Array.from({ length: columns }, (_, c) =>
    Math.max(1, ...rows.map((row) => lineWidth(row[c] ?? []))),
  );
  const widths = fitColumns(natural, width - textWidth(COLUMN_GAP) * (columns - 1));
  if (!widths) return renderStacked(rows, width);
  const align = node.align ?? [];
  const out: StyledLine[] = [];
  rows.forEach((row, r) => {
    out.push(...renderRow(row, widths, align));
    if (r === 0) out.push([segment(headerRule(widths), { dim: true })]);
  });
  return out;
}

function headerRule(widths: readonly number[]): string {
  return widths.map((w) => RULE_CHAR.repeat(w)).join(`${RULE_CHAR}${RULE_CROSS}${RULE_CHAR}`);
}

/** A cell is one line of source; `<br>` and the like are dropped with the HTML. */
function flattenBreaks(cell: Segment[]): Segment[] {
  return cell.map((seg) => (seg.text.includes('\n') ? segment(seg.text.replace(/\n/g, ' '), seg) : seg));
}

function renderRow(
  row: readonly Segment[][],
  widths: readonly number[],
  align: readonly (AlignType | null | undefined)[],
): StyledLine[] {
  const cells = widths.map((w, c) => wrapSegments(row[c] ?? [], w));
  const height = Math.max(1, ...cells.map((lines) => lines.length));
  const gap = segment(COLUMN_GAP, { dim: true });
  const out: StyledLine[] = [];
  for (let i = 0; i < height; i++) {
    const line: Segment[] = [];
    widths.forEach((w, c) => {
      if (c > 0) line.push(gap);
      line.push(...alignCell(cells[c]![i] ?? [], w, align[c] ?? null));
    });
    out.push(mergeSegments(trimLineEnd(line)));
  }
  return out;
}

function alignCell(text: StyledLine, width: number, align: AlignType): Segment[] {
  const pad = Math.max(0, width - lineWidth(text));
  const left = align === 'right' ? pad : align === 'center' ? Math.floor(pad / 2) : 0;
  return [segment(spaces(left)), ...text, segment(spaces(pad - left))];
}

function renderStacked(rows: readonly Segment[][][], width: number): StyledLine[] {
  const [header = [], ...body] = rows;
  if (body.length === 0) return header.flatMap((cell) => wrapSegments(cell, width));
  const out: StyledLine[] = [];
  body.forEach((row, r) => {
    if (r > 0) out.push([]);
    header.forEach((name, c) => {
      const label = name.length > 0 ? [...name, segment(': ', { bold: true })] : [];
      out.push(...wrapSegments([...label, ...(row[c] ?? [])], width));
    });
  });
  return out;
}
