import Database from 'better-sqlite3';
import { existsSync, rmSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { createInterface } from 'node:readline/promises';
import { EngramError } from '../../model/engram-error.js';
import { backupPath, copyStoreFiles, restoreInto, storeFileFacts, timeStamp, writeBackup, type StoreFileFacts } from '../../store/backup.js';
import { SCHEMA_VERSION } from '../../store/migrations.js';
import { openStore, type Store } from '../../store/open-store.js';
import { displayPath } from '../../cli/output/display-path.js';
import { plural } from '../../cli/output/plural.js';

/**
 * `engram restore <file>`: checks the backup, says what it holds against the
 * current store, asks (unless `yes`), backs the current store up, then copies
 * the backup in through SQLite's backup API and opens the result (migrating
 * an older one, with its own backup first).
 * Throws EngramError: exit 2 when the file is not a usable backup or the
 * question cannot be asked; exit 1 when the user says no or the current store
 * cannot be backed up (nothing is replaced then).
 */
export async function runRestore(storePath: string, file: string, o: { yes: boolean; now: number }): Promise<void> {
  const source = resolve(file);
  if (source === resolve(storePath)) throw new EngramError('usage', `${displayPath(source)} is the store itself; give a backup file (engram backup --list shows them).`);
  if (!existsSync(source)) throw new EngramError('usage', `no file ${displayPath(source)}. engram backup --list shows the backups there are.`);
  const incoming = readFacts(source);
  if (incoming.schemaVersion > SCHEMA_VERSION) {
    throw new EngramError('usage', `${displayPath(source)} was written by a newer engram (schema version ${incoming.schemaVersion}; this one knows up to ${SCHEMA_VERSION}). Upgrade engram to restore it.`);
  }
  const current = existsSync(storePath) ? currentFacts(storePath) : null;
  process.stdout.write(
    `Restore:   ${displayPath(source)}\n           ${describe(incoming)}\n` +
      `over:      ${displayPath(storePath)}\n           ${current === null ? 'no store yet' : typeof current === 'string' ? `unreadable (${current})` : describe(current)}\n`,
  );
  const safety = current === null ? null : backupPath(storePath, 'before-restore', timeStamp(o.now));
  // Names are per second: a second restore within it must not pass off the first one's copy as this store.
  if (safety && existsSync(safety)) throw new EngramError('failed', `a backup named ${displayPath(safety)} exists already; nothing restored. Try again in a second.`);
  if (!o.yes && !(await confirm('Replace the store with the backup? The current store is backed up first. [y/N] '))) {
    throw new EngramError('failed', 'nothing restored.');
  }

  const damaged = typeof current === 'string';
  if (safety) {
    saveCurrent(storePath, safety, damaged);
    // A store SQLite cannot read is not written into page by page: its bytes are saved; start afresh.
    if (damaged) for (const f of [storePath, `${storePath}-wal`, `${storePath}-shm`]) rmSync(f, { force: true });
  }
  const db = new Database(source, { readonly: true, fileMustExist: true });
  try {
    await restoreInto(db, storePath);
  } finally {
    db.close();
  }
  // Opening migrates a backup from an older engram (after backing it up in turn).
  openStore(storePath, { create: false }).close();
  const restored = readFacts(storePath);
  const undo = !safety
    ? ''
    : damaged
      ? `\nThe damaged store as it was, byte for byte (for recovery tools; engram cannot restore it as it is):\n  ${displayPath(safety)}`
      : `\nThe store as it was: ${displayPath(safety)}\nUndo with: engram restore ${displayPath(safety)}`;
  process.stdout.write(`Restored: ${describe(restored)}.${undo}\n`);
}

function readFacts(path: string): StoreFileFacts {
  try {
    return storeFileFacts(path);
  } catch (err) {
    throw new EngramError('usage', `${displayPath(path)} cannot be restored: ${(err as Error).message}.`);
  }
}

/** The current store's facts, or why it cannot be read (a damaged store can still be replaced). */
function currentFacts(path: string): StoreFileFacts | string {
  try {
    return storeFileFacts(path);
  } catch (err) {
    return (err as Error).message;
  }
}

/**
 * Backs up the store about to be replaced: a consistent copy, or its bytes when
 * it is damaged or engram cannot open it (one from a newer engram). Throws
 * EngramError, before anything is replaced, when neither can be written.
 */
function saveCurrent(storePath: string, dest: string, damaged: boolean): void {
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
      `could not back up the current store to ${displayPath(dest)} before replacing it (${(err as Error).message}), so nothing was restored. Make sure ${displayPath(dirname(dest))} is a folder you can write, with free space, then try again.`,
    );
  }
}

function describe(f: StoreFileFacts): string {
  const last = f.lastReview === null ? 'no answers' : `last answer ${new Date(f.lastReview).toISOString().slice(0, 16).replace('T', ' ')} UTC`;
  return `${plural(f.cards, 'card')}, ${plural(f.reviews, 'review')}, ${last}, schema v${f.schemaVersion}`;
}

async function confirm(question: string): Promise<boolean> {
  if (!process.stdin.isTTY) throw new EngramError('usage', 'restore replaces the store: run it in a terminal to answer the question, or add --yes.');
  const rl = createInterface({ input: process.stdin, output: process.stdout });
  try {
    return /^y(es)?$/i.test((await rl.question(question)).trim());
  } finally {
    rl.close();
  }
}
