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
      const { nextRollover } = await import('../../schedule/study-clock.js');
      const { loadSettings, studyClock } = await import('../../app/settings/study-settings.js');
      const { loadDueQueue } = await import('../../app/review/load-queue.js');
      const { deckSummaries } = await import('../../store/decks.js');
      const { openCommandStore } = await import('../command-store.js');
      const { formatTable } = await import('../output/format-table.js');
      const store = openCommandStore(storePath(opts.db), { create: false, now: currentTime() });
      try {
        const now = currentTime();
        const loaded = loadSettings(configPath());
        // Due, learning and new-today as a review session counts them: limits and siblings applied.
        const queue = loadDueQueue(store, loaded, now, []);
        const today = new Map<string, { newToday: number; due: number; learning: number }>();
        const count = (deck: string) => {
          let c = today.get(deck);
          if (!c) today.set(deck, (c = { newToday: 0, due: 0, learning: 0 }));
          return c;
        };
        for (const c of queue.learning) count(c.deck).learning++;
        for (let i = queue.at; i < queue.main.length; i++) {
          const c = queue.main[i]!;
          if (c.state === null || c.state.phase === 'new') count(c.deck).newToday++;
          else count(c.deck).due++;
        }
        const decks = deckSummaries(store, now, nextRollover(now, studyClock(loaded.settings))).map((d) => ({
          ...d,
          ...(today.get(d.name) ?? { newToday: 0, due: 0, learning: 0 }),
        }));
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
          { header: 'new today', align: right },
          { header: 'due', align: right },
          { header: 'learning', align: right },
          { header: 'suspended', align: right },
          ...(showArchived ? [{ header: 'archived', align: right }] : []),
        ];
        const rows = decks.map((d) => [
          d.name,
          String(d.total),
          String(d.new),
          String(d.newToday),
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
