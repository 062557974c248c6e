import { EngramError } from '../model/engram-error.js';

const MESSAGES: Record<string, string> = {
  SQLITE_BUSY: 'the store is busy: another engram is writing to it. Try again in a moment.',
  SQLITE_LOCKED: 'the store is locked by another engram. Try again in a moment.',
  SQLITE_READONLY: 'the store is read-only: check the permissions of the file and its folder.',
  SQLITE_FULL: 'the disk is full; nothing was written. Free some space and try again.',
  SQLITE_IOERR: 'the store could not be read or written (an I/O error); nothing was changed.',
  SQLITE_CORRUPT: 'the store is damaged. Restore it from a backup.',
  SQLITE_CANTOPEN: 'the store cannot be opened: check that its folder exists and is writable.',
};

/**
 * The user-facing error for a failure of SQLite (better-sqlite3's SqliteError,
 * matched by its code family), or null when `err` is something else.
 */
export function storeError(err: unknown): EngramError | null {
  const code = (err as { code?: unknown })?.code;
  if (typeof code !== 'string' || !code.startsWith('SQLITE_')) return null;
  const family = Object.keys(MESSAGES).find((k) => code === k || code.startsWith(`${k}_`));
  return new EngramError(family ? MESSAGES[family]! : `the store failed (${code}): ${(err as Error).message}`);
}
