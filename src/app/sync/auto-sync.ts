import { existsSync } from 'node:fs';
import { EngramError } from '../../model/engram-error.js';
import type { Store } from '../../store/open-store.js';
import { syncFolder } from '../../store/sync-events.js';
import { openUserStore } from '../open-user-store.js';
import { applySyncedSetting } from '../settings/change-setting.js';
import { loadSettings, schedulerSet } from '../settings/study-settings.js';
import { runSync, type SyncReport } from './run-sync.js';

/**
 * The sync `engram review` runs at its start and end and `engram import`
 * after it, when the `sync` setting is on and the store has a sync folder:
 * null otherwise. A sync that fails (git's refusal, a folder gone) is a
 * warning through `warn`, never a reason not to study; it is tried again next time.
 */
export function syncIfOn(store: Store, o: { settingsPath: string; now: number; env: NodeJS.ProcessEnv; warn: (message: string) => void }): SyncReport | null {
  if (store.readOnly || syncFolder(store) === null) return null;
  try {
    const loaded = loadSettings(o.settingsPath);
    if (!loaded.settings.sync) return null;
    return runSync(store, {
      now: o.now,
      schedulers: schedulerSet(loaded),
      dryRun: false,
      env: o.env,
      applySetting: (name, deck, value) => applySyncedSetting(o.settingsPath, name, deck, value),
    });
  } catch (err) {
    if (!(err instanceof EngramError)) throw err;
    o.warn(`sync skipped: ${err.message} (engram sync says more)`);
    return null;
  }
}

/**
 * {@link syncIfOn} for the store at `storePath` (opened for it and closed
 * after; nothing when there is none): `engram import` runs it once the
 * import is written. Opened as every command opens it, so the day's backup
 * is taken before other devices' events are folded in (an import into a new
 * store took none: it had no cards then). With the setting off the store is not opened again.
 */
export function syncStoreIfOn(storePath: string, o: { settingsPath: string; now: number; env: NodeJS.ProcessEnv; warn: (message: string) => void }): SyncReport | null {
  // Only a sync that will run opens the store: opening takes the day's backup, which an import with the
  // setting off must not (its store had no cards when the import opened it).
  if (!existsSync(storePath) || !syncSettingOn(o.settingsPath)) return null;
  const store = openUserStore(storePath, { create: false, now: o.now, warn: o.warn });
  try {
    return syncIfOn(store, o);
  } finally {
    store.close();
  }
}

/** Whether the `sync` setting is on; a config that cannot be read is left for the sync itself to report. */
function syncSettingOn(settingsPath: string): boolean {
  try {
    return loadSettings(settingsPath).settings.sync === true;
  } catch (err) {
    if (!(err instanceof EngramError)) throw err;
    return true;
  }
}
