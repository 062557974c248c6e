import { existsSync, statSync } from 'node:fs';
import type { CardState } from '../../model/card-state.js';
import { EngramError } from '../../model/engram-error.js';
import type { SchedulerSet } from '../../schedule/scheduler-set.js';
import { backupPath, copyQuietStore, copyStoreFiles, listBackups, timeStamp, writeBackup, type BackupFile } from '../../store/backup.js';
import { deckNames } from '../../store/decks.js';
import { openStore } from '../../store/open-store.js';
import { storeError } from '../../store/store-errors.js';
import type { WorkProgress } from '../work-progress.js';
import { checkStore, isHealthy, repairStore, type StoreHealth, type StoreRepair } from './store-health.js';

/** The store part of `engram doctor`: where it is, whether it opens, what the checks found. */
export interface StoreReport {
  path: string;
  exists: boolean;
  /** Why the store could not be opened (then nothing else was checked); the CLI words its fix. */
  openError: EngramError | null;
  schemaVersion: number | null;
  bytes: number | null;
  health: StoreHealth | null;
  /** What --repair did, and what the checks found after it. */
  repair: { done: StoreRepair; backup: string; after: StoreHealth } | null;
  healthy: boolean;
  /** Deck names in the store (to check the settings' per-deck sections against). */
  decks: string[];
  backups: BackupFile[];
}

/**
 * Opens the store at `path` (migrating it, with a backup first, like any
 * command) and checks it: what changed since its last clean check, or with
 * `full` everything (see CheckScope); a clean check is recorded, named by
 * `now`. With `repair`, backs it up (named by `now`), repairs what the log
 * can rebuild and checks the repaired cards again. A missing store is
 * healthy (nothing to lose yet). What goes wrong is reported, not thrown:
 * a store that cannot be opened or read, or a repair refused because it
 * could not be backed up first, is the report's `openError`. `progress`
 * hears how far the replay of the review log is.
 */
export function storeReport(
  path: string,
  schedulers: () => SchedulerSet,
  o: { repair: boolean; full: boolean; now: number; progress?: WorkProgress },
): StoreReport {
  const { repair, full, now, progress } = o;
  const report: StoreReport = {
    path,
    exists: existsSync(path),
    openError: null,
    schemaVersion: null,
    bytes: null,
    health: null,
    repair: null,
    healthy: true,
    decks: [],
    backups: [],
  };
  if (!report.exists) return report;
  let store;
  try {
    store = openStore(path, { create: false });
  } catch (err) {
    report.openError = messageOf(err);
    report.healthy = false;
    report.backups = listBackups(path);
    return report;
  }
  try {
    report.schemaVersion = store.schemaVersion();
    const set = schedulers();
    const replays = new Map<number, CardState | null>();
    // A store of a million answers takes seconds to replay: say how far it is.
    try {
      report.health = checkStore(store, set, {
        full,
        replays,
        recordAt: now,
        ...(progress ? { onProgress: (done: number, total: number) => progress.update(done, total) } : {}),
      });
    } finally {
      progress?.finish();
    }
    report.healthy = isHealthy(report.health);
    const needsRepair = !report.healthy || report.health.scheduleDrift.length > 0;
    if (repair && needsRepair) {
      const backup = backupPath(path, 'before-repair', timeStamp(now));
      // A damaged file may not read whole: then its bytes are copied as they are.
      let written: boolean;
      try {
        // A byte copy when no other engram uses the store (a VACUUM INTO rebuilds every table: seconds over a million answers).
        written = !existsSync(backup) && (copyQuietStore(store.db, path, backup) || writeBackup(store.db, backup));
      } catch {
        copyStoreFiles(path, backup);
        written = true;
      }
      // Never repair without a copy of this very store (a name taken this second holds an older one).
      if (!written) throw new EngramError('failed', `nothing was repaired: a backup named ${backup} exists already. Run engram doctor --repair again in a second.`);
      const { done, after } = repairStore(store, set, report.health, replays, now);
      report.repair = { done, backup, after };
      report.healthy = isHealthy(after);
    }
    report.decks = safely(() => deckNames(store), []);
  } catch (err) {
    report.openError = messageOf(err);
    report.healthy = false;
  } finally {
    store.close();
  }
  // Measured once closed: the write-ahead log is folded into the file by then.
  report.bytes = statSync(path).size;
  report.backups = listBackups(path);
  return report;
}

function messageOf(err: unknown): EngramError {
  if (err instanceof EngramError) return err;
  return storeError(err) ?? new EngramError('failed', (err as Error).message);
}

function safely<T>(fn: () => T, fallback: T): T {
  try {
    return fn();
  } catch {
    return fallback;
  }
}
