import type { Command } from 'commander';
import { dbOption, jsonOption } from '../common-options.js';
import { configPath, currentTime, outputWidth, storePath } from '../environment.js';

/** `engram decks` */
export function registerDecks(program: Command): void {
  program
    .command('decks')
    .description('list decks: cards in all, never seen, new today, due today, learning, suspended (today as engram review counts it)')
    .addOption(jsonOption())
    .addOption(dbOption())
    .action(async (opts: { json?: boolean; db?: string }) => {
      const { loadSettings } = await import('../../app/settings/study-settings.js');
      const { deckOverview } = await import('../../app/cards/deck-overview.js');
      const { openCommandStore } = await import('../command-store.js');
      const { deckTableJson, deckTableLines } = await import('../output/deck-table.js');
      const store = openCommandStore(storePath(opts.db), { create: false, now: currentTime() });
      try {
        const decks = deckOverview(store, loadSettings(configPath()), currentTime());
        process.stdout.write(`${opts.json ? deckTableJson(decks) : deckTableLines(decks, outputWidth()).join('\n')}\n`);
      } finally {
        store.close();
      }
    });
}
