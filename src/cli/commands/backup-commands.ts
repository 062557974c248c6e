import type { Command } from 'commander';
import { resolve } from 'node:path';
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
      const { displayPath } = await import('../output/display-path.js');
      const path = storePath(opts.db);
      if (opts.list) {
        const { backupList } = await import('../../app/backup/backup-list.js');
        const { backupListLines, backupsJson } = await import('../output/backup-report.js');
        const list = backupList(path);
        process.stdout.write(opts.json ? `${JSON.stringify(backupsJson(list.backups), null, 2)}\n` : `${backupListLines(path, list).join('\n')}\n`);
        return;
      }
      const { takeBackup } = await import('../../app/backup/take-backup.js');
      const { backupTakenLines } = await import('../output/backup-report.js');
      const taken = takeBackup(path, currentTime(), (p) => displayPath(p));
      process.stdout.write(opts.json ? `${JSON.stringify(taken, null, 2)}\n` : `${backupTakenLines(path, taken).join('\n')}\n`);
    });

  program
    .command('restore')
    .description('replace the store with a backup (asks first; the current store is backed up before it is replaced)')
    .argument('<file>', 'a backup file (engram backup --list shows them)')
    .option('-y, --yes', 'do not ask (for scripts)')
    .addOption(dbOption())
    .action(async (file: string, opts: { yes?: boolean; db?: string }) => {
      const { displayPath } = await import('../output/display-path.js');
      const { planRestore, restoreBackup } = await import('../../app/backup/restore-backup.js');
      const { restoredLines, restorePlanLines } = await import('../output/restore-report.js');
      const showPath = (p: string): string => displayPath(p);
      const plan = planRestore(resolve(storePath(opts.db)), resolve(file), showPath);
      process.stdout.write(`${restorePlanLines(plan).join('\n')}\n`);
      const confirm = opts.yes ? async () => true : () => askYes('Replace the store with the backup? The current store is backed up first. [y/N] ');
      const outcome = await restoreBackup(plan, { now: currentTime(), confirm, showPath });
      process.stdout.write(`${restoredLines(outcome).join('\n')}\n`);
    });
}

/** Asks `question` on the terminal; true for y or yes. Throws EngramError ('usage') when there is no terminal to ask on. */
async function askYes(question: string): Promise<boolean> {
  const { EngramError } = await import('../../model/engram-error.js');
  if (!process.stdin.isTTY) throw new EngramError('usage', 'restore replaces the store: run it in a terminal to answer the question, or add --yes.');
  const { createInterface } = await import('node:readline/promises');
  const rl = createInterface({ input: process.stdin, output: process.stdout });
  try {
    return /^y(es)?$/i.test((await rl.question(question)).trim());
  } finally {
    rl.close();
  }
}
