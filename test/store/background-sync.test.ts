import * as fs from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { openStore, type Store } from '../../src/store/open-store.js';
import { tempDir } from '../helpers/temp-dir.js';

// The store's fsync calls, recorded and carried out.
const synced = vi.hoisted(() => ({ fds: [] as number[] }));
vi.mock('node:fs', async (importOriginal) => {
  const real = await importOriginal<typeof import('node:fs')>();
  return {
    ...real,
    fsync: (fd: number, done: (err: NodeJS.ErrnoException | null) => void) => {
      synced.fds.push(fd);
      real.fsync(fd, done);
    },
  };
});

const opened: Store[] = [];
afterEach(() => {
  while (opened.length) opened.pop()!.close();
  synced.fds.length = 0;
});

/** A store with one committed write in its log. */
function written(): Store {
  const store = openStore(join(tempDir(), 'engram.db'), { create: true });
  opened.push(store);
  store.holdCheckpoints();
  store.transaction(() => store.db.prepare('INSERT INTO decks (name, created_at) VALUES (?, 0)').run('a'));
  return store;
}

/** Lets the event loop take its next turn (timers included). */
const nextTurn = () => new Promise<void>((done) => setTimeout(done, 5));

describe('a background sync of the write-ahead log', () => {
  it('is made on the next turn of the event loop, not while the caller runs, once however often it was asked for', async () => {
    const store = written();
    store.syncInBackground();
    store.syncInBackground();
    expect(synced.fds).toEqual([]);
    await nextTurn();
    expect(synced.fds).toHaveLength(1);
    expect(fs.fstatSync(synced.fds[0]!).ino).toBe(fs.statSync(`${store.path}-wal`).ino);
    store.syncInBackground();
    await nextTurn();
    expect(synced.fds).toHaveLength(2);
  });

  it('is not made once the store has closed (closing checkpointed the log)', async () => {
    const store = written();
    store.syncInBackground();
    store.close();
    await nextTurn();
    expect(synced.fds).toEqual([]);
    expect(fs.existsSync(`${store.path}-wal`)).toBe(false);
  });
});
