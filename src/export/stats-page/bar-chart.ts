import { scaleBand, scaleLinear } from 'd3-scale';
import { escapeHtml } from './html-text.js';

/** One layer of stacked bars: a value per bar, drawn in the CSS class `className`. */
export interface BarLayer {
  label: string;
  className: string;
  values: readonly number[];
}

/** What a bar chart shows; every text is plain (it is escaped here). */
export interface BarChart {
  /** What the chart shows, in words, for screen readers (the figures are in a table beside it). */
  description: string;
  /** The tooltip of bar i: its day and figures. */
  barTitle(i: number): string;
  /** The label under bar i, or null for none. */
  xLabel(i: number): string | null;
  /** Layers stacked bottom up. */
  layers: readonly BarLayer[];
  /** How a value on the y axis reads ("12", "5m"). */
  yLabel(v: number): string;
  /** Ticks on the y axis fall on whole numbers (counts). */
  wholeTicks?: boolean;
  /** A bar drawn with an outline (today). */
  marked?: number;
  height?: number;
}

/** Width of every chart's drawing, in SVG units (the page scales it to the reader's width). */
export const CHART_WIDTH = 720;
const MARGIN = { top: 10, right: 8, bottom: 22, left: 44 };

/** Numbers in SVG attributes: two decimals at most, no trailing zeros. */
export function svgNumber(n: number): string {
  return String(Math.round(n * 100) / 100);
}

/**
 * Stacked bars with a y axis of gridlines and labels under the bars, as an
 * inline SVG (no script, no external file). Scales from d3-scale: a band per
 * bar, a linear y axis rounded to nice ticks.
 */
export function barChart(c: BarChart): string {
  const height = c.height ?? 200;
  const n = c.layers[0]?.values.length ?? 0;
  const totals = Array.from({ length: n }, (_, i) => c.layers.reduce((sum, l) => sum + (l.values[i] ?? 0), 0));
  const x = scaleBand<number>()
    .domain(Array.from({ length: n }, (_, i) => i))
    .range([MARGIN.left, CHART_WIDTH - MARGIN.right])
    .paddingInner(0.2)
    .paddingOuter(0.1);
  const y = scaleLinear()
    .domain([0, Math.max(1, ...totals)])
    .nice(4)
    .range([height - MARGIN.bottom, MARGIN.top]);
  const ticks = y.ticks(4).filter((t) => !c.wholeTicks || Number.isInteger(t));
  const out: string[] = [`<svg class="chart" role="img" aria-label="${escapeHtml(c.description)}" viewBox="0 0 ${CHART_WIDTH} ${height}" width="${CHART_WIDTH}" height="${height}">`];
  out.push('<g class="grid">');
  for (const t of ticks) {
    const ty = svgNumber(y(t));
    out.push(`<line x1="${MARGIN.left}" x2="${CHART_WIDTH - MARGIN.right}" y1="${ty}" y2="${ty}"/>`);
    out.push(`<text x="${MARGIN.left - 6}" y="${ty}" dy="0.32em" text-anchor="end">${escapeHtml(c.yLabel(t))}</text>`);
  }
  out.push('</g>');
  const w = svgNumber(x.bandwidth());
  for (let i = 0; i < n; i++) {
    const bx = svgNumber(x(i)!);
    out.push(`<g${i === c.marked ? ' class="marked"' : ''}><title>${escapeHtml(c.barTitle(i))}</title>`);
    let base = 0;
    for (const layer of c.layers) {
      const v = layer.values[i] ?? 0;
      if (v > 0) {
        const top = y(base + v);
        out.push(`<rect class="${layer.className}" x="${bx}" y="${svgNumber(top)}" width="${w}" height="${svgNumber(y(base) - top)}"/>`);
      }
      base += v;
    }
    // A transparent bar the full height, so the tooltip shows over short and empty bars too.
    out.push(`<rect class="hit" x="${bx}" y="${MARGIN.top}" width="${w}" height="${height - MARGIN.top - MARGIN.bottom}"/></g>`);
  }
  out.push('<g class="axis">');
  for (let i = 0; i < n; i++) {
    const label = c.xLabel(i);
    if (label !== null) out.push(`<text x="${svgNumber(x(i)! + x.bandwidth() / 2)}" y="${height - 6}" text-anchor="middle">${escapeHtml(label)}</text>`);
  }
  out.push(`<line x1="${MARGIN.left}" x2="${CHART_WIDTH - MARGIN.right}" y1="${svgNumber(y(0))}" y2="${svgNumber(y(0))}"/>`);
  out.push('</g></svg>');
  return out.join('\n');
}
