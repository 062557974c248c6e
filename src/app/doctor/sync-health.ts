import { existsSync, readFileSync } from 'node:fs';
import { openStore } from '../../store/open-store.js';
import { eventIdsOf, eventsByDevice, markUnsent, pendingCount, syncFolder } from '../../store/sync-events.js';
import { localDevice } from '../../store/sync-log.js';
import { readEventLines } from '../../sync/read-events.js';
import { devicesIn, eventFilesOf } from '../sync/sync-folder.js';

/** One device as the sync folder and the store see it. */
export interface DeviceHealth {
  device: string;
  thisDevice: boolean;
  /** Events in its files. */
  inFiles: number;
  /** Events of it this store holds. */
  inStore: number;
  /** UTC ms of its latest event in its files (null: none). */
  lastAt: number | null;
}

/** What `engram doctor` found about sync. */
export interface SyncHealth {
  /** The sync folder (null: sync is not set up, nothing to check). */
  folder: string | null;
  devices: DeviceHealth[];
  /** Other devices' events in the folder this store has not received (engram sync takes them). */
  notReceived: number;
  /** Events received but waiting for a card this store does not have (import its file, then sync). */
  notFolded: number;
  /** This device's events not written to the folder yet (the next sync writes them). */
  unsent: number;
  /** This device's events written once but missing from its files now (a reset repository, a lost file); repair sends them again. */
  lostFromFolder: number;
  /** This device's events in its files that the store lacks (a store put back from an older copy); engram sync takes them back. */
  ownNotInStore: number;
  /** Lines that cannot be read, as file:line: message. */
  unreadable: string[];
  /** Problems (the store is not the union of the files, lines that cannot be read). */
  problems: string[];
}

/**
 * Checks the sync folder of the store at `storePath` (nothing when it has
 * none, or no store is there): each device's files against what the store
 * holds, whether the store's log is the union of the files (events not
 * received, not folded, not sent, lost from the folder, this device's own
 * missing from the store), and lines that
 * cannot be read. With `repair`, this device's events lost from its files are
 * marked to be written again by the next sync.
 */
export function syncHealth(storePath: string, o: { repair: boolean; now: number }): SyncHealth {
  const health: SyncHealth = { folder: null, devices: [], notReceived: 0, notFolded: 0, unsent: 0, lostFromFolder: 0, ownNotInStore: 0, unreadable: [], problems: [] };
  if (!existsSync(storePath)) return health;
  let store;
  try {
    store = openStore(storePath, { create: false });
  } catch {
    // The store's own report says why it cannot be opened.
    return health;
  }
  try {
    const folder = syncFolder(store);
    if (folder === null) return health;
    health.folder = folder;
    if (!existsSync(folder)) {
      health.problems.push(`the sync folder ${folder} is gone: bring it back, or run engram sync init <folder> with its new place.`);
      return health;
    }
    const own = localDevice(store, o.now);
    const stored = new Map(eventsByDevice(store).map((d) => [d.device, d]));
    health.notFolded = pendingCount(store);
    health.unsent = stored.get(own)?.unsent ?? 0;
    for (const device of [...new Set([...devicesIn(folder), own])].sort()) {
      const ids = new Set<string>();
      let lastAt: number | null = null;
      for (const path of eventFilesOf(folder, device)) {
        let text: string;
        try {
          text = readFileSync(path, 'utf8');
        } catch (err) {
          health.unreadable.push(`${path}: ${(err as Error).message}`);
          continue;
        }
        const read = readEventLines(text);
        for (const e of read.events) {
          ids.add(e.id);
          lastAt = Math.max(lastAt ?? e.at, e.at);
        }
        for (const p of read.problems) health.unreadable.push(`${path}:${p.line}: ${p.message}`);
        if (read.newer) health.unreadable.push(`${path}:${read.newer.line}: written by a newer engram (event format ${read.newer.version})`);
      }
      const inStore = eventIdsOf(store, device);
      const held = new Set(inStore);
      if (device === own) {
        const lost = inStore.filter((id) => !ids.has(id));
        const lostSent = lost.length - health.unsent;
        health.lostFromFolder = Math.max(0, lostSent);
        if (o.repair && health.lostFromFolder > 0) markUnsent(store, lost);
        for (const id of ids) if (!held.has(id)) health.ownNotInStore++;
      } else {
        for (const id of ids) if (!held.has(id)) health.notReceived++;
      }
      health.devices.push({ device, thisDevice: device === own, inFiles: ids.size, inStore: inStore.length, lastAt });
    }
    if (health.unreadable.length > 0) health.problems.push(`${health.unreadable.length} line(s) of event files cannot be read (listed); they are skipped by every sync.`);
    if (health.lostFromFolder > 0) {
      health.problems.push(
        o.repair
          ? `${health.lostFromFolder} of this device's events were missing from its files; the next engram sync writes them again.`
          : `${health.lostFromFolder} of this device's events are missing from its files (a reset repository or a lost file); engram doctor --repair has the next sync write them again.`,
      );
    }
    if (health.ownNotInStore > 0) {
      health.problems.push(
        `${health.ownNotInStore} of this device's events in its files are missing from the store (a store put back from an older copy); engram sync takes them back.`,
      );
    }
    return health;
  } finally {
    store.close();
  }
}
