import { statfsSync, statSync, type Stats } from 'node:fs';
import { dirname, join } from 'node:path';
import { EngramError } from '../model/engram-error.js';

/**
 * The message of the SQLITE_READONLY error a write to a store opened
 * read-only fails with (openStore holds such a store in memory and refuses
 * changes to it).
 */
export const READ_ONLY_MARK = 'engram: the store is read-only';

/** Below this much free space, an I/O error on the store is taken for a full disk. */
const NEARLY_FULL_BYTES = 256 * 1024;

let currentStore: string | undefined;

/**
 * Remembers the store this process works on, so that a failure SQLite reports
 * without a path (a full disk in the middle of an import) can name it.
 */
export function rememberStorePath(path: string): void {
  currentStore = path;
}

/** "the store <path>", or "the store" when which one is not known. */
function theStore(path: string | undefined): string {
  return path ? `the store ${path}` : 'the store';
}

/** The refusal to write to the read-only store at `path` (its fix: make it writable, or use a writable copy). */
export function readOnlyError(path: string | undefined): EngramError {
  return new EngramError('store', `${theStore(path)} is read-only (its file or its folder cannot be written), so nothing was changed.`, { kind: 'store-copy' });
}

/** The refusal to write to the store at `path` on a full disk. */
export function diskFullError(path: string | undefined): EngramError {
  return new EngramError(
    'store',
    `the disk holding ${theStore(path)} is full, so nothing was written; the store keeps everything saved before. Free some space and try again.`,
  );
}

/** Whether the file system holding `path` has (nearly) no space left; false when that cannot be told. */
export function diskIsFull(path: string): boolean {
  try {
    const fs = statfsSync(dirname(path));
    return fs.bavail * fs.bsize < NEARLY_FULL_BYTES;
  } catch {
    return false;
  }
}

/** What kind of failure of the store an error is, whatever words it is then told in. */
export type StoreFault = 'read-only' | 'disk-full' | 'busy' | 'io' | 'damaged' | 'cannot-open' | 'other';

/**
 * Classifies a failure of SQLite (better-sqlite3's SqliteError, by its code
 * family) on the store at `path`: an I/O error on a disk with no space left is
 * a full disk (SQLite often says no more). Null when `err` is not SQLite's.
 */
export function storeFault(err: unknown, path = currentStore): StoreFault | null {
  const code = (err as { code?: unknown })?.code;
  if (typeof code !== 'string' || !code.startsWith('SQLITE_')) return null;
  const is = (family: string) => code === family || code.startsWith(`${family}_`);
  if (is('SQLITE_READONLY')) return 'read-only';
  if (is('SQLITE_FULL') || (is('SQLITE_IOERR') && path !== undefined && diskIsFull(path))) return 'disk-full';
  if (is('SQLITE_BUSY') || is('SQLITE_LOCKED')) return 'busy';
  if (is('SQLITE_IOERR')) return 'io';
  if (is('SQLITE_CORRUPT') || is('SQLITE_NOTADB')) return 'damaged';
  if (is('SQLITE_CANTOPEN')) return 'cannot-open';
  return 'other';
}

/**
 * The user-facing error for a failure of SQLite on the store at `path` (by
 * default the one {@link rememberStorePath} was given), or null when `err` is
 * something else.
 */
export function storeError(err: unknown, path = currentStore): EngramError | null {
  const fault = storeFault(err, path);
  if (fault === null) return null;
  const { code, message } = err as { code: string; message: string };
  const where = theStore(path);
  switch (fault) {
    case 'read-only':
      return readOnlyError(path);
    case 'disk-full':
      return diskFullError(path);
    case 'busy':
      return new EngramError('store', `${where} is busy: another engram is writing to it. Nothing was changed; try again in a moment.`);
    case 'io':
      return new EngramError('store', `${where} could not be read or written (an I/O error, ${code}); what was being written was not. Check the disk, then try again.`);
    case 'damaged':
      return new EngramError(
        'failed',
        `${where} is damaged (${message}). engram doctor says what is wrong; to go back to a backup, engram backup --list, then engram restore <file>.`,
      );
    case 'cannot-open':
      return new EngramError('store', `${where} cannot be opened: check that its folder exists and can be read and written.`);
    case 'other':
      return new EngramError('failed', `${where} failed (${code}): ${message}`);
  }
}

/**
 * What is wrong with `path` as the place of a store, before SQLite is asked to
 * open it: a folder or a device where the file should be, a file where a
 * folder above it should be, or (unless `create`) nothing there. Null when the
 * path can hold a store. The errors but the last carry the fix `store-path`.
 */
export function storePathError(path: string, create: boolean): EngramError | null {
  const found = statOf(path);
  if (found?.isDirectory()) return new EngramError('store', `${path} is a folder, not a store file.`, { kind: 'store-path', example: join(path, 'engram.db') });
  if (found && !found.isFile()) return new EngramError('store', `${path} is not a regular file, so it cannot hold a store.`, { kind: 'store-path' });
  if (found) return null;
  const blocker = fileInTheWay(dirname(path));
  if (blocker) {
    const what = create ? 'cannot create the folder for the store' : 'no store at';
    return new EngramError('store', `${what} ${path}: ${blocker} is a file, not a folder.`, { kind: 'store-path' });
  }
  if (!create) return new EngramError('store', `no store at ${path} yet. Import some cards first, e.g. engram import decks/`);
  return null;
}

/** The nearest existing path at or above the folder `dir`, when it is not a folder. */
function fileInTheWay(dir: string): string | null {
  for (let at = dir; ; at = dirname(at)) {
    const st = statOf(at);
    if (st) return st.isDirectory() ? null : at;
    if (dirname(at) === at) return null;
  }
}

/** The stat of `path`, or undefined when nothing can be found there (missing, or a file where a folder should be). */
function statOf(path: string): Stats | undefined {
  try {
    return statSync(path, { throwIfNoEntry: false });
  } catch {
    // ENOTDIR, EACCES...: what is in the way is reported for the folders above.
    return undefined;
  }
}
