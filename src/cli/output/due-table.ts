import type { DueToday } from '../../app/cards/due-today.js';
import { shownSourcePath, type Card } from '../../model/card.js';
import { displayPath } from './display-path.js';
import { formatTable } from './format-table.js';
import { plural } from './plural.js';

/** `engram due`: a table of today's cards in session order, fitting `width`, and the day's counts. */
export function dueTableLines(due: DueToday, width: number): string[] {
  if (due.cards.length === 0) return ['Nothing is due today.'];
  const rows = due.cards.map(({ card, phase }) => [String(card.id), card.deck, phase, card.front, sourceCell(card)]);
  const columns = [
    { header: 'id', align: 'right' as const },
    { header: 'deck', min: 6 },
    { header: 'phase' },
    { header: 'front', min: 16 },
    { header: 'source', min: 12, cut: 'start' as const },
  ];
  const out = formatTable(columns, rows, width);
  const { counts } = due;
  out.push(`Due today: ${plural(counts.new, 'new card')}, ${plural(counts.learning, 'learning card')}, ${plural(counts.review, 'review')}.`);
  return out;
}

/** Where a card stands, as `path:line` with the path as the user gave it. */
function sourceCell(card: Card): string {
  const path = shownSourcePath(card);
  return path ? `${displayPath(path)}:${card.line}` : '';
}

/** `engram due --json`: the counts, and each card with its phase and due time. */
export function dueTableJson(due: DueToday): string {
  const cards = due.cards.map(({ card, phase, due: at }) => ({
    id: card.id,
    deck: card.deck,
    kind: card.kind,
    phase,
    due: at === null ? null : new Date(at).toISOString(),
    front: card.front,
    source: card.sourcePath ? { path: shownSourcePath(card), line: card.line } : null,
  }));
  return JSON.stringify({ counts: due.counts, cards }, null, 2);
}
