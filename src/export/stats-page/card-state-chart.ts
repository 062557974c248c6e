import type { CardCounts } from '../../stats/stats-report.js';
import { CHART_WIDTH, svgNumber } from './bar-chart.js';
import { countFigure, figure, figureTable } from './figure-table.js';
import { count, counted, percent } from './figure-text.js';
import { escapeHtml } from './html-text.js';

const STATES = ['new', 'learning', 'review', 'relearning', 'suspended', 'dropped', 'buried', 'archived'] as const;
const HEIGHT = 28;

/**
 * Cards by state as one bar cut in proportion, and a table that is also its
 * legend (swatch, state, cards, share). Each card is counted once, as in
 * `engram stats`.
 */
export function cardStateSection(c: CardCounts): string {
  // Dropped cards are a row only in a collection that has some: most never will.
  const states = STATES.filter((s) => s !== 'dropped' || c.dropped > 0);
  const rows = states.map((s) => [
    `<span class="swatch s-${s}" aria-hidden="true"></span>${s}`,
    figure(`cards.${s}`, c[s], count(c[s])),
    escapeHtml(c.total ? percent(c[s] / c.total) : '—'),
  ]);
  const table = figureTable({ id: 'cards-table', caption: 'Cards by state', columns: ['state', 'cards', 'share'] }, rows);
  if (c.total === 0) return `<p class="empty">No cards yet.</p>\n${table}`;
  const description = `Cards by state, ${counted(c.total, 'card')}: ${states.filter((s) => c[s] > 0).map((s) => `${count(c[s])} ${s}`).join(', ')}.`;
  const out = [`<svg class="chart" role="img" aria-label="${escapeHtml(description)}" viewBox="0 0 ${CHART_WIDTH} ${HEIGHT}" width="${CHART_WIDTH}" height="${HEIGHT}">`];
  let x = 0;
  for (const s of states) {
    if (c[s] === 0) continue;
    const w = (c[s] / c.total) * CHART_WIDTH;
    out.push(`<rect class="s-${s}" x="${svgNumber(x)}" y="0" width="${svgNumber(w)}" height="${HEIGHT}"><title>${escapeHtml(`${s}: ${count(c[s])} (${percent(c[s] / c.total)})`)}</title></rect>`);
    x += w;
  }
  out.push('</svg>');
  return [`<p class="note">${countFigure('cards.total', c.total, 'card')} in all, each counted once: archived, else ${c.dropped > 0 ? 'dropped, else ' : ''}suspended, else buried, else by its state.</p>`, out.join('\n'), table].join('\n');
}
