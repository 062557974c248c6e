import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { insertCard } from '../../src/store/cards.js';
import { ensureDeck } from '../../src/store/decks.js';
import { openStore, type Store } from '../../src/store/open-store.js';
import { buryCard, newCards, setSuspended } from '../../src/store/study-queries.js';
import { tempDir } from '../helpers/temp-dir.js';

const NOW = Date.UTC(2026, 2, 2, 10);
const HOUR = 3_600_000;

let store: Store;
let n = 0;

beforeEach(() => {
  store = openStore(join(tempDir(), 'engram.db'), { create: true });
});

afterEach(() => {
  store.close();
});

/** A written card in `deck`, in sibling group `sibling`. */
function addCard(deck: string, sibling: string | null = null): number {
  n++;
  return insertCard(
    store,
    {
      key: `k${n}`, sibling, deckId: ensureDeck(store, deck, NOW), sourceId: null, line: n, endLine: n,
      kind: 'basic', syntax: 'qa', front: `Question ${n}`, back: `answer ${n}`, title: null, context: null, headingPath: [],
    },
    NOW - 10 * HOUR,
  );
}

/** Gives card `id` a cached state row of ts-fsrs phase `state` (0 new, 2 review). */
function setState(id: number, state: number): void {
  store.db
    .prepare(`INSERT INTO card_state (card_id, state, due, stability, difficulty, scheduled_days, learning_steps, reps, lapses, last_review)
              VALUES (?, ?, ?, 0, 0, 0, 0, ?, 0, ?)`)
    .run(id, state, NOW - HOUR, state === 0 ? 0 : 2, state === 0 ? null : NOW - 2 * HOUR);
}

describe('newCards', () => {
  it('gives the studyable new cards in import order with their deck and sibling; a state row of phase new comes with its state', () => {
    const a = addCard('alpha', 's1');
    const reviewed = addCard('alpha');
    setState(reviewed, 2);
    const reset = addCard('beta');
    setState(reset, 0);
    const suspended = addCard('beta');
    setSuspended(store, suspended, NOW - HOUR);
    const buried = addCard('alpha');
    buryCard(store, buried, NOW + HOUR, NOW - HOUR);
    const thawed = addCard('alpha');
    buryCard(store, thawed, NOW - 1, NOW - HOUR);

    expect([...newCards(store, NOW, [])]).toEqual([
      { id: a, deck: 'alpha', sibling: 's1', state: null },
      {
        id: reset,
        deck: 'beta',
        sibling: null,
        state: { phase: 'new', due: NOW - HOUR, stability: 0, difficulty: 0, scheduledDays: 0, learningSteps: 0, reps: 0, lapses: 0, lastReview: null },
      },
      { id: thawed, deck: 'alpha', sibling: null, state: null },
    ]);
  });

  it('keeps to the decks named', () => {
    const a = addCard('alpha');
    addCard('beta');
    const c = addCard('gamma');
    expect([...newCards(store, NOW, ['alpha', 'gamma'])].map((card) => card.id)).toEqual([a, c]);
    expect([...newCards(store, NOW, ['none'])]).toEqual([]);
  });

  it('gives every new card once, in import order, past the pages it reads them in (64, then 128, then 256 rows)', () => {
    // 300 cards: the pages end at the 64th and the 192nd card; a suspended card and another deck's sit across both.
    const ids = Array.from({ length: 300 }, (_, i) => addCard(i % 3 === 2 ? 'beta' : 'alpha', i === 64 ? 's64' : null));
    setSuspended(store, ids[63]!, NOW - HOUR);
    setSuspended(store, ids[192]!, NOW - HOUR);
    const studyable = ids.filter((id) => id !== ids[63] && id !== ids[192]);
    const all = [...newCards(store, NOW, [])];
    expect(all.map((card) => card.id)).toEqual(studyable);
    expect(all[63]).toEqual({ id: ids[64], deck: 'alpha', sibling: 's64', state: null });
    expect([...newCards(store, NOW, ['beta'])].map((card) => card.id)).toEqual(studyable.filter((id) => (id - ids[0]!) % 3 === 2));
    // Stopped early, the rest is never asked for.
    const firstTen: number[] = [];
    for (const card of newCards(store, NOW, [])) {
      firstTen.push(card.id);
      if (firstTen.length === 10) break;
    }
    expect(firstTen).toEqual(studyable.slice(0, 10));
  });
});
