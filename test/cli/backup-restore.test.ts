import Database from 'better-sqlite3';
import { existsSync, readdirSync, readFileSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { timeStamp } from '../../src/store/backup.js';
import { SCHEMA_VERSION } from '../../src/store/migrations.js';
import { PtySession } from '../e2e/pty-session.js';
import { oldStore } from '../helpers/old-store.js';
import { cliEnv, type CliEnv } from './cli-env.js';
import { deckFile, NOW } from './study-fixtures.js';

const DAY = 86_400_000;

const opened: Database.Database[] = [];
afterEach(() => {
  while (opened.length) opened.pop()!.close();
});

/** Opens a SQLite file for the test to read or write, closed after the test. */
function open(path: string, readonly = false): Database.Database {
  const db = new Database(path, { readonly, fileMustExist: true });
  db.pragma('busy_timeout = 5000');
  opened.push(db);
  return db;
}

function close(db: Database.Database): void {
  db.close();
  opened.splice(opened.indexOf(db), 1);
}

/** The user's data in a store file: cards, the review log, cached states. */
function rows(path: string): { cards: unknown[]; reviews: unknown[]; card_state: unknown[] } {
  const db = open(path, true);
  try {
    const all = (t: string) => db.prepare(`SELECT * FROM ${t} ORDER BY rowid`).all();
    return { cards: all('cards'), reviews: all('reviews'), card_state: all('card_state') };
  } finally {
    close(db);
  }
}

function userVersion(path: string): number {
  const db = open(path, true);
  try {
    return db.pragma('user_version', { simple: true }) as number;
  } finally {
    close(db);
  }
}

function integrity(path: string): string {
  const db = open(path, true);
  try {
    return db.pragma('integrity_check', { simple: true }) as string;
  } finally {
    close(db);
  }
}

/** Records an answer to card `cardId` at `at`, with the state it leaves, as a review session would. */
function answer(path: string, cardId: number, at: number, rating: number): void {
  const db = open(path);
  try {
    db.transaction(() => {
      db.prepare('INSERT INTO reviews (card_id, reviewed_at, rating, duration_ms, session_id, device, state_before, last_interval) VALUES (?, ?, ?, 4000, ?, ?, 0, 0)').run(
        cardId,
        at,
        rating,
        's1',
        'test',
      );
      db.prepare(
        `INSERT OR REPLACE INTO card_state (card_id, state, due, stability, difficulty, scheduled_days, learning_steps, reps, lapses, last_review)
         VALUES (?, 2, ?, 3.2, 5, 3, 0, 1, 0, ?)`,
      ).run(cardId, at + 3 * DAY, at);
    })();
  } finally {
    close(db);
  }
}

/** The backup files beside the store at `store`, by name. */
function backupNames(store: string): string[] {
  const folder = join(dirname(store), 'backups');
  return existsSync(folder) ? readdirSync(folder).sort() : [];
}

const at = (iso: string) => ({ ENGRAM_NOW: iso });

/** A world with a 3-card deck imported into the default store. */
function deckWorld(): CliEnv & { store: string; backups: string } {
  const env = cliEnv();
  env.write('sql.md', deckFile('SQL', ['What is a join?', 'What does LEFT JOIN keep?', 'What is a cross join?']));
  const r = env.run(['import', 'sql.md']);
  expect(r.stderr).toBe('');
  expect(r.status).toBe(0);
  return { ...env, store: env.defaultStore, backups: join(dirname(env.defaultStore), 'backups') };
}


describe('daily backups, taken by any command on the first use of a day', () => {
  it('one per day over 20 days and a gap: 7 daily + 4 weekly are left, manual backups stay, a second command the same day adds nothing', () => {
    const env = cliEnv();
    env.write('sql.md', deckFile('SQL', ['What is a join?', 'What does LEFT JOIN keep?']));
    const noon = (day: string) => at(`${day}T12:00:00Z`);
    // The store is empty when import opens it: nothing to back up yet.
    expect(env.run(['import', 'sql.md'], noon('2026-01-05')).status).toBe(0);
    expect(backupNames(env.defaultStore)).toEqual([]);
    expect(env.run(['backup'], noon('2026-01-05')).status).toBe(0);

    const dailyNames = () => backupNames(env.defaultStore).filter((n) => n.endsWith('.daily.db'));
    const daysOf = (names: string[]) => names.map((n) => n.slice('engram-'.length, 'engram-YYYY-MM-DD'.length));
    const useOn = (day: string) => {
      const r = env.run(['due'], noon(day));
      expect(r.stderr).toBe('');
      expect(r.status).toBe(0);
      expect(dailyNames()).toContain(`engram-${day}.daily.db`);
      expect(dailyNames().length).toBeLessThanOrEqual(11);
    };

    // Mon Jan 5 .. Sat Jan 24: 20 consecutive days.
    for (let d = 5; d <= 24; d++) useOn(`2026-01-${String(d).padStart(2, '0')}`);
    // The 7 newest days run Sun Jan 18 .. Sat Jan 24, which keeps the week of Jan 12
    // (by its Sunday) and that of Jan 19; the week of Jan 5 is kept by Sun Jan 11.
    expect(daysOf(dailyNames())).toEqual(['2026-01-11', '2026-01-18', '2026-01-19', '2026-01-20', '2026-01-21', '2026-01-22', '2026-01-23', '2026-01-24']);

    // A gap (Jan 25-28), then days now and then.
    for (const day of ['2026-01-29', '2026-02-03', '2026-02-05', '2026-02-06', '2026-02-07', '2026-02-08', '2026-02-09', '2026-02-10']) useOn(day);
    const todays = join(dirname(env.defaultStore), 'backups', 'engram-2026-02-10.daily.db');
    const bytes = readFileSync(todays);
    expect(env.run(['decks'], at('2026-02-10T21:00:00Z')).status).toBe(0);
    expect(readFileSync(todays).equals(bytes)).toBe(true);

    // 7 newest: Feb 3 .. Feb 10 (weeks of Feb 2 and Feb 9); then the newest of the
    // weeks of Jan 26 (Thu Jan 29), Jan 19 (Sat Jan 24), Jan 12 (Sun Jan 18), Jan 5 (Sun Jan 11).
    expect(backupNames(env.defaultStore)).toEqual([
      'engram-2026-01-11.daily.db',
      'engram-2026-01-18.daily.db',
      'engram-2026-01-24.daily.db',
      'engram-2026-01-29.daily.db',
      'engram-2026-02-03.daily.db',
      'engram-2026-02-05.daily.db',
      'engram-2026-02-06.daily.db',
      'engram-2026-02-07.daily.db',
      'engram-2026-02-08.daily.db',
      'engram-2026-02-09.daily.db',
      'engram-2026-02-10.daily.db',
      'engram-20260105-120000.manual.db',
    ]);
    // Each is a whole store.
    expect(rows(todays).cards).toHaveLength(2);
  });

  it("is named by the local date of the machine's clock (TZ)", () => {
    const env = deckWorld();
    // 03:00 UTC on Mar 2 is still Mar 1 in New York; 16:00 UTC on Mar 2 is Mar 3 in Tokyo.
    expect(env.run(['due'], { ENGRAM_NOW: '2026-03-02T03:00:00Z', TZ: 'America/New_York' }).status).toBe(0);
    expect(env.run(['due'], { ENGRAM_NOW: '2026-03-02T16:00:00Z', TZ: 'Asia/Tokyo' }).status).toBe(0);
    expect(backupNames(env.store)).toEqual(['engram-2026-03-01.daily.db', 'engram-2026-03-03.daily.db']);
  });

  it('is not taken of a store without cards', () => {
    const env = cliEnv();
    env.write('empty.md', '# No cards here\n\nJust a heading and prose.\n');
    // Nothing to import (exit 4), but the store is made.
    expect(env.run(['import', 'empty.md']).status).toBe(4);
    expect(existsSync(env.defaultStore)).toBe(true);
    expect(env.run(['due']).status).toBe(0);
    expect(env.run(['decks']).status).toBe(0);
    expect(existsSync(join(dirname(env.defaultStore), 'backups'))).toBe(false);
  });

  it('that fails is a warning on stderr; the command does its work and exits 0', () => {
    const env = deckWorld();
    writeFileSync(env.backups, 'a file where the backups folder should be');
    const r = env.run(['due']);
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('Due today: 3 new cards, 0 learning cards, 0 reviews.');
    expect(r.stderr).toMatch(/^engram: warning: today's backup of the store failed \(.*EEXIST.*\); the store itself is unchanged\. engram backup tries again\.\n$/);
    expect(readFileSync(env.backups, 'utf8')).toBe('a file where the backups folder should be');
    expect(readdirSync(dirname(env.store)).filter((n) => n.includes('partial'))).toEqual([]);
  });
});

describe('the backup before a migration', () => {
  it.each([1, 2, 3, 4])('opening a version-%i store keeps a before-migration copy of it, at its old version with its old rows', (version) => {
    const env = cliEnv();
    const path = join(env.work, 'old', 'engram.db');
    oldStore(path, version, NOW - 30 * DAY);
    const before = rows(path);
    const stamp = timeStamp(statSync(path).mtimeMs);

    const r = env.run(['cards', '--db', path]);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('What prints?');
    expect(userVersion(path)).toBe(SCHEMA_VERSION);
    expect(backupNames(path)).toEqual([`engram-${stamp}.before-v${SCHEMA_VERSION}.db`, 'engram-2026-03-02.daily.db'].sort());
    const copy = join(env.work, 'old', 'backups', `engram-${stamp}.before-v${SCHEMA_VERSION}.db`);
    expect(userVersion(copy)).toBe(version);
    expect(rows(copy)).toEqual(before);
    expect(integrity(copy)).toBe('ok');
  });

  it('when that backup cannot be written, the store is not migrated and the message says why and what to do', () => {
    const env = cliEnv();
    const path = join(env.work, 'old', 'engram.db');
    oldStore(path, 2, NOW - 30 * DAY);
    const bytes = readFileSync(path);
    writeFileSync(join(env.work, 'old', 'backups'), 'not a folder');

    const r = env.run(['due', '--db', path]);
    expect(r.status).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(
      new RegExp(
        `^engram: the store ${path} \\(schema version 2\\) needs upgrading to version ${SCHEMA_VERSION}, but the backup taken first failed: EEXIST.*\\. ` +
          `Nothing was changed; make sure ${join(env.work, 'old', 'backups')} is a folder you can write, with free space, then try again\\.\\n$`,
      ),
    );
    expect(readFileSync(path).equals(bytes)).toBe(true);
    expect(userVersion(path)).toBe(2);
    expect(readdirSync(join(env.work, 'old')).filter((n) => n.includes('partial'))).toEqual([]);

    // With the file out of the way, the next command backs up and migrates.
    rmSync(join(env.work, 'old', 'backups'));
    expect(env.run(['due', '--db', path]).status).toBe(0);
    expect(userVersion(path)).toBe(SCHEMA_VERSION);
    const copies = backupNames(path).filter((n) => n.endsWith(`.before-v${SCHEMA_VERSION}.db`));
    expect(copies).toHaveLength(1);
    expect(userVersion(join(env.work, 'old', 'backups', copies[0]!))).toBe(2);
  });
});

describe('engram backup', () => {
  it('writes a manual backup now and prints where; --json gives its path and size', () => {
    const env = deckWorld();
    const r = env.run(['backup']);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    const dest = join(env.backups, 'engram-20260302-100000.manual.db');
    const kb = Math.round(statSync(dest).size / 1024);
    expect(r.stdout).toBe(
      `Backed up ${env.store} to ${dest} (${kb} KB).\nRestore it with: engram restore ${dest}\n`,
    );
    expect(rows(dest)).toEqual(rows(env.store));

    const j = env.json<{ path: string; bytes: number }>(['backup'], at('2026-03-02T10:00:01Z'));
    expect(j.status).toBe(0);
    expect(j.data).toEqual({ path: join(env.backups, 'engram-20260302-100001.manual.db'), bytes: statSync(join(env.backups, 'engram-20260302-100001.manual.db')).size });

    // Names are per second: a second backup in the same second is refused, the first kept.
    const again = env.run(['backup']);
    expect(again.status).toBe(1);
    expect(again.stderr).toBe(`engram: a backup named ${dest} exists already; try again in a second.\n`);
  });

  it('that cannot be written says why and what to do (exit 1), without a stack trace', () => {
    const env = deckWorld();
    writeFileSync(env.backups, 'not a folder');
    const r = env.run(['backup']);
    expect(r.status).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(
      new RegExp(
        `^engram: could not write the backup ${env.backups}/engram-20260302-100000\\.manual\\.db \\(EEXIST.*\\)\\. Make sure ${env.backups} is a folder you can write, with free space, then try again\\.\\n$`,
      ),
    );
  });

  it('--list shows every backup of the store, newest first, with its kind; --json the same as data', () => {
    const env = deckWorld();
    expect(env.run(['backup', '--list']).stdout).toBe(`No backups of ${env.store} yet in ${env.backups}.\n`);
    expect(env.json(['backup', '--list']).data).toEqual([]);
    expect(env.run(['due'], at('2026-03-01T10:00:00Z')).status).toBe(0);
    expect(env.run(['backup'], at('2026-03-01T11:00:00Z')).status).toBe(0);
    expect(env.run(['restore', join(env.backups, 'engram-20260301-110000.manual.db'), '--yes'], at('2026-03-02T09:30:00Z')).status).toBe(0);
    expect(env.run(['due'], at('2026-03-02T10:00:00Z')).status).toBe(0);
    // Written at these times (the order --list goes by):
    const written: [string, string][] = [
      ['engram-2026-03-01.daily.db', '2026-03-01T10:00:00Z'],
      ['engram-20260301-110000.manual.db', '2026-03-01T11:00:00Z'],
      ['engram-20260302-093000.before-restore.db', '2026-03-02T09:30:00Z'],
      ['engram-2026-03-02.daily.db', '2026-03-02T10:00:00Z'],
    ];
    expect(backupNames(env.store)).toEqual(written.map(([n]) => n).sort());
    for (const [name, iso] of written) utimesSync(join(env.backups, name), new Date(iso), new Date(iso));

    const r = env.run(['backup', '--list']);
    expect(r.status).toBe(0);
    const size = (name: string) => `${Math.round(statSync(join(env.backups, name)).size / 1024)} KB`.padStart(8);
    expect(r.stdout).toBe(
      [
        `Backups of ${env.store}, newest first (kept: 7 daily and 4 weekly; the others until you delete them):`,
        `  2026-03-02 10:00  daily          ${size('engram-2026-03-02.daily.db')}  ${join(env.backups, 'engram-2026-03-02.daily.db')}`,
        `  2026-03-02 09:30  before-restore ${size('engram-20260302-093000.before-restore.db')}  ${join(env.backups, 'engram-20260302-093000.before-restore.db')}`,
        `  2026-03-01 11:00  manual         ${size('engram-20260301-110000.manual.db')}  ${join(env.backups, 'engram-20260301-110000.manual.db')}`,
        `  2026-03-01 10:00  daily          ${size('engram-2026-03-01.daily.db')}  ${join(env.backups, 'engram-2026-03-01.daily.db')}`,
        '',
      ].join('\n'),
    );

    const j = env.json<unknown[]>(['backup', '--list']);
    expect(j.data).toEqual(
      [...written].reverse().map(([name, iso]) => ({
        path: join(env.backups, name),
        kind: name.split('.')[1],
        stamp: name.slice('engram-'.length, name.indexOf('.')),
        writtenAt: new Date(iso).toISOString(),
        bytes: statSync(join(env.backups, name)).size,
      })),
    );
  });

  it('manual and before-* backups are never pruned by the daily rotation', () => {
    const env = deckWorld();
    expect(env.run(['backup'], at('2026-01-01T09:00:00Z')).status).toBe(0);
    expect(env.run(['due'], at('2026-01-01T10:00:00Z')).status).toBe(0);
    const daily = readFileSync(join(env.backups, 'engram-2026-01-01.daily.db'));
    // Fifty days of daily backups, as if engram had been used every day, and others of every kind.
    for (let t = Date.UTC(2026, 0, 2); t <= Date.UTC(2026, 1, 20); t += DAY) {
      writeFileSync(join(env.backups, `engram-${new Date(t).toISOString().slice(0, 10)}.daily.db`), daily);
    }
    for (const name of ['engram-20251201-080000.before-v4.db', 'engram-20251202-080000.before-restore.db', 'engram-20251203-080000.before-repair.db']) {
      writeFileSync(join(env.backups, name), daily);
    }
    expect(env.run(['due'], at('2026-02-21T10:00:00Z')).status).toBe(0);
    expect(backupNames(env.store)).toEqual([
      'engram-2026-01-18.daily.db', // Sun, week of Jan 12
      'engram-2026-01-25.daily.db', // Sun, week of Jan 19
      'engram-2026-02-01.daily.db', // Sun, week of Jan 26
      'engram-2026-02-08.daily.db', // Sun, week of Feb 2
      'engram-2026-02-15.daily.db', // Sun .. Sat: the 7 newest days (they keep the week of Feb 9)
      'engram-2026-02-16.daily.db',
      'engram-2026-02-17.daily.db',
      'engram-2026-02-18.daily.db',
      'engram-2026-02-19.daily.db',
      'engram-2026-02-20.daily.db',
      'engram-2026-02-21.daily.db',
      'engram-20251201-080000.before-v4.db',
      'engram-20251202-080000.before-restore.db',
      'engram-20251203-080000.before-repair.db',
      'engram-20260101-090000.manual.db',
    ].sort());
  });
});

interface RestoreWorld extends ReturnType<typeof deckWorld> {
  /** A manual backup taken after the first answer. */
  backup: string;
  /** The rows of that backup, and of the store now (two more answers since). */
  atBackup: ReturnType<typeof rows>;
  now: ReturnType<typeof rows>;
}

/** Three cards; one answered, then backed up by `engram backup`, then two more answers. */
function restoreWorld(): RestoreWorld {
  const env = deckWorld();
  const db = open(env.store, true);
  const ids = db.prepare('SELECT id FROM cards ORDER BY id').pluck().all() as number[];
  close(db);
  answer(env.store, ids[0]!, Date.parse('2026-02-28T10:00:00Z'), 3);
  const made = env.json<{ path: string }>(['backup'], at('2026-03-01T08:00:00Z'));
  expect(made.status).toBe(0);
  answer(env.store, ids[1]!, Date.parse('2026-03-01T12:00:00Z'), 3);
  answer(env.store, ids[0]!, Date.parse('2026-03-02T09:00:00Z'), 1);
  expect(existsSync(`${env.store}-wal`)).toBe(false);
  return { ...env, backup: made.data.path, atBackup: rows(made.data.path), now: rows(env.store) };
}

const BACKUP_FACTS = `3 cards, 1 review, last answer 2026-02-28 10:00 UTC, schema v${SCHEMA_VERSION}`;
const STORE_FACTS = `3 cards, 3 reviews, last answer 2026-03-02 09:00 UTC, schema v${SCHEMA_VERSION}`;

describe('engram restore', () => {
  it('without a terminal and without --yes, asks nobody and changes nothing (exit 2)', () => {
    const w = restoreWorld();
    const bytes = readFileSync(w.store);
    const r = w.run(['restore', w.backup]);
    expect(r.status).toBe(2);
    expect(r.stdout).toBe(`Restore:   ${w.backup}\n           ${BACKUP_FACTS}\nover:      ${w.store}\n           ${STORE_FACTS}\n`);
    expect(r.stderr).toBe('engram: restore replaces the store: run it in a terminal to answer the question, or add --yes.\n');
    expect(readFileSync(w.store).equals(bytes)).toBe(true);
    expect(backupNames(w.store)).toEqual(['engram-20260301-080000.manual.db']);
  });

  it('--yes puts the backup in place and keeps the store as it was; restoring that copy undoes it', () => {
    const w = restoreWorld();
    const r = w.run(['restore', w.backup, '--yes'], at('2026-03-02T10:30:00Z'));
    const safety = join(w.backups, 'engram-20260302-103000.before-restore.db');
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(r.stdout).toBe(
      `Restore:   ${w.backup}\n           ${BACKUP_FACTS}\nover:      ${w.store}\n           ${STORE_FACTS}\n` +
        `Restored: ${BACKUP_FACTS}.\nThe store as it was: ${safety}\nUndo with: engram restore ${safety}\n`,
    );
    // The two answers given after the backup are gone from the store, and kept in the copy.
    expect(rows(w.store)).toEqual(w.atBackup);
    expect(rows(safety)).toEqual(w.now);
    expect(integrity(w.store)).toBe('ok');

    // Undo: the answers are back, and the restored state is kept in turn.
    const undo = w.run(['restore', safety, '--yes'], at('2026-03-02T10:31:00Z'));
    expect(undo.status).toBe(0);
    expect(undo.stdout).toContain(`Restored: ${STORE_FACTS}.\n`);
    expect(rows(w.store)).toEqual(w.now);
    expect(rows(join(w.backups, 'engram-20260302-103100.before-restore.db'))).toEqual(w.atBackup);
    // And the store is in use as before.
    const due = w.json<{ counts: { new: number; learning: number; review: number } }>(['due'], at('2026-03-06T10:00:00Z'));
    expect(due.status).toBe(0);
    expect(due.data.counts).toEqual({ new: 1, learning: 0, review: 2 });
  });

  it('a second restore in the same second is refused rather than taking the first one\'s copy for its own', () => {
    const w = restoreWorld();
    expect(w.run(['restore', w.backup, '--yes'], at('2026-03-02T10:30:00Z')).status).toBe(0);
    answer(w.store, 3, Date.parse('2026-03-02T10:30:00Z'), 4);
    const bytes = readFileSync(w.store);
    const r = w.run(['restore', w.backup, '--yes'], at('2026-03-02T10:30:00Z'));
    expect(r.status).toBe(1);
    expect(r.stderr).toBe(`engram: a backup named ${join(w.backups, 'engram-20260302-103000.before-restore.db')} exists already; nothing restored. Try again in a second.\n`);
    expect(readFileSync(w.store).equals(bytes)).toBe(true);
    expect(rows(join(w.backups, 'engram-20260302-103000.before-restore.db'))).toEqual(w.now);
  });

  it('a backup from an older engram is restored and migrated, with a before-migration copy of it', () => {
    const w = restoreWorld();
    const old = join(w.work, 'v1.db');
    oldStore(old, 1, NOW - 30 * DAY);
    const oldBytes = readFileSync(old);
    const before = rows(old);
    const r = w.run(['restore', 'v1.db', '--yes'], at('2026-03-02T10:30:00Z'));
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/^Restore: {3}v1\.db\n {11}1 card, 1 review, last answer 2026-01-31 10:00 UTC, schema v1\n/);
    expect(r.stdout).toContain(`Restored: 1 card, 1 review, last answer 2026-01-31 10:00 UTC, schema v${SCHEMA_VERSION}.\n`);
    expect(userVersion(w.store)).toBe(SCHEMA_VERSION);
    const now = rows(w.store);
    // Schema 6 adds when a derived card was dropped: none was; schema 7 fixes a reviewed card's fuzz seed at
    // what it was before (its row id), so its cached state replays the same.
    expect(now.cards).toEqual(before.cards.map((x) => ({ ...(x as object), dropped_at: null, fuzz_seed: String((x as { id: number }).id) })));
    expect(now.card_state).toEqual(before.card_state);
    // Schema 7 gives each answer a sync event id (time-ordered, random): only its shape can be known.
    expect(now.reviews.map((x) => (x as { event_id: string }).event_id)).toEqual([expect.stringMatching(/^[0-9A-HJKMNP-TV-Z]{26}$/)]);
    // Schema 11 records the interval load balancing chose with each answer: none for answers from before it.
    expect(now.reviews.map((r) => { const { event_id: _, ...x } = r as { event_id: string }; return x; })).toEqual(before.reviews.map((x) => ({ ...(x as object), state_before: null, last_interval: null, chosen_days: null })));
    const migrated = backupNames(w.store).filter((n) => n.endsWith(`.before-v${SCHEMA_VERSION}.db`));
    expect(migrated).toHaveLength(1);
    expect(userVersion(join(w.backups, migrated[0]!))).toBe(1);
    expect(rows(join(w.backups, 'engram-20260302-103000.before-restore.db'))).toEqual(w.now);
    expect(readFileSync(old).equals(oldBytes)).toBe(true);
  });

  it.each([
    ['a missing file', 'missing.db', null, 'engram: no file missing.db. engram backup --list shows the backups there are.\n', 4],
    ['a file that is not SQLite', 'notes.db', 'text', 'engram: notes.db cannot be restored: file is not a database.\n', 2],
    ['an empty file', 'empty.db', 'empty', 'engram: empty.db cannot be restored: it is not an engram store (no cards or reviews tables).\n', 2],
    ['a SQLite file that is no engram store', 'other.db', 'other', 'engram: other.db cannot be restored: it is not an engram store (no cards or reviews tables).\n', 2],
    [
      'a store from a newer engram',
      'newer.db',
      'newer',
      `engram: newer.db was written by a newer engram (schema version 99; this one knows up to ${SCHEMA_VERSION}). Upgrade engram to restore it.\n`,
      2,
    ],
  ] as const)('refuses %s (exit %i: 4 when nothing matched, else usage); the store is unchanged', (_, name, kind, message, code) => {
    const w = restoreWorld();
    const file = join(w.work, name);
    if (kind === 'text') writeFileSync(file, '# SQL\n\nWhat is a join?::Rows matched on a condition\n');
    if (kind === 'empty') writeFileSync(file, '');
    if (kind === 'other') {
      const db = new Database(file);
      db.exec("CREATE TABLE notes (body TEXT); INSERT INTO notes VALUES ('hello')");
      db.close();
    }
    if (kind === 'newer') {
      writeFileSync(file, readFileSync(w.backup));
      const db = new Database(file);
      db.pragma('user_version = 99');
      db.close();
    }
    const bytes = readFileSync(w.store);
    const r = w.run(['restore', name, '--yes'], at('2026-03-02T10:30:00Z'));
    expect(r.status).toBe(code);
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe(message);
    expect(readFileSync(w.store).equals(bytes)).toBe(true);
    expect(backupNames(w.store)).toEqual(['engram-20260301-080000.manual.db']);
  });

  it('refuses to restore the store onto itself, however its path is written', () => {
    const w = restoreWorld();
    const bytes = readFileSync(w.store);
    for (const given of [w.store, join('..', 'home', '.local', 'share', 'engram', '.', 'engram.db')]) {
      const r = w.run(['restore', given, '--yes']);
      expect(r.status).toBe(2);
      expect(r.stderr).toBe(`engram: ${w.store} is the store itself; give a backup file (engram backup --list shows them).\n`);
    }
    expect(readFileSync(w.store).equals(bytes)).toBe(true);
    expect(backupNames(w.store)).toEqual(['engram-20260301-080000.manual.db']);
  });

  it('when the current store cannot be backed up first, nothing is restored and the message says why', () => {
    const w = restoreWorld();
    const bytes = readFileSync(w.store);
    const kept = join(w.work, 'kept.db');
    writeFileSync(kept, readFileSync(w.backup));
    rmSync(w.backups, { recursive: true });
    writeFileSync(w.backups, 'not a folder');
    const r = w.run(['restore', 'kept.db', '--yes'], at('2026-03-02T10:30:00Z'));
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(
      new RegExp(
        `^engram: could not back up the current store to ${w.backups}/engram-20260302-103000\\.before-restore\\.db before replacing it \\(.*EEXIST.*\\), so nothing was restored\\. ` +
          `Make sure ${w.backups} is a folder you can write, with free space, then try again\\.\\n$`,
      ),
    );
    expect(readFileSync(w.store).equals(bytes)).toBe(true);
    expect(rows(w.store)).toEqual(w.now);
  });

  it('restores onto a machine without a store yet (its folder is made)', () => {
    const w = restoreWorld();
    const fresh = join(w.work, 'new', 'place', 'engram.db');
    const r = w.run(['restore', w.backup, '--yes', '--db', fresh]);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(r.stdout).toBe(`Restore:   ${w.backup}\n           ${BACKUP_FACTS}\nover:      new/place/engram.db\n           no store yet\nRestored: ${BACKUP_FACTS}.\n`);
    expect(rows(fresh)).toEqual(w.atBackup);
    expect(backupNames(fresh)).toEqual([]);
  });

  it.each([
    ['an index page', 'reviews_by_card'],
    ['the first page', null],
  ] as const)('replaces a store damaged in %s, keeping the damaged bytes in the before-restore copy', (_, index) => {
    const w = restoreWorld();
    const db = open(w.store, true);
    const pageSize = db.pragma('page_size', { simple: true }) as number;
    const page = index === null ? 1 : (db.prepare('SELECT rootpage FROM sqlite_master WHERE name = ?').pluck().get(index) as number);
    close(db);
    const damaged = readFileSync(w.store);
    expect(page * pageSize).toBeLessThan(damaged.length);
    damaged.fill(0x55, (page - 1) * pageSize, (page - 1) * pageSize + 200);
    writeFileSync(w.store, damaged);

    const r = w.run(['restore', w.backup, '--yes'], at('2026-03-02T10:30:00Z'));
    const safety = join(w.backups, 'engram-20260302-103000.before-restore.db');
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(new RegExp(`^Restore: {3}${w.backup}\\n {11}${BACKUP_FACTS}\\nover: {6}${w.store}\\n {11}unreadable \\((it fails SQLite's check: |file is not a database)`));
    expect(r.stdout).toContain(`\nRestored: ${BACKUP_FACTS}.\nThe damaged store as it was, byte for byte (for recovery tools; engram cannot restore it as it is):\n  ${safety}\n`);
    expect(rows(w.store)).toEqual(w.atBackup);
    expect(integrity(w.store)).toBe('ok');
    expect(readFileSync(safety).equals(damaged)).toBe(true);
  });
});

describe('engram restore at the terminal', () => {
  it('answering y at the question restores', async () => {
    const w = restoreWorld();
    const s = new PtySession(['restore', w.backup], { cwd: w.work, home: w.home, cols: 100, rows: 30 });
    await s.waitFor('[y/N]');
    expect(s.textSince()).toContain(`over:      ${w.store}\n           ${STORE_FACTS}\nReplace the store with the backup? The current store is backed up first. [y/N] `);
    s.write('y\r');
    expect((await s.waitForExit()).exitCode).toBe(0);
    expect(s.textSince()).toContain(`Restored: ${BACKUP_FACTS}.`);
    expect(rows(w.store)).toEqual(w.atBackup);
    expect(rows(join(w.backups, 'engram-20260302-100000.before-restore.db'))).toEqual(w.now);
  });

  it('answering n (or just Enter) restores nothing (exit 1)', async () => {
    const w = restoreWorld();
    const bytes = readFileSync(w.store);
    for (const reply of ['n\r', '\r']) {
      const s = new PtySession(['restore', w.backup], { cwd: w.work, home: w.home, cols: 100, rows: 30 });
      await s.waitFor('[y/N]');
      s.write(reply);
      expect((await s.waitForExit()).exitCode).toBe(1);
      expect(s.textSince()).toContain('engram: nothing restored.');
    }
    expect(readFileSync(w.store).equals(bytes)).toBe(true);
    expect(backupNames(w.store)).toEqual(['engram-20260301-080000.manual.db']);
  });
});
