import Database from 'better-sqlite3';
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { chmodSync, chownSync, copyFileSync, mkdirSync, readdirSync, readFileSync, realpathSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { engramEnv } from '../e2e/pty-session.js';
import { ENGRAM_BIN, type EngramRun } from '../helpers/run-engram.js';
import { tempDir } from '../helpers/temp-dir.js';
import { suiteFigures } from './figures.js';

/*
 * A store made read-only by file permissions (chmod), read by a user who is
 * not root: root ignores file modes, so as root the commands run as the
 * unprivileged uid 65534 (setpriv, util-linux), owning the store's files so
 * that only their modes stop a write. storage-faults.test.ts covers a
 * read-only mount.
 */

const figures = suiteFigures('read-only permissions', ['commands tried', 'stores unchanged']);
const FIXTURES = fileURLToPath(new URL('../fixtures/stores/', import.meta.url));
const IS_ROOT = process.getuid?.() === 0;
const USER = 65534;

/** Runs `engram args...` as a user who is not root. */
function engramAsUser(args: readonly string[], o: { cwd: string; home: string }): EngramRun {
  const drop = IS_ROOT ? ['setpriv', `--reuid=${USER}`, `--regid=${USER}`, '--clear-groups'] : [];
  const [command, ...rest] = [...drop, process.execPath, ENGRAM_BIN, ...args];
  const r = spawnSync(command!, rest, { cwd: o.cwd, env: engramEnv(o.home), encoding: 'utf8' });
  figures['commands tried']++;
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

const locked: string[] = [];

/** Makes the store folder read-only (555), writable again after the test so that its temporary folder can be removed. */
function lockFolder(dir: string): void {
  chmodSync(dir, 0o555);
  locked.push(dir);
}

// Registered after tempDir's cleanup, so it runs before it.
afterEach(() => {
  while (locked.length) chmodSync(locked.pop()!, 0o755);
});

/** Gives every file under `dir` to the unprivileged user, when the tests run as root. */
function giveToUser(dir: string): void {
  if (!IS_ROOT) return;
  chownSync(dir, USER, USER);
  for (const name of readdirSync(dir, { recursive: true }) as string[]) chownSync(join(dir, name), USER, USER);
}

/**
 * A world the user owns: a HOME, and the store folder holding a copy of a
 * fixture store (v4: 13 cards, 89 reviews), brought to the current schema by
 * a writable engram and closed cleanly (no -wal or -shm left).
 */
function world(fixture = 'v4.db', o: { upgrade: boolean } = { upgrade: true }): { work: string; home: string; dir: string; path: string } {
  const work = realpathSync(tempDir('engram-read-only-'));
  // mkdtemp makes the folder private to root; the user must get into it.
  chmodSync(work, 0o755);
  const home = join(work, 'home');
  const dir = join(work, 'store');
  mkdirSync(home);
  mkdirSync(dir);
  const path = join(dir, 'engram.db');
  copyFileSync(join(FIXTURES, fixture), path);
  const db = new Database(path);
  db.pragma('journal_mode = WAL');
  db.close();
  giveToUser(work);
  if (o.upgrade) expect(engramAsUser(['decks', '--db', path], { cwd: work, home }).status).toBe(0);
  return { work, home, dir, path };
}

/** The store folder's files and each one's bytes, to tell that nothing was written or left beside the store. */
function folderState(dir: string): Record<string, string> {
  const state: Record<string, string> = {};
  for (const name of readdirSync(dir).sort()) {
    const path = join(dir, name);
    state[name] = statSync(path).isDirectory() ? 'folder' : createHash('sha256').update(readFileSync(path)).digest('hex');
  }
  return state;
}

const READING = [['due'], ['decks'], ['stats'], ['stats', '--json'], ['cards'], ['export', '--what', 'reviews'], ['export', '--what', 'cards'], ['export', '--what', 'stats']];

const readOnlyLine = (path: string) =>
  `engram: the store ${path} is read-only (its file or its folder cannot be written), so nothing was changed. Make both writable, or copy the store to a writable folder and use --db <copy>.`;

describe('a store made read-only by file permissions, for a user who is not root', () => {
  it('cannot be written by that user (the premise of these tests)', () => {
    const { work, dir } = world('v4.db', { upgrade: false });
    lockFolder(dir);
    const drop = IS_ROOT ? ['setpriv', `--reuid=${USER}`, `--regid=${USER}`, '--clear-groups'] : [];
    const r = spawnSync(drop[0] ?? 'touch', [...drop.slice(1), ...(IS_ROOT ? ['touch'] : []), join(dir, 'x')], { cwd: work, encoding: 'utf8' });
    expect(r.status).not.toBe(0);
    expect(r.stderr).toContain('Permission denied');
  });

  it('in a chmod 555 folder, file 444: every reading command works as on a writable copy, and nothing is written', () => {
    const { work, home, dir, path } = world();
    const writable = world();
    chmodSync(path, 0o444);
    lockFolder(dir);
    const before = folderState(dir);
    for (const args of READING) {
      const r = engramAsUser([...args, '--db', path], { cwd: work, home });
      const expected = engramAsUser([...args, '--db', writable.path], { cwd: writable.work, home: writable.home });
      expect(expected.status).toBe(0);
      expect({ args, status: r.status, stderr: r.stderr, stdout: r.stdout }).toEqual({
        args,
        status: 0,
        stderr: '',
        stdout: expected.stdout.replaceAll(writable.path, path),
      });
    }
    expect(folderState(dir)).toEqual(before);
    figures['stores unchanged']++;
  });

  it('refuses a write with the read-only message, exit 2, and changes nothing', () => {
    const { work, home, dir, path } = world();
    chmodSync(path, 0o444);
    lockFolder(dir);
    const before = folderState(dir);
    for (const args of [['suspend', '1'], ['bury', '1'], ['trust', 'shell']]) {
      const r = engramAsUser([...args, '--db', path], { cwd: work, home });
      expect({ args, status: r.status, stderr: r.stderr.trimEnd() }).toEqual({ args, status: 2, stderr: readOnlyLine(path) });
    }
    expect(folderState(dir)).toEqual(before);
    figures['stores unchanged']++;
  });

  it('with only the file read-only (444, folder writable): read without leaving -wal or -shm files that would block writing it later', () => {
    const { work, home, dir, path } = world();
    chmodSync(path, 0o444);
    const before = folderState(dir);
    expect(engramAsUser(['decks', '--db', path], { cwd: work, home }).status).toBe(0);
    expect(folderState(dir)).toEqual(before);
    figures['stores unchanged']++;
    // The user makes it writable again: writing works at once.
    chmodSync(path, 0o644);
    const r = engramAsUser(['suspend', '2', '--db', path], { cwd: work, home });
    expect({ status: r.status, stderr: r.stderr }).toEqual({ status: 0, stderr: '' });
  });

  it('left by a killed engram (-wal and -shm beside it), all read-only: read with its last commit', () => {
    const { work, home, dir, path } = world();
    const sqlite = JSON.stringify(createRequire(import.meta.url).resolve('better-sqlite3'));
    const killed = spawnSync(
      process.execPath,
      [
        '-e',
        `const D = require(${sqlite}); const db = new D(${JSON.stringify(path)}); db.pragma('wal_autocheckpoint = 0');
         db.prepare('UPDATE cards SET suspended_at = 1772000000000 WHERE id = 1').run(); process.kill(process.pid, 'SIGKILL');`,
      ],
      { encoding: 'utf8' },
    );
    expect(killed.signal).toBe('SIGKILL');
    giveToUser(dir);
    for (const name of readdirSync(dir)) if (name.startsWith('engram.db')) chmodSync(join(dir, name), 0o444);
    lockFolder(dir);
    const before = folderState(dir);
    const r = engramAsUser(['cards', '--json', '--db', path], { cwd: work, home });
    expect({ status: r.status, stderr: r.stderr }).toEqual({ status: 0, stderr: '' });
    const cards = JSON.parse(r.stdout) as { id: number; suspended: boolean }[];
    expect(cards.filter((c) => c.suspended).map((c) => c.id)).toEqual([1, 8]);
    expect(folderState(dir)).toEqual(before);
    figures['stores unchanged']++;
  });

  it('of an older schema: read through a migration in memory, the file untouched and no backup taken', () => {
    const { work, home, dir, path } = world('v1.db', { upgrade: false });
    chmodSync(path, 0o444);
    lockFolder(dir);
    const before = folderState(dir);
    const r = engramAsUser(['due', '--db', path], { cwd: work, home });
    expect({ status: r.status, stderr: r.stderr }).toEqual({ status: 0, stderr: '' });
    expect(r.stdout.trimEnd().split('\n').at(-1)).toBe('Due today: 0 new cards, 0 learning cards, 6 reviews.');
    expect(folderState(dir)).toEqual(before);
    figures['stores unchanged']++;
  });
});
