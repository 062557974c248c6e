import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { withIndexesRemade, withoutForeignKeyChecks } from '../../src/store/bulk-indexes.js';
import { openStore, type Store } from '../../src/store/open-store.js';
import { tempDir } from '../helpers/temp-dir.js';

let store: Store;

beforeEach(() => {
  store = openStore(join(tempDir(), 'engram.db'), { create: true });
});

afterEach(() => {
  store.close();
});

const indexes = () => store.db.prepare("SELECT name, sql FROM sqlite_master WHERE type = 'index' AND tbl_name = 'reviews' AND sql IS NOT NULL ORDER BY name").raw().all();
const indexNames = () => (indexes() as string[][]).map((r) => r[0]);

describe('withIndexesRemade', () => {
  it('drops the full non-unique indexes for a bulk write and makes them again as they were', () => {
    const before = indexes();
    let during: unknown[] = [];
    const out = store.transaction(() =>
      withIndexesRemade(store, 'reviews', 50_000, () => {
        during = indexNames();
        return 'written';
      }),
    );
    expect(out).toBe('written');
    // The unique index of event ids stays: a write relies on it to skip an answer the log holds. The partial index of
    // answers without facts stays too: making it again would be one more pass over the table for rows a bulk write never adds.
    expect(during).toEqual(['reviews_by_event', 'reviews_missing_facts']);
    expect(indexes()).toEqual(before);
  });

  it('keeps an index the write adds to in its order, and makes the others again', () => {
    const before = indexes();
    let during: unknown[] = [];
    store.transaction(() => withIndexesRemade(store, 'reviews', 50_000, () => (during = indexNames()), ['reviews_by_time']));
    expect(during).toEqual(['reviews_by_event', 'reviews_by_time', 'reviews_missing_facts']);
    expect(indexes()).toEqual(before);
  });

  it('keeps the indexes for a small write, and for one smaller than the table', () => {
    const all = indexNames();
    let during: unknown[] = [];
    store.transaction(() => withIndexesRemade(store, 'reviews', 49_999, () => (during = indexNames())));
    expect(during).toEqual(all);
    store.db.exec('INSERT INTO decks (id, name, created_at) VALUES (1, \'d\', 0)');
    store.db.exec("INSERT INTO cards (id, key, deck_id, line, end_line, kind, syntax, front, back, created_at, updated_at) VALUES (1, 'k', 1, 1, 1, 'basic', 'inline', 'f', 'b', 0, 0)");
    store.db.exec('WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 60000) INSERT INTO reviews (card_id, reviewed_at, rating, duration_ms) SELECT 1, i, 3, 1000 FROM n');
    store.transaction(() => withIndexesRemade(store, 'reviews', 59_999, () => (during = indexNames())));
    expect(during).toEqual(all);
  });

  it('makes the indexes again when the write fails, and the transaction takes the drop back', () => {
    const before = indexes();
    expect(() =>
      store.transaction(() =>
        withIndexesRemade(store, 'reviews', 100_000, () => {
          throw new Error('disk full');
        }),
      ),
    ).toThrow('disk full');
    expect(indexes()).toEqual(before);
  });

  it('refuses to run outside a transaction', () => {
    expect(() => withIndexesRemade(store, 'reviews', 100_000, () => 1)).toThrow(/inside a transaction/);
  });
});

describe('withoutForeignKeyChecks', () => {
  const orphan = () => store.db.exec('INSERT INTO reviews (card_id, reviewed_at, rating, duration_ms) VALUES (999, 1, 3, 1000)');
  const checks = () => store.db.pragma('foreign_keys', { simple: true });

  it('writes without checking references, and checks them again after', () => {
    expect(() => store.transaction(() => orphan())).toThrow(/FOREIGN KEY/);
    const out = withoutForeignKeyChecks(store, () =>
      store.transaction(() => {
        orphan();
        return 'written';
      }),
    );
    expect(out).toBe('written');
    expect(store.db.prepare('SELECT count(*) FROM reviews').pluck().get()).toBe(1);
    expect(checks()).toBe(1);
    expect(() => store.transaction(() => orphan())).toThrow(/FOREIGN KEY/);
  });

  it('checks references again when the write fails', () => {
    expect(() =>
      withoutForeignKeyChecks(store, () => {
        throw new Error('disk full');
      }),
    ).toThrow('disk full');
    expect(checks()).toBe(1);
  });

  it('runs a write inside a transaction with the checks as they are, where SQLite would ignore the setting', () => {
    expect(() => store.transaction(() => withoutForeignKeyChecks(store, () => orphan()))).toThrow(/FOREIGN KEY/);
    expect(store.transaction(() => withoutForeignKeyChecks(store, () => checks()))).toBe(1);
    expect(checks()).toBe(1);
  });

  it('leaves the checks as it found them: off stays off', () => {
    store.db.pragma('foreign_keys = OFF');
    expect(withoutForeignKeyChecks(store, () => checks())).toBe(0);
    expect(checks()).toBe(0);
    store.db.pragma('foreign_keys = ON');
  });
});
