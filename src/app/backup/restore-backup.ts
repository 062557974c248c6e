import { existsSync, rmSync } from 'node:fs';
import { dirname } from 'node:path';
import { EngramError } from '../../model/engram-error.js';
import { backupPath, copyStoreFiles, restoreFile, storeFileFacts, timeStamp, writeBackup, type StoreFileFacts } from '../../store/backup.js';
import { SCHEMA_VERSION } from '../../store/migrations.js';
import { openStore, type Store } from '../../store/open-store.js';

/** What a restore would do: the backup and the store it would replace, as they are now. */
export interface RestorePlan {
  /** The backup file (absolute). */
  source: string;
  /** What the backup holds. */
  incoming: StoreFileFacts;
  /** The store to replace (absolute). */
  store: string;
  /** What the store holds now; null when there is no store yet or it cannot be read. */
  current: StoreFileFacts | null;
  /** Why the store cannot be read (a damaged store can still be replaced); null when it can, or there is none. */
  unreadable: string | null;
}

/** What a restore did. */
export interface RestoreOutcome {
  /** What the store holds now (migrated to this engram's schema). */
  restored: StoreFileFacts;
  /** The copy of the store as it was before; null when there was no store. */
  safety: string | null;
  /** True when the store replaced could not be read: `safety` holds its bytes as they were. */
  damaged: boolean;
}

/**
 * Checks that `source` (absolute) is a backup this engram can restore over
 * the store at `storePath` (absolute), and reads what both hold. Reads only.
 * Throws EngramError (`usage`) when `source` is the store itself, is missing,
 * is not an engram store, or was written by a newer engram. `showPath` gives
 * a path as the messages show it.
 */
export function planRestore(storePath: string, source: string, showPath: (path: string) => string): RestorePlan {
  if (source === storePath) throw new EngramError('usage', `${showPath(source)} is the store itself; give a backup file (engram backup --list shows them).`);
  if (!existsSync(source)) throw new EngramError('notFound', `no file ${showPath(source)}. engram backup --list shows the backups there are.`);
  let incoming: StoreFileFacts;
  try {
    incoming = storeFileFacts(source);
  } catch (err) {
    throw new EngramError('usage', `${showPath(source)} cannot be restored: ${(err as Error).message}.`);
  }
  if (incoming.schemaVersion > SCHEMA_VERSION) {
    throw new EngramError('usage', `${showPath(source)} was written by a newer engram (schema version ${incoming.schemaVersion}; this one knows up to ${SCHEMA_VERSION}). Upgrade engram to restore it.`);
  }
  const plan: RestorePlan = { source, incoming, store: storePath, current: null, unreadable: null };
  if (existsSync(storePath)) {
    try {
      plan.current = storeFileFacts(storePath);
    } catch (err) {
      plan.unreadable = (err as Error).message;
    }
  }
  return plan;
}

/**
 * Carries out a plan once `confirm` says yes: backs the current store up
 * (kind `before-restore`, named by `now`), then copies the backup in through
 * SQLite's backup API and opens the result, which migrates a backup from an
 * older engram (after backing it up in turn). Throws EngramError, with
 * nothing replaced: `failed` when `confirm` says no, when a backup of that
 * name exists already or when the current store cannot be backed up; what
 * `confirm` throws (the CLI's `usage` when it cannot ask) passes through.
 */
export async function restoreBackup(
  plan: RestorePlan,
  o: { now: number; confirm: () => Promise<boolean>; showPath: (path: string) => string },
): Promise<RestoreOutcome> {
  const { source, store: storePath } = plan;
  const exists = plan.current !== null || plan.unreadable !== null;
  const safety = exists ? backupPath(storePath, 'before-restore', timeStamp(o.now)) : null;
  // Names are per second: a second restore within it must not pass off the first one's copy as this store.
  if (safety && existsSync(safety)) throw new EngramError('failed', `a backup named ${o.showPath(safety)} exists already; nothing restored. Try again in a second.`);
  if (!(await o.confirm())) throw new EngramError('failed', 'nothing restored.');

  const damaged = plan.unreadable !== null;
  if (safety) {
    saveCurrent(storePath, safety, damaged, o.showPath);
    // A store SQLite cannot read is not written into page by page: its bytes are saved; start afresh.
    if (damaged) for (const f of [storePath, `${storePath}-wal`, `${storePath}-shm`]) rmSync(f, { force: true });
  }
  await restoreFile(source, storePath);
  // Opening migrates a backup from an older engram (after backing it up in turn).
  openStore(storePath, { create: false }).close();
  let restored: StoreFileFacts;
  try {
    restored = storeFileFacts(storePath);
  } catch (err) {
    throw new EngramError('usage', `${o.showPath(storePath)} cannot be restored: ${(err as Error).message}.`);
  }
  return { restored, safety, damaged };
}

/**
 * Backs up the store about to be replaced: a consistent copy, or its bytes when
 * it is damaged or engram cannot open it (one from a newer engram). Throws
 * EngramError, before anything is replaced, when neither can be written.
 */
function saveCurrent(storePath: string, dest: string, damaged: boolean, showPath: (path: string) => string): void {
  try {
    let store: Store | null = null;
    try {
      if (!damaged) store = openStore(storePath, { create: false });
    } catch {
      // Not openable by this engram, yet readable: keep its bytes.
    }
    if (!store) {
      copyStoreFiles(storePath, dest);
      return;
    }
    try {
      if (!writeBackup(store.db, dest)) throw new Error(`${dest} exists already`);
    } finally {
      store.close();
    }
  } catch (err) {
    throw new EngramError(
      'failed',
      `could not back up the current store to ${showPath(dest)} before replacing it (${(err as Error).message}), so nothing was restored. Make sure ${showPath(dirname(dest))} is a folder you can write, with free space, then try again.`,
    );
  }
}
