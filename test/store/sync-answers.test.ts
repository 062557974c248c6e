import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { SyncEvent } from '../../src/model/sync-event.js';
import { insertCard } from '../../src/store/cards.js';
import { ensureDeck } from '../../src/store/decks.js';
import { openStore, type Store } from '../../src/store/open-store.js';
import { eventLine } from '../../src/model/sync-event.js';
import { hasAnswers, heldEventIds, insertAnswersWithFacts, insertForeignEvents, replayIdentities, seedOfAnswer, type NewAnswer } from '../../src/store/sync-events.js';
import { quarters, quartersFromScratch } from '../helpers/tallies-from-scratch.js';
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
    // 512 a statement: 1,100 answers are two whole batches and 76 more.
    const answers = Array.from({ length: 1100 }, (_, n) => answer(n));
    store.transaction(() => insertAnswersWithFacts(store, answers));
    const rows = store.db
      .prepare('SELECT card_id, reviewed_at, rating, duration_ms, session_id, device, event_id, state_before, last_interval FROM reviews ORDER BY id')
      .raw()
      .all();
    expect(rows).toEqual(answers.map((a) => [cardId, a.event.at, a.event.rating, a.event.durationMs, null, 'laptop', a.event.id, a.stateBefore, a.lastInterval]));
  });

  it('skips an answer whose event the log holds already, keeping the one there', () => {
    store.transaction(() => insertAnswersWithFacts(store, [answer(3)]));
    // Past one statement's 512 rows: the held one is in the first.
    const again = Array.from({ length: 600 }, (_, n) => answer(n)).map((a) => (a.event.id === answer(3).event.id ? { ...a, lastInterval: 99 } : a));
    store.transaction(() => insertAnswersWithFacts(store, again));
    expect(store.db.prepare('SELECT count(*) FROM reviews').pluck().get()).toBe(600);
    expect(store.db.prepare('SELECT last_interval FROM reviews WHERE event_id = ?').pluck().get(answer(3).event.id)).toBe(3);
    // The write left one out: its own sums were not written, and the commit's fold counted the log instead.
    expect(quarters(store)).toEqual(quartersFromScratch(store));
  });

  it("adds the answers to the stats' quarter-hour tallies as it writes them, as a fold of the log would", () => {
    // Two answers in one quarter hour (n = 0, 1 at a minute apart), the rest in others; mature ones from n = 21.
    store.transaction(() => insertAnswersWithFacts(store, Array.from({ length: 1100 }, (_, n) => answer(n))));
    expect(store.db.prepare('SELECT folded_through FROM review_quarters_state').pluck().get()).toBe(1100);
    expect(quarters(store).length).toBeGreaterThan(10);
    expect(quarters(store)).toEqual(quartersFromScratch(store));
  });
});

describe('replayIdentities', () => {
  it("gives each card's deck, key and seed: the key until the first answer fixes one; a card not in the store is absent", () => {
    expect(replayIdentities(store, [cardId])).toEqual(new Map([[cardId, { deck: 'Spanish', key: 'k1', fuzzSeed: null, seed: 'k1' }]]));
    store.db.prepare("UPDATE cards SET fuzz_seed = 'old-key' WHERE id = ?").run(cardId);
    expect(replayIdentities(store, [cardId + 1, cardId])).toEqual(new Map([[cardId, { deck: 'Spanish', key: 'k1', fuzzSeed: 'old-key', seed: 'old-key' }]]));
    expect(replayIdentities(store, [])).toEqual(new Map());
  });
});

describe('hasAnswers', () => {
  it('says whether the review log holds any answer', () => {
    expect(hasAnswers(store)).toBe(false);
    store.transaction(() => insertAnswersWithFacts(store, [answer(0)]));
    expect(hasAnswers(store)).toBe(true);
  });
});

describe('insertForeignEvents', () => {
  it('records every event with its card and folded flag, whole batches and the rest alike, as sent; the line only of those waiting', () => {
    // 512 a statement: 1,100 events are two whole batches and 76 more; every third waits for its card.
    const rows = Array.from({ length: 1100 }, (_, n) => {
      const event = answer(n).event;
      return { event, line: eventLine(event), cardId: n % 3 === 0 ? null : cardId, folded: n % 3 !== 0 };
    });
    store.transaction(() => insertForeignEvents(store, rows));
    const got = store.db.prepare('SELECT id, device, at, kind, card_key, card_id, target, line, folded, sent FROM sync_events ORDER BY id').raw().all();
    // A folded answer's line is never read again: its seed is its card key, which seedOfAnswer answers from the column.
    expect(got).toEqual(rows.map((r) => [r.event.id, 'laptop', r.event.at, 'answer', 'k1', r.cardId, null, r.folded ? '' : r.line, r.folded ? 1 : 0, 1]));
    expect(seedOfAnswer(store, rows[1]!.event.id)).toBe('k1');
  });

  it("keeps the line of a folded answer whose seed is not its card's key, and of this device's own answer read back", () => {
    const rekeyed = { ...answer(1).event, card: 'k2', seed: 'k1' };
    const own = answer(2).event;
    store.transaction(() =>
      insertForeignEvents(store, [
        { event: rekeyed, line: eventLine(rekeyed), cardId, folded: true },
        { event: own, line: eventLine(own), cardId, folded: true, own: true },
      ]),
    );
    const lines = store.db.prepare('SELECT line FROM sync_events ORDER BY id').pluck().all();
    expect(lines).toEqual([eventLine(rekeyed), eventLine(own)]);
    expect(seedOfAnswer(store, rekeyed.id)).toBe('k1');
    expect(seedOfAnswer(store, own.id)).toBe('k1');
    expect(seedOfAnswer(store, answer(3).event.id)).toBeNull();
  });
});

describe('heldEventIds', () => {
  /** Records the events numbered `ns` (answers of another device). */
  function hold(ns: number[]): void {
    store.transaction(() => insertForeignEvents(store, ns.map((n) => ({ event: answer(n).event, line: eventLine(answer(n).event), cardId, folded: true }))));
  }
  const ids = (ns: number[]) => ns.map((n) => answer(n).event.id);

  it('finds the ids the store holds among a few, looked up one by one', () => {
    hold([2, 5, 9]);
    expect([...heldEventIds(store, ids([1, 2, 3, 9]))].sort()).toEqual(ids([2, 9]));
    expect(heldEventIds(store, []).size).toBe(0);
  });

  it('finds them among many by one walk of the ids in their range: held ones before, among and after them', () => {
    // Held: some below the range asked about, every seventh within it, and the last one; asked: 3,000 ids from 100.
    const within = Array.from({ length: 3000 }, (_, i) => 100 + i);
    hold([3, 50, ...within.filter((n) => n % 7 === 0), 3099, 5000]);
    const held = heldEventIds(store, ids(within));
    expect([...held].sort()).toEqual(ids([...within.filter((n) => n % 7 === 0 && n !== 3099), 3099]));
  });
});
