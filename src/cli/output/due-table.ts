import type { DueToday } from '../../app/cards/due-today.js';
import { shownSourcePath, type Card } from '../../model/card.js';
import { displayPath } from './display-path.js';
import { formatTable } from './format-table.js';
import { limitLines } from './limit-lines.js';
import { plural } from './plural.js';

/**
 * `engram due`: a table of today's cards in session order, fitting `width`,
 * the day's counts, and the daily limits that keep cards waiting with the
 * commands that study more (`reviewArgs`: the command's decks and --db).
 */
export function dueTableLines(due: DueToday, width: number, reviewArgs: readonly string[] = []): string[] {
  if (due.cards.length === 0) return ['Nothing is due today.', ...limitLines(due.limits, reviewArgs)];
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
  out.push(...limitLines(due.limits, reviewArgs));
  return out;
}

/** Where a card stands, as `path:line` with the path as the user gave it. */
function sourceCell(card: Card): string {
  const path = shownSourcePath(card);
  return path ? `${displayPath(path)}:${card.line}` : '';
}

/** `engram due --json`: the counts, each card with its phase and due time, and the daily limits used up while cards wait. */
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
  return JSON.stringify({ counts: due.counts, cards, limits: due.limits }, null, 2);
}
