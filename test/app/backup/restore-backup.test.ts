import Database from 'better-sqlite3';
import { copyFileSync, existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { planRestore, restoreBackup } from '../../../src/app/backup/restore-backup.js';
import { takeBackup } from '../../../src/app/backup/take-backup.js';
import { SCHEMA_VERSION } from '../../../src/store/migrations.js';
import { storeFileFacts } from '../../../src/store/backup.js';
import { deckFile, NOW, numbered, rejected, storeWithDecks, thrown, type DeckWorld } from '../../helpers/store-with-decks.js';

const LATER = NOW + 3_600_000;

/** A store of 3 cards whose backup (taken at NOW) holds 2 of them. */
function world(): { w: DeckWorld; backup: string; show: (p: string) => string } {
  const w = storeWithDecks({ 'a.md': deckFile('a', numbered('a', 2)) });
  const backup = takeBackup(w.storePath, NOW, (p) => p).path;
  w.add({ 'b.md': deckFile('b', ['b 1']) });
  return { w, backup, show: (p) => relative(w.dir, p) };
}

/** A confirm callback that answers `answer` and counts the times it was asked. */
function asker(answer: boolean): { confirm: () => Promise<boolean>; asked: number } {
  const a = {
    asked: 0,
    confirm: async () => {
      a.asked++;
      return answer;
    },
  };
  return a;
}

describe('planRestore', () => {
  it('reads what the backup and the store hold, without changing either', () => {
    const { w, backup, show } = world();
    const before = readFileSync(w.storePath);
    const plan = planRestore(w.storePath, backup, show);
    expect(plan).toEqual({
      source: backup,
      incoming: { schemaVersion: SCHEMA_VERSION, cards: 2, reviews: 0, lastReview: null },
      store: w.storePath,
      current: { schemaVersion: SCHEMA_VERSION, cards: 3, reviews: 0, lastReview: null },
      unreadable: null,
    });
    expect(readFileSync(w.storePath).equals(before)).toBe(true);
  });

  it('refuses the store itself, a file that is no engram store, and one from a newer engram (usage); a missing file is not found', () => {
    const { w, backup, show } = world();
    expect(thrown(() => planRestore(w.storePath, w.storePath, show))).toEqual({
      kind: 'usage',
      message: 'engram.db is the store itself; give a backup file (engram backup --list shows them).',
    });
    expect(thrown(() => planRestore(w.storePath, join(w.dir, 'gone.db'), show))).toEqual({
      kind: 'notFound',
      message: 'no file gone.db. engram backup --list shows the backups there are.',
    });
    const other = new Database(join(w.dir, 'other.db'));
    other.exec('CREATE TABLE notes (text TEXT)');
    other.close();
    expect(thrown(() => planRestore(w.storePath, join(w.dir, 'other.db'), show))).toEqual({
      kind: 'usage',
      message: 'other.db cannot be restored: it is not an engram store (no cards or reviews tables).',
    });
    copyFileSync(backup, join(w.dir, 'newer.db'));
    const newer = new Database(join(w.dir, 'newer.db'));
    newer.pragma(`user_version = ${SCHEMA_VERSION + 1}`);
    newer.close();
    expect(thrown(() => planRestore(w.storePath, join(w.dir, 'newer.db'), show))).toEqual({
      kind: 'usage',
      message: `newer.db was written by a newer engram (schema version ${SCHEMA_VERSION + 1}; this one knows up to ${SCHEMA_VERSION}). Upgrade engram to restore it.`,
    });
  });

  it('plans over a store that is not there yet', () => {
    const { w, backup, show } = world();
    const plan = planRestore(join(w.dir, 'new', 'engram.db'), backup, show);
    expect([plan.current, plan.unreadable]).toEqual([null, null]);
  });
});

describe('restoreBackup', () => {
  it('replaces nothing when confirm says no (failed: nothing restored)', async () => {
    const { w, backup, show } = world();
    const before = readFileSync(w.storePath);
    const ask = asker(false);
    expect(await rejected(restoreBackup(planRestore(w.storePath, backup, show), { now: LATER, confirm: ask.confirm, showPath: show }))).toEqual({
      kind: 'failed',
      message: 'nothing restored.',
    });
    expect(ask.asked).toBe(1);
    expect(readFileSync(w.storePath).equals(before)).toBe(true);
    expect(readdirSync(join(w.dir, 'backups'))).toEqual(['engram-20260302-100000.manual.db']);
  });

  it('once confirmed, keeps the store as it was and puts the backup in its place', async () => {
    const { w, backup, show } = world();
    const ask = asker(true);
    const outcome = await restoreBackup(planRestore(w.storePath, backup, show), { now: LATER, confirm: ask.confirm, showPath: show });
    const safety = join(w.dir, 'backups', 'engram-20260302-110000.before-restore.db');
    expect(outcome).toEqual({ restored: { schemaVersion: SCHEMA_VERSION, cards: 2, reviews: 0, lastReview: null }, safety, damaged: false });
    expect(ask.asked).toBe(1);
    expect(storeFileFacts(w.storePath).cards).toBe(2);
    expect(storeFileFacts(safety).cards).toBe(3);
  });

  it('asks nothing and replaces nothing when this second already has a before-restore copy', async () => {
    const { w, backup, show } = world();
    await restoreBackup(planRestore(w.storePath, backup, show), { now: LATER, confirm: asker(true).confirm, showPath: show });
    const ask = asker(true);
    expect(await rejected(restoreBackup(planRestore(w.storePath, backup, show), { now: LATER, confirm: ask.confirm, showPath: show }))).toEqual({
      kind: 'failed',
      message: 'a backup named backups/engram-20260302-110000.before-restore.db exists already; nothing restored. Try again in a second.',
    });
    expect(ask.asked).toBe(0);
  });

  it('restores onto a machine without a store: nothing to keep', async () => {
    const { w, backup, show } = world();
    const fresh = join(w.dir, 'new', 'engram.db');
    const outcome = await restoreBackup(planRestore(fresh, backup, show), { now: LATER, confirm: asker(true).confirm, showPath: show });
    expect(outcome).toEqual({ restored: { schemaVersion: SCHEMA_VERSION, cards: 2, reviews: 0, lastReview: null }, safety: null, damaged: false });
    expect(existsSync(join(w.dir, 'new', 'backups'))).toBe(false);
  });
});
