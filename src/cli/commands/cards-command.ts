import { Option, type Command } from 'commander';
import { dbOption, jsonOption } from '../common-options.js';
import { currentTime, outputWidth, storePath } from '../environment.js';
import { EXIT } from '../exit-codes.js';

/** `engram cards` */
export function registerCards(program: Command): void {
  program
    .command('cards')
    .description('list cards: id, deck, kind ("(notes)" when derived from notes), front, back, context, source file and line')
    .option('--deck <name>', 'only cards of this deck')
    .option('--archived', 'include archived cards (removed from their files; history kept)')
    .addOption(new Option('--from <origin>', 'only cards written as cards, or only cards derived from notes (with the rule that made each)').choices(['cards', 'notes']))
    .option('--dropped', 'only the derived cards dropped in review or by engram drop: rule, when dropped (engram undrop restores them)')
    .addOption(jsonOption())
    .addOption(dbOption())
    .action(async (opts: { deck?: string; archived?: boolean; from?: 'cards' | 'notes'; dropped?: boolean; json?: boolean; db?: string }) => {
      const { cardList } = await import('../../app/cards/card-list.js');
      const { openCommandStore } = await import('../command-store.js');
      const { cardTableJson, cardTableLines } = await import('../output/card-table.js');
      const store = openCommandStore(storePath(opts.db), { create: false, now: currentTime() });
      try {
        const list = cardList(store, { deck: opts.deck, archived: Boolean(opts.archived), from: opts.from, dropped: Boolean(opts.dropped) });
        const view = opts.dropped ? 'dropped' : opts.from === 'notes' ? 'notes' : 'all';
        process.stdout.write(`${opts.json ? cardTableJson(list) : cardTableLines(list, outputWidth(), view).join('\n')}\n`);
        // A filter that matched no card is "nothing matched", as an unknown deck is; archived or dropped cards it hid did match.
        const filtered = opts.from || opts.deck || opts.dropped;
        if (filtered && list.cards.length === 0 && list.hiddenArchived === 0 && list.hiddenDropped === 0) process.exitCode = EXIT.notFound;
      } finally {
        store.close();
      }
    });
}
