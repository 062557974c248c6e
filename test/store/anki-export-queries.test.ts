import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ApkgReview, ApkgReviewLog } from '../../src/model/anki-collection.js';
import { apkgCardCount, apkgCards, apkgFirstAnswerAt, startApkgReviews } from '../../src/store/anki-export-queries.js';
import { insertCard } from '../../src/store/cards.js';
import { ensureDeck } from '../../src/store/decks.js';
import { openStore, Store } from '../../src/store/open-store.js';
import { tempDir } from '../helpers/temp-dir.js';

const NOW = Date.UTC(2026, 0, 5);

let store: Store;
let cards: number[];

beforeEach(() => {
  store = openStore(join(tempDir(), 'engram.db'), { create: true });
  const deckId = ensureDeck(store, 'd', NOW);
  cards = Array.from({ length: 10 }, (_v, i) =>
    insertCard(store, { key: `k${i}`, sibling: null, deckId, sourceId: null, line: i + 1, endLine: i + 1, kind: 'basic', syntax: 'inline', front: `f${i}`, back: 'b', title: null, context: null, headingPath: [] }, NOW),
  );
});

afterEach(() => {
  store.close();
});

/** Writes answers [card index, time, event id or null] in the order given (a sync merges older answers in later). */
function answers(rows: [number, number, string | null][]): void {
  const insert = store.db.prepare('INSERT INTO reviews (card_id, reviewed_at, rating, duration_ms, event_id, state_before, last_interval) VALUES (?, ?, 3, ?, ?, 2, 1)');
  store.transaction(() => rows.forEach(([card, at, event], i) => insert.run(cards[card], NOW + at, 1000 + i, event)));
}

/** The log's answers card by card, in the order of `ids`. */
function flat(log: ApkgReviewLog, ids: readonly number[]): ApkgReview[] {
  return ids.flatMap((cardId) => {
    const out: ApkgReview[] = [];
    log.each(cardId, (reviewedAt, rating, stateBefore, lastInterval, durationMs) => out.push({ cardId, reviewedAt, rating, stateBefore, lastInterval, durationMs }));
    return out;
  });
}

/** Every answer of the given cards, read as an export of exactly those cards reads them (started, then taken). */
function apkgReviews(store: Store, cardIds: readonly number[]): ApkgReviewLog {
  return startApkgReviews(store, cardIds.length).take(cardIds);
}

describe('startApkgReviews', () => {
  it('gives every answer of most cards by card, then time, event id (none first) and row, though written out of order', () => {
    answers([
      [3, 300, '01KE'],
      [1, 200, '01KA'],
      [3, 100, '01KC'],
      [3, 100, null],
      [3, 100, '01KB'],
      [1, 50, null],
      [5, 10, '01KD'],
    ]);
    // Every card: the log is read in its own order; cards 1 and 3, out of time order there (a tie too), again through the index.
    const log = apkgReviews(store, cards);
    const all = flat(log, cards);
    const shown = all.map((r) => [cards.indexOf(r.cardId), r.reviewedAt - NOW, r.durationMs]);
    expect(shown).toEqual([
      [1, 50, 1005],
      [1, 200, 1001],
      [3, 100, 1003],
      [3, 100, 1004],
      [3, 100, 1002],
      [3, 300, 1000],
      [5, 10, 1006],
    ]);
    expect(all[0]).toEqual({ cardId: cards[1], reviewedAt: NOW + 50, rating: 3, stateBefore: 2, lastInterval: 1, durationMs: 1005 });
    expect(log.size).toBe(7);
    expect(apkgFirstAnswerAt(store, cards)).toBe(NOW + 10);
    expect(flat(log, [cards[0]!])).toEqual([]);
    // One card of ten: through the index, in the same order.
    const one = apkgReviews(store, [cards[3]!]);
    expect(flat(one, cards)).toEqual(all.filter((r) => r.cardId === cards[3]));
    expect([one.size, apkgFirstAnswerAt(store, [cards[3]!])]).toEqual([4, NOW + 100]);
    // Most cards, but not every one: only theirs.
    const most = apkgReviews(store, cards.filter((_c, i) => i !== 1));
    expect(flat(most, cards)).toEqual(all.filter((r) => r.cardId !== cards[1]));
    expect([most.size, apkgFirstAnswerAt(store, cards.filter((_c, i) => i !== 1))]).toEqual([5, NOW + 10]);
    expect(apkgFirstAnswerAt(store, [cards[1]!, cards[0]!])).toBe(NOW + 50);
  });

  it('counts the cards an export of the decks carries as apkgCards reads them, without reading them', () => {
    store.db.prepare('UPDATE cards SET archived_at = ? WHERE id = ?').run(NOW, cards[4]);
    for (const decks of [null, ['d'], ['other'], ['d', 'other']]) expect(apkgCardCount(store, decks)).toBe(apkgCards(store, decks, NOW).length);
    expect(apkgCardCount(store, null)).toBe(9);
  });

  it('reads a store read into memory (no file a worker could open) on its own connection, the same answers', () => {
    answers([
      [3, 300, '01KE'],
      [1, 200, '01KA'],
      [3, 100, '01KC'],
      [5, 10, '01KD'],
    ]);
    // As openStore reads a store it cannot write: the file's bytes, marked as not in WAL mode (SQLite reads no WAL in memory).
    const image = store.db.serialize();
    image.fill(1, 18, 20);
    // Its path names no file: only its own connection can read it.
    const memory = new Store(new Database(image), join(tempDir(), 'gone.db'), true);
    try {
      expect(flat(apkgReviews(memory, cards), cards)).toEqual(flat(apkgReviews(store, cards), cards));
      expect(flat(apkgReviews(memory, cards), cards).map((r) => [cards.indexOf(r.cardId), r.reviewedAt - NOW])).toEqual([
        [1, 200],
        [3, 100],
        [3, 300],
        [5, 10],
      ]);
    } finally {
      memory.close();
    }
  });

  it('keeps an unknown fact unknown, and a store without answers gives an empty log', () => {
    expect([apkgReviews(store, cards).size, apkgFirstAnswerAt(store, cards)]).toEqual([0, null]);
    store.db.prepare('INSERT INTO reviews (card_id, reviewed_at, rating, duration_ms, state_before, last_interval) VALUES (?, ?, 2, 500, NULL, NULL)').run(cards[2], NOW + 5);
    expect(flat(apkgReviews(store, cards), [cards[2]!])).toEqual([{ cardId: cards[2], reviewedAt: NOW + 5, rating: 2, stateBefore: null, lastInterval: null, durationMs: 500 }]);
  });
});
