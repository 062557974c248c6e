import { existsSync, mkdirSync, realpathSync, statSync } from 'node:fs';
import { isAbsolute, join, relative, resolve } from 'node:path';
import { EngramError } from '../../model/engram-error.js';
import { SYNC_FORMAT_VERSION } from '../../model/sync-event.js';
import type { SchedulerSet } from '../../schedule/scheduler-set.js';
import type { Store } from '../../store/open-store.js';
import { withoutForeignKeyChecks } from '../../store/bulk-indexes.js';
import { localDevice } from '../../store/sync-log.js';
import {
  hasEvent,
  markSent,
  pendingCount,
  readOffsets,
  saveOffset,
  setSyncFolder,
  syncFolder,
  unsentEvents,
} from '../../store/sync-events.js';
import type { WorkProgress } from '../work-progress.js';
import { foldEvents } from './fold-events.js';
import { GitFolder } from './git-folder.js';
import { appendOwnEvents, devicesIn, devicesRoot, readNewEvents, type FileRead } from './sync-folder.js';

/** A line of another device's file that was skipped, placed as file:line. */
export interface SkippedLine {
  file: string;
  line: number;
  message: string;
}

/** What `engram sync` did (or, with dryRun, would do). */
export interface SyncReport {
  folder: string;
  device: string;
  dryRun: boolean;
  /** How git was used: null for a plain synced folder. `pulled`: something was fetched from a remote (none, or an empty one: false). */
  git: { top: string; committed: boolean; pulled: boolean; pushed: boolean } | null;
  /** This device's events written to its files. */
  sent: number;
  /** Events new to this store: other devices', and this device's own its store lacked (put back from an older copy). */
  received: number;
  /** Events folded into the store now. */
  folded: number;
  /** Events waiting for a card this store does not have yet (import the files, then sync). */
  waiting: number;
  /** Settings another device changed, written to this device's settings file (`name` or `name@deck`). */
  settings: string[];
  cardsUpdated: number;
  /** Every device with a folder in the sync folder, this one included. */
  devices: string[];
  skipped: SkippedLine[];
}

/** What a sync needs besides the store. */
export interface SyncOptions {
  now: number;
  schedulers: SchedulerSet;
  dryRun: boolean;
  /** The environment git runs in (PATH, HOME, git's variables). */
  env: NodeJS.ProcessEnv;
  progress?: WorkProgress;
  /** Writes a setting another device changed last to this device's settings file; returns whether it did. */
  applySetting?: (name: string, deck: string | null, value: unknown) => boolean;
}

/**
 * Sets the folder this store syncs through (kept in the store, with the
 * history it carries) and makes this device's folder in it. `folder` may be
 * a plain folder a file-sync service carries, or a folder inside a git work
 * tree. Returns the folder (absolute and symlink-free, as kept), the device id and the top of the git
 * work tree the folder is in (null: a plain folder).
 * @throws EngramError 'usage' when the folder does not exist or is not a folder; 'failed' when it cannot be written
 */
export function initSync(store: Store, folder: string, o: { now: number; cwd: string; env: NodeJS.ProcessEnv }): { folder: string; device: string; git: string | null } {
  const given = isAbsolute(folder) ? folder : resolve(o.cwd, folder);
  if (!existsSync(given) || !statSync(given).isDirectory()) {
    throw new EngramError('usage', `${given} is not a folder. Give a folder that exists: a git work tree (your notes repository, or one made for sync) or a folder a sync service carries.`);
  }
  // The real, symlink-free path: git names its work tree by it, and this device's files are placed within that tree by it.
  const absolute = realpathSync(given);
  const device = store.transaction(() => {
    const id = localDevice(store, o.now);
    setSyncFolder(store, absolute);
    return id;
  });
  try {
    mkdirSync(join(devicesRoot(absolute), device), { recursive: true });
  } catch (err) {
    throw new EngramError('failed', `cannot write in ${absolute}: ${(err as Error).message}.`);
  }
  return { folder: absolute, device, git: GitFolder.find(absolute, o.env)?.top ?? null };
}

/**
 * One sync: this device's new events written to its own files; in a git work
 * tree, those files (and nothing else) committed, other devices' commits
 * pulled (rebase), this device's pushed; then every device's new events
 * read and those the store lacks folded into it (see foldEvents): other
 * devices', and this device's own when its store was put back to an older copy. A line of a newer format
 * stops the sync before the store changes; a torn last line is left for the
 * next sync; a bad line is skipped and reported. With dryRun nothing is
 * written, committed or pulled: it says what would be sent and received.
 * @throws EngramError 'usage' when sync was never set up; 'store' for a
 *   read-only store (a dry run reads it); 'failed' for a
 *   newer event file, a folder that cannot be written, or git's refusals
 */
export function runSync(store: Store, o: SyncOptions): SyncReport {
  const kept = syncFolder(store);
  if (kept === null) throw new EngramError('usage', 'this store has no sync folder yet: run engram sync init <folder> first.');
  if (!existsSync(kept)) throw new EngramError('failed', `the sync folder ${kept} is gone. Bring it back (or run engram sync init <folder> with its new place).`);
  // Resolved again: a store set up before kept the path as given, a symlink perhaps, and git's top is the real path.
  const folder = realpathSync(kept);
  if (store.readOnly && !o.dryRun) {
    throw new EngramError('store', `the store ${store.path} is read-only: a sync writes the other devices' events into it. Make it writable (or run engram sync --dry-run to see what would come).`);
  }
  const device = localDevice(store, o.now);
  const gitFolder = GitFolder.find(folder, o.env);
  const report: SyncReport = {
    folder, device, dryRun: o.dryRun, git: gitFolder ? { top: gitFolder.top, committed: false, pulled: false, pushed: false } : null,
    sent: 0, received: 0, folded: 0, waiting: 0, settings: [], cardsUpdated: 0, devices: [], skipped: [],
  };
  const unsent = unsentEvents(store);
  if (o.dryRun) {
    const reads = checked(readNewEvents(folder, readOffsets(store)), report);
    report.sent = unsent.length;
    report.received = reads.reduce((n, r) => n + r.events.filter((e) => !hasEvent(store, e.id)).length, 0);
    report.waiting = pendingCount(store);
    report.devices = withOwn(devicesIn(folder), device);
    return report;
  }
  // A plain folder is read first: a file from a newer engram stops the sync before anything is written.
  let reads = gitFolder ? [] : checked(readNewEvents(folder, readOffsets(store)), report);
  // A store put back from an older copy may take as unsent events its files hold already: written once only.
  const ownReads = gitFolder ? (unsent.length > 0 ? readNewEvents(folder, readOffsets(store), device) : []) : reads.filter((r) => r.device === device);
  const inOwnFiles = new Set(ownReads.flatMap((r) => r.events.map((e) => e.id)));
  report.sent = appendOwnEvents(folder, device, unsent.filter((e) => !inOwnFiles.has(e.id)));
  markSent(store, unsent.map((e) => e.id));
  if (gitFolder && report.git) {
    const own = relative(gitFolder.top, join(devicesRoot(folder), device)) || '.';
    report.git.committed = gitFolder.commitOnly([own], `engram sync: ${report.sent} event${report.sent === 1 ? '' : 's'} from device ${device}`);
    report.git.pulled = gitFolder.pull();
    reads = checked(readNewEvents(folder, readOffsets(store)), report);
  }
  const incoming = reads.flatMap((r) => r.events.map((event, i) => ({ event, line: r.lines[i]!, own: r.device === device })));
  const write = () =>
    store.transaction(() => {
      const folded = foldEvents(store, o.schedulers, incoming, o.progress ? (done, total) => o.progress!.update(done, total) : undefined);
      // Read this far: in the fold's transaction, so a killed sync reads the same lines again.
      for (const r of reads) saveOffset(store, r.path, r.readTo);
      return folded;
    });
  // Without foreign key checks (see withoutForeignKeyChecks): every card the fold writes answers and a state of it
  // found in its transaction, and it deletes none. A million answers' checks cost 2-4 s of CPU. Inside a caller's
  // transaction, where the setting cannot change, the fold runs with the checks.
  const fold = withoutForeignKeyChecks(store, write);
  o.progress?.finish();
  report.received = fold.received;
  for (const x of fold.settings) if (o.applySetting?.(x.name, x.deck, x.value)) report.settings.push(x.deck === null ? x.name : `${x.name}@${x.deck}`);
  report.folded = fold.folded;
  report.waiting = fold.waiting;
  report.cardsUpdated = fold.cardsUpdated;
  if (gitFolder && report.git) report.git.pushed = gitFolder.push();
  report.devices = withOwn(devicesIn(folder), device);
  return report;
}

/** The reads, once no file is from a newer engram; their bad lines go to the report. */
function checked(reads: FileRead[], report: SyncReport): FileRead[] {
  const newer = reads.find((r) => r.newer !== null);
  if (newer) {
    throw new EngramError(
      'failed',
      `${newer.path}:${newer.newer!.line} was written by a newer engram (event format ${newer.newer!.version}; this engram reads format ${SYNC_FORMAT_VERSION}). Upgrade engram on this device, then sync again; nothing was changed.`,
    );
  }
  for (const r of reads) for (const p of r.problems) report.skipped.push({ file: r.path, line: p.line, message: p.message });
  return reads;
}

function withOwn(devices: string[], own: string): string[] {
  return devices.includes(own) ? devices : [...devices, own].sort();
}
