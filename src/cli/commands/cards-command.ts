import { Option, type Command } from 'commander';
import { isDerivedSyntax, type Card } from '../../model/card.js';
import { EngramError } from '../../model/engram-error.js';
import { dbOption, jsonOption } from '../common-options.js';
import { displayPath } from '../output/display-path.js';
import { currentTime, outputWidth, storePath } from '../environment.js';
import { plural } from '../output/plural.js';

/** `engram cards` */
export function registerCards(program: Command): void {
  program
    .command('cards')
    .description('list cards: id, deck, kind ("(notes)" when derived from notes), front, back, context, source file and line')
    .option('--deck <name>', 'only cards of this deck')
    .option('--archived', 'include archived cards (removed from their files; history kept)')
    .addOption(new Option('--from <origin>', 'only cards written as cards, or only cards derived from notes').choices(['cards', 'notes']))
    .addOption(jsonOption())
    .addOption(dbOption())
    .action(async (opts: { deck?: string; archived?: boolean; from?: 'cards' | 'notes'; json?: boolean; db?: string }) => {
      const { countArchived, listCards } = await import('../../store/cards.js');
      const { deckNames } = await import('../../store/decks.js');
      const { openCommandStore } = await import('../command-store.js');
      const { formatTable } = await import('../output/format-table.js');
      const store = openCommandStore(storePath(opts.db), { create: false, now: currentTime() });
      try {
        const all = listCards(store, { deck: opts.deck, includeArchived: Boolean(opts.archived) });
        const cards = opts.from ? all.filter((c) => isDerivedSyntax(c.syntax) === (opts.from === 'notes')) : all;
        if (opts.deck !== undefined && all.length === 0 && countArchived(store, opts.deck) === 0) {
          const names = deckNames(store);
          throw new EngramError('failed', `no deck named "${opts.deck}". Decks: ${names.length ? names.join(', ') : 'none yet'}.`);
        }
        if (opts.json) {
          process.stdout.write(`${JSON.stringify(cards.map(cardJson), null, 2)}\n`);
          return;
        }
        const rows = cards.map((c) => [
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
        const out = rows.length ? formatTable(columns, rows, outputWidth()) : ['No cards.'];
        const hidden = opts.archived ? 0 : countArchived(store, opts.deck);
        if (hidden > 0) out.push(`(${plural(hidden, 'archived card')} not shown; --archived lists them.)`);
        process.stdout.write(`${out.join('\n')}\n`);
      } finally {
        store.close();
      }
    });
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
