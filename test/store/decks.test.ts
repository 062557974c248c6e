import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { insertCard } from '../../src/store/cards.js';
import { deckSummaries, ensureDeck } from '../../src/store/decks.js';
import { openStore, type Store } from '../../src/store/open-store.js';
import { tempDir } from '../helpers/temp-dir.js';

const NOW = Date.UTC(2026, 0, 5, 10);
const DAY_END = Date.UTC(2026, 0, 6, 4);
const HOUR = 3_600_000;

let store: Store;
let keyCounter = 0;

beforeEach(() => {
  store = openStore(join(tempDir(), 'engram.db'), { create: true });
});

afterEach(() => {
  store.close();
});

/** A card in `deck`, with optional scheduling state and flags written by SQL. */
function addCard(
  deck: string,
  opts: { state?: number; due?: number; suspended?: boolean; archived?: boolean; buriedUntil?: number; dropped?: boolean } = {},
): number {
  const deckId = ensureDeck(store, deck, NOW);
  const id = insertCard(
    store,
    {
      key: `key-${++keyCounter}`,
      sibling: null,
      deckId,
      sourceId: null,
      line: keyCounter,
      endLine: keyCounter,
      kind: 'basic',
      syntax: 'inline',
      front: `q${keyCounter}`,
      back: `a${keyCounter}`,
      title: null,
      context: null,
      headingPath: [],
    },
    NOW - 10 * HOUR,
  );
  if (opts.state !== undefined) {
    store.db
      .prepare(
        `INSERT INTO card_state (card_id, state, due, stability, difficulty, scheduled_days, learning_steps, reps, lapses, last_review)
         VALUES (?, ?, ?, 1.5, 5, 1, 0, 1, 0, ?)`,
      )
      .run(id, opts.state, opts.due ?? NOW, NOW - 24 * HOUR);
  }
  if (opts.suspended) store.db.prepare('UPDATE cards SET suspended_at = ? WHERE id = ?').run(NOW - HOUR, id);
  if (opts.archived) store.db.prepare('UPDATE cards SET archived_at = ? WHERE id = ?').run(NOW - HOUR, id);
  if (opts.dropped) store.db.prepare('UPDATE cards SET dropped_at = ? WHERE id = ?').run(NOW - HOUR, id);
  if (opts.buriedUntil !== undefined) store.db.prepare('UPDATE cards SET buried_until = ? WHERE id = ?').run(opts.buriedUntil, id);
  return id;
}

describe('deckSummaries', () => {
  it('is empty for an empty store', () => {
    expect(deckSummaries(store, NOW, DAY_END)).toEqual([]);
  });

  it('counts new, due, learning, suspended, dropped and archived cards per deck', () => {
    addCard('alpha'); // new: never reviewed
    addCard('alpha', { state: 0, due: NOW }); // new: state row in New
    addCard('alpha', { state: 2, due: NOW - HOUR }); // due
    addCard('alpha', { state: 2, due: DAY_END - 1 }); // due: before the rollover
    addCard('alpha', { state: 2, due: DAY_END }); // not due: at the rollover
    addCard('alpha', { state: 2, due: DAY_END + 48 * HOUR }); // not due
    addCard('alpha', { state: 1, due: NOW + 10 * 60_000 }); // learning
    addCard('alpha', { state: 3, due: NOW - 60_000 }); // relearning
    addCard('alpha', { state: 1, due: DAY_END + HOUR }); // learning, but tomorrow
    addCard('alpha', { suspended: true }); // suspended new
    addCard('alpha', { state: 2, due: NOW - HOUR, suspended: true }); // suspended due
    addCard('alpha', { archived: true }); // archived
    addCard('alpha', { state: 2, due: NOW - HOUR, archived: true }); // archived, was due
    addCard('alpha', { state: 2, due: NOW - HOUR, buriedUntil: NOW + HOUR }); // buried: only in total
    addCard('alpha', { buriedUntil: NOW - HOUR }); // bury over: new again
    addCard('alpha', { dropped: true }); // dropped new: only in dropped
    addCard('alpha', { state: 2, due: NOW - HOUR, dropped: true }); // dropped due
    addCard('alpha', { state: 2, due: NOW - HOUR, dropped: true, suspended: true }); // dropped counts before suspended
    addCard('alpha', { dropped: true, archived: true }); // archived counts first
    addCard('beta', { archived: true });
    addCard('gamma', { state: 2, due: NOW });
    ensureDeck(store, 'empty', NOW);

    expect(deckSummaries(store, NOW, DAY_END)).toEqual([
      { name: 'alpha', total: 13, new: 3, due: 2, learning: 2, suspended: 2, dropped: 3, archived: 3 },
      { name: 'beta', total: 0, new: 0, due: 0, learning: 0, suspended: 0, dropped: 0, archived: 1 },
      { name: 'gamma', total: 1, new: 0, due: 1, learning: 0, suspended: 0, dropped: 0, archived: 0 },
    ]);
  });

  it('moves cards into due as the day end moves past them', () => {
    addCard('alpha', { state: 2, due: DAY_END + 2 * HOUR });
    expect(deckSummaries(store, NOW, DAY_END)[0]).toMatchObject({ due: 0, total: 1 });
    expect(deckSummaries(store, NOW, DAY_END + 24 * HOUR)[0]).toMatchObject({ due: 1, total: 1 });
  });
});
