import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { CardState } from '../../src/model/card-state.js';
import { cardState, saveCardState, saveCardStates } from '../../src/store/card-state-rows.js';
import { cardsChangedSince, lastCleanCheck, recordCleanCheck } from '../../src/store/doctor-checks.js';
import { openStore, type Store } from '../../src/store/open-store.js';
import { tempDir } from '../helpers/temp-dir.js';
import { writtenCard } from '../helpers/written-card.js';

const NOW = Date.UTC(2026, 11, 7, 9);
const DAY = 86_400_000;

let store: Store;

beforeEach(() => {
  store = openStore(join(tempDir(), 'engram.db'), { create: true });
});

afterEach(() => {
  store.close();
});

function card(): number {
  return writtenCard(store, { deck: 'd', at: NOW - DAY });
}

function state(due: number, reps: number): CardState {
  return { phase: 'review', due, stability: 4.2, difficulty: 5.1, scheduledDays: 4, learningSteps: 0, reps, lapses: 0, lastReview: NOW };
}

describe('saveCardState', () => {
  it('writes, rewrites and removes a card\'s state', () => {
    const id = card();
    saveCardState(store, id, state(NOW + 4 * DAY, 1));
    expect(cardState(store, id)).toEqual(state(NOW + 4 * DAY, 1));
    saveCardState(store, id, state(NOW + 9 * DAY, 2));
    expect(cardState(store, id)).toEqual(state(NOW + 9 * DAY, 2));
    saveCardState(store, id, null);
    expect(cardState(store, id)).toBeNull();
  });

  it('rewrites a state after doctor recorded a clean check, noting the card as changed since (an upsert failed on that note)', () => {
    const [a, b] = [card(), card()];
    saveCardState(store, a, state(NOW + 4 * DAY, 1));
    store.transaction(() => recordCleanCheck(store, { checkedAt: NOW, reviewsThrough: 0, settings: '{}' }));
    // A card with a state answered again, twice (noted once), and a card's first state.
    store.transaction(() => saveCardState(store, a, state(NOW + 9 * DAY, 2)));
    store.transaction(() => saveCardState(store, a, state(NOW + 20 * DAY, 3)));
    store.transaction(() => saveCardState(store, b, state(NOW + 2 * DAY, 1)));
    expect(cardState(store, a)).toEqual(state(NOW + 20 * DAY, 3));
    expect(cardState(store, b)).toEqual(state(NOW + 2 * DAY, 1));
    expect(cardsChangedSince(store, lastCleanCheck(store)!).sort((x, y) => x - y)).toEqual([a, b]);
  });
});

describe('saveCardStates', () => {
  it('writes many states as saveCardState writes each: new rows, rewritten rows and removed ones, past a statement and a chunk', () => {
    const ids = Array.from({ length: 1_203 }, () => card());
    // Every third card has a state already; of the rest, one card in seven gets none (null).
    ids.forEach((id, i) => i % 3 === 0 && saveCardState(store, id, state(NOW + DAY, 1)));
    const wanted = new Map(ids.map((id, i) => [id, i % 7 === 3 ? null : state(NOW + (i % 40) * DAY, 2 + (i % 5))]));
    saveCardStates(store, wanted);
    for (const [id, s] of wanted) expect(cardState(store, id)).toEqual(s);
    expect(store.db.prepare('SELECT count(*) FROM card_state').pluck().get()).toBe([...wanted.values()].filter((s) => s !== null).length);
  });

  it('notes each card it writes as changed for doctor, as single writes do', () => {
    const [a, b] = [card(), card()];
    saveCardState(store, a, state(NOW + 4 * DAY, 1));
    store.transaction(() => recordCleanCheck(store, { checkedAt: NOW, reviewsThrough: 0, settings: '{}' }));
    store.transaction(() => saveCardStates(store, new Map([[a, state(NOW + 9 * DAY, 2)], [b, state(NOW + 2 * DAY, 1)]])));
    expect(cardsChangedSince(store, lastCleanCheck(store)!)).toEqual([a, b].sort((x, y) => x - y));
  });
});
