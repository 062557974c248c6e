import { EngramError } from '../../model/engram-error.js';
import { backupFolder, backupPath, listBackups, timeStamp, writeBackup } from '../../store/backup.js';
import { openStore } from '../../store/open-store.js';

/** A backup `engram backup` wrote. */
export interface TakenBackup {
  /** The backup file. */
  path: string;
  /** Its size, or null when it could not be read back. */
  bytes: number | null;
}

/**
 * Writes a consistent copy of the store at `storePath` into its backups
 * folder, as kind `manual` (never pruned) named by `now`. Returns the file
 * written. Throws EngramError: `store` when the store cannot be opened,
 * `failed` when the copy cannot be written or a backup of that name exists
 * already. `showPath` gives a path as the messages show it.
 */
export function takeBackup(storePath: string, now: number, showPath: (path: string) => string): TakenBackup {
  const store = openStore(storePath, { create: false });
  try {
    const dest = backupPath(storePath, 'manual', timeStamp(now));
    let written: boolean;
    try {
      written = writeBackup(store.db, dest);
    } catch (err) {
      throw new EngramError(
        'failed',
        `could not write the backup ${showPath(dest)} (${(err as Error).message}). Make sure ${showPath(backupFolder(storePath))} is a folder you can write, with free space, then try again.`,
      );
    }
    if (!written) throw new EngramError('failed', `a backup named ${showPath(dest)} exists already; try again in a second.`);
    const file = listBackups(storePath).find((b) => b.path === dest);
    return { path: dest, bytes: file?.bytes ?? null };
  } finally {
    store.close();
  }
}
