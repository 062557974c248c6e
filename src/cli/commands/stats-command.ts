import type { Command } from 'commander';
import { dbOption, jsonOption } from '../common-options.js';
import { configPath, currentTime, outputWidth, storePath } from '../environment.js';

/** Colour only on a terminal (or when FORCE_COLOR asks for it), never under NO_COLOR. */
function useColor(env: NodeJS.ProcessEnv = process.env): boolean {
  if (env['NO_COLOR']) return false;
  const force = env['FORCE_COLOR'];
  if (force !== undefined && force !== '') return force !== '0';
  return process.stdout.isTTY === true;
}

/** `engram stats [decks...]` */
export function registerStats(program: Command): void {
  program
    .command('stats')
    .description('your progress: today, streak, a year of reviews, what falls due, true retention, cards by state, hardest cards')
    .argument('[decks...]', 'decks to count (a deck takes in the decks under it; default: every deck)')
    .addOption(jsonOption())
    .addOption(dbOption())
    .action(async (decks: string[], opts: { json?: boolean; db?: string }) => {
      const { openCommandStore } = await import('../command-store.js');
      const { loadSettings } = await import('../../app/settings/study-settings.js');
      const { loadStatsReport } = await import('../../app/stats/load-stats.js');
      const { statsText } = await import('../output/stats/stats-dashboard.js');
      const store = openCommandStore(storePath(opts.db), { create: false, now: currentTime() });
      try {
        const report = loadStatsReport(store, loadSettings(configPath()), currentTime(), decks);
        if (opts.json) {
          process.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
          return;
        }
        // Laid out for 80 columns; a narrower terminal gets what fits.
        const width = Math.max(40, Math.min(80, outputWidth()));
        process.stdout.write(`${statsText(report, { color: useColor(), width }).join('\n')}\n`);
      } finally {
        store.close();
      }
    });
}
