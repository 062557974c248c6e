import { backupFolder, listBackups, type BackupFile } from '../../store/backup.js';

/** The backups of a store and the folder they are kept in. */
export interface BackupList {
  folder: string;
  /** Newest first. */
  backups: BackupFile[];
}

/** The backups of the store at `storePath` (none when the folder does not exist), newest first. Reads only. */
export function backupList(storePath: string): BackupList {
  return { folder: backupFolder(storePath), backups: listBackups(storePath) };
}
