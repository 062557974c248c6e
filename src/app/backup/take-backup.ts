import { EngramError } from '../../model/engram-error.js';
import { backupFolder, backupPath, listBackups, timeStamp, writeBackup } from '../../store/backup.js';
import { openStore } from '../../store/open-store.js';
import { displayPath } from '../../cli/output/display-path.js';
import { fileSize } from '../../cli/output/file-size.js';

/**
 * `engram backup`: writes a consistent copy of the store into its backups
 * folder (kind `manual`, never pruned), or with `list` prints the backups.
 */
export function runBackup(path: string, o: { list: boolean; json: boolean; now: number }): void {
  if (o.list) {
    const backups = listBackups(path);
    if (o.json) {
      process.stdout.write(`${JSON.stringify(backups.map((b) => ({ ...b, writtenAt: new Date(b.writtenAt).toISOString() })), null, 2)}\n`);
      return;
    }
    if (backups.length === 0) {
      process.stdout.write(`No backups of ${displayPath(path)} yet in ${displayPath(backupFolder(path))}.\n`);
      return;
    }
    const lines = backups.map((b) => `  ${when(b.writtenAt)}  ${b.kind.padEnd(14)} ${fileSize(b.bytes).padStart(8)}  ${displayPath(b.path)}`);
    process.stdout.write(`Backups of ${displayPath(path)}, newest first (kept: 7 daily and 4 weekly; the others until you delete them):\n${lines.join('\n')}\n`);
    return;
  }
  const store = openStore(path, { create: false });
  try {
    const dest = backupPath(path, 'manual', timeStamp(o.now));
    let written: boolean;
    try {
      written = writeBackup(store.db, dest);
    } catch (err) {
      throw new EngramError(
        'failed',
        `could not write the backup ${displayPath(dest)} (${(err as Error).message}). Make sure ${displayPath(backupFolder(path))} is a folder you can write, with free space, then try again.`,
      );
    }
    if (!written) throw new EngramError('failed', `a backup named ${displayPath(dest)} exists already; try again in a second.`);
    const file = listBackups(path).find((b) => b.path === dest);
    if (o.json) {
      process.stdout.write(`${JSON.stringify({ path: dest, bytes: file?.bytes ?? null }, null, 2)}\n`);
      return;
    }
    process.stdout.write(`Backed up ${displayPath(path)} to ${displayPath(dest)} (${fileSize(file?.bytes ?? 0)}).\nRestore it with: engram restore ${displayPath(dest)}\n`);
  } finally {
    store.close();
  }
}

function when(ms: number): string {
  return new Date(ms).toISOString().slice(0, 16).replace('T', ' ');
}
