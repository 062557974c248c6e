import type { DeckOverview } from '../../app/cards/deck-overview.js';
import { figureColumns, formatTable } from './format-table.js';

/** `engram decks`: a table of the decks' counts, fitting `width` (the dropped and archived columns only when a deck has some). */
export function deckTableLines(decks: readonly DeckOverview[], width: number): string[] {
  if (decks.length === 0) return ['No decks yet. Import some cards: engram import decks/'];
  const showDropped = decks.some((d) => d.dropped > 0);
  const showArchived = decks.some((d) => d.archived > 0);
  const columns = [
    { header: 'deck', min: 10 },
    ...figureColumns('total', 'new', 'new today', 'due', 'learning', 'suspended', ...(showDropped ? ['dropped'] : []), ...(showArchived ? ['archived'] : [])),
  ];
  const rows = decks.map((d) => [
    d.name,
    String(d.total),
    String(d.new),
    String(d.newToday),
    String(d.due),
    String(d.learning),
    String(d.suspended),
    ...(showDropped ? [String(d.dropped)] : []),
    ...(showArchived ? [String(d.archived)] : []),
  ]);
  return formatTable(columns, rows, width);
}

/** `engram decks --json`: every count of every deck. */
export function deckTableJson(decks: readonly DeckOverview[]): string {
  return JSON.stringify(decks, null, 2);
}
