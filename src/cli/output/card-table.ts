import type { CardList } from '../../app/cards/card-list.js';
import { isDerivedSyntax, shownSourcePath, type Card, type CardSyntax } from '../../model/card.js';
import { displayPath } from './display-path.js';
import { formatTable, type Column } from './format-table.js';
import { MADE_BY } from './import-explain.js';
import { minuteUtc } from './minute-utc.js';
import { plural } from './plural.js';

/**
 * Which listing `engram cards` prints: every card; only cards derived from
 * notes (`--from notes`), each with the rule that made it; or the dropped
 * cards (`--dropped`), with their rule and when they were dropped.
 */
export type CardTableView = 'all' | 'notes' | 'dropped';

/**
 * `engram cards`: a table of the cards fitting `width`, the rules named in it
 * (in the notes and dropped views), and notes of the archived and dropped
 * cards it leaves out.
 */
export function cardTableLines(list: CardList, width: number, view: CardTableView = 'all'): string[] {
  const out = list.cards.length === 0 ? [view === 'dropped' ? 'No dropped cards.' : 'No cards.'] : view === 'dropped' ? droppedTable(list.cards, width) : cardTable(list.cards, width, view);
  if (view !== 'all') out.push(...ruleLegend(list.cards));
  if (list.hiddenArchived > 0) out.push(`(${plural(list.hiddenArchived, 'archived card')} not shown; --archived lists them.)`);
  if (list.hiddenDropped > 0) out.push(`(${plural(list.hiddenDropped, 'dropped card')} not shown; --dropped lists them.)`);
  return out;
}

function cardTable(cards: readonly Card[], width: number, view: 'all' | 'notes'): string[] {
  const notes = view === 'notes';
  const rows = cards.map((c) => [
    String(c.id),
    c.deck,
    // Every card of the notes view is derived: its rule column says so, and more.
    c.kind + (!notes && isDerivedSyntax(c.syntax) ? ' (notes)' : '') + (c.archived ? ' (archived)' : c.suspended ? ' (suspended)' : ''),
    ...(notes ? [ruleName(c.syntax)] : []),
    c.front,
    c.back,
    contextLine(c),
    sourceCell(c),
  ]);
  const columns: Column[] = [
    { header: 'id', align: 'right' },
    { header: 'deck', min: 6 },
    { header: 'kind' },
    // The rule fits in the width "(notes)" leaves in the kind column; cut, it still starts as its name does.
    ...(notes ? [{ header: 'rule', min: 6 }] : []),
    // At their narrowest these fit 80 columns beside a 4-digit id and "cloze (notes)":
    // the source keeps room for a file name and line (cut from the left), the context, needed least, gives way most.
    { header: 'front', min: 14 },
    { header: 'back', min: 10 },
    { header: 'context', min: 4 },
    { header: 'source', min: 17, cut: 'start' },
  ];
  return formatTable(columns, rows, width);
}

/** `engram cards --dropped`: what was dropped, made by which rule, when, and where it still stands in its notes. */
function droppedTable(cards: readonly Card[], width: number): string[] {
  const rows = cards.map((c) => [
    String(c.id),
    c.deck,
    ruleName(c.syntax) + (c.archived ? ' (archived)' : ''),
    c.front,
    c.droppedAt === null ? '' : minuteUtc(c.droppedAt),
    sourceCell(c),
  ]);
  const columns: Column[] = [
    { header: 'id', align: 'right' },
    { header: 'deck', min: 6 },
    { header: 'rule', min: 6 },
    { header: 'front', min: 14 },
    { header: 'dropped' },
    { header: 'source', min: 17, cut: 'start' },
  ];
  return formatTable(columns, rows, width);
}

/**
 * A derived card's rule as the rule column names it (`prose definition`,
 * `why`): its syntax without the `note-` every derived syntax starts with. A
 * written card's syntax is named as it is (`qa`).
 */
export function ruleName(syntax: CardSyntax): string {
  return isDerivedSyntax(syntax) ? syntax.slice('note-'.length).replace(/-/g, ' ') : syntax;
}

/** Under the table, each rule it names and what it reads, as `engram import --explain` words it. */
function ruleLegend(cards: readonly Card[]): string[] {
  const syntaxes = [...new Set(cards.map((c) => c.syntax))].sort((a, b) => ruleName(a).localeCompare(ruleName(b)));
  if (syntaxes.length === 0) return [];
  const width = Math.max(...syntaxes.map((s) => ruleName(s).length));
  return ['', 'Rules:', ...syntaxes.map((s) => `  ${ruleName(s).padEnd(width)}  ${MADE_BY[s]}`)];
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
  const derived = isDerivedSyntax(c.syntax);
  return {
    id: c.id,
    deck: c.deck,
    kind: c.kind,
    syntax: c.syntax,
    derived,
    // Which rule made a derived card, named as the table names it and described as --explain does.
    rule: derived ? { name: ruleName(c.syntax), madeBy: MADE_BY[c.syntax] } : null,
    front: c.front,
    back: c.back,
    title: c.title,
    context: c.context,
    headingPath: c.headingPath,
    source: c.sourcePath ? { path: shownSourcePath(c), line: c.line, endLine: c.endLine } : null,
    archived: c.archived,
    suspended: c.suspended,
    dropped: c.droppedAt !== null,
    droppedAt: c.droppedAt === null ? null : new Date(c.droppedAt).toISOString(),
  };
}
