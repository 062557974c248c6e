import type { Command } from 'commander';
import { dbOption, jsonOption } from '../common-options.js';
import { configPath, currentTime, outputWidth, storePath } from '../environment.js';

/** `engram simulate [decks...] --retention R` */
export function registerSimulate(program: Command): void {
  program
    .command('simulate')
    .description('simulate your reviews a day over the coming year at a desired retention, to choose one')
    .argument('[decks...]', 'decks to simulate (default: every deck)')
    .option('--retention <r>', 'desired retention to simulate, 0.7-0.99 (default: your setting)')
    .option('--days <n>', 'study days to simulate', '365')
    .option('--seed <n>', 'seed of the simulated recalls: the same seed gives the same run', '1')
    .option('--advise', 'also simulate retentions 0.70-0.95 and advise the one that remembers the most cards per minute of study')
    .addOption(jsonOption())
    .addOption(dbOption())
    .action(async (decks: string[], opts: { retention?: string; days?: string; seed?: string; advise?: boolean; json?: boolean; db?: string }) => {
      const { simulationRetention, simulationSpan } = await import('../simulate-flags.js');
      const { simulateReviews } = await import('../../app/simulate/simulate-reviews.js');
      const { loadSettings } = await import('../../app/settings/study-settings.js');
      const { openCommandStore } = await import('../command-store.js');
      const { simulateJson, simulateLines } = await import('../output/simulate-report.js');
      const span = simulationSpan(opts.days, opts.seed);
      const loaded = loadSettings(configPath());
      const retention = opts.retention === undefined ? loaded.settings.retention : simulationRetention(opts.retention);
      const store = openCommandStore(storePath(opts.db), { create: false, now: currentTime() });
      try {
        const report = simulateReviews(store, loaded, decks, { ...span, retention, advise: opts.advise ?? false }, currentTime());
        process.stdout.write(opts.json ? `${JSON.stringify(simulateJson(report), null, 2)}\n` : `${simulateLines(report, outputWidth()).join('\n')}\n`);
      } finally {
        store.close();
      }
    });
}
