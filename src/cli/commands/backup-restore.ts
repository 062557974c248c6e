import type { Command } from 'commander';
import { dbOption, jsonOption } from '../common-options.js';
import { currentTime, storePath } from '../environment.js';

/** `engram backup` (take one now, or list them) and `engram restore <file>`. */
export function registerBackup(program: Command): void {
  program
    .command('backup')
    .description('take a backup of the store now (a consistent copy, beside the daily ones), or --list the backups there are')
    .option('--list', 'list the backups of the store, newest first')
    .addOption(dbOption())
    .addOption(jsonOption())
    .action(async (opts: { list?: boolean; db?: string; json?: boolean }) => {
      const { runBackup } = await import('../../app/backup/take-backup.js');
      runBackup(storePath(opts.db), { list: opts.list ?? false, json: opts.json ?? false, now: currentTime() });
    });

  program
    .command('restore')
    .description('replace the store with a backup (asks first; the current store is backed up before it is replaced)')
    .argument('<file>', 'a backup file (engram backup --list shows them)')
    .option('-y, --yes', 'do not ask (for scripts)')
    .addOption(dbOption())
    .action(async (file: string, opts: { yes?: boolean; db?: string }) => {
      const { runRestore } = await import('../../app/backup/restore-backup.js');
      await runRestore(storePath(opts.db), file, { yes: opts.yes ?? false, now: currentTime() });
    });
}
