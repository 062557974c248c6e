import type { Command } from 'commander';
import { EngramError } from '../../model/engram-error.js';

/** `engram export` (being built). */
export function registerExport(program: Command): void {
  program
    .command('export')
    .description('(being built)')
    .action(() => {
      throw new EngramError('engram export is being built.', 2);
    });
}
