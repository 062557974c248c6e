import type { Command } from 'commander';
import { EngramError } from '../../model/engram-error.js';

/** `engram optimize` (being built). */
export function registerOptimize(program: Command): void {
  program
    .command('optimize')
    .description('(being built)')
    .action(() => {
      throw new EngramError('engram optimize is being built.', 2);
    });
}
