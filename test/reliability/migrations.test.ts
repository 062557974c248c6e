import Database from 'better-sqlite3';
import { createHash } from 'node:crypto';
import { copyFileSync, existsSync, readdirSync, readFileSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { scheduleSettings } from '../../src/app/settings/study-settings.js';
import { defaultSettings } from '../../src/app/settings/settings.js';
import { Scheduler } from '../../src/schedule/fsrs-scheduler.js';
import { timeStamp } from '../../src/store/backup.js';
import { PHASE_CODES } from '../../src/store/card-state-rows.js';
import { MIGRATIONS, SCHEMA_VERSION } from '../../src/store/migrations.js';
import { deckModels } from '../../src/store/deck-models.js';
import { openStore } from '../../src/store/open-store.js';
import { PtySession } from '../e2e/pty-session.js';
import { runEngram } from '../helpers/run-engram.js';
import { quarters, quartersFromScratch } from '../helpers/tallies-from-scratch.js';
import { tempDir } from '../helpers/temp-dir.js';
import { suiteFigures } from './figures.js';

const FIXTURES = fileURLToPath(new URL('../fixtures/stores/', import.meta.url));
const figures = suiteFigures('migrations', ['versions', 'rows checked']);

/** Every table of a store: its columns, and its rows in a fixed order. */
interface Dump {
  version: number;
  tables: Record<string, { columns: string[]; rows: unknown[][] }>;
}

function dump(path: string): Dump {
  const db = new Database(path, { readonly: true, fileMustExist: true });
  try {
    const names = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name").pluck().all() as string[];
    const tables: Dump['tables'] = {};
    for (const name of names) {
      const columns = db.prepare('SELECT name FROM pragma_table_info(?)').pluck().all(name) as string[];
      tables[name] = { columns, rows: selectRows(db, name, columns) };
    }
    return { version: db.pragma('user_version', { simple: true }) as number, tables };
  } finally {
    db.close();
  }
}

function selectRows(db: Database.Database, table: string, columns: readonly string[]): unknown[][] {
  const list = columns.map((c) => `"${c}"`).join(', ');
  const order = columns.map((_, i) => i + 1).join(', ');
  return db.prepare(`SELECT ${list} FROM "${table}" ORDER BY ${order}`).raw().all() as unknown[][];
}

function schemaOf(db: Database.Database): unknown[] {
  return db.prepare("SELECT type, name, tbl_name, sql FROM sqlite_master WHERE name NOT LIKE 'sqlite_%' ORDER BY type, name").all();
}

function fileHash(path: string): string {
  return createHash('sha256').update(readFileSync(path)).digest('hex');
}

/** The backups taken before migrating, in the store's folder. */
function migrationBackups(dir: string): string[] {
  const folder = join(dir, 'backups');
  return existsSync(folder) ? readdirSync(folder).filter((n) => /\.before-v\d+\.db$/.test(n)).sort() : [];
}

/** The default schedule of a new user, on the clock the fixtures were made with. */
const scheduler = new Scheduler(scheduleSettings({ ...defaultSettings(), 'time-zone': 'UTC' }));

/** What `engram due` ends with on each fixture at the tests' fixed clock (2026-03-02 10:00 UTC). */
const DUE_LINE: Record<number, string> = {
  1: 'Due today: 0 new cards, 0 learning cards, 6 reviews.',
  2: 'Due today: 0 new cards, 0 learning cards, 4 reviews.',
  3: 'Due today: 0 new cards, 0 learning cards, 5 reviews.',
  4: 'Due today: 0 new cards, 0 learning cards, 5 reviews.',
  5: 'Due today: 0 new cards, 0 learning cards, 3 reviews.',
  6: 'Due today: 0 new cards, 0 learning cards, 3 reviews.',
  7: 'Due today: 0 new cards, 0 learning cards, 3 reviews.',
  8: 'Due today: 0 new cards, 0 learning cards, 3 reviews.',
  9: 'Due today: 0 new cards, 0 learning cards, 3 reviews.',
  10: 'Due today: 0 new cards, 0 learning cards, 3 reviews.',
  11: 'Due today: 0 new cards, 0 learning cards, 3 reviews.',
  12: 'Due today: 0 new cards, 0 learning cards, 3 reviews.',
  13: 'Due today: 0 new cards, 0 learning cards, 3 reviews.',
  14: 'Due today: 0 new cards, 0 learning cards, 3 reviews.',
  15: 'Due today: 0 new cards, 0 learning cards, 3 reviews.',
};

/** What schema 7 fills from the history a store already has, instead of defaults. */
const BACKFILLED = new Set(['reviews.event_id', 'cards.fuzz_seed', 'sync_events', 'sync_device', 'review_quarters', 'review_quarters_state']);

/**
 * Caches of the log that schema 8 makes again: the per-day tallies, counted
 * from the log before, are made from the quarter-hour tallies by the next
 * `engram stats` (and checked against a count of the log below).
 */
const REMADE = new Set(['review_days', 'review_days_state']);

/**
 * Schema 7 turned the history into this device's first events: one answer
 * event per review (its id on the review, its card's key in the event), the
 * standing suspensions and drops, none sent yet; reviewed cards keep their id
 * as the fuzz seed, so their cached states stay the replay of their log.
 */
function expectHistoryBackfilled(db: Database.Database): void {
  const count = (sql: string) => db.prepare(sql).pluck().get() as number;
  const reviews = count('SELECT count(*) FROM reviews');
  expect(count("SELECT count(*) FROM reviews r JOIN sync_events e ON e.id = r.event_id AND e.kind = 'answer' AND e.card_id = r.card_id JOIN cards c ON c.id = r.card_id AND c.key = e.card_key")).toBe(reviews);
  const flags = count('SELECT (SELECT count(*) FROM cards WHERE suspended_at IS NOT NULL) + (SELECT count(*) FROM cards WHERE dropped_at IS NOT NULL)');
  expect(count('SELECT count(*) FROM sync_events')).toBe(reviews + flags);
  expect(count('SELECT count(*) FROM sync_events WHERE sent = 1 OR folded = 0')).toBe(0);
  expect(count('SELECT count(DISTINCT device) FROM sync_events')).toBe(reviews + flags > 0 ? 1 : 0);
  expect(count('SELECT count(*) FROM cards WHERE fuzz_seed IS NOT (CASE WHEN EXISTS (SELECT 1 FROM reviews r WHERE r.card_id = cards.id) THEN CAST(id AS TEXT) END)')).toBe(0);
}

describe('fixture stores', () => {
  it('exist for every schema version engram has had', () => {
    const have = readdirSync(FIXTURES).filter((n) => n.endsWith('.db')).sort();
    expect(have).toEqual(MIGRATIONS.map((m) => `v${m.version}.db`).sort());
  });
});

describe.each(MIGRATIONS.map((m) => m.version))('a store of schema version %i', (version) => {
  it('opens migrated, whole, with a backup of itself as it was', () => {
    const fixture = join(FIXTURES, `v${version}.db`);
    const dir = tempDir();
    const path = join(dir, `v${version}.db`);
    copyFileSync(fixture, path);
    // Last written long ago: the backup is named after that write, not after anything opening the store does.
    const written = new Date('2026-01-02T03:04:05Z');
    utimesSync(path, written, written);
    const stamp = timeStamp(written.getTime());
    const before = dump(fixture);
    expect(before.version).toBe(version);

    const store = openStore(path, { create: false });
    try {
      const db = store.db;
      expect(db.pragma('user_version', { simple: true })).toBe(SCHEMA_VERSION);
      expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
      expect(db.pragma('foreign_key_check')).toEqual([]);

      // Every row of every old table is still there; new columns hold their defaults, new tables nothing.
      let rows = 0;
      for (const [name, old] of Object.entries(before.tables)) {
        if (REMADE.has(name) && version < 8) {
          expect(db.prepare(`SELECT count(*) FROM "${name}"`).pluck().get(), `${name} is made again`).toBe(0);
          continue;
        }
        expect(selectRows(db, name, old.columns), `${name} of v${version}`).toEqual(old.rows);
        rows += old.rows.length;
        const added = (db.prepare('SELECT name, dflt_value AS dflt FROM pragma_table_info(?)').all(name) as { name: string; dflt: string | null }[]).filter(
          (c) => !old.columns.includes(c.name),
        );
        for (const c of added) {
          // Schema 7 fills these from the history (checked below), the rest hold defaults.
          if (BACKFILLED.has(`${name}.${c.name}`)) continue;
          const other = db.prepare(`SELECT count(*) FROM "${name}" WHERE NOT ("${c.name}" IS ${c.dflt ?? 'NULL'})`).pluck().get();
          expect(other, `${name}.${c.name} holds its default`).toBe(0);
        }
      }
      const tables = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'").pluck().all() as string[];
      for (const name of tables.filter((t) => !(t in before.tables) && !BACKFILLED.has(t))) {
        expect(db.prepare(`SELECT count(*) FROM "${name}"`).pluck().get(), `new table ${name}`).toBe(0);
      }
      if (version < 7) expectHistoryBackfilled(db);
      // The quarter-hour tallies hold every review whose facts are known, as a count of the log gives them.
      expect(quarters(store)).toEqual(quartersFromScratch(store));
      expect(db.prepare('SELECT folded_through FROM review_quarters_state').pluck().get()).toBe(db.prepare('SELECT max(id) FROM reviews').pluck().get());
      figures['rows checked'] += rows;

      // The same schema as a store created by this engram.
      const fresh = openStore(join(dir, 'fresh', 'engram.db'), { create: true });
      expect(schemaOf(db)).toEqual(schemaOf(fresh.db));
      fresh.close();

      // The cached states are still the replay of the log with the default settings.
      const cached = db.prepare('SELECT * FROM card_state ORDER BY card_id').all() as Record<string, number | null>[];
      expect(cached.length).toBeGreaterThan(5);
      for (const row of cached) {
        const reviews = db.prepare('SELECT reviewed_at AS reviewedAt, rating FROM reviews WHERE card_id = ? ORDER BY id').all(row['card_id']) as { reviewedAt: number; rating: 1 | 2 | 3 | 4 }[];
        const s = scheduler.replay(row['card_id']!, reviews)!;
        expect(row, `card ${row['card_id']}`).toEqual({
          card_id: row['card_id'],
          state: PHASE_CODES[s.phase],
          due: s.due,
          stability: s.stability,
          difficulty: s.difficulty,
          scheduled_days: s.scheduledDays,
          learning_steps: s.learningSteps,
          reps: s.reps,
          lapses: s.lapses,
          last_review: s.lastReview,
        });
      }
    } finally {
      store.close();
    }

    // One backup, named for the store and the time it was last written, holding it exactly as it was.
    const backups = migrationBackups(dir);
    if (version === SCHEMA_VERSION) {
      expect(backups).toEqual([]);
    } else {
      expect(backups).toEqual([`v${version}-${stamp}.before-v${SCHEMA_VERSION}.db`]);
      expect(dump(join(dir, 'backups', backups[0]!))).toEqual(before);
    }

    // Opened again: nothing more to migrate, no second backup.
    openStore(path, { create: false }).close();
    expect(migrationBackups(dir)).toEqual(backups);
    figures.versions++;
  });

  it('works with the commands a user runs next', () => {
    const dir = tempDir();
    const home = tempDir();
    const path = join(dir, `v${version}.db`);
    copyFileSync(join(FIXTURES, `v${version}.db`), path);
    const before = dump(path);

    const due = runEngram(['due', '--db', path], { cwd: dir, home });
    expect(due.stderr).toBe('');
    expect(due.status).toBe(0);
    expect(due.stdout.trimEnd().split('\n').at(-1)).toBe(DUE_LINE[version]);

    const stats = runEngram(['stats', '--json', '--db', path], { cwd: dir, home });
    expect(stats.stderr).toBe('');
    expect(stats.status).toBe(0);
    const data = JSON.parse(stats.stdout) as { decks: string[]; history: { reviews: number; firstDay: string; lastDay: string } };
    expect(data.decks).toEqual(before.tables['decks']!.rows.map((r) => r[1]).sort());
    expect(data.history.reviews).toBe(before.tables['reviews']!.rows.length);
    expect(data.history.firstDay).toBe('2026-01-05');

    // The card dropped in version 6 stays dropped, with its history; older stores have none.
    const dropped = runEngram(['cards', '--dropped', '--json', '--db', path], { cwd: dir, home });
    expect([dropped.status, dropped.stderr]).toEqual([version >= 6 ? 0 : 4, '']);
    expect((JSON.parse(dropped.stdout) as { id: number; droppedAt: string }[]).map((c) => [c.id, c.droppedAt])).toEqual(
      version >= 6 ? [[13, '2026-03-01T09:00:00.000Z']] : [],
    );

    // stats filled in what each card was when answered, for the reviews that had no record of it.
    const db = new Database(path, { readonly: true });
    expect(db.prepare('SELECT count(*) FROM reviews WHERE state_before IS NULL').pluck().get()).toBe(0);
    db.close();
    expect(migrationBackups(dir)).toHaveLength(version === SCHEMA_VERSION ? 0 : 1);
  });
});

describe('the memory model of each deck (schema 10)', () => {
  it('is FSRS-6 for every deck of a store of the previous version, its parameters and history kept', () => {
    const dir = tempDir();
    const previous = MIGRATIONS.findLast((m) => m.version < 10)!.version;
    const path = join(dir, `v${previous}.db`);
    copyFileSync(join(FIXTURES, `v${previous}.db`), path);
    const before = dump(path);
    const store = openStore(path, { create: false });
    try {
      const names = (before.tables['decks']!.rows.map((r) => r[1]) as string[]).sort();
      expect(deckModels(store)).toEqual(new Map(names.map((n) => [n, 'FSRS-6'])));
      expect(selectRows(store.db, 'reviews', before.tables['reviews']!.columns)).toEqual(before.tables['reviews']!.rows);
      expect(selectRows(store.db, 'card_state', before.tables['card_state']!.columns)).toEqual(before.tables['card_state']!.rows);
    } finally {
      store.close();
    }
  });

  it('a model this engram does not know is refused by the commands with a clear message and exit 2, the store left as it was', () => {
    const dir = tempDir();
    const home = tempDir();
    const path = join(dir, 'later.db');
    copyFileSync(join(FIXTURES, `v${SCHEMA_VERSION}.db`), path);
    const db = new Database(path);
    db.prepare("UPDATE decks SET model = 'FSRS-7' WHERE name = 'capitals'").run();
    db.close();
    const hash = fileHash(path);
    for (const args of [['due'], ['stats'], ['optimize', '--dry-run']]) {
      const r = runEngram([...args, '--db', path], { cwd: dir, home });
      expect([r.status, r.stdout], args.join(' ')).toEqual([2, '']);
      expect(r.stderr).toBe(
        `engram: unknown memory model "FSRS-7" (deck "capitals" of the store ${path}): this engram knows FSRS-6 (21 parameters). A newer engram may know it: upgrade engram; the store was not changed.\n`,
      );
    }
    expect(fileHash(path)).toBe(hash);
  });
});

describe('a store from a newer engram', () => {
  /** v4.db as an engram of the next schema version would leave it: WAL mode, closed cleanly. */
  function newerStore(): { dir: string; path: string } {
    const dir = tempDir();
    const path = join(dir, 'engram.db');
    copyFileSync(join(FIXTURES, `v${SCHEMA_VERSION}.db`), path);
    const db = new Database(path);
    db.pragma('journal_mode = WAL');
    db.pragma(`user_version = ${SCHEMA_VERSION + 1}`);
    db.close();
    return { dir, path };
  }

  /** The arguments each store command needs to get as far as opening the store. */
  const ARGS: Record<string, string[]> = {
    suspend: ['1'],
    unsuspend: ['1'],
    bury: ['1'],
    drop: ['1'],
    undrop: ['1'],
    trust: ['shell'],
    untrust: ['shell'],
    run: ['1'],
    export: ['--what', 'reviews'],
  };
  /** Commands that need a terminal, driven through a pseudo-terminal instead. */
  const TERMINAL = ['review', 'quiz'];
  /**
   * Not refusals: `doctor` reports the store's problem among its findings;
   * `restore` replaces the store with a backup (backing it up first) - what a
   * user asks for when a newer engram's store must go.
   */
  const REPORTS = ['doctor', 'restore'];

  function storeCommands(home: string): string[] {
    const help = runEngram(['--help'], { cwd: home, home }).stdout;
    const names = [...help.slice(help.indexOf('Commands:')).matchAll(/^ {2}([a-z-]+)/gm)].map((m) => m[1]!);
    return names.filter((name) => name !== 'help' && /^ {2}--db /m.test(runEngram([name, '--help'], { cwd: home, home }).stdout));
  }

  it('is refused by every store command with a clear message and exit code 2, and left as it was', async () => {
    const { dir, path } = newerStore();
    const home = tempDir();
    const work = tempDir();
    const deck = join(work, 'deck.md');
    writeFileSync(deck, 'Q: What does TCP add on top of IP?\nA: Ordered, reliable byte streams.\n');
    const files = readdirSync(dir).sort();
    const hash = fileHash(path);
    const message = `engram: the store ${path} was written by a newer engram (schema version ${SCHEMA_VERSION + 1}; this engram knows up to ${SCHEMA_VERSION}). Upgrade engram; the store was not changed.\n`;
    const commands = storeCommands(home);
    expect(commands).toEqual(expect.arrayContaining(['import', 'due', 'decks', 'cards', 'stats', 'export', 'suspend', 'backup', ...TERMINAL, ...REPORTS]));

    const runs = commands.filter((c) => !TERMINAL.includes(c) && !REPORTS.includes(c)).map((c) => [c, ...(ARGS[c] ?? [])]);
    runs.push(['import', work], ['import', deck], ['due', work]);
    for (const args of runs) {
      const r = runEngram([...args, '--db', path], { cwd: work, home });
      expect({ args, status: r.status, stderr: r.stderr, stdout: r.stdout }).toEqual({ args, status: 2, stderr: message, stdout: '' });
      expect(fileHash(path), args.join(' ')).toBe(hash);
      expect(readdirSync(dir).sort(), args.join(' ')).toEqual(files);
    }

    const doctor = runEngram(['doctor', '--db', path], { cwd: work, home });
    expect(doctor.status).not.toBe(0);
    expect(doctor.stdout).toContain(message.slice('engram: '.length, -1));

    for (const command of TERMINAL) {
      const session = new PtySession([command, '--db', path], { cwd: work, home, cols: 100, rows: 30 });
      const exit = await session.exited;
      expect(session.textSince().replace(/\n/g, '')).toContain(message.replace(/\n/g, ''));
      expect(exit.exitCode).toBe(2);
    }
    expect(fileHash(path)).toBe(hash);
    expect(readdirSync(dir).sort()).toEqual(files);
  });
});
