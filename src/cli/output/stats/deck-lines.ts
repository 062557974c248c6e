import type { DeckFigures } from '../../../stats/stats-report.js';
import { formatTable } from '../format-table.js';
import { sectionTitle } from './section-title.js';
import { count, percent } from './stats-figures.js';
import type { StatsStyle } from './stats-style.js';

/** A row per deck: its cards by state, today's work and its true retention over 30 days. */
export function deckLines(decks: readonly DeckFigures[], style: StatsStyle): string[] {
  const title = sectionTitle(style, 'Decks', 'cards: not archived; learn: learning and relearning');
  if (decks.length === 0) return [title, '  no decks yet'];
  const right = 'right' as const;
  const columns = [
    { header: 'deck', min: 10 },
    { header: 'cards', align: right },
    { header: 'new', align: right },
    { header: 'learn', align: right },
    { header: 'review', align: right },
    { header: 'susp.', align: right },
    { header: 'due', align: right },
    { header: 'done', align: right },
    { header: 'ret. 30d', align: right },
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
