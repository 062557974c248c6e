import type { CardList } from '../../app/cards/card-list.js';
import { isDerivedSyntax, shownSourcePath, type Card } from '../../model/card.js';
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
    sourceCell(c),
  ]);
  const columns = [
    { header: 'id', align: 'right' as const },
    { header: 'deck', min: 6 },
    { header: 'kind' },
    // At their narrowest these fit 80 columns beside a 4-digit id and "cloze (notes)":
    // the source keeps room for a file name and line (cut from the left), the context, needed least, gives way most.
    { header: 'front', min: 14 },
    { header: 'back', min: 10 },
    { header: 'context', min: 4 },
    { header: 'source', min: 17, cut: 'start' as const },
  ];
  const out = rows.length ? formatTable(columns, rows, width) : ['No cards.'];
  if (list.hiddenArchived > 0) out.push(`(${plural(list.hiddenArchived, 'archived card')} not shown; --archived lists them.)`);
  return out;
}

/** Where a card stands, as `path:line` with the path as the user gave it. */
function sourceCell(c: Card): string {
  const path = shownSourcePath(c);
  return path ? `${displayPath(path)}:${c.line}` : '';
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
    source: c.sourcePath ? { path: shownSourcePath(c), line: c.line, endLine: c.endLine } : null,
    archived: c.archived,
    suspended: c.suspended,
  };
}
