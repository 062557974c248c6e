import type { Command } from 'commander';
import { dbOption, jsonOption } from '../common-options.js';

/** `engram simulate [decks...] --retention R` */
export function registerSimulate(program: Command): void {
  program
    .command('simulate')
    .description('simulate your reviews a day over the coming year at a desired retention, to choose one')
    .argument('[decks...]', 'decks to simulate (default: every deck)')
    .option('--retention <r>', 'desired retention to simulate, 0.7-0.99 (default: your setting)')
    .option('--days <n>', 'study days to simulate', '365')
    .option('--seed <n>', 'seed of the simulated recalls: the same seed gives the same run', '1')
    .addOption(jsonOption())
    .addOption(dbOption())
    .action(async (decks: string[], opts: { retention?: string; days?: string; seed?: string; json?: boolean; db?: string }) => {
      const { runSimulate } = await import('../../app/simulate/simulate-reviews.js');
      runSimulate(decks, opts);
    });
}
