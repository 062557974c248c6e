import type { Command } from 'commander';
import { dbOption, jsonOption } from '../common-options.js';
import { configPath, currentTime, outputWidth, storePath } from '../environment.js';

/** `engram optimize [decks...]` */
export function registerOptimize(program: Command): void {
  program
    .command('optimize')
    .description('fit FSRS parameters to your own reviews; save them when they predict your reviews better')
    .argument('[decks...]', 'fit on these decks and save the parameters for each (default: every deck, saved as the global parameters)')
    .option('--dry-run', 'show the fit and how it compares; save nothing')
    .option('--evaluate', 'also score the current and fitted parameters on later reviews than they are fitted on (a time-series split, as srs-benchmark)')
    .option('--reschedule', "recompute each card's due date from its history with the parameters in effect after the fit")
    .addOption(jsonOption())
    .addOption(dbOption())
    .action(async (decks: string[], opts: { dryRun?: boolean; evaluate?: boolean; reschedule?: boolean; json?: boolean; db?: string }) => {
      const { openCommandStore } = await import('../command-store.js');
      const { loadSettings } = await import('../../app/settings/study-settings.js');
      const { optimizeParameters } = await import('../../app/optimize/optimize-parameters.js');
      const { fitProgress } = await import('../output/fit-progress.js');
      const { optimizeJson, optimizeLines } = await import('../output/optimize-report.js');
      const store = openCommandStore(storePath(opts.db), { create: false, now: currentTime() });
      try {
        const now = currentTime();
        const request = { decks, dryRun: opts.dryRun ?? false, reschedule: opts.reschedule ?? false, recordAt: now, adviseAt: now, evaluate: opts.evaluate ?? false };
        const report = await optimizeParameters(store, loadSettings(configPath()), request, opts.json ? undefined : fitProgress(process.stderr));
        process.stdout.write(opts.json ? `${JSON.stringify(optimizeJson(report), null, 2)}\n` : `${optimizeLines(report, decks, outputWidth()).join('\n')}\n`);
      } finally {
        store.close();
      }
    });
}
