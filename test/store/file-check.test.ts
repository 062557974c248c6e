import Database from 'better-sqlite3';
import { readFileSync, writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { startFileCheck } from '../../src/store/file-check.js';
import { integrityProblems, quickCheckProblems } from '../../src/store/health-queries.js';
import { openStore, Store } from '../../src/store/open-store.js';
import { DAY, deckFile, NOW, numbered, storeWithDecks } from '../helpers/store-with-decks.js';

// engram doctor runs SQLite's check of the file on a worker thread while it
// replays the logs: the worker must find what the check run in-process finds.

describe('startFileCheck', () => {
  it('finds a sound store sound, with the integrity check and the quick check', () => {
    const w = storeWithDecks({ 'bio.md': deckFile('Bio', numbered('Bio card', 5)) });
    w.with((store) => {
      const integrity = startFileCheck(store, 'integrity');
      const quick = startFileCheck(store, 'quick');
      expect(integrity.problems()).toEqual([]);
      expect(quick.problems()).toEqual([]);
      // Asked again, the same answer (the worker is not asked twice).
      expect(integrity.problems()).toEqual([]);
    });
  });

  it('finds the damage of an index that the integrity check run here finds, message for message', () => {
    const w = storeWithDecks({ 'bio.md': deckFile('Bio', numbered('Bio card', 6)) });
    const db = new Database(w.storePath);
    const insert = db.prepare("INSERT INTO reviews (card_id, reviewed_at, rating, duration_ms, session_id, device) VALUES (?, ?, 3, 4000, 's', 'test')");
    for (const id of db.prepare('SELECT id FROM cards').pluck().all() as number[]) for (let i = 0; i < 3; i++) insert.run(id, NOW + i * DAY + id);
    const root = (db.prepare("SELECT rootpage FROM sqlite_master WHERE name = 'reviews_by_time'").get() as { rootpage: number }).rootpage;
    const pageSize = db.pragma('page_size', { simple: true }) as number;
    db.close(); // checkpoints the log into the file: the index page is then in place to damage
    const bytes = readFileSync(w.storePath);
    bytes[root * pageSize - 3]! ^= 0x10; // a bit of a key near the end of the index's page
    writeFileSync(w.storePath, bytes);
    const store = openStore(w.storePath, { create: false });
    try {
      const here = integrityProblems(store);
      expect(here.length).toBeGreaterThan(0);
      expect(here.every((m) => /missing from index reviews_by_time|wrong # of entries in index reviews_by_time/.test(m))).toBe(true);
      expect(startFileCheck(store, 'integrity').problems()).toEqual(here);
      // The quick check does not compare indexes with their tables.
      expect(startFileCheck(store, 'quick').problems()).toEqual(quickCheckProblems(store));
    } finally {
      store.close();
    }
  });

  it('checks a store with no file of its own (in memory) here', () => {
    const store = new Store(new Database(':memory:'), ':memory:');
    store.db.exec('CREATE TABLE t (id INTEGER PRIMARY KEY, v TEXT NOT NULL); INSERT INTO t (v) VALUES (1), (2);');
    expect(startFileCheck(store, 'integrity').problems()).toEqual([]);
    store.db.close();
  });
});
