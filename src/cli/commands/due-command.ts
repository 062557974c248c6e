import type { Command } from 'commander';
import { dbOption, jsonOption } from '../common-options.js';
import { configPath, currentTime, outputWidth, storePath, workingFolder } from '../environment.js';

/** `engram due [decks or paths...]` */
export function registerDue(program: Command): void {
  program
    .command('due')
    .description("list what is due today: the cards a review session would show, in its order")
    .argument('[decks-or-paths...]', 'decks, or files and folders to import first (default: every deck)')
    .addOption(jsonOption())
    .addOption(dbOption())
    .action(async (args: string[], opts: { json?: boolean; db?: string }) => {
      const { openCommandStore } = await import('../command-store.js');
      const { loadSettings } = await import('../../app/settings/study-settings.js');
      const { dueToday } = await import('../../app/cards/due-today.js');
      const { dueTableJson, dueTableLines } = await import('../output/due-table.js');
      const store = openCommandStore(storePath(opts.db), { create: args.length > 0, now: currentTime() });
      try {
        const due = await dueToday(store, loadSettings(configPath()), currentTime(), args, workingFolder());
        const reviewArgs = [...args, ...(opts.db ? ['--db', opts.db] : [])];
        process.stdout.write(`${opts.json ? dueTableJson(due) : dueTableLines(due, outputWidth(), reviewArgs).join('\n')}\n`);
      } finally {
        store.close();
      }
    });
}
