import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openStore, type Store } from '../../src/store/open-store.js';
import { withStatementJournalsInMemory } from '../../src/store/statement-journals.js';
import { tempDir } from '../helpers/temp-dir.js';

let store: Store;

beforeEach(() => {
  store = openStore(join(tempDir(), 'engram.db'), { create: true });
});

afterEach(() => {
  store.close();
});

const tempStore = () => store.db.pragma('temp_store', { simple: true });

describe('withStatementJournalsInMemory', () => {
  it('keeps temporary storage in memory (2) for the write, and puts the setting back after it', () => {
    expect(tempStore()).toBe(0);
    let during: unknown;
    const out = withStatementJournalsInMemory(store, () =>
      store.transaction(() => {
        during = tempStore();
        store.db.prepare("INSERT INTO decks (name, created_at) VALUES ('a', 1), ('b', 2)").run();
        return 'written';
      }),
    );
    expect([out, during, tempStore()]).toEqual(['written', 2, 0]);
    expect(store.db.prepare('SELECT name FROM decks ORDER BY name').pluck().all()).toEqual(['a', 'b']);
  });

  it('puts the setting back when the write fails, and the write leaves nothing', () => {
    store.db.pragma('temp_store = FILE');
    const write = () =>
      withStatementJournalsInMemory(store, () =>
        store.transaction(() => {
          store.db.prepare("INSERT INTO decks (name, created_at) VALUES ('a', 1), ('a', 2)").run();
        }),
      );
    expect(write).toThrow(/UNIQUE/);
    expect(tempStore()).toBe(1);
    expect(store.db.prepare('SELECT count(*) FROM decks').pluck().get()).toBe(0);
  });

  it('inside a caller\'s transaction, where the setting cannot change, runs the write as it is', () => {
    const during = store.transaction(() => withStatementJournalsInMemory(store, tempStore));
    expect(during).toBe(0);
  });
});
