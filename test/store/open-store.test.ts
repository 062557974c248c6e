import Database from 'better-sqlite3';
import { createHash } from 'node:crypto';
import { copyFileSync, existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { EngramError } from '../../src/model/engram-error.js';
import { MIGRATIONS, SCHEMA_VERSION } from '../../src/store/migrations.js';
import { CHECKPOINT_EVERY, migrate, openStore, type Store } from '../../src/store/open-store.js';
import { tempDir } from '../helpers/temp-dir.js';

const opened: Store[] = [];
const raw: Database.Database[] = [];

afterEach(() => {
  while (opened.length) opened.pop()!.close();
  while (raw.length) {
    const db = raw.pop()!;
    if (db.open) db.close();
  }
  vi.restoreAllMocks();
});

function open(path: string, create: boolean): Store {
  const store = openStore(path, { create });
  opened.push(store);
  return store;
}

function fileHash(path: string): string {
  return createHash('sha256').update(readFileSync(path)).digest('hex');
}

/** The error `fn` throws, or fails the test when it throws none. */
function thrown(fn: () => unknown): unknown {
  try {
    fn();
  } catch (err) {
    return err;
  }
  throw new Error('expected an error, none was thrown');
}

describe('openStore', () => {
  it('creates a WAL store, and its folder, at the current schema version with the expected tables', () => {
    const path = join(tempDir(), 'nested', 'deeper', 'engram.db');
    const store = open(path, true);
    expect(existsSync(path)).toBe(true);
    expect(store.path).toBe(path);
    expect(store.db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(store.db.pragma('user_version', { simple: true })).toBe(SCHEMA_VERSION);
    expect(store.db.pragma('foreign_keys', { simple: true })).toBe(1);
    const tables = (store.db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name").all() as { name: string }[]).map(
      (r) => r.name,
    );
    expect(tables).toEqual([
      'card_state', 'cards', 'deck_trust', 'decks', 'doctor_changed', 'doctor_check', 'extra_limits', 'key_aliases', 'quiz_answers', 'quiz_sessions', 'review_days', 'review_days_stale',
      'review_days_state', 'review_quarters', 'review_quarters_changed', 'review_quarters_state', 'reviews', 'sources', 'sync_device', 'sync_events', 'sync_files',
    ]);
    const triggers = (store.db.prepare("SELECT name FROM sqlite_master WHERE type = 'trigger' ORDER BY name").all() as { name: string }[]).map((r) => r.name);
    expect(triggers).toEqual([
      'answer_line_before_delete', 'answer_line_before_facts', 'doctor_card_rescheduled', 'doctor_review_removed', 'doctor_state_added', 'doctor_state_changed', 'doctor_state_removed',
      'review_quarters_on_delete', 'review_quarters_on_facts', 'review_quarters_on_move', 'reviews_append_only',
    ]);
  });

  it('keeps WAL mode in the file itself, as seen by another connection', () => {
    const path = join(tempDir(), 'engram.db');
    open(path, true).close();
    const db = new Database(path, { readonly: true });
    raw.push(db);
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('user_version', { simple: true })).toBe(SCHEMA_VERSION);
  });

  it('runs every migration once on create and none on reopen, keeping the data', () => {
    const path = join(tempDir(), 'engram.db');
    const spies = MIGRATIONS.map((m) => vi.spyOn(m, 'up'));
    const first = open(path, true);
    expect(spies.map((s) => s.mock.calls.length)).toEqual(MIGRATIONS.map(() => 1));
    first.db.prepare('INSERT INTO decks (name, created_at) VALUES (?, ?)').run('kept', 1);
    first.close();

    const second = open(path, false);
    expect(spies.map((s) => s.mock.calls.length)).toEqual(MIGRATIONS.map(() => 1));
    expect(second.db.pragma('user_version', { simple: true })).toBe(SCHEMA_VERSION);
    expect(second.db.prepare('SELECT name FROM decks').all()).toEqual([{ name: 'kept' }]);
  });

  it('refuses a store written by a newer engram and leaves its bytes unchanged (WAL store)', () => {
    const dir = tempDir();
    const path = join(dir, 'engram.db');
    open(path, true).close();
    const db = new Database(path);
    db.pragma(`user_version = ${SCHEMA_VERSION + 1}`);
    db.close();
    const before = fileHash(path);
    const filesBefore = readdirSync(dir).sort();

    const err = thrown(() => open(path, false));
    expect(err).toBeInstanceOf(EngramError);
    expect((err as EngramError).message).toBe(
      `the store ${path} was written by a newer engram (schema version ${SCHEMA_VERSION + 1}; this engram knows up to ${SCHEMA_VERSION}). Upgrade engram; the store was not changed.`,
    );
    expect(fileHash(path)).toBe(before);
    expect(readdirSync(dir).sort()).toEqual(filesBefore);
  });

  it('refuses a newer store in rollback-journal mode without switching it to WAL', () => {
    const dir = tempDir();
    const path = join(dir, 'future.db');
    const db = new Database(path);
    db.pragma('journal_mode = DELETE');
    db.exec('CREATE TABLE future_things (id INTEGER PRIMARY KEY, what TEXT)');
    db.prepare('INSERT INTO future_things (what) VALUES (?)').run('from the future');
    db.pragma('user_version = 99');
    db.close();
    const before = fileHash(path);

    const err = thrown(() => open(path, true));
    expect(err).toBeInstanceOf(EngramError);
    expect((err as EngramError).message).toContain('schema version 99');
    expect((err as EngramError).message).toContain('the store was not changed');
    expect(fileHash(path)).toBe(before);
    expect(readdirSync(dir)).toEqual(['future.db']);

    const check = new Database(path, { readonly: true });
    raw.push(check);
    expect(check.pragma('journal_mode', { simple: true })).toBe('delete');
    expect(check.pragma('user_version', { simple: true })).toBe(99);
  });

  it('refuses a file that is not a SQLite database with a clear message and leaves it alone', () => {
    const path = join(tempDir(), 'notes.db');
    writeFileSync(path, 'These are my notes, not a database.\n'.repeat(50));
    const before = fileHash(path);
    const err = thrown(() => open(path, true));
    expect(err).toBeInstanceOf(EngramError);
    // The store names no flag: the CLI words the fix (see test/cli/error-text.test.ts).
    expect((err as EngramError).message).toBe(`${path} is not an engram store (not a SQLite database). It was left as it is.`);
    expect((err as EngramError).fix).toEqual({ kind: 'other-store' });
    expect((err as EngramError).kind).toBe('store');
    expect(fileHash(path)).toBe(before);
  });

  it('explains when the folder for a new store cannot be created', () => {
    const blocker = join(tempDir(), 'a-file');
    writeFileSync(blocker, 'in the way\n');
    const path = join(blocker, 'engram.db');
    const err = thrown(() => open(path, true));
    expect(err).toBeInstanceOf(EngramError);
    expect((err as EngramError).message).toBe(`cannot create the folder for the store ${path}: ${blocker} is a file, not a folder.`);
    expect((err as EngramError).fix).toEqual({ kind: 'store-path' });
    expect(readFileSync(blocker, 'utf8')).toBe('in the way\n');
  });

  it('throws with exit code 2 for a missing store when not asked to create it, and creates nothing', () => {
    const dir = tempDir();
    const path = join(dir, 'sub', 'engram.db');
    const err = thrown(() => open(path, false));
    expect(err).toBeInstanceOf(EngramError);
    expect((err as EngramError).kind).toBe('store');
    expect((err as EngramError).message).toContain(`no store at ${path}`);
    expect(existsSync(path)).toBe(false);
    expect(readdirSync(dir)).toEqual([]);
  });
});

describe('checkpoints held for a screen', () => {
  /** One transaction writing a deck whose name fills about 30 pages (120 kB). */
  const writeDeck = (store: Store, i: number): void => {
    store.transaction(() => store.db.prepare('INSERT INTO decks (name, created_at) VALUES (?, 0)').run(`${i}`.padEnd(120_000, 'x')));
  };
  /** The decks in the store's main file alone, as if its write-ahead log were lost. */
  const decksInMainFile = (path: string, dir: string): number => {
    const copy = join(dir, `main-only-${Math.random()}.db`);
    copyFileSync(path, copy);
    const db = new Database(copy, { readonly: true });
    raw.push(db);
    return db.prepare('SELECT COUNT(*) FROM decks').pluck().get() as number;
  };

  it('leave over 1,000 pages in the log until checkpointIfDue, every CHECKPOINT_EVERY transactions, copies them into the store', () => {
    const dir = tempDir();
    const path = join(dir, 'engram.db');
    const store = open(path, true);
    // The schema into the main file first, so that it alone can be read.
    store.db.pragma('wal_checkpoint(TRUNCATE)');
    store.holdCheckpoints();
    expect(store.db.pragma('wal_autocheckpoint', { simple: true })).toBe(0);
    for (let i = 0; i < CHECKPOINT_EVERY - 1; i++) writeDeck(store, i);
    // ~930 kB a transaction of 4 kB pages: past SQLite's own mark of 1,000 pages, nothing was copied.
    expect(decksInMainFile(path, dir)).toBe(0);
    expect(store.checkpointIfDue()).toBe(false);
    writeDeck(store, CHECKPOINT_EVERY - 1);
    expect(store.checkpointIfDue()).toBe(true);
    expect(decksInMainFile(path, dir)).toBe(CHECKPOINT_EVERY);
    expect(store.checkpointIfDue()).toBe(false);
  });

  it('go back to SQLite once released, what piled up copied into the store', () => {
    const dir = tempDir();
    const path = join(dir, 'engram.db');
    const store = open(path, true);
    store.db.pragma('wal_checkpoint(TRUNCATE)');
    store.holdCheckpoints();
    for (let i = 0; i < 3; i++) writeDeck(store, i);
    expect(decksInMainFile(path, dir)).toBe(0);
    store.releaseCheckpoints();
    expect(decksInMainFile(path, dir)).toBe(3);
    expect(store.db.pragma('wal_autocheckpoint', { simple: true })).toBe(1000);
    for (let i = 3; i < 3 + CHECKPOINT_EVERY; i++) writeDeck(store, i);
    expect(store.checkpointIfDue()).toBe(false);
  });

  it('are SQLite\'s own business otherwise: checkpointIfDue never checkpoints, commits do', () => {
    const dir = tempDir();
    const path = join(dir, 'engram.db');
    const store = open(path, true);
    store.db.pragma('wal_checkpoint(TRUNCATE)');
    expect(store.db.pragma('wal_autocheckpoint', { simple: true })).toBe(1000);
    for (let i = 0; i < CHECKPOINT_EVERY; i++) writeDeck(store, i);
    expect(store.checkpointIfDue()).toBe(false);
    expect(decksInMainFile(path, dir)).toBeGreaterThan(0);
  });
});

describe('two engrams opening one new store at once', () => {
  it('skips a migration the other one applied while this one waited', () => {
    const dir = tempDir();
    const store = openStore(join(dir, 'new.db'), { create: true });
    try {
      // As the second process: it read version 0 before the first committed version 1.
      expect(() => migrate(store.db, 0)).not.toThrow();
      expect(store.db.pragma('user_version', { simple: true })).toBe(SCHEMA_VERSION);
    } finally {
      store.close();
    }
  });
});
