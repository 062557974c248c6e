import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { SyncEvent } from '../../src/model/sync-event.js';
import { insertCard } from '../../src/store/cards.js';
import { ensureDeck } from '../../src/store/decks.js';
import { openStore, type Store } from '../../src/store/open-store.js';
import { insertAnswersWithFacts, replayIdentity, type NewAnswer } from '../../src/store/sync-events.js';
import { tempDir } from '../helpers/temp-dir.js';

const NOW = Date.UTC(2026, 0, 5);

let store: Store;
let cardId: number;

beforeEach(() => {
  store = openStore(join(tempDir(), 'engram.db'), { create: true });
  const deckId = ensureDeck(store, 'Spanish', NOW);
  cardId = insertCard(store, { key: 'k1', sibling: null, deckId, sourceId: null, line: 1, endLine: 1, kind: 'basic', syntax: 'inline', front: 'f', back: 'b', title: null, context: null, headingPath: [] }, NOW);
});

afterEach(() => {
  store.close();
});

/** The n-th answer of another device: a distinct id and time, rating 1-4 in turn. */
function answer(n: number): NewAnswer {
  const event = {
    v: 1, id: `01KAAAAAAAAAAAAAAAAAA${String(n).padStart(5, '0')}`, device: 'laptop', at: NOW + n * 60_000, kind: 'answer',
    card: 'k1', rating: ((n % 4) + 1) as 1 | 2 | 3 | 4, durationMs: 1000 + n, session: null, host: 'laptop', before: null, seed: 'k1',
  } as SyncEvent & { kind: 'answer' };
  return { cardId, event, stateBefore: n === 0 ? 0 : 2, lastInterval: n };
}

describe('insertAnswersWithFacts', () => {
  it('writes every answer with its facts in the order given, whole batches and the rest alike', () => {
    // 64 a statement: 150 answers are two whole batches and 22 more.
    const answers = Array.from({ length: 150 }, (_, n) => answer(n));
    store.transaction(() => insertAnswersWithFacts(store, answers));
    const rows = store.db
      .prepare('SELECT card_id, reviewed_at, rating, duration_ms, session_id, device, event_id, state_before, last_interval FROM reviews ORDER BY id')
      .raw()
      .all();
    expect(rows).toEqual(answers.map((a) => [cardId, a.event.at, a.event.rating, a.event.durationMs, null, 'laptop', a.event.id, a.stateBefore, a.lastInterval]));
  });

  it('skips an answer whose event the log holds already, keeping the one there', () => {
    store.transaction(() => insertAnswersWithFacts(store, [answer(3)]));
    const again = Array.from({ length: 70 }, (_, n) => answer(n)).map((a) => (a.event.id === answer(3).event.id ? { ...a, lastInterval: 99 } : a));
    store.transaction(() => insertAnswersWithFacts(store, again));
    expect(store.db.prepare('SELECT count(*) FROM reviews').pluck().get()).toBe(70);
    expect(store.db.prepare('SELECT last_interval FROM reviews WHERE event_id = ?').pluck().get(answer(3).event.id)).toBe(3);
  });
});

describe('replayIdentity', () => {
  it('gives the deck, the key and the seed: the key until the first answer fixes one', () => {
    expect(replayIdentity(store, cardId)).toEqual({ deck: 'Spanish', key: 'k1', fuzzSeed: null, seed: 'k1' });
    store.db.prepare("UPDATE cards SET fuzz_seed = 'old-key' WHERE id = ?").run(cardId);
    expect(replayIdentity(store, cardId)).toEqual({ deck: 'Spanish', key: 'k1', fuzzSeed: 'old-key', seed: 'old-key' });
    expect(replayIdentity(store, cardId + 1)).toBeNull();
  });
});
