import type { CardList } from '../../app/cards/card-list.js';
import { isDerivedSyntax, type Card } from '../../model/card.js';
import { displayPath } from './display-path.js';
import { formatTable } from './format-table.js';
import { plural } from './plural.js';

/**
 * `engram cards`: a table of the cards fitting `width`, and a note of the
 * archived cards it leaves out.
 */
export function cardTableLines(list: CardList, width: number): string[] {
  const rows = list.cards.map((c) => [
    String(c.id),
    c.deck,
    c.kind + (isDerivedSyntax(c.syntax) ? ' (notes)' : '') + (c.archived ? ' (archived)' : c.suspended ? ' (suspended)' : ''),
    c.front,
    c.back,
    contextLine(c),
    c.sourcePath ? `${displayPath(c.sourcePath)}:${c.line}` : '',
  ]);
  const columns = [
    { header: 'id', align: 'right' as const },
    { header: 'deck', min: 6 },
    { header: 'kind' },
    { header: 'front', min: 16 },
    { header: 'back', min: 12 },
    { header: 'context', min: 8 },
    { header: 'source', min: 12 },
  ];
  const out = rows.length ? formatTable(columns, rows, width) : ['No cards.'];
  if (list.hiddenArchived > 0) out.push(`(${plural(list.hiddenArchived, 'archived card')} not shown; --archived lists them.)`);
  return out;
}

/** `engram cards --json`: one object per card. */
export function cardTableJson(list: CardList): string {
  return JSON.stringify(list.cards.map(cardJson), null, 2);
}

/** Most specific first (the card's title, then its headings inward-out), so a cut column still says the most. */
function contextLine(c: Card): string {
  return [...(c.title ? [c.title] : []), ...[...c.headingPath].reverse()].join(' ‹ ');
}

function cardJson(c: Card): object {
  return {
    id: c.id,
    deck: c.deck,
    kind: c.kind,
    syntax: c.syntax,
    derived: isDerivedSyntax(c.syntax),
    front: c.front,
    back: c.back,
    title: c.title,
    context: c.context,
    headingPath: c.headingPath,
    source: c.sourcePath ? { path: c.sourcePath, line: c.line, endLine: c.endLine } : null,
    archived: c.archived,
    suspended: c.suspended,
  };
}
