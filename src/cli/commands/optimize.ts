import type { Command } from 'commander';
import { dbOption, jsonOption } from '../common-options.js';

/** `engram optimize [decks...]` */
export function registerOptimize(program: Command): void {
  program
    .command('optimize')
    .description('fit FSRS parameters to your own reviews; save them when they predict your reviews better')
    .argument('[decks...]', 'fit on these decks and save the parameters for each (default: every deck, saved as the global parameters)')
    .option('--dry-run', 'show the fit and how it compares; save nothing')
    .option('--reschedule', "recompute each card's due date from its history with the parameters in effect after the fit")
    .addOption(jsonOption())
    .addOption(dbOption())
    .action(async (decks: string[], opts: { dryRun?: boolean; reschedule?: boolean; json?: boolean; db?: string }) => {
      const { runOptimize } = await import('../../app/optimize/optimize-parameters.js');
      await runOptimize(decks, opts);
    });
}
