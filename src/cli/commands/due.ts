import type { Command } from 'commander';
import { dbOption, jsonOption } from '../common-options.js';
import { displayPath } from '../output/display-path.js';
import { configPath, currentTime, outputWidth, storePath } from '../environment.js';
import { plural } from '../output/plural.js';

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
      const { cardById } = await import('../../store/cards.js');
      const { queueCounts } = await import('../../schedule/due-queue.js');
      const { loadSettings } = await import('../../app/settings/study-settings.js');
      const { loadDueQueue, resolveStudyTarget } = await import('../../app/review/load-queue.js');
      const { formatTable } = await import('../output/format-table.js');
      const store = openCommandStore(storePath(opts.db), { create: args.length > 0, now: currentTime() });
      try {
        const now = currentTime();
        const loaded = loadSettings(configPath());
        const target = await resolveStudyTarget(store, args, process.cwd(), now);
        const queue = loadDueQueue(store, loaded, now, target.decks);
        const ordered = [...queue.learning, ...queue.main.slice(queue.at)];
        const cards = ordered.map((q) => ({ q, card: cardById(store, q.id)! }));
        const counts = queueCounts(queue);
        if (opts.json) {
          const rows = cards.map(({ q, card }) => ({
            id: card.id,
            deck: card.deck,
            kind: card.kind,
            phase: q.state?.phase ?? 'new',
            due: q.state ? new Date(q.state.due).toISOString() : null,
            front: card.front,
            source: card.sourcePath ? { path: card.sourcePath, line: card.line } : null,
          }));
          process.stdout.write(`${JSON.stringify({ counts, cards: rows }, null, 2)}\n`);
          return;
        }
        if (ordered.length === 0) {
          process.stdout.write('Nothing is due today.\n');
          return;
        }
        const rows = cards.map(({ q, card }) => [
          String(card.id),
          card.deck,
          q.state?.phase ?? 'new',
          card.front,
          card.sourcePath ? `${displayPath(card.sourcePath)}:${card.line}` : '',
        ]);
        const columns = [{ header: 'id', align: 'right' as const }, { header: 'deck', min: 6 }, { header: 'phase' }, { header: 'front', min: 16 }, { header: 'source', min: 12 }];
        const out = formatTable(columns, rows, outputWidth());
        out.push(`Due today: ${plural(counts.new, 'new card')}, ${plural(counts.learning, 'learning card')}, ${plural(counts.review, 'review')}.`);
        process.stdout.write(`${out.join('\n')}\n`);
      } finally {
        store.close();
      }
    });
}
