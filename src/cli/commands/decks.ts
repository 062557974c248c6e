import type { Command } from 'commander';
import { dbOption, jsonOption } from '../common-options.js';
import { currentTime, outputWidth, storePath } from '../environment.js';

/** `engram decks` */
export function registerDecks(program: Command): void {
  program
    .command('decks')
    .description('list decks with their card counts: total, new, due today, learning, suspended')
    .addOption(jsonOption())
    .addOption(dbOption())
    .action(async (opts: { json?: boolean; db?: string }) => {
      const { nextRollover } = await import('../../schedule/study-clock.js');
      const { loadSettings, studyClock } = await import('../config/study-settings.js');
      const { deckSummaries } = await import('../../store/decks.js');
      const { openStore } = await import('../../store/open-store.js');
      const { formatTable } = await import('../format-table.js');
      const store = openStore(storePath(opts.db), { create: false });
      try {
        const now = currentTime();
        const decks = deckSummaries(store, now, nextRollover(now, studyClock(loadSettings().settings)));
        if (opts.json) {
          process.stdout.write(`${JSON.stringify(decks, null, 2)}\n`);
          return;
        }
        if (decks.length === 0) {
          process.stdout.write('No decks yet. Import some cards: engram import decks/\n');
          return;
        }
        const showArchived = decks.some((d) => d.archived > 0);
        const right = 'right' as const;
        const columns = [
          { header: 'deck', min: 10 },
          { header: 'total', align: right },
          { header: 'new', align: right },
          { header: 'due', align: right },
          { header: 'learning', align: right },
          { header: 'suspended', align: right },
          ...(showArchived ? [{ header: 'archived', align: right }] : []),
        ];
        const rows = decks.map((d) => [
          d.name,
          String(d.total),
          String(d.new),
          String(d.due),
          String(d.learning),
          String(d.suspended),
          ...(showArchived ? [String(d.archived)] : []),
        ]);
        process.stdout.write(`${formatTable(columns, rows, outputWidth()).join('\n')}\n`);
      } finally {
        store.close();
      }
    });
}
