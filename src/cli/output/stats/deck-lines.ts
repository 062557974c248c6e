import type { DeckFigures } from '../../../stats/stats-report.js';
import { figureColumns, formatTable } from '../format-table.js';
import { sectionTitle } from './section-title.js';
import { count, percent } from './stats-figures.js';
import type { StatsStyle } from './stats-style.js';

/** A row per deck: its cards by state, today's work and its true retention over 30 days. */
export function deckLines(decks: readonly DeckFigures[], style: StatsStyle): string[] {
  const title = sectionTitle(style, 'Decks', 'cards: not archived; learn: learning and relearning');
  if (decks.length === 0) return [title, '  no decks yet'];
  const columns = [
    { header: 'deck', min: 10 },
    ...figureColumns('cards', 'new', 'learn', 'review', 'susp.', 'due', 'done', 'ret. 30d'),
  ];
  const rows = decks.map((d) => [
    d.name,
    count(d.cards.total - d.cards.archived),
    count(d.cards.new),
    count(d.cards.learning + d.cards.relearning),
    count(d.cards.review),
    count(d.cards.suspended),
    count(d.dueToday),
    count(d.reviewsToday),
    percent(d.retention30d.rate),
  ]);
  return [title, ...formatTable(columns, rows, style.width - 2).map((l) => `  ${l}`), '  due: still due today; done: reviewed today'];
}
