import { existsSync } from 'node:fs';
import { EngramError } from '../../model/engram-error.js';
import type { Store } from '../../store/open-store.js';
import { syncFolder } from '../../store/sync-events.js';
import { openUserStore } from '../open-user-store.js';
import { applySyncedSetting } from '../settings/change-setting.js';
import { type LoadedSettings, loadSettings, schedulerSet } from '../settings/study-settings.js';
import { runSync, type SyncReport } from './run-sync.js';

/**
 * The sync `engram review` runs at its start and end and `engram import`
 * after it, when the `sync` setting is on and the store has a sync folder:
 * null otherwise. A sync that fails (git's refusal, a folder gone) is a
 * warning through `warn`, never a reason not to study; it is tried again next time.
 */
export function syncIfOn(store: Store, o: AutoSyncOptions): SyncReport | null {
  if (store.readOnly || syncFolder(store) === null) return null;
  const loaded = readSettings(o);
  return loaded === null ? null : syncWith(store, loaded, o);
}

/**
 * {@link syncIfOn} for the store at `storePath` (opened for it and closed
 * after; nothing when there is none): `engram import` runs it once the
 * import is written. Opened as every command opens it, so the day's backup
 * is taken before other devices' events are folded in (an import into a new
 * store took none: it had no cards then). With the setting off the store is not opened again.
 */
export function syncStoreIfOn(storePath: string, o: AutoSyncOptions): SyncReport | null {
  if (!existsSync(storePath)) return null;
  // Only a sync that will run opens the store: opening takes the day's backup, which an import with the
  // setting off must not (its store had no cards when the import opened it). The settings are read once.
  const loaded = readSettings(o);
  if (loaded === null || !loaded.settings.sync) return null;
  const store = openUserStore(storePath, { create: false, now: o.now, warn: o.warn });
  try {
    return store.readOnly || syncFolder(store) === null ? null : syncWith(store, loaded, o);
  } finally {
    store.close();
  }
}

/** What an automatic sync needs: where the settings are, the time, the environment for git, where warnings go. */
export interface AutoSyncOptions {
  settingsPath: string;
  now: number;
  env: NodeJS.ProcessEnv;
  warn: (message: string) => void;
}

/** The settings, or null (and a warning) when they cannot be read. */
function readSettings(o: AutoSyncOptions): LoadedSettings | null {
  try {
    return loadSettings(o.settingsPath);
  } catch (err) {
    return skipped(err, o);
  }
}

/** The sync with the settings already read; null when the setting is off or the sync failed (a warning). */
function syncWith(store: Store, loaded: LoadedSettings, o: AutoSyncOptions): SyncReport | null {
  if (!loaded.settings.sync) return null;
  try {
    return runSync(store, {
      now: o.now,
      schedulers: schedulerSet(loaded),
      dryRun: false,
      env: o.env,
      applySetting: (name, deck, value) => applySyncedSetting(o.settingsPath, name, deck, value),
    });
  } catch (err) {
    return skipped(err, o);
  }
}

/** A sync that could not run is a warning, never a reason not to study; anything but an EngramError is a bug. */
function skipped(err: unknown, o: AutoSyncOptions): null {
  if (!(err instanceof EngramError)) throw err;
  o.warn(`sync skipped: ${err.message} (engram sync says more)`);
  return null;
}
