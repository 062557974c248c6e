import type { BackupList } from '../../app/backup/backup-list.js';
import type { TakenBackup } from '../../app/backup/take-backup.js';
import type { BackupFile } from '../../store/backup.js';
import { displayPath } from './display-path.js';
import { fileSize } from './file-size.js';

/** `engram backup --list` as text: a line per backup, newest first, or that there are none. */
export function backupListLines(storePath: string, list: BackupList): string[] {
  if (list.backups.length === 0) return [`No backups of ${displayPath(storePath)} yet in ${displayPath(list.folder)}.`];
  return [
    `Backups of ${displayPath(storePath)}, newest first (kept: 7 daily and 4 weekly; the others until you delete them):`,
    ...list.backups.map((b) => `  ${minute(b.writtenAt)}  ${b.kind.padEnd(14)} ${fileSize(b.bytes).padStart(8)}  ${displayPath(b.path)}`),
  ];
}

/** Backups as `--json` prints them: as listed, with the time they were written as an ISO date. */
export function backupsJson(backups: readonly BackupFile[]): unknown[] {
  return backups.map((b) => ({ ...b, writtenAt: new Date(b.writtenAt).toISOString() }));
}

/** What `engram backup` says after writing one: where it went and how to restore it. */
export function backupTakenLines(storePath: string, taken: TakenBackup): string[] {
  return [
    `Backed up ${displayPath(storePath)} to ${displayPath(taken.path)} (${fileSize(taken.bytes ?? 0)}).`,
    `Restore it with: engram restore ${displayPath(taken.path)}`,
  ];
}

/** "2026-03-02 10:30": a UTC instant to the minute. */
function minute(ms: number): string {
  return new Date(ms).toISOString().slice(0, 16).replace('T', ' ');
}
