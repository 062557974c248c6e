import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { cardById, insertCard, listCards, updateCard } from '../../src/store/cards.js';
import { ensureDeck } from '../../src/store/decks.js';
import { cardRecords } from '../../src/store/export-queries.js';
import { simulationCards } from '../../src/store/optimize-queries.js';
import { openStore, type Store } from '../../src/store/open-store.js';
import { quizCards } from '../../src/store/quiz-cards.js';
import { cardFacts } from '../../src/store/stats-queries.js';
import { newCards, scheduledCards, setDropped, setSuspended, upcoming, waitingToday } from '../../src/store/study-queries.js';
import { tempDir } from '../helpers/temp-dir.js';

const NOW = Date.UTC(2026, 2, 2, 10);
const DAY_END = Date.UTC(2026, 2, 3, 4);
const TOMORROW_END = Date.UTC(2026, 2, 4, 4);
const HOUR = 3_600_000;

let store: Store;
let n = 0;

beforeEach(() => {
  store = openStore(join(tempDir(), 'engram.db'), { create: true });
});

afterEach(() => {
  store.close();
});

/** A card derived from notes in deck d; due an hour ago when `due`, else new. */
function addCard(o: { due?: boolean } = {}): number {
  n++;
  const id = insertCard(
    store,
    {
      key: `k${n}`, sibling: null, deckId: ensureDeck(store, 'd', NOW), sourceId: null, line: n, endLine: n,
      kind: 'basic', syntax: 'note-definition', front: `Term ${n}`, back: `meaning ${n}`, title: null, context: null, headingPath: [],
    },
    NOW - 10 * HOUR,
  );
  if (o.due) {
    store.db
      .prepare(`INSERT INTO card_state (card_id, state, due, stability, difficulty, scheduled_days, learning_steps, reps, lapses, last_review)
                VALUES (?, 2, ?, 3, 5, 3, 0, 2, 0, ?)`)
      .run(id, NOW - HOUR, NOW - 4 * 24 * HOUR);
  }
  return id;
}

describe('setDropped', () => {
  it('drops a card with the time, keeps the first time when dropped again, and lifts the drop with null', () => {
    const id = addCard();
    expect(setDropped(store, id, NOW)).toBe(true);
    expect(cardById(store, id)?.droppedAt).toBe(NOW);
    expect(setDropped(store, id, NOW + HOUR)).toBe(true);
    expect(cardById(store, id)?.droppedAt).toBe(NOW);
    expect(setDropped(store, id, null)).toBe(true);
    expect(cardById(store, id)?.droppedAt).toBeNull();
  });

  it('says false for an id that names no card', () => {
    expect(setDropped(store, 404, NOW)).toBe(false);
  });

  it('is kept when an import rewrites the card, and when it comes back from the archive', () => {
    const id = addCard();
    setDropped(store, id, NOW);
    store.db.prepare('UPDATE cards SET archived_at = ? WHERE id = ?').run(NOW + HOUR, id);
    const { key, sibling, kind, syntax, front, title, context, headingPath, line, endLine } = cardById(store, id)!;
    const write = { key, sibling, kind, syntax, front, back: 'a new answer', title, context, headingPath, line, endLine, deckId: ensureDeck(store, 'd', NOW), sourceId: null };
    updateCard(store, id, write, NOW + 2 * HOUR);
    expect([cardById(store, id)?.archived, cardById(store, id)?.back, cardById(store, id)?.droppedAt]).toEqual([false, 'a new answer', NOW]);
  });
});

describe('a dropped card in the queries of review, due, quiz, simulation and stats', () => {
  it('is never studyable: not due, not new, not waiting, not upcoming', () => {
    const dueKept = addCard({ due: true });
    const dueDropped = addCard({ due: true });
    const newKept = addCard();
    const newDropped = addCard();
    setDropped(store, dueDropped, NOW);
    setDropped(store, newDropped, NOW);
    expect(scheduledCards(store, NOW, DAY_END, []).map((c) => c.id)).toEqual([dueKept]);
    expect([...newCards(store, NOW, [])].map((c) => c.id)).toEqual([newKept]);
    expect(waitingToday(store, NOW, DAY_END, [])).toEqual({ new: 1, reviews: 1 });
    expect(upcoming(store, NOW, DAY_END, TOMORROW_END, [])).toMatchObject({ reviewsTomorrow: 1, newWaiting: 1 });
    expect(simulationCards(store, []).map((c) => c.id)).toEqual([dueKept, newKept]);
    expect(quizCards(store, []).map((c) => c.id)).toEqual([dueKept, newKept]);
  });

  it('is listed with its date, flagged for the stats and in exported records, its schedule kept', () => {
    const id = addCard({ due: true });
    const other = addCard();
    setDropped(store, id, NOW);
    setSuspended(store, other, NOW);
    expect(listCards(store, { includeArchived: false }).map((c) => [c.id, c.droppedAt, c.suspended])).toEqual([
      [id, NOW, false],
      [other, null, true],
    ]);
    expect(cardFacts(store, null).map((c) => [c.id, c.dropped, c.suspended, c.state])).toEqual([
      [id, true, false, 2],
      [other, false, true, null],
    ]);
    expect([...cardRecords(store, null, false)].map((r) => [r.id, r.dropped_at, r.state])).toEqual([
      [id, NOW, 2],
      [other, null, null],
    ]);
  });
});
