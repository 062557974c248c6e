import Database from 'better-sqlite3';
import { addonOptions } from './sqlite-addon.js';
import { closeSync, constants, copyFileSync, existsSync, mkdirSync, openSync, readdirSync, renameSync, rmSync, statSync, writeSync } from 'node:fs';
import { basename, dirname, extname, join } from 'node:path';

/**
 * Why a backup was taken: `daily` on the first use of a day (pruned to 7 daily
 * + 4 weekly), `manual` by `engram backup`, `before-vN` before migrating the
 * schema to version N, `before-restore` before `engram restore` replaced the
 * store, `before-repair` before `engram doctor --repair` changed it. Only daily backups are ever deleted by engram.
 */
export type BackupKind = 'daily' | 'manual' | 'before-restore' | 'before-repair' | `before-v${number}`;

/** One backup file of a store. */
export interface BackupFile {
  path: string;
  kind: BackupKind;
  /** The stamp in its name: a date (YYYY-MM-DD) for daily backups, a UTC time (YYYYMMDD-HHMMSS) for the others. */
  stamp: string;
  /** When the file was written (its mtime), UTC ms. */
  writtenAt: number;
  bytes: number;
}

/** How many daily backups to keep, and how many older ones kept one per week. */
export const KEEP_DAILY = 7;
export const KEEP_WEEKLY = 4;

/** The folder holding the backups of the store at `storePath`: `backups/` beside it. */
export function backupFolder(storePath: string): string {
  return join(dirname(storePath), 'backups');
}

/** The file name stem that ties a backup to its store (two stores can share a folder). */
function storeStem(storePath: string): string {
  const name = basename(storePath);
  return extname(name) ? name.slice(0, -extname(name).length) : name;
}

/** The path of a backup of `storePath` with this kind and stamp. */
export function backupPath(storePath: string, kind: BackupKind, stamp: string): string {
  return join(backupFolder(storePath), `${storeStem(storePath)}-${stamp}.${kind}.db`);
}

/** A UTC time stamp for backup names: YYYYMMDD-HHMMSS. */
export function timeStamp(ms: number): string {
  const iso = new Date(ms).toISOString();
  return `${iso.slice(0, 10).replaceAll('-', '')}-${iso.slice(11, 19).replaceAll(':', '')}`;
}

/**
 * Writes a consistent copy of the open database `db` to `dest` with SQLite's
 * `VACUUM INTO`: a snapshot taken inside one read transaction (another engram
 * may go on writing), compacted, and synchronous, so a migration can wait for
 * it. The copy is written beside `dest` and renamed into place, so a crash or
 * a full disk never leaves a half-written file under a backup's name. An
 * existing `dest` is kept (the first backup of a day stands).
 * @returns false when `dest` already existed
 */
export function writeBackup(db: Database.Database, dest: string): boolean {
  if (existsSync(dest)) return false;
  mkdirSync(dirname(dest), { recursive: true });
  const partial = `${dest}.partial-${process.pid}`;
  rmSync(partial, { force: true });
  try {
    db.prepare('VACUUM INTO ?').run(partial);
    renameSync(partial, dest);
  } catch (err) {
    rmSync(partial, { force: true });
    throw err;
  }
  return true;
}

/**
 * Copies the store file at `storePath`, open as `db`, to `dest` byte for byte
 * when that gives a consistent snapshot: the write-ahead log is first folded
 * into the file and emptied, then the copy is made under the store's write lock
 * with the log still empty, so no other engram can change the file meanwhile.
 * A file copy costs a small part of a `VACUUM INTO` (which rebuilds every
 * table and index: ~1 s over a million answers, paid by the first command of
 * each day). The copy is marked as a rollback-journal database, as VACUUM INTO
 * writes it, so it opens read-only without a log beside it. Waits for no one:
 * returns false, having written nothing, when another connection reads or
 * writes the store meanwhile (the caller then takes a {@link writeBackup}).
 * Like writeBackup, never leaves a half-written file under `dest`'s name.
 */
export function copyQuietStore(db: Database.Database, storePath: string, dest: string): boolean {
  if (db.inTransaction || db.memory) return false;
  const wait = db.pragma('busy_timeout', { simple: true }) as number;
  db.pragma('busy_timeout = 0');
  let locked = false;
  const partial = `${dest}.partial-${process.pid}`;
  try {
    const [cp] = db.pragma('wal_checkpoint(TRUNCATE)') as { busy: number; log: number; checkpointed: number }[];
    if (!cp || cp.busy !== 0 || cp.log > 0) return false;
    db.exec('BEGIN IMMEDIATE');
    locked = true;
    // Someone committed between the checkpoint and the lock: the file alone is not the store.
    if ((statSync(`${storePath}-wal`, { throwIfNoEntry: false })?.size ?? 0) > 0) return false;
    rmSync(partial, { force: true });
    copyFileSync(storePath, partial);
    markRollbackJournal(partial);
    renameSync(partial, dest);
    return true;
  } catch (err) {
    rmSync(partial, { force: true });
    if ((err as { code?: string }).code === 'SQLITE_BUSY') return false;
    throw err;
  } finally {
    if (locked) db.exec('ROLLBACK');
    db.pragma(`busy_timeout = ${wait}`);
  }
}

/** Sets the file format bytes of a database file's header to rollback-journal mode (18 and 19 to 1; 2 means WAL). */
function markRollbackJournal(path: string): void {
  const fd = openSync(path, 'r+');
  try {
    writeSync(fd, Buffer.from([1, 1]), 0, 2, 18);
  } finally {
    closeSync(fd);
  }
}

/**
 * Copies the store's files as they are on disk (the database and its
 * write-ahead log) to `dest` and `dest-wal`: the fallback when a damaged store
 * cannot be read whole for a {@link writeBackup}, and the way to keep a damaged
 * store's bytes for recovery. Nothing must write the store meanwhile (the
 * caller holds it). Like writeBackup, never overwrites and never leaves a
 * half-copied file under the backup's name.
 * Throws when `dest` exists already or the copy fails.
 */
export function copyStoreFiles(storePath: string, dest: string): void {
  if (existsSync(dest)) throw new Error(`${dest} exists already`);
  mkdirSync(dirname(dest), { recursive: true });
  const partial = `${dest}.partial-${process.pid}`;
  const wal = existsSync(`${storePath}-wal`);
  try {
    if (wal) copyFileSync(`${storePath}-wal`, `${dest}-wal`, constants.COPYFILE_EXCL);
    copyFileSync(storePath, partial);
    renameSync(partial, dest);
  } catch (err) {
    rmSync(partial, { force: true });
    if (wal && !existsSync(dest)) rmSync(`${dest}-wal`, { force: true });
    throw err;
  }
}

const NAME = /^(.*)-(\d{4}-\d{2}-\d{2}|\d{8}-\d{6})\.(daily|manual|before-restore|before-repair|before-v\d+)\.db$/;

/** The backups of the store at `storePath`, newest written first (stamps of different kinds do not compare). */
export function listBackups(storePath: string): BackupFile[] {
  const folder = backupFolder(storePath);
  if (!existsSync(folder)) return [];
  const stem = storeStem(storePath);
  const found: BackupFile[] = [];
  for (const name of readdirSync(folder)) {
    const m = NAME.exec(name);
    if (!m || m[1] !== stem) continue;
    const path = join(folder, name);
    const st = statSync(path, { throwIfNoEntry: false });
    if (!st?.isFile()) continue;
    found.push({ path, kind: m[3] as BackupKind, stamp: m[2]!, writtenAt: st.mtimeMs, bytes: st.size });
  }
  return found.sort((a, b) => b.writtenAt - a.writtenAt || b.path.localeCompare(a.path));
}

/**
 * The daily backups to delete so that the 7 newest days are kept and, before
 * them, the newest backup of each of 4 more weeks. `dailies` are newest first;
 * their stamps are dates (YYYY-MM-DD). Weeks start on Monday.
 */
export function dailiesToPrune(dailies: readonly BackupFile[], keepDaily = KEEP_DAILY, keepWeekly = KEEP_WEEKLY): BackupFile[] {
  const sorted = [...dailies].sort((a, b) => b.stamp.localeCompare(a.stamp));
  const days = new Set<string>();
  const weeks = new Set<string>();
  let weekly = 0;
  const prune: BackupFile[] = [];
  for (const b of sorted) {
    const week = mondayOf(b.stamp);
    if (days.size < keepDaily && !days.has(b.stamp)) {
      days.add(b.stamp);
      weeks.add(week);
    } else if (weekly < keepWeekly && !weeks.has(week)) {
      weekly++;
      weeks.add(week);
    } else {
      prune.push(b);
    }
  }
  return prune;
}

/** The Monday (YYYY-MM-DD) of the week holding the date `day`. */
function mondayOf(day: string): string {
  const t = Date.parse(`${day}T00:00:00Z`);
  const weekday = (new Date(t).getUTCDay() + 6) % 7;
  return new Date(t - weekday * 86_400_000).toISOString().slice(0, 10);
}

/**
 * Takes today's daily backup of the store unless one exists, then prunes the
 * daily backups to 7 daily + 4 weekly. `day` is the user's study date
 * (YYYY-MM-DD). The backup is a file copy when no other engram is using the
 * store ({@link copyQuietStore}), else a {@link writeBackup}.
 * @returns the backup written, or null when today's existed already
 */
export function dailyBackup(db: Database.Database, storePath: string, day: string): string | null {
  const dest = backupPath(storePath, 'daily', day);
  if (existsSync(dest)) return null;
  mkdirSync(dirname(dest), { recursive: true });
  if (!copyQuietStore(db, storePath, dest) && !writeBackup(db, dest)) return null;
  const dailies = listBackups(storePath).filter((b) => b.kind === 'daily');
  for (const old of dailiesToPrune(dailies)) rmSync(old.path, { force: true });
  return dest;
}

/** What a store file holds, read without changing it (for restore's question). */
export interface StoreFileFacts {
  schemaVersion: number;
  cards: number;
  reviews: number;
  /** UTC ms of the newest answer, or null when there is none. */
  lastReview: number | null;
}

/**
 * Reads a store file read-only and says what it holds. Throws when it is not a
 * sound engram store (not SQLite, fails SQLite's quick check, or lacks the
 * tables), with the reason as the message.
 */
export function storeFileFacts(path: string): StoreFileFacts {
  const db = new Database(path, { readonly: true, fileMustExist: true, ...addonOptions() });
  try {
    const check = (db.pragma('quick_check(5)') as { quick_check: string }[]).map((r) => r.quick_check).filter((m) => m !== 'ok');
    if (check.length > 0) throw new Error(`it fails SQLite's check: ${check.join('; ')}`);
    const schemaVersion = db.pragma('user_version', { simple: true }) as number;
    const tables = new Set((db.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").all() as { name: string }[]).map((r) => r.name));
    if (schemaVersion < 1 || !tables.has('reviews') || !tables.has('cards')) throw new Error('it is not an engram store (no cards or reviews tables)');
    const row = db.prepare('SELECT (SELECT count(*) FROM cards) AS cards, (SELECT count(*) FROM reviews) AS reviews, (SELECT max(reviewed_at) FROM reviews) AS last').get() as {
      cards: number;
      reviews: number;
      last: number | null;
    };
    return { schemaVersion, cards: row.cards, reviews: row.reviews, lastReview: row.last };
  } finally {
    db.close();
  }
}

/**
 * Copies the store file `source` into the store at `dest` through SQLite's
 * online backup API: page by page under SQLite's locks, so an engram that has
 * `dest` open sees either the old store or the restored one, never a mix.
 * Creates `dest`'s folder when missing. Throws SQLite's error when the copy fails.
 */
export async function restoreInto(source: Database.Database, dest: string): Promise<void> {
  // Restoring onto a new machine: the store's folder may not exist yet.
  mkdirSync(dirname(dest), { recursive: true });
  await source.backup(dest);
}

/**
 * Copies the store file at `source` (opened read-only, never changed) over the
 * store at `dest`, page by page under SQLite's locks (see restoreInto).
 * Throws SqliteError when `source` cannot be opened.
 */
export async function restoreFile(source: string, dest: string): Promise<void> {
  const db = new Database(source, { readonly: true, fileMustExist: true, ...addonOptions() });
  try {
    await restoreInto(db, dest);
  } finally {
    db.close();
  }
}
