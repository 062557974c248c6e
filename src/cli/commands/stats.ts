import type { Command } from 'commander';
import { EngramError } from '../../model/engram-error.js';

/** `engram stats` (being built). */
export function registerStats(program: Command): void {
  program
    .command('stats')
    .description('(being built)')
    .action(() => {
      throw new EngramError('engram stats is being built.', 2);
    });
}
