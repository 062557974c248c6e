import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { cardsWithAnswers, importTargets } from '../../src/store/anki-import-queries.js';
import { cardsByKeys } from '../../src/store/cards.js';
import { fixFuzzSeed, fixFuzzSeedsToKeys } from '../../src/store/imported-answers.js';
import { appendReview } from '../../src/store/reviews.js';
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

describe('cardsWithAnswers', () => {
  it('gives the cards asked of that have an answer in the log, across chunks of the IN list', () => {
    const ids = Array.from({ length: 1_203 }, () => writtenCard(store, { deck: 'B', at: NOW }));
    for (const i of [3, 600, 1_202]) appendReview(store, { cardId: ids[i]!, reviewedAt: NOW + i, rating: 3, durationMs: 1000, sessionId: null, device: null });
    appendReview(store, { cardId: ids[600]!, reviewedAt: NOW + 9_999, rating: 1, durationMs: 1000, sessionId: null, device: null });
    expect([...cardsWithAnswers(store, ids)].sort((a, b) => a - b)).toEqual([ids[3], ids[600], ids[1_202]]);
    expect([...cardsWithAnswers(store, ids.slice(0, 600))]).toEqual([ids[3]]);
    expect(cardsWithAnswers(store, []).size).toBe(0);
  });
});

describe('fixFuzzSeedsToKeys', () => {
  it('fixes each card without a seed to its key, as fixFuzzSeed with the seed importTargets gives, and keeps a seed set before', () => {
    const ids = Array.from({ length: 1_203 }, () => writtenCard(store, { deck: 'B', at: NOW }));
    fixFuzzSeed(store, ids[7]!, 'other seed');
    const seeds = (): [number, string | null][] => store.db.prepare('SELECT id, fuzz_seed FROM cards ORDER BY id').raw().all() as [number, string | null][];
    const keys = store.db.prepare('SELECT key FROM cards ORDER BY id').pluck().all() as string[];
    fixFuzzSeedsToKeys(store, ids.slice(0, 1_100));
    const after = seeds();
    expect(after[7]).toEqual([ids[7], 'other seed']);
    expect(after[0]).toEqual([ids[0], keys[0]]);
    expect(after[1_099]).toEqual([ids[1_099], keys[1_099]]);
    expect(after[1_100]).toEqual([ids[1_100], null]);
    expect(after.filter(([, seed]) => seed === null)).toHaveLength(103);
  });
});
