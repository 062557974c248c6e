import { escapeHtml } from './html-text.js';

/**
 * A figure of the stats report as the page shows it: `text` for the reader,
 * the exact value in `<data value>` (empty for null) and its place in the
 * report (`forecast.days.3.due`, as `engram stats --json` names it) in
 * `data-figure`, so a program reading the page gets the numbers it was made from.
 */
export function figure(path: string, value: number | null, text: string): string {
  return `<data value="${value === null ? '' : String(value)}" data-figure="${escapeHtml(path)}">${escapeHtml(text)}</data>`;
}

/** A study day of the report (yyyy-mm-dd) as a `<time>`, named like {@link figure}. */
export function dateFigure(path: string, iso: string, text: string): string {
  return `<time datetime="${escapeHtml(iso)}" data-figure="${escapeHtml(path)}">${escapeHtml(text)}</time>`;
}

/** A table's layout: its id, caption (plain text) and column headers (plain text). */
export interface TableLayout {
  id: string;
  caption: string;
  columns: readonly string[];
}

/**
 * A table of figures: each row's first cell is its header (the day, the deck,
 * the period); cells are HTML already (see {@link figure}); columns after the
 * first are numbers, aligned right.
 */
export function figureTable(layout: TableLayout, rows: readonly (readonly string[])[]): string {
  const head = layout.columns.map((c, i) => `<th scope="col"${i > 0 ? ' class="num"' : ''}>${escapeHtml(c)}</th>`).join('');
  const body = rows.map((r) => `<tr>${r.map((cell, i) => (i === 0 ? `<th scope="row">${cell}</th>` : `<td class="num">${cell}</td>`)).join('')}</tr>`).join('\n');
  return `<table id="${escapeHtml(layout.id)}">\n<caption>${escapeHtml(layout.caption)}</caption>\n<thead><tr>${head}</tr></thead>\n<tbody>\n${body}\n</tbody>\n</table>`;
}

/**
 * A chart's figures as a table under it, folded away until opened: the
 * numbers behind the drawing, for screen readers and anyone who wants them.
 */
export function chartData(summary: string, table: string): string {
  return `<details class="data"><summary>${escapeHtml(summary)}</summary>\n${table}\n</details>`;
}

/** A count of the report with its noun, the number as a {@link figure}: "<data…>12</data> reviews". */
export function countFigure(path: string, n: number, noun: string): string {
  return `${figure(path, n, n.toLocaleString('en-US'))} ${escapeHtml(noun)}${n === 1 ? '' : 's'}`;
}
