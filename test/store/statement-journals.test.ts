import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openStore, type Store } from '../../src/store/open-store.js';
import { withoutStatementJournals } from '../../src/store/statement-journals.js';
import { tempDir } from '../helpers/temp-dir.js';

let store: Store;

beforeEach(() => {
  store = openStore(join(tempDir(), 'engram.db'), { create: true });
});

afterEach(() => {
  store.close();
});

const tempStore = () => store.db.pragma('temp_store', { simple: true });
const foreignKeys = () => store.db.pragma('foreign_keys', { simple: true });

describe('withoutStatementJournals', () => {
  it('keeps temporary storage in memory (2) and foreign key checks off for the write, and puts both back after it', () => {
    expect([tempStore(), foreignKeys()]).toEqual([0, 1]);
    let during: unknown;
    const out = withoutStatementJournals(store, () =>
      store.transaction(() => {
        during = [tempStore(), foreignKeys()];
        store.db.prepare("INSERT INTO decks (name, created_at) VALUES ('a', 1), ('b', 2)").run();
        return 'written';
      }),
    );
    expect([out, during, tempStore(), foreignKeys()]).toEqual(['written', [2, 0], 0, 1]);
    expect(store.db.prepare('SELECT name FROM decks ORDER BY name').pluck().all()).toEqual(['a', 'b']);
  });

  it('puts the settings back when the write fails, and the write leaves nothing, though its statement failed halfway (OR FAIL)', () => {
    store.db.pragma('temp_store = FILE');
    const write = () =>
      withoutStatementJournals(store, () =>
        store.transaction(() => {
          store.db.prepare("INSERT OR FAIL INTO decks (name, created_at) VALUES ('a', 1), ('b', 2), ('a', 3)").run();
        }),
      );
    expect(write).toThrow(/UNIQUE/);
    expect([tempStore(), foreignKeys()]).toEqual([1, 1]);
    expect(store.db.prepare('SELECT count(*) FROM decks').pluck().get()).toBe(0);
  });

  it('checks foreign keys again after the write', () => {
    withoutStatementJournals(store, () => store.transaction(() => 0));
    const orphan = () =>
      store.db
        .prepare("INSERT INTO cards (key, deck_id, line, end_line, kind, syntax, front, back, created_at, updated_at) VALUES ('k', 99, 1, 1, 'basic', 'qa', 'f', 'b', 0, 0)")
        .run();
    expect(orphan).toThrow(/FOREIGN KEY/);
  });

  it('inside a caller\'s transaction, where the settings cannot change, runs the write as it is', () => {
    const during = store.transaction(() => withoutStatementJournals(store, () => [tempStore(), foreignKeys()]));
    expect(during).toEqual([0, 1]);
  });
});
