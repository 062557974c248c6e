import { openUserStore } from '../open-user-store.js';
import { applySyncedSetting } from '../settings/change-setting.js';
import { loadSettings, schedulerSet } from '../settings/study-settings.js';
import type { WorkProgress } from '../work-progress.js';
import { initSync, runSync, type SyncReport } from './run-sync.js';

/** Where the store and settings are, and what the sync may use. */
export interface SyncRequest {
  storePath: string;
  settingsPath: string;
  now: number;
  dryRun: boolean;
  env: NodeJS.ProcessEnv;
  progress?: WorkProgress;
  warn: (message: string) => void;
}

/**
 * `engram sync`: opens the store (taking the day's backup first, so a fold
 * can always be taken back with engram restore), syncs it (see runSync),
 * writes the settings other devices changed last to the settings file, and
 * closes it.
 * @throws EngramError as openStore and runSync do
 */
export function syncStore(r: SyncRequest): SyncReport {
  const store = openUserStore(r.storePath, { create: false, now: r.now, warn: r.warn });
  try {
    const schedulers = schedulerSet(loadSettings(r.settingsPath));
    return runSync(store, {
      now: r.now,
      schedulers,
      dryRun: r.dryRun,
      env: r.env,
      applySetting: (name, deck, value) => applySyncedSetting(r.settingsPath, name, deck, value),
      ...(r.progress ? { progress: r.progress } : {}),
    });
  } finally {
    store.close();
  }
}

/**
 * `engram sync init <folder>`: sets the store's sync folder (see initSync),
 * creating the store when there is none yet.
 * @throws EngramError as openStore and initSync do
 */
export function initSyncStore(r: { storePath: string; folder: string; now: number; cwd: string; env: NodeJS.ProcessEnv; warn: (message: string) => void }): ReturnType<typeof initSync> {
  const store = openUserStore(r.storePath, { create: true, now: r.now, warn: r.warn });
  try {
    return initSync(store, r.folder, { now: r.now, cwd: r.cwd, env: r.env });
  } finally {
    store.close();
  }
}
