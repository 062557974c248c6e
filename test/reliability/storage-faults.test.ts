import Database from 'better-sqlite3';
import { execFileSync, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, realpathSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { SCHEMA_VERSION } from '../../src/store/migrations.js';
import { engramEnv } from '../e2e/pty-session.js';
import { ENGRAM_BIN, type EngramRun } from '../helpers/run-engram.js';
import { tempDir } from '../helpers/temp-dir.js';
import { suiteFigures } from './figures.js';

const figures = suiteFigures('storage faults', ['faults tried', 'stores unchanged']);
const FIXTURES = fileURLToPath(new URL('../fixtures/stores/', import.meta.url));
const STACK = /^\s+at |SqliteError|node:internal|Error: /m;


/** Runs `engram args...`, inside `wrapper` (a bwrap command line) when given. */
function engram(args: readonly string[], o: { cwd: string; home: string; wrapper?: readonly string[]; env?: Record<string, string> }): EngramRun {
  const [command, ...rest] = [...(o.wrapper ?? []), process.execPath, ENGRAM_BIN, ...args];
  const r = spawnSync(command!, rest, { cwd: o.cwd, env: { ...engramEnv(o.home), ...o.env }, encoding: 'utf8' });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** A world for one test: a working folder with a deck in it, and a private HOME. */
function world(): { work: string; home: string; deck: string } {
  const work = realpathSync(tempDir('engram-faults-'));
  const home = join(work, 'home');
  const deck = join(work, 'deck');
  mkdirSync(home);
  mkdirSync(deck);
  writeFileSync(join(deck, 'new.md'), 'Q: What does DNS map?\nA: Names to addresses.\n\nQ: Which port does HTTPS use?\nA: 443\n');
  return { work, home, deck };
}

/**
 * A copy of a fixture store (by default of the current schema, so that opening
 * it migrates nothing) in a folder of its own, in WAL mode as engram leaves a
 * store (the fixtures are kept in one file).
 */
function storeWithHistory(parent: string, fixture = `v${SCHEMA_VERSION}.db`): { dir: string; path: string } {
  const dir = join(parent, 'store');
  mkdirSync(dir, { recursive: true });
  const path = join(dir, 'engram.db');
  copyFileSync(join(FIXTURES, fixture), path);
  const db = new Database(path);
  db.pragma('journal_mode = WAL');
  db.close();
  return { dir, path };
}

/** What a store is, to tell that a fault left it alone: its files and bytes, and what it holds. */
interface StoreState {
  files: string[];
  db: string;
  /** The write-ahead log's bytes; none and empty are the same log. */
  wal: string;
  reviews: number;
  rows: string;
}

function hashOf(path: string): string {
  return createHash('sha256').update(existsSync(path) ? readFileSync(path) : Buffer.alloc(0)).digest('hex');
}

/** The state of the store at `path`, read from a copy so that reading it changes nothing. */
function storeState(path: string, files = readdirSync(join(path, '..')).sort()): StoreState {
  const scratch = join(tempDir(), 'copy.db');
  copyFileSync(path, scratch);
  if (existsSync(`${path}-wal`)) copyFileSync(`${path}-wal`, `${scratch}-wal`);
  const db = new Database(scratch);
  try {
    const tables = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name").pluck().all() as string[];
    const rows = tables.map((t) => JSON.stringify(db.prepare(`SELECT * FROM "${t}" ORDER BY 1`).raw().all()));
    return {
      files,
      db: hashOf(path),
      wal: hashOf(`${path}-wal`),
      reviews: db.prepare('SELECT count(*) FROM reviews').pluck().get() as number,
      rows: createHash('sha256').update(rows.join('\n')).digest('hex'),
    };
  } finally {
    db.close();
  }
}

function expectUnchanged(path: string, before: StoreState, files?: string[]): void {
  expect(storeState(path, files)).toEqual(before);
  figures['stores unchanged']++;
}

/** The last line of stderr, where engram's error is (a warning may come first); and no stack trace anywhere. */
function errorLine(r: EngramRun): string {
  expect(r.stderr).not.toMatch(STACK);
  for (const line of r.stderr.trimEnd().split('\n').slice(0, -1)) expect(line).toMatch(/^engram: warning: /);
  figures['faults tried']++;
  return r.stderr.trimEnd().split('\n').at(-1)!;
}

const readOnlyLine = (path: string) =>
  `engram: the store ${path} is read-only (its file or its folder cannot be written), so nothing was changed. Make both writable, or copy the store to a writable folder and use --db <copy>.`;

describe('a read-only store', () => {
  /** bubblewrap mounts the store's folder read-only: as root, file modes would not stop a write. */
  const readOnly = (dir: string) => ['bwrap', '--dev-bind', '/', '/', '--ro-bind', dir, dir];

  it('cannot be written, even by root (the premise of these tests)', () => {
    const { work } = world();
    const { dir } = storeWithHistory(work);
    const r = spawnSync(readOnly(dir)[0]!, [...readOnly(dir).slice(1), 'sh', '-c', `touch ${dir}/x`], { encoding: 'utf8' });
    expect(r.status).not.toBe(0);
    expect(r.stderr).toContain('Read-only file system');
    expect(existsSync(join(dir, 'x'))).toBe(false);
  });

  it('serves every reading command as a writable store would', () => {
    const { work, home } = world();
    const { dir, path } = storeWithHistory(work);
    const writable = storeWithHistory(join(work, 'writable'));
    const before = storeState(path);
    for (const args of [['due'], ['decks'], ['stats'], ['stats', '--json'], ['cards'], ['export', '--what', 'reviews'], ['export', '--what', 'cards']]) {
      const r = engram([...args, '--db', path], { cwd: work, home, wrapper: readOnly(dir) });
      const expected = engram([...args, '--db', writable.path], { cwd: work, home });
      expect(expected.status).toBe(0);
      expect({ args, status: r.status, stdout: r.stdout }).toEqual({ args, status: 0, stdout: expected.stdout.replaceAll(writable.path, path) });
      // Nothing new to back up in a store no one can write: not even a warning.
      expect(r.stderr).toBe('');
      figures['faults tried']++;
    }
    expectUnchanged(path, before);
  });

  it('refuses every write with a message naming it, exit code 2, and is left as it was', () => {
    const { work, home, deck } = world();
    const { dir, path } = storeWithHistory(work);
    const before = storeState(path);
    const writes = [['import', deck], ['import'], ['due', deck], ['suspend', '1'], ['unsuspend', '8'], ['bury', '1'], ['trust', 'shell'], ['untrust', 'shell'], ['quiz']];
    for (const args of writes) {
      const r = engram([...args, '--db', path], { cwd: work, home, wrapper: readOnly(dir) });
      expect({ args, status: r.status, error: errorLine(r) }).toEqual({ args, status: 2, error: readOnlyLine(path) });
    }
    expectUnchanged(path, before);
  });

  it('is refused by review before its screen opens, in a terminal (script gives it one)', () => {
    const { work, home } = world();
    const { dir, path } = storeWithHistory(work);
    const before = storeState(path);
    const command = `${process.execPath} ${ENGRAM_BIN} review --db ${path}`;
    const r = spawnSync('bwrap', [...readOnly(dir).slice(1), 'script', '-qec', command, '/dev/null'], { cwd: work, env: engramEnv(home), encoding: 'utf8' });
    expect(r.status).toBe(2);
    expect(r.stdout.replaceAll('\r', '').trimEnd()).toBe(readOnlyLine(path));
    figures['faults tried']++;
    expectUnchanged(path, before);
  });

  it('of an older schema is read through a migration in memory, its file untouched and no backup taken', () => {
    const { work, home } = world();
    const { dir, path } = storeWithHistory(work, 'v1.db');
    const before = storeState(path);
    const r = engram(['due', '--db', path], { cwd: work, home, wrapper: readOnly(dir) });
    expect(r.status).toBe(0);
    expect(r.stdout.trimEnd().split('\n').at(-1)).toBe('Due today: 0 new cards, 0 learning cards, 6 reviews.');
    figures['faults tried']++;
    expectUnchanged(path, before);
  });

  it('left mid-write by a killed engram is read with its last commits; without its -shm it is refused with what to do', () => {
    const { work, home } = world();
    const { dir, path } = storeWithHistory(work);
    // An engram killed after a commit: the commit is in the -wal, beside its -shm index.
    const killed = spawnSync(
      process.execPath,
      [
        '-e',
        `const D = require(${JSON.stringify(createRequire(import.meta.url).resolve('better-sqlite3'))});
         const db = new D(${JSON.stringify(path)}); db.pragma('journal_mode = WAL'); db.pragma('wal_autocheckpoint = 0');
         db.prepare('UPDATE cards SET suspended_at = 1772000000000 WHERE id = 1').run(); process.kill(process.pid, 'SIGKILL');`,
      ],
      { encoding: 'utf8' },
    );
    expect(killed.signal).toBe('SIGKILL');
    expect(readdirSync(dir).sort()).toEqual(['engram.db', 'engram.db-shm', 'engram.db-wal']);
    const before = storeState(path);
    const r = engram(['cards', '--json', '--db', path], { cwd: work, home, wrapper: readOnly(dir) });
    expect(r.status).toBe(0);
    const cards = JSON.parse(r.stdout) as { id: number; suspended: boolean }[];
    expect(cards.filter((c) => c.suspended).map((c) => c.id)).toEqual([1, 8]);
    figures['faults tried']++;
    expectUnchanged(path, before);

    rmSync(`${path}-shm`);
    const withoutIndex = storeState(path);
    const refused = engram(['decks', '--db', path], { cwd: work, home, wrapper: readOnly(dir) });
    expect(refused.status).toBe(2);
    expect(errorLine(refused)).toBe(
      `engram: the store ${path} is read-only, and its last changes are still in ${path}-wal, which SQLite cannot read from a read-only folder without ${path}-shm. Make the folder writable and run any engram command once; after that it can be read read-only.`,
    );
    expectUnchanged(path, withoutIndex);
  });
});

describe('a full disk', () => {
  const MiB = 1024 * 1024;
  /** A deck too large to fit in what is left: 1,500 cards. */
  function bigDeck(work: string): string {
    const folder = join(work, 'big');
    mkdirSync(folder);
    const cards = Array.from({ length: 1500 }, (_, i) => `Q: Question ${i} about something worth remembering?\nA: Answer ${i}: ${'words '.repeat(30)}\n`);
    writeFileSync(join(folder, 'big.md'), cards.join('\n'));
    return folder;
  }

  /**
   * In a tmpfs of 2 MiB (bubblewrap mounts it over `mount`, visible only inside):
   * a copy of `store`, a file filling the disk up to `room` bytes, an import of a
   * large deck; the store's files are copied out after it for checking, then
   * the filler is removed and the import run again.
   */
  function worldWithStore(): { world: ReturnType<typeof world>; store: string } {
    const w = world();
    return { world: w, store: storeWithHistory(w.work).path };
  }

  function importOnFullDisk(w: ReturnType<typeof world>, store: string, room: number): { first: EngramRun; retry: EngramRun; out: string; path: string; inside: string } {
    const { work, home } = w;
    const mount = join(work, 'small-disk');
    const out = join(work, 'out');
    mkdirSync(mount);
    mkdirSync(out);
    const inside = join(mount, 'engram.db');
    const script = `
      set -u
      cp "$FIXTURE" "$STORE"
      free=$(( $(stat -f -c '%a * %S' "$MOUNT") ))
      if [ "$ROOM" -gt 0 ]; then head -c $(( free - ROOM )) /dev/zero > "$MOUNT/filler"; else head -c ${4 * MiB} /dev/zero > "$MOUNT/filler" 2>/dev/null; fi
      "$NODE" "$BIN" import "$DECK" --db "$STORE" > "$OUT/first.out" 2> "$OUT/first.err"; echo $? > "$OUT/first.status"
      for f in "$STORE" "$STORE-wal"; do [ -e "$f" ] && cp "$f" "$OUT/"; done
      ls "$MOUNT" > "$OUT/files"
      rm "$MOUNT/filler"
      "$NODE" "$BIN" import "$DECK" --db "$STORE" > "$OUT/retry.out" 2> "$OUT/retry.err"; echo $? > "$OUT/retry.status"
    `;
    const r = spawnSync('bwrap', ['--dev-bind', '/', '/', '--size', String(2 * MiB), '--tmpfs', mount, 'sh', '-c', script], {
      cwd: work,
      encoding: 'utf8',
      env: {
        ...engramEnv(home),
        FIXTURE: store,
        STORE: inside,
        MOUNT: mount,
        ROOM: String(room),
        NODE: process.execPath,
        BIN: ENGRAM_BIN,
        DECK: bigDeck(work),
        OUT: out,
      },
    });
    expect(r.stderr).toBe('');
    const read = (name: string): EngramRun => ({
      status: Number(readFileSync(join(out, `${name}.status`), 'utf8')),
      stdout: readFileSync(join(out, `${name}.out`), 'utf8'),
      stderr: readFileSync(join(out, `${name}.err`), 'utf8'),
    });
    // The tmpfs is gone with bubblewrap: the mount point is empty again.
    expect(readdirSync(mount)).toEqual([]);
    return { first: read('first'), retry: read('retry'), out, path: join(out, 'engram.db'), inside };
  }

  const fullLine = (path: string) =>
    `engram: the disk holding the store ${path} is full, so nothing was written; the store keeps everything saved before. Free some space and try again.`;

  for (const [what, room, leftovers] of [
    // SQLite cannot make the -shm index of the WAL: it leaves it half made, and an empty -wal.
    ['with no byte left (the store cannot even be opened)', 0, ['engram.db-shm', 'engram.db-wal']],
    // The import's transaction rolls back; the store is closed cleanly.
    ['with too little left for the import (SQLite runs out mid-write)', 160 * 1024, []],
  ] as const) {
    it(`stops an import ${what}: nothing written, the store whole, the import fine once there is space`, () => {
      const { world: w, store } = worldWithStore();
      const before = storeState(store, []);
      const { first, retry, path, inside, out } = importOnFullDisk(w, store, room);
      expect(first.status).toBe(2);
      expect(first.stdout).toBe('');
      expect(errorLine(first)).toBe(fullLine(inside));
      const files = readFileSync(join(out, 'files'), 'utf8').split('\n');
      expect(files.filter((f) => f.startsWith('engram.db-'))).toEqual(leftovers);
      // The same bytes in the database file, nothing in its log (none and empty alike), the same rows.
      expect(storeState(path, [])).toEqual(before);
      figures['stores unchanged']++;
      expect(retry.stderr).toBe('');
      expect(retry.status).toBe(0);
      expect(retry.stdout).toContain('1500 cards in 1 file: 1500 added');
    });
  }
});

describe('a store path that cannot hold a store', () => {
  it('says there is no store at a missing path (exit 2) and creates nothing; import creates the folders', () => {
    const { work, home, deck } = world();
    const path = join(work, 'no', 'such', 'dir', 'engram.db');
    for (const command of ['due', 'decks', 'stats', 'cards']) {
      const r = engram([command, '--db', path], { cwd: work, home });
      expect({ command, status: r.status, error: errorLine(r) }).toEqual({
        command,
        status: 2,
        error: `engram: no store at ${path} yet. Import some cards first, e.g. engram import decks/`,
      });
    }
    expect(existsSync(join(work, 'no'))).toBe(false);
    const imported = engram(['import', deck, '--db', path], { cwd: work, home });
    expect(imported.status).toBe(0);
    expect(statSync(path).isFile()).toBe(true);
  });

  it('names the file that stands where a folder should be, and leaves it alone', () => {
    const { work, home, deck } = world();
    const blocker = join(work, 'notes.txt');
    writeFileSync(blocker, 'my notes\n');
    const path = join(blocker, 'engram.db');
    const decks = engram(['decks', '--db', path], { cwd: work, home });
    expect([decks.status, errorLine(decks)]).toEqual([2, `engram: no store at ${path}: ${blocker} is a file, not a folder. Give the path of a store file with --db or ENGRAM_DB.`]);
    const imported = engram(['import', deck, '--db', path], { cwd: work, home });
    expect([imported.status, errorLine(imported)]).toEqual([
      2,
      `engram: cannot create the folder for the store ${path}: ${blocker} is a file, not a folder. Give the path of a store file with --db or ENGRAM_DB.`,
    ]);
    expect(readFileSync(blocker, 'utf8')).toBe('my notes\n');
  });

  it('refuses a folder given as the store, by --db or ENGRAM_DB, and leaves it empty', () => {
    const { work, home, deck } = world();
    const folder = join(work, 'stores');
    mkdirSync(folder);
    const line = `engram: ${folder} is a folder, not a store file. Give the path of a store file with --db or ENGRAM_DB, e.g. ${join(folder, 'engram.db')}.`;
    for (const [args, env] of [
      [['due'], { ENGRAM_DB: folder }],
      [['import', deck], { ENGRAM_DB: folder }],
      [['decks', '--db', folder], {}],
      [['import', deck, '--db', folder], {}],
    ] as const) {
      const r = engram(args, { cwd: work, home, env });
      expect({ args, status: r.status, error: errorLine(r) }).toEqual({ args, status: 2, error: line });
    }
    expect(readdirSync(folder)).toEqual([]);
  });

  it('refuses a file that is not a store without writing to it or beside it', () => {
    const { work, home, deck } = world();
    const dir = join(work, 'files');
    mkdirSync(dir);
    const path = join(dir, 'notes.db');
    writeFileSync(path, 'These are my notes, not a database.\n'.repeat(40));
    const before = hashOf(path);
    for (const args of [['decks'], ['import', deck], ['suspend', '1'], ['stats']]) {
      const r = engram([...args, '--db', path], { cwd: work, home });
      expect({ args, status: r.status, error: errorLine(r) }).toEqual({
        args,
        status: 2,
        error: `engram: ${path} is not an engram store (not a SQLite database). It was left as it is; give the path of a store with --db or ENGRAM_DB.`,
      });
    }
    expect(hashOf(path)).toBe(before);
    expect(readdirSync(dir)).toEqual(['notes.db']);
    figures['stores unchanged']++;
  });

  it('refuses a device given as the store', () => {
    const { work, home, deck } = world();
    const r = engram(['import', deck, '--db', '/dev/null'], { cwd: work, home });
    expect([r.status, errorLine(r)]).toEqual([2, 'engram: /dev/null is not a regular file, so it cannot hold a store. Give the path of a store file with --db or ENGRAM_DB.']);
    expect(execFileSync('stat', ['-c', '%F', '/dev/null'], { encoding: 'utf8' }).trim()).toBe('character special file');
  });
});
