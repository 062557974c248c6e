import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { importTargets } from '../../src/store/anki-import-queries.js';
import { cardsByKeys } from '../../src/store/cards.js';
import { fixFuzzSeed } from '../../src/store/imported-answers.js';
import { openStore, type Store } from '../../src/store/open-store.js';
import { setSuspended } from '../../src/store/study-queries.js';
import { tempDir } from '../helpers/temp-dir.js';
import { writtenCard } from '../helpers/written-card.js';

const NOW = Date.UTC(2026, 2, 2, 10);
let store: Store;

beforeEach(() => {
  store = openStore(join(tempDir(), 'engram.db'), { create: true });
});

afterEach(() => {
  store.close();
});

describe('importTargets', () => {
  it('gives the id, deck, suspension and fuzz seed of the cards of the keys, as whole cards have them', () => {
    const ids = Array.from({ length: 1_203 }, (_, i) => writtenCard(store, { deck: i % 2 ? 'Bench::A' : 'B', at: NOW }));
    const keys = store.db.prepare('SELECT key FROM cards ORDER BY id').pluck().all() as string[];
    setSuspended(store, ids[5]!, NOW);
    fixFuzzSeed(store, ids[7]!, 'other seed');
    store.db.prepare('UPDATE cards SET archived_at = ? WHERE id = ?').run(NOW, ids[9]!);
    const asked = [...keys, 'no such key'];
    const byKey = new Map(importTargets(store, asked).map((t) => [t.key, t]));
    expect(byKey.size).toBe(1_203);
    expect(byKey.get(keys[5]!)!.suspended).toBe(true);
    expect(byKey.get(keys[7]!)!.seed).toBe('other seed');
    expect(byKey.get(keys[8]!)).toEqual({ key: keys[8], id: ids[8], deck: 'B', suspended: false, seed: keys[8] });
    expect(byKey.get(keys[9]!)!.id).toBe(ids[9]);
    for (const c of cardsByKeys(store, asked)) expect(byKey.get(c.key)).toEqual({ key: c.key, id: c.id, deck: c.deck, suspended: c.suspended, seed: c.seed });
  });
});
