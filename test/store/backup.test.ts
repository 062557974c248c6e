import Database from 'better-sqlite3';
import { mkdirSync, readdirSync, readFileSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import {
  backupFolder,
  backupPath,
  copyQuietStore,
  copyStoreFiles,
  dailiesToPrune,
  dailyBackup,
  listBackups,
  restoreInto,
  storeFileFacts,
  timeStamp,
  writeBackup,
  type BackupFile,
} from '../../src/store/backup.js';
import { SCHEMA_VERSION } from '../../src/store/migrations.js';
import { openStore, type Store } from '../../src/store/open-store.js';
import { tempDir } from '../helpers/temp-dir.js';

const NOW = Date.UTC(2026, 2, 2, 10);
const DAY = 86_400_000;

const opened: { close(): void }[] = [];
afterEach(() => {
  while (opened.length) opened.pop()!.close();
});

function keep<T extends { close(): void }>(x: T): T {
  opened.push(x);
  return x;
}

/** A store at the current schema holding two cards, one answered once (with its cached state). */
function seededStore(path: string): Store {
  const store = keep(openStore(path, { create: true }));
  store.db.exec(`
    INSERT INTO sources (id, path, deck, active_cards, content_hash, size, mtime_ms, parser_version, imported_at)
      VALUES (1, '/notes/sql.md', 'SQL', 2, 'abc', 42, ${NOW}, 1, ${NOW});
    INSERT INTO decks (id, name, created_at) VALUES (1, 'SQL', ${NOW});
    INSERT INTO cards (id, key, deck_id, source_id, line, end_line, kind, syntax, front, back, created_at, updated_at)
      VALUES (1, 'k1', 1, 1, 3, 4, 'basic', 'qa', 'What is a join?', 'Rows matched on a condition', ${NOW}, ${NOW}),
             (2, 'k2', 1, 1, 6, 7, 'basic', 'qa', 'LEFT JOIN keeps?', 'Every left row', ${NOW}, ${NOW});
    INSERT INTO reviews (card_id, reviewed_at, rating, duration_ms, session_id, device, state_before, last_interval)
      VALUES (1, ${NOW + 1000}, 3, 5000, 's1', 'test', 0, 0);
    INSERT INTO card_state (card_id, state, due, stability, difficulty, scheduled_days, learning_steps, reps, lapses, last_review)
      VALUES (1, 2, ${NOW + DAY}, 2.5, 5.1, 1, 0, 1, 0, ${NOW + 1000});
  `);
  return store;
}

/** The user's data of a store: its cards, review log and cached states, in row order. */
interface Rows {
  cards: unknown[];
  reviews: unknown[];
  card_state: unknown[];
}

function rows(db: Database.Database): Rows {
  const all = (table: string) => db.prepare(`SELECT * FROM ${table} ORDER BY rowid`).all();
  return { cards: all('cards'), reviews: all('reviews'), card_state: all('card_state') };
}

function rowsOfFile(path: string): Rows {
  const db = new Database(path, { readonly: true, fileMustExist: true });
  try {
    return rows(db);
  } finally {
    db.close();
  }
}

/** A daily backup entry as listBackups would give it (only the stamp matters to the rotation). */
function daily(stamp: string): BackupFile {
  return { path: `/b/engram-${stamp}.daily.db`, kind: 'daily', stamp, writtenAt: Date.parse(`${stamp}T12:00:00Z`), bytes: 1 };
}

/** Every date from `first` to `last` (YYYY-MM-DD, inclusive). */
function days(first: string, last: string): string[] {
  const out: string[] = [];
  for (let t = Date.parse(`${first}T00:00:00Z`); t <= Date.parse(`${last}T00:00:00Z`); t += DAY) out.push(new Date(t).toISOString().slice(0, 10));
  return out;
}

/** The stamps dailiesToPrune keeps of these, oldest first (it is given them newest first). */
function kept(stamps: readonly string[]): string[] {
  const all = [...stamps].sort().reverse().map(daily);
  const pruned = new Set(dailiesToPrune(all).map((b) => b.stamp));
  return all.filter((b) => !pruned.has(b.stamp)).map((b) => b.stamp).sort();
}

describe('backup names', () => {
  it('puts backups in backups/ beside the store, named by the store, the stamp and the kind', () => {
    expect(backupFolder('/data/engram/engram.db')).toBe('/data/engram/backups');
    expect(backupPath('/data/engram/engram.db', 'daily', '2026-03-02')).toBe('/data/engram/backups/engram-2026-03-02.daily.db');
    expect(backupPath('/data/engram/work.sqlite', 'before-v4', '20260302-100005')).toBe('/data/engram/backups/work-20260302-100005.before-v4.db');
    expect(backupPath('/data/engram/store', 'manual', '20260302-100005')).toBe('/data/engram/backups/store-20260302-100005.manual.db');
    expect(timeStamp(Date.UTC(2026, 2, 2, 9, 5, 7, 999))).toBe('20260302-090507');
  });

  it('lists the backups of one store only, newest written first, with their kinds; skips unfinished copies and other files', () => {
    const dir = tempDir();
    const store = join(dir, 'engram.db');
    const folder = backupFolder(store);
    mkdirSync(folder);
    const file = (name: string, mtime: number) => {
      writeFileSync(join(folder, name), 'x'.repeat(10));
      utimesSync(join(folder, name), mtime / 1000, mtime / 1000);
    };
    file('engram-2026-03-01.daily.db', NOW - 2 * DAY);
    file('engram-20260302-100000.manual.db', NOW);
    file('engram-20260301-120000.before-v4.db', NOW - DAY);
    file('engram-20260302-090000.before-restore.db', NOW - 1000);
    file('engram-20260302-080000.before-repair.db', NOW - 2000);
    file('engram-2026-03-02.daily.db.partial-123', NOW);
    file('other-2026-03-02.daily.db', NOW);
    file('engram-2026-03-02.weekly.db', NOW);
    file('notes.txt', NOW);
    mkdirSync(join(folder, 'engram-2026-02-28.daily.db'));

    expect(listBackups(store).map((b) => [b.kind, b.stamp, b.bytes, b.writtenAt])).toEqual([
      ['manual', '20260302-100000', 10, NOW],
      ['before-restore', '20260302-090000', 10, NOW - 1000],
      ['before-repair', '20260302-080000', 10, NOW - 2000],
      ['before-v4', '20260301-120000', 10, NOW - DAY],
      ['daily', '2026-03-01', 10, NOW - 2 * DAY],
    ]);
    expect(listBackups(join(dir, 'other.db')).map((b) => b.stamp)).toEqual(['2026-03-02']);
    expect(listBackups(join(tempDir(), 'engram.db'))).toEqual([]);
  });
});

describe('dailiesToPrune: 7 newest days, then the newest backup of each of 4 more weeks (weeks start Monday)', () => {
  // January to March 2026, weeks from Monday:
  //   Jan  5-11, 12-18, 19-25, Jan 26-Feb 1, Feb 2-8, 9-15, 16-22, Feb 23-Mar 1, Mar 2-8.

  it('60 consecutive days ending on a Sunday: the last whole week, then the 4 Sundays before', () => {
    const all = days('2026-01-01', '2026-03-01');
    expect(all).toHaveLength(60);
    expect(kept(all)).toEqual([
      '2026-02-01', // Sunday, week of Jan 26
      '2026-02-08', // Sunday, week of Feb 2
      '2026-02-15', // Sunday, week of Feb 9
      '2026-02-22', // Sunday, week of Feb 16
      ...days('2026-02-23', '2026-03-01'), // Monday to Sunday: the 7 newest days
    ]);
  });

  it('ending on a Wednesday: Mon-Wed of the week the 7 days begin in are not kept (that week is kept by its Sunday), then 4 older weeks', () => {
    const all = days('2026-01-01', '2026-03-04');
    expect(kept(all)).toEqual(['2026-02-01', '2026-02-08', '2026-02-15', '2026-02-22', ...days('2026-02-26', '2026-03-04')]);
  });

  it('ending on a Monday: the 7 days start on the Tuesday a week before; Monday of that week goes', () => {
    const all = days('2026-01-01', '2026-03-02');
    // Feb 24 (Tue) .. Mar 2 (Mon) are the 7 days; Feb 23 (Mon) is in a week they keep already.
    expect(kept(all)).toEqual(['2026-02-01', '2026-02-08', '2026-02-15', '2026-02-22', ...days('2026-02-24', '2026-03-02')]);
  });

  it('with missed days: the 7 newest backups whatever their dates; a week without any backup is not one of the 4', () => {
    const stamps = [
      '2026-03-04', // Wed  } week of Mar 2
      '2026-03-02', // Mon  }
      '2026-02-27', // Fri  } week of Feb 23
      '2026-02-26', // Thu  }
      '2026-02-20', // Fri  } week of Feb 16
      '2026-02-19', // Thu  }
      '2026-02-12', // Thu    week of Feb 9: the 7th day
      '2026-02-11', // Wed    week of Feb 9, kept by Feb 12: pruned
      '2026-02-03', // Tue    week of Feb 2: weekly 1
      '2026-01-28', // Wed    week of Jan 26: weekly 2
      //                      week of Jan 19: no backup
      '2026-01-14', // Wed    week of Jan 12: weekly 3
      '2026-01-13', // Tue    week of Jan 12: pruned
      '2026-01-05', // Mon    week of Jan 5: weekly 4
      '2025-12-31', // Wed    week of Dec 29: a fifth week, pruned
    ];
    expect(kept(stamps)).toEqual(['2026-01-05', '2026-01-14', '2026-01-28', '2026-02-03', ...stamps.slice(0, 7).reverse()]);
  });

  it('keeps everything while there are 7 days or fewer, and prunes nothing twice', () => {
    expect(kept(days('2026-02-24', '2026-03-02'))).toEqual(days('2026-02-24', '2026-03-02'));
    expect(dailiesToPrune([])).toEqual([]);
    // Given in any order, it judges by date.
    const shuffled = ['2026-03-01', '2026-01-01', '2026-02-15', '2026-01-02'].map(daily);
    expect(dailiesToPrune(shuffled)).toEqual([]);
  });

  it('is the same rule for other counts', () => {
    const all = days('2026-02-01', '2026-03-01').reverse().map(daily);
    const left = (k: number, w: number) => {
      const pruned = new Set(dailiesToPrune(all, k, w).map((b) => b.stamp));
      return all.filter((b) => !pruned.has(b.stamp)).map((b) => b.stamp).reverse();
    };
    expect(left(2, 1)).toEqual(['2026-02-22', '2026-02-28', '2026-03-01']);
    expect(left(0, 2)).toEqual(['2026-02-22', '2026-03-01']);
  });
});

describe('writeBackup', () => {
  it('writes a copy that opens and holds the same cards, reviews and states', () => {
    const dir = tempDir();
    const store = seededStore(join(dir, 'engram.db'));
    const dest = backupPath(store.path, 'manual', timeStamp(NOW));
    expect(writeBackup(store.db, dest)).toBe(true);
    expect(rowsOfFile(dest)).toEqual(rows(store.db));
    expect(rowsOfFile(dest).reviews).toHaveLength(1);
    expect(storeFileFacts(dest)).toEqual({ schemaVersion: SCHEMA_VERSION, cards: 2, reviews: 1, lastReview: NOW + 1000 });
    expect(readdirSync(backupFolder(store.path))).toEqual([`engram-20260302-100000.manual.db`]);
  });

  it('copies what was committed, not what another connection has still to commit', () => {
    const dir = tempDir();
    const store = seededStore(join(dir, 'engram.db'));
    const committed = rows(store.db);
    const other = keep(new Database(store.path));
    other.pragma('busy_timeout = 1000');
    other.exec('BEGIN IMMEDIATE');
    other.exec(`INSERT INTO reviews (card_id, reviewed_at, rating, duration_ms) VALUES (2, ${NOW + 5000}, 1, 900)`);
    other.exec(`INSERT INTO card_state (card_id, state, due, stability, difficulty, scheduled_days, learning_steps, reps, lapses, last_review)
      VALUES (2, 1, ${NOW + 60_000}, 0.4, 7, 0, 0, 1, 0, ${NOW + 5000})`);
    other.exec(`UPDATE cards SET front = 'changed' WHERE id = 1`);

    const during = join(dir, 'during.db');
    expect(writeBackup(store.db, during)).toBe(true);
    expect(rowsOfFile(during)).toEqual(committed);

    other.exec('COMMIT');
    // Committed now, and still in the write-ahead log rather than the main file: the copy has it.
    const after = join(dir, 'after.db');
    expect(writeBackup(store.db, after)).toBe(true);
    const copied = rowsOfFile(after);
    expect(copied.reviews).toHaveLength(2);
    expect(copied.card_state).toHaveLength(2);
    expect((copied.cards[0] as { front: string }).front).toBe('changed');
    expect(copied).toEqual(rows(store.db));
  });

  it('never overwrites: an existing file is left as it is and false returned', () => {
    const dir = tempDir();
    const store = seededStore(join(dir, 'engram.db'));
    const dest = join(dir, 'backups', 'engram-2026-03-02.daily.db');
    mkdirSync(join(dir, 'backups'));
    writeFileSync(dest, 'the first backup of the day');
    expect(writeBackup(store.db, dest)).toBe(false);
    expect(readFileSync(dest, 'utf8')).toBe('the first backup of the day');
    expect(readdirSync(join(dir, 'backups'))).toEqual(['engram-2026-03-02.daily.db']);
  });

  it('fails without leaving a partial file when the folder cannot be made (backups is a file)', () => {
    const dir = tempDir();
    const store = seededStore(join(dir, 'engram.db'));
    writeFileSync(join(dir, 'backups'), 'not a folder');
    expect(() => writeBackup(store.db, backupPath(store.path, 'daily', '2026-03-02'))).toThrow(/EEXIST|ENOTDIR/);
    expect(readdirSync(dir).sort()).toEqual(['backups', 'engram.db', 'engram.db-shm', 'engram.db-wal']);
    expect(readFileSync(join(dir, 'backups'), 'utf8')).toBe('not a folder');
  });

  it('removes its partial file when SQLite fails half way (a full disk), and leaves no file under the name', () => {
    const dir = tempDir();
    const dest = join(dir, 'backups', 'engram-2026-03-02.daily.db');
    // A database whose VACUUM INTO writes part of the copy, then fails as on a full disk.
    const failing = {
      prepare: () => ({
        run: (partial: string) => {
          writeFileSync(partial, 'half a copy');
          throw Object.assign(new Error('database or disk is full'), { code: 'SQLITE_FULL' });
        },
      }),
    } as unknown as Database.Database;
    expect(() => writeBackup(failing, dest)).toThrow('database or disk is full');
    expect(readdirSync(join(dir, 'backups'))).toEqual([]);
  });
});

describe('copyStoreFiles', () => {
  it('copies the file and its write-ahead log byte for byte, and never over an existing backup', () => {
    const dir = tempDir();
    const store = seededStore(join(dir, 'engram.db'));
    // Keep the answers in the log, not the main file, as a crash would leave them.
    store.db.pragma('wal_autocheckpoint = 0');
    store.db.exec(`INSERT INTO reviews (card_id, reviewed_at, rating, duration_ms) VALUES (2, ${NOW + 5000}, 1, 900)`);
    const dest = join(dir, 'backups', 'engram-20260302-100000.before-restore.db');
    copyStoreFiles(store.path, dest);
    expect(readFileSync(dest).equals(readFileSync(store.path))).toBe(true);
    expect(readFileSync(`${dest}-wal`).equals(readFileSync(`${store.path}-wal`))).toBe(true);
    store.close();
    expect(rowsOfFile(dest).reviews).toHaveLength(2);

    writeFileSync(join(dir, 'other.db'), 'x');
    expect(() => copyStoreFiles(join(dir, 'other.db'), dest)).toThrow(/exists already/);
    expect(rowsOfFile(dest).reviews).toHaveLength(2);
    expect(readdirSync(join(dir, 'backups')).filter((n) => n.includes('partial'))).toEqual([]);
  });
});

describe('dailyBackup', () => {
  it('writes one backup a day: a second call the same day writes nothing and keeps the first', () => {
    const dir = tempDir();
    const store = seededStore(join(dir, 'engram.db'));
    const first = dailyBackup(store.db, store.path, '2026-03-02');
    expect(first).toBe(join(dir, 'backups', 'engram-2026-03-02.daily.db'));
    const before = readFileSync(first!);
    store.db.exec(`INSERT INTO reviews (card_id, reviewed_at, rating, duration_ms) VALUES (2, ${NOW + 5000}, 1, 900)`);
    expect(dailyBackup(store.db, store.path, '2026-03-02')).toBeNull();
    expect(readFileSync(first!).equals(before)).toBe(true);
    expect(rowsOfFile(first!).reviews).toHaveLength(1);
  });

  it('taken every day for 60 days, leaves the 7 newest days and 4 weekly backups; other kinds are never pruned', () => {
    const dir = tempDir();
    const store = seededStore(join(dir, 'engram.db'));
    expect(writeBackup(store.db, backupPath(store.path, 'manual', '20260101-090000'))).toBe(true);
    expect(writeBackup(store.db, backupPath(store.path, 'before-v4', '20251231-090000'))).toBe(true);
    for (const day of days('2026-01-01', '2026-03-01')) {
      expect(dailyBackup(store.db, store.path, day)).toBe(backupPath(store.path, 'daily', day));
    }
    expect(readdirSync(backupFolder(store.path)).sort()).toEqual(
      [
        ...['2026-02-01', '2026-02-08', '2026-02-15', '2026-02-22', ...days('2026-02-23', '2026-03-01')].map((d) => `engram-${d}.daily.db`),
        'engram-20251231-090000.before-v4.db',
        'engram-20260101-090000.manual.db',
      ].sort(),
    );
  });
});

describe('copyQuietStore', () => {
  it('copies the store file with the write-ahead log folded in, as a rollback-journal file that opens alone', () => {
    const dir = tempDir();
    const store = seededStore(join(dir, 'engram.db'));
    store.db.pragma('wal_autocheckpoint = 0');
    store.db.exec(`INSERT INTO reviews (card_id, reviewed_at, rating, duration_ms) VALUES (2, ${NOW + 5000}, 1, 900)`);
    mkdirSync(join(dir, 'backups'));
    const dest = join(dir, 'backups', 'copy.db');
    expect(copyQuietStore(store.db, store.path, dest)).toBe(true);
    expect([...readFileSync(dest).subarray(18, 20)]).toEqual([1, 1]);
    expect(readdirSync(join(dir, 'backups'))).toEqual(['copy.db']);
    expect(rowsOfFile(dest)).toEqual(rows(store.db));
    expect(rowsOfFile(dest).reviews).toHaveLength(2);
    expect(storeFileFacts(dest)).toEqual({ schemaVersion: SCHEMA_VERSION, cards: 2, reviews: 2, lastReview: NOW + 5000 });
    // The store goes on as before: still in WAL mode, waiting as long as it did for a lock.
    expect(store.db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(store.db.pragma('busy_timeout', { simple: true })).toBe(15_000);
  });

  it('writes nothing and returns false while another connection writes or reads the store; a daily backup then holds what was committed', () => {
    const dir = tempDir();
    const store = seededStore(join(dir, 'engram.db'));
    const committed = rows(store.db);
    const other = keep(new Database(store.path));
    other.exec('BEGIN IMMEDIATE');
    other.exec(`INSERT INTO reviews (card_id, reviewed_at, rating, duration_ms) VALUES (2, ${NOW + 5000}, 1, 900)`);
    mkdirSync(join(dir, 'backups'));
    expect(copyQuietStore(store.db, store.path, join(dir, 'backups', 'writing.db'))).toBe(false);
    expect(readdirSync(join(dir, 'backups'))).toEqual([]);
    const daily = dailyBackup(store.db, store.path, '2026-03-02');
    expect(rowsOfFile(daily!)).toEqual(committed);
    other.exec('COMMIT');

    // A reader part way through: the log cannot be emptied under it.
    other.exec('BEGIN');
    other.prepare('SELECT count(*) FROM reviews').get();
    store.db.exec(`INSERT INTO reviews (card_id, reviewed_at, rating, duration_ms) VALUES (1, ${NOW + 9000}, 4, 700)`);
    expect(copyQuietStore(store.db, store.path, join(dir, 'backups', 'reading.db'))).toBe(false);
    expect(readdirSync(join(dir, 'backups'))).toEqual(['engram-2026-03-02.daily.db']);
    other.exec('COMMIT');
    expect(store.db.pragma('busy_timeout', { simple: true })).toBe(15_000);
  });
});

describe('storeFileFacts', () => {
  it('says what a store holds without changing it', () => {
    const dir = tempDir();
    const store = seededStore(join(dir, 'engram.db'));
    const dest = join(dir, 'copy.db');
    writeBackup(store.db, dest);
    const bytes = readFileSync(dest);
    expect(storeFileFacts(dest)).toEqual({ schemaVersion: SCHEMA_VERSION, cards: 2, reviews: 1, lastReview: NOW + 1000 });
    expect(readFileSync(dest).equals(bytes)).toBe(true);
    expect(readdirSync(dir).sort()).toEqual(['copy.db', 'engram.db', 'engram.db-shm', 'engram.db-wal']);
  });

  it('throws, saying why, for a missing file, a file that is not SQLite, and a SQLite file that is no engram store', () => {
    const dir = tempDir();
    expect(() => storeFileFacts(join(dir, 'missing.db'))).toThrow();
    writeFileSync(join(dir, 'text.db'), 'just some text, long enough to be more than a header '.repeat(10));
    expect(() => storeFileFacts(join(dir, 'text.db'))).toThrow(/not a database/);
    const other = new Database(join(dir, 'other.db'));
    other.exec('CREATE TABLE notes (body TEXT)');
    other.close();
    expect(() => storeFileFacts(join(dir, 'other.db'))).toThrow('it is not an engram store (no cards or reviews tables)');
  });
});

describe('restoreInto', () => {
  it('replaces the store page by page; a connection that had it open reads the restored rows', async () => {
    const dir = tempDir();
    const store = seededStore(join(dir, 'engram.db'));
    const backup = join(dir, 'backup.db');
    writeBackup(store.db, backup);
    const atBackup = rows(store.db);
    store.db.exec(`INSERT INTO reviews (card_id, reviewed_at, rating, duration_ms) VALUES (2, ${NOW + 5000}, 1, 900)`);
    expect(rows(store.db).reviews).toHaveLength(2);

    const source = keep(new Database(backup, { readonly: true, fileMustExist: true }));
    await restoreInto(source, store.path);
    expect(rows(store.db)).toEqual(atBackup);
    expect(store.db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(store.db.pragma('integrity_check', { simple: true })).toBe('ok');
    // The store takes answers again after the restore.
    store.db.exec(`INSERT INTO reviews (card_id, reviewed_at, rating, duration_ms) VALUES (1, ${NOW + 9000}, 4, 700)`);
    expect(rowsOfFile(store.path).reviews).toHaveLength(2);
  });

  it('makes the folder of a store that does not exist yet', async () => {
    const dir = tempDir();
    const store = seededStore(join(dir, 'engram.db'));
    const source = keep(new Database(store.path, { readonly: true, fileMustExist: true }));
    const dest = join(dir, 'new', 'place', 'engram.db');
    await restoreInto(source, dest);
    expect(rowsOfFile(dest)).toEqual(rows(store.db));
  });
});
