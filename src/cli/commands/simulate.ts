import type { Command } from 'commander';
import { EngramError } from '../../model/engram-error.js';

/** `engram simulate` (being built). */
export function registerSimulate(program: Command): void {
  program
    .command('simulate')
    .description('(being built)')
    .action(() => {
      throw new EngramError('engram simulate is being built.', 2);
    });
}
