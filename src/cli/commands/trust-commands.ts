import type { Command } from 'commander';
import { EngramError } from '../../model/engram-error.js';
import { dbOption, jsonOption } from '../common-options.js';
import { currentTime, outputWidth, storePath } from '../environment.js';

/** `engram trust <deck>`, `engram trust --list` and `engram untrust <deck>` */
export function registerTrust(program: Command): void {
  program
    .command('trust')
    .description("let a deck's code run without asking, until its cards change (--list: trusted decks)")
    .argument('[deck]', 'deck name, as engram decks lists it')
    .option('--list', 'list trusted decks and whether each changed since it was trusted')
    .addOption(jsonOption())
    .addOption(dbOption())
    .action(async (deck: string | undefined, opts: { list?: boolean; json?: boolean; db?: string }) => {
      if (opts.list && deck !== undefined) throw new EngramError('usage', '--list takes no deck: run engram trust --list, or engram trust <deck>.');
      if (!opts.list && deck === undefined) throw new EngramError('usage', 'which deck? Run engram trust <deck> (see engram decks), or engram trust --list.');
      const { openCommandStore } = await import('../command-store.js');
      const { trust, trustList } = await import('../../app/trust/deck-trust.js');
      const store = openCommandStore(storePath(opts.db), { create: false, now: currentTime() });
      try {
        if (deck !== undefined) {
          trust(store, deck, currentTime());
          process.stdout.write(`Trusted deck ${deck}: its code runs without asking until its cards change.\n`);
          return;
        }
        const trusted = trustList(store);
        const { trustTableJson, trustTableLines } = await import('../output/trust-table.js');
        process.stdout.write(`${opts.json ? trustTableJson(trusted) : trustTableLines(trusted, outputWidth()).join('\n')}\n`);
      } finally {
        store.close();
      }
    });

  program
    .command('untrust')
    .description('make a deck ask again before its code runs')
    .argument('<deck>', 'deck name, as engram decks lists it')
    .addOption(dbOption())
    .action(async (deck: string, opts: { db?: string }) => {
      const { openCommandStore } = await import('../command-store.js');
      const { untrust } = await import('../../app/trust/deck-trust.js');
      const store = openCommandStore(storePath(opts.db), { create: false, now: currentTime() });
      try {
        const was = untrust(store, deck);
        process.stdout.write(was ? `Deck ${deck} is no longer trusted: its code asks before it runs.\n` : `Deck ${deck} was not trusted; nothing changed.\n`);
      } finally {
        store.close();
      }
    });
}
