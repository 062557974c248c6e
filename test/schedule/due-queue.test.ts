import { describe, expect, it } from 'vitest';
import type { CardState, Phase } from '../../src/model/card-state.js';
import {
  afterAnswer,
  buildQueue,
  cardAfter,
  extraFor,
  LEARN_AHEAD,
  learningCards,
  nextCard,
  queueCounts,
  removeCard,
  type DueQueue,
  type QueueCard,
  type QueueLimits,
  type StudiedToday,
} from '../../src/schedule/due-queue.js';
import { Scheduler } from '../../src/schedule/fsrs-scheduler.js';
import { seededRandom } from '../../src/schedule/seeded-random.js';
import { DAY, HOUR, MINUTE } from '../../src/schedule/study-time.js';
import { defaultSchedule } from '../helpers/default-schedule.js';

// Study day 2026-01-05 in UTC with rollover 4; the session runs at 10:00.
const DAY_START = Date.parse('2026-01-05T04:00Z');
const DAY_END = Date.parse('2026-01-06T04:00Z');
const NOW = Date.parse('2026-01-05T10:00Z');

function state(phase: Phase, due: number): CardState {
  return {
    phase,
    due,
    stability: phase === 'new' ? 0 : 5,
    difficulty: phase === 'new' ? 0 : 5,
    scheduledDays: phase === 'review' ? 3 : 0,
    learningSteps: 0,
    reps: phase === 'new' ? 0 : 3,
    lapses: 0,
    lastReview: phase === 'new' ? null : due - 3 * DAY,
  };
}

interface CardOptions {
  deck?: string;
  sibling?: string;
}
const newCard = (id: number, o: CardOptions = {}): QueueCard => ({ id, deck: o.deck ?? 'a', sibling: o.sibling ?? null, state: null });
const review = (id: number, due: number, o: CardOptions = {}): QueueCard => ({ id, deck: o.deck ?? 'a', sibling: o.sibling ?? null, state: state('review', due) });
const learning = (id: number, due: number, o: CardOptions = {}): QueueCard => ({ id, deck: o.deck ?? 'a', sibling: o.sibling ?? null, state: state('learning', due) });

const NOTHING: StudiedToday = { newByDeck: new Map(), reviewsByDeck: new Map(), siblings: new Set() };
const limits = (newPerDay: number, reviewsPerDay: number, decks: QueueLimits['decks'] = {}): QueueLimits => ({ global: { newPerDay, reviewsPerDay }, decks });
const PLENTY = limits(100, 1000);

/** Splits cards as the store does: scheduled ones, and new ones in their order. */
const build = (cards: QueueCard[], l: QueueLimits = PLENTY, studied: StudiedToday = NOTHING) =>
  buildQueue(
    cards.filter((c) => c.state !== null && c.state.phase !== 'new'),
    cards.filter((c) => c.state === null || c.state.phase === 'new'),
    studied,
    l,
    DAY_END,
  );
/** Ids of the reviews and new cards still to show, in order. */
const mainIds = (q: DueQueue): number[] => q.main.slice(q.at).map((c) => c.id);
const learningIds = (q: DueQueue): number[] => learningCards(q).map((c) => c.id);
/** Ids in the order they are shown at `now`, each answered for good (due tomorrow). */
/** afterAnswer for the card with `id`, as the session calls it: with the card it answered. */
function answered(q: DueQueue, id: number, st: CardState): DueQueue {
  const card = [...learningCards(q), ...q.main].find((c) => c.id === id);
  if (!card) throw new Error(`card ${id} is not in the queue`);
  return afterAnswer(q, card, st);
}

function drain(q: DueQueue, now: number): number[] {
  const shown: number[] = [];
  for (let c = nextCard(q, now); c; c = nextCard(q, now)) {
    shown.push(c.id);
    q = answered(q, c.id, state('review', DAY_END + 2 * DAY));
    if (shown.length > 100) throw new Error('queue does not drain');
  }
  return shown;
}
/** Review ids 101.. due at 04:00 and before, oldest first, one hour apart. */
const reviews = (n: number, o: CardOptions = {}) => Array.from({ length: n }, (_, i) => review(101 + i, DAY_START - (n - i) * HOUR, o));
const news = (n: number, o: CardOptions = {}) => Array.from({ length: n }, (_, i) => newCard(201 + i, o));

describe('order', () => {
  it('an empty queue gives null and zero counts', () => {
    const q = build([]);
    expect(nextCard(q, NOW)).toBeNull();
    expect(queueCounts(q)).toEqual({ new: 0, learning: 0, review: 0 });
  });

  it('reviews due by the end of the day, oldest first; new cards in the given order', () => {
    const q = build([
      review(1, DAY_START + 2 * HOUR),
      review(2, DAY_START - 3 * DAY),
      review(3, DAY_END - 1),
      review(4, DAY_END), // due tomorrow
      review(5, DAY_START + 2 * HOUR), // same due as 1: by id
      review(6, DAY_END + 5 * DAY),
    ]);
    expect(mainIds(q)).toEqual([2, 1, 5, 3]);
    const n = build([newCard(30), newCard(10), newCard(20)]);
    expect(mainIds(n)).toEqual([30, 10, 20]);
  });

  it('a card in phase "new" with a state counts as new', () => {
    const q = build([{ id: 7, deck: 'a', sibling: null, state: state('new', DAY_START) }]);
    expect(queueCounts(q)).toEqual({ new: 1, learning: 0, review: 0 });
  });

  it('6 reviews and 2 new cards interleave evenly: R N R R R N R R', () => {
    expect(mainIds(build([...news(2), ...reviews(6)]))).toEqual([101, 201, 102, 103, 104, 202, 105, 106]);
  });

  it('4 reviews and 1 new card: the new card in the middle', () => {
    expect(mainIds(build([...reviews(4), ...news(1)]))).toEqual([101, 102, 201, 103, 104]);
  });

  it('with more reviews than new cards: starts and ends with a review, no two new cards adjacent, each kind in its own order', () => {
    for (let r = 1; r <= 12; r++) {
      for (let n = 0; n < r; n++) {
        const ids = mainIds(build([...news(n), ...reviews(r)]));
        const kinds = ids.map((id) => (id > 200 ? 'N' : 'R')).join('');
        expect(ids.filter((id) => id < 200)).toEqual(reviews(r).map((c) => c.id));
        expect(ids.filter((id) => id > 200)).toEqual(news(n).map((c) => c.id));
        expect(kinds, `${r} reviews, ${n} new: ${kinds}`).toMatch(/^R.*R$|^R$/);
        expect(kinds, `${r} reviews, ${n} new: ${kinds}`).not.toContain('NN');
      }
    }
  });

  it('learning cards due come first, by due time; not yet due ones wait; due after the day end are left out', () => {
    const q = build([
      newCard(201),
      review(101, DAY_START),
      review(102, DAY_START + 1),
      learning(11, NOW - 5 * MINUTE),
      learning(12, NOW + HOUR),
      learning(13, NOW - 30 * MINUTE),
      learning(14, DAY_END), // tomorrow
      { id: 15, deck: 'a', sibling: null, state: state('relearning', NOW - MINUTE) },
    ]);
    expect(learningIds(q)).toEqual([13, 11, 15, 12]);
    expect(queueCounts(q)).toEqual({ new: 1, learning: 4, review: 2 });
    // At NOW: 13, 11, 15 are due; then the main queue; 12 is due in an hour: not yet.
    expect(drain(q, NOW)).toEqual([13, 11, 15, 101, 201, 102]);
  });

  it('a learning card that falls due is shown before the rest of the main queue', () => {
    let q = build([...reviews(3), learning(11, NOW + 30 * MINUTE)]);
    expect(nextCard(q, NOW)!.id).toBe(101);
    q = answered(q, 101, state('review', DAY_END + DAY));
    expect(nextCard(q, NOW + 30 * MINUTE - 1)!.id).toBe(102);
    expect(nextCard(q, NOW + 30 * MINUTE)!.id).toBe(11);
  });

  it('when nothing else is left, a learning card due within 20 minutes is shown early (learn ahead), not one due later', () => {
    let q = build([review(101, DAY_START), learning(11, NOW + 30 * MINUTE)]);
    q = answered(q, 101, state('review', DAY_END + DAY));
    expect(LEARN_AHEAD).toBe(20 * MINUTE);
    expect(nextCard(q, NOW)).toBeNull();
    expect(nextCard(q, NOW + 10 * MINUTE - 1)).toBeNull();
    expect(nextCard(q, NOW + 10 * MINUTE)!.id).toBe(11);
    // The day is not done while a learning card waits.
    expect(queueCounts(q)).toEqual({ new: 0, learning: 1, review: 0 });
  });
});

describe('limits', () => {
  it('the global new limit takes new cards in order across decks', () => {
    const q = build([newCard(1, { deck: 'a' }), newCard(2, { deck: 'b' }), newCard(3, { deck: 'a' }), newCard(4, { deck: 'b' })], limits(3, 100));
    expect(mainIds(q)).toEqual([1, 2, 3]);
  });

  it('a per-deck new limit stops that deck only', () => {
    const q = build([newCard(1, { deck: 'a' }), newCard(2, { deck: 'a' }), newCard(3, { deck: 'b' }), newCard(4, { deck: 'a' }), newCard(5, { deck: 'b' })], limits(10, 100, { a: { newPerDay: 1 } }));
    expect(mainIds(q)).toEqual([1, 3, 5]);
  });

  it('a deck limit above the global one is capped by the global one', () => {
    const q = build(news(5, { deck: 'a' }), limits(2, 100, { a: { newPerDay: 50 } }));
    expect(mainIds(q)).toEqual([201, 202]);
  });

  it('a deck limit of 0 leaves the deck out; a deck limit of one kind leaves the other kind alone', () => {
    const q = build(
      [newCard(1, { deck: 'a' }), newCard(2, { deck: 'b' }), review(3, DAY_START, { deck: 'a' }), review(4, DAY_START + 1, { deck: 'a' })],
      limits(10, 10, { a: { newPerDay: 0 } }),
    );
    expect(mainIds(q).sort((x, y) => x - y)).toEqual([2, 3, 4]);
  });

  it('the global review limit keeps the oldest reviews', () => {
    const q = build([review(1, DAY_START), review(2, DAY_START - DAY), review(3, DAY_START - 2 * DAY), review(4, NOW)], limits(10, 2));
    expect(mainIds(q)).toEqual([3, 2]);
  });

  it('a per-deck review limit, capped by the global one', () => {
    const cards = [
      review(1, DAY_START - 5 * HOUR, { deck: 'a' }),
      review(2, DAY_START - 4 * HOUR, { deck: 'b' }),
      review(3, DAY_START - 3 * HOUR, { deck: 'a' }),
      review(4, DAY_START - 2 * HOUR, { deck: 'b' }),
      review(5, DAY_START - 1 * HOUR, { deck: 'a' }),
    ];
    expect(mainIds(build(cards, limits(10, 100, { a: { reviewsPerDay: 1 } })))).toEqual([1, 2, 4]);
    expect(mainIds(build(cards, limits(10, 2, { a: { reviewsPerDay: 5 } })))).toEqual([1, 2]);
  });

  it('new cards and reviews studied earlier today count against the deck and global limits', () => {
    const cards = [
      newCard(1, { deck: 'a' }),
      newCard(2, { deck: 'a' }),
      newCard(3, { deck: 'a' }),
      newCard(4, { deck: 'b' }),
      newCard(5, { deck: 'b' }),
      review(11, DAY_START - 3 * HOUR, { deck: 'a' }),
      review(12, DAY_START - 2 * HOUR, { deck: 'a' }),
      review(13, DAY_START - 1 * HOUR, { deck: 'b' }),
    ];
    const studied: StudiedToday = {
      newByDeck: new Map([['a', 2]]),
      reviewsByDeck: new Map([
        ['a', 1],
        ['c', 1], // a deck with nothing left today still counts globally
      ]),
      siblings: new Set(),
    };
    // New: deck a 3 - 2 = 1 left; global 4 - 2 = 2 left. Reviews: deck a 2 - 1 = 1; global 4 - 2 = 2.
    const q = build(cards, limits(4, 4, { a: { newPerDay: 3, reviewsPerDay: 2 } }), studied);
    expect(queueCounts(q)).toEqual({ new: 2, learning: 0, review: 2 });
    expect(mainIds(q).sort((x, y) => x - y)).toEqual([1, 4, 11, 13]);
  });

  it('more studied today than a limit (say, after lowering it) leaves nothing of that kind', () => {
    const cards = [newCard(1, { deck: 'a' }), newCard(2, { deck: 'b' }), review(3, DAY_START, { deck: 'b' }), review(4, DAY_START + 1, { deck: 'a' })];
    const studied: StudiedToday = { newByDeck: new Map([['a', 7]]), reviewsByDeck: new Map([['b', 9]]), siblings: new Set() };
    // Over the deck limit: deck a gets no new cards, deck b no reviews; the other decks still do.
    const perDeck = build(cards, limits(10, 10, { a: { newPerDay: 5 }, b: { reviewsPerDay: 5 } }), studied);
    expect(mainIds(perDeck).sort((x, y) => x - y)).toEqual([2, 4]);
    // Over the global limit: nothing at all.
    expect(mainIds(build(cards, limits(5, 5), studied))).toEqual([]);
  });

  it('learning cards are not limited', () => {
    const q = build([learning(1, NOW), learning(2, NOW), learning(3, NOW)], limits(0, 0));
    expect(learningIds(q)).toEqual([1, 2, 3]);
  });
});

describe('limits used up and extra study today (review --more)', () => {
  const twentyStudied = (deck = 'a'): StudiedToday => ({ newByDeck: new Map([[deck, 20]]), reviewsByDeck: new Map(), siblings: new Set() });
  const fresh = (ids: number[], deck = 'a') => ids.map((id) => newCard(id, { deck }));

  it('says the global new-card limit held cards back when it is used up and new cards wait', () => {
    const q = build(fresh([1, 2, 3]), limits(20, 200), twentyStudied());
    expect(mainIds(q)).toEqual([]);
    expect(q.held).toEqual({ new: { deck: null }, review: null });
  });

  it('says so too when the limit is reached within the queue, and not when every card fits', () => {
    expect(build(fresh([1, 2, 3]), limits(2, 200)).held.new).toEqual({ deck: null });
    expect(build(fresh([1, 2, 3]), limits(3, 200)).held.new).toBeNull();
    expect(build([], limits(0, 0)).held).toEqual({ new: null, review: null });
  });

  it("names the deck whose own limit held its cards back while the global one had room", () => {
    const q = build([...fresh([1, 2], 'a'), ...fresh([3], 'b')], limits(20, 200, { a: { newPerDay: 1 } }));
    expect(mainIds(q)).toEqual([1, 3]);
    expect(q.held.new).toEqual({ deck: 'a' });
  });

  it('a card whose sibling is shown today is not held back by a limit: it would not come anyway', () => {
    const q = build([newCard(1, { sibling: 'g' }), newCard(2, { sibling: 'g' })], limits(1, 200));
    expect(mainIds(q)).toEqual([1]);
    expect(q.held.new).toBeNull();
  });

  it('says the review limit held reviews back', () => {
    const q = build([review(1, DAY_START - HOUR), review(2, DAY_START), review(3, DAY_START + HOUR)], limits(20, 2));
    expect(mainIds(q)).toEqual([1, 2]);
    expect(q.held).toEqual({ new: null, review: { deck: null } });
  });

  it('extra study for the deck raises its limit and the global one: 20 more after 20 studied gives 20', () => {
    const cards = fresh(Array.from({ length: 30 }, (_, i) => i + 1));
    const q = build(cards, { ...limits(20, 200), extra: [{ decks: ['a'], more: { newPerDay: 20, reviewsPerDay: 0 } }] }, twentyStudied());
    expect(mainIds(q)).toEqual(cards.slice(0, 20).map((c) => c.id));
    expect(q.held.new).toEqual({ deck: null });
  });

  it('extra study asked for twice adds up, and what was studied of it counts: 20 + 5 + 5 with 26 studied leaves 4', () => {
    const extra = [
      { decks: ['a'], more: { newPerDay: 5, reviewsPerDay: 0 } },
      { decks: null, more: { newPerDay: 5, reviewsPerDay: 0 } },
    ];
    const studied: StudiedToday = { newByDeck: new Map([['a', 26]]), reviewsByDeck: new Map(), siblings: new Set() };
    expect(queueCounts(build(fresh([1, 2, 3, 4, 5, 6, 7]), { ...limits(20, 200), extra }, studied)).new).toBe(4);
  });

  it("a deck's own limit is raised by extra study for it, and so is the review limit", () => {
    const cards = [...fresh([1, 2, 3]), review(4, DAY_START - HOUR), review(5, DAY_START)];
    const q = build(cards, { ...limits(20, 1, { a: { newPerDay: 1 } }), extra: [{ decks: ['a'], more: { newPerDay: 1, reviewsPerDay: 1 } }] });
    expect(queueCounts(q)).toEqual({ new: 2, learning: 0, review: 2 });
  });

  it('extra study for one deck gives nothing to another deck', () => {
    const q = build(fresh([1, 2], 'b'), { ...limits(20, 200), extra: [{ decks: ['a'], more: { newPerDay: 20, reviewsPerDay: 0 } }] }, twentyStudied('b'));
    expect(mainIds(q)).toEqual([]);
  });

  it('in a queue of every deck, extra study for one deck goes to that deck only, past the global limit', () => {
    // Deck a's cards come first in new-card order; the 2 extra are b's.
    const cards = [...fresh([1, 2, 3], 'a'), ...fresh([4, 5, 6], 'b')];
    const extra = [{ decks: ['b'], more: { newPerDay: 2, reviewsPerDay: 0 } }];
    const studied: StudiedToday = { newByDeck: new Map([['a', 20]]), reviewsByDeck: new Map(), siblings: new Set() };
    const q = build(cards, { ...limits(20, 200), extra }, studied);
    expect(mainIds(q)).toEqual([4, 5]);
    expect(q.held.new).toEqual({ deck: null });
    // Within the global limit, the other decks take their share first as usual.
    expect(mainIds(build(cards, { ...limits(2, 200), extra }))).toEqual([1, 2, 4, 5]);
    // What b studied past the limit earlier today came out of its extra.
    const past: StudiedToday = { newByDeck: new Map([['a', 20], ['b', 1]]), reviewsByDeck: new Map(), siblings: new Set() };
    expect(mainIds(build(cards, { ...limits(20, 200), extra }, past))).toEqual([4]);
  });

  it('extraFor keeps the extra study asked for every deck or for a deck of the queue', () => {
    const all = { decks: null, more: { newPerDay: 1, reviewsPerDay: 0 } };
    const a = { decks: ['a', 'a/b'], more: { newPerDay: 2, reviewsPerDay: 0 } };
    const c = { decks: ['c'], more: { newPerDay: 3, reviewsPerDay: 0 } };
    expect(extraFor([all, a, c], ['a/b'])).toEqual([all, a]);
    expect(extraFor([all, a, c], ['d'])).toEqual([all]);
    expect(extraFor([all, a, c], [])).toEqual([all, a, c]);
  });
});

describe('siblings', () => {
  it('one card per sibling group, reviews first', () => {
    const q = build([
      newCard(1, { sibling: 'g' }),
      newCard(2, { sibling: 'g' }),
      review(3, DAY_START, { sibling: 'g' }),
      newCard(4, { sibling: 'h' }),
      newCard(5, { sibling: 'h' }),
      newCard(6),
      newCard(7),
    ]);
    expect(mainIds(q).sort((x, y) => x - y)).toEqual([3, 4, 6, 7]);
  });

  it('none from a group studied today', () => {
    const studied: StudiedToday = { newByDeck: new Map(), reviewsByDeck: new Map(), siblings: new Set(['g']) };
    const q = build([newCard(1, { sibling: 'g' }), review(2, DAY_START, { sibling: 'g' }), newCard(3, { sibling: 'h' })], PLENTY, studied);
    expect(mainIds(q)).toEqual([3]);
  });

  it('a learning card claims its group, and is kept even when the group was studied today', () => {
    const studied: StudiedToday = { newByDeck: new Map(), reviewsByDeck: new Map(), siblings: new Set(['g']) };
    const q = build(
      [learning(1, NOW + HOUR, { sibling: 'g' }), learning(2, NOW, { sibling: 'k' }), review(3, DAY_START, { sibling: 'k' }), newCard(4, { sibling: 'k' }), newCard(5, { sibling: 'g' })],
      PLENTY,
      studied,
    );
    expect(learningIds(q)).toEqual([2, 1]);
    expect(mainIds(q)).toEqual([]);
  });

  it('a card left out by a limit does not claim its group', () => {
    const q = build([newCard(1, { deck: 'a', sibling: 'g' }), newCard(2, { deck: 'b', sibling: 'g' })], limits(10, 10, { a: { newPerDay: 0 } }));
    expect(mainIds(q)).toEqual([2]);
    const r = build([review(1, DAY_START - HOUR), review(2, DAY_START, { sibling: 'g' }), newCard(3, { sibling: 'g' })], limits(10, 1));
    expect(mainIds(r).sort((x, y) => x - y)).toEqual([1, 3]);
  });

});

describe('afterAnswer', () => {
  it('the answered card leaves the queue', () => {
    const q = build([...reviews(2), ...news(1)]);
    const first = nextCard(q, NOW)!;
    const after = answered(q, first.id, state('review', DAY_END + 3 * DAY));
    expect(mainIds(after)).not.toContain(first.id);
    expect(queueCounts(after)).toEqual({ new: 1, learning: 0, review: 1 });
  });

  it('a learning step due today comes back in due order; one due at or after the day end does not', () => {
    let q = build([newCard(1), newCard(2), newCard(3), learning(11, NOW + 5 * MINUTE), learning(12, NOW + 30 * MINUTE)]);
    expect(nextCard(q, NOW)!.id).toBe(1);
    q = answered(q, 1, state('learning', NOW + 10 * MINUTE));
    expect(learningIds(q)).toEqual([11, 1, 12]);
    expect(learningCards(q)[1]!.state).toEqual(state('learning', NOW + 10 * MINUTE));
    q = answered(q, 2, state('learning', DAY_END));
    expect(learningIds(q)).toEqual([11, 1, 12]);
    q = answered(q, 3, state('relearning', DAY_END - 1));
    expect(learningIds(q)).toEqual([11, 1, 12, 3]);
    expect(queueCounts(q)).toEqual({ new: 0, learning: 4, review: 0 });
  });

  it('a learning card answered again moves to its new due time, or leaves when it graduates', () => {
    let q = build([learning(11, NOW - MINUTE), learning(12, NOW + 5 * MINUTE)]);
    q = answered(q, 11, state('learning', NOW + 10 * MINUTE));
    expect(learningIds(q)).toEqual([12, 11]);
    q = answered(q, 12, state('review', DAY_END + DAY));
    expect(learningIds(q)).toEqual([11]);
  });

  it('brings back a card answered into a learning step that was not in the queue (an edited card)', () => {
    const q = build([newCard(1)]);
    const after = afterAnswer(q, { id: 99, deck: 'a', sibling: null }, state('learning', NOW + 10 * MINUTE));
    expect(learningIds(after)).toEqual([99]);
    expect(queueCounts(after)).toEqual({ new: 1, learning: 1, review: 0 });
  });

  it('does not change the queue it was given', () => {
    const q = build([...reviews(2), learning(11, NOW)]);
    const copy = structuredClone(q);
    answered(q, 11, state('learning', NOW + HOUR));
    answered(q, 101, state('review', DAY_END));
    removeCard(q, 102);
    expect(q).toEqual(copy);
  });

  it('with real scheduler answers: Good on a new card comes back in 10 minutes; near the rollover it waits for tomorrow', () => {
    const s = new Scheduler(defaultSchedule());
    let q = build([newCard(1), newCard(2)]);
    const s1 = s.answer(1, null, 3, NOW);
    q = answered(q, 1, s1);
    expect(nextCard(q, NOW)!.id).toBe(2);
    q = answered(q, 2, s.answer(2, null, 3, NOW));
    // Learn ahead: 10 minutes is within 20.
    expect(nextCard(q, NOW)!.id).toBe(1);
    q = answered(q, 1, s.answer(1, s1, 3, NOW + 10 * MINUTE));
    expect(learningIds(q)).toEqual([2]);

    const late = Date.parse('2026-01-06T03:55Z');
    let r = build([newCard(3)]);
    r = answered(r, 3, s.answer(3, null, 3, late));
    expect(nextCard(r, late)).toBeNull();
    expect(queueCounts(r)).toEqual({ new: 0, learning: 0, review: 0 });
  });
});

describe('removeCard', () => {
  const q = build([...reviews(4), ...news(1), learning(11, NOW + HOUR)]);

  it('of the current card: the next one becomes current', () => {
    expect(mainIds(q)).toEqual([101, 102, 201, 103, 104]);
    const r = removeCard(q, 101);
    expect(nextCard(r, NOW)!.id).toBe(102);
    expect(mainIds(r)).toEqual([102, 201, 103, 104]);
  });

  it('of a later card: the current card stays, the rest keep their order', () => {
    const r = removeCard(q, 201);
    expect(nextCard(r, NOW)!.id).toBe(101);
    expect(mainIds(r)).toEqual([101, 102, 103, 104]);
    expect(queueCounts(r)).toEqual({ new: 0, learning: 1, review: 4 });
  });

  it('of a learning card, and of a card not in the queue', () => {
    expect(learningIds(removeCard(q, 11))).toEqual([]);
    const r = removeCard(q, 999);
    expect(mainIds(r)).toEqual(mainIds(q));
    expect(learningIds(r)).toEqual([11]);
  });

  it('of a card already shown does nothing', () => {
    const r = removeCard(removeCard(q, 101), 101);
    expect(mainIds(r)).toEqual([102, 201, 103, 104]);
  });
});

describe('queueCounts', () => {
  it('counts what is left of each kind as cards are shown', () => {
    let q = build([...reviews(3), ...news(2), learning(11, NOW + HOUR), learning(12, NOW + 2 * HOUR)]);
    expect(queueCounts(q)).toEqual({ new: 2, learning: 2, review: 3 });
    q = answered(q, nextCard(q, NOW)!.id, state('review', DAY_END + DAY));
    expect(queueCounts(q)).toEqual({ new: 2, learning: 2, review: 2 });
    q = removeCard(q, 201);
    expect(queueCounts(q)).toEqual({ new: 1, learning: 2, review: 2 });
    q = removeCard(q, 12);
    expect(queueCounts(q)).toEqual({ new: 1, learning: 1, review: 2 });
  });
});

describe('a long session', () => {
  /** The learning cards as the queue kept them before it moved past answered ones: filtered, appended and sorted on each change. */
  const byDue = (a: QueueCard, b: QueueCard): number => a.state!.due - b.state!.due || a.id - b.id;
  function oldAfter(learning: readonly QueueCard[], card: QueueCard, st: CardState): QueueCard[] {
    const without = learning.filter((c) => c.id !== card.id);
    if ((st.phase !== 'learning' && st.phase !== 'relearning') || st.due >= DAY_END) return without;
    return [...without, { id: card.id, deck: card.deck, sibling: card.sibling, state: st }].sort(byDue);
  }

  it('shows the cards in the order of a full sort by due time, over some 9,000 seeded answers, put-aways and ties', () => {
    const random = seededRandom(20);
    // Due times on a coarse grid, so that many cards tie and the id decides.
    const at = (minutes: number): number => NOW + Math.floor(minutes) * MINUTE;
    const cards: QueueCard[] = [];
    for (let id = 1; id <= 2000; id++) {
      const r = random();
      if (r < 0.4) cards.push(learning(id, at(random() * 600 - 300)));
      else if (r < 0.7) cards.push(review(id, DAY_START + Math.floor(random() * 20) * HOUR));
      else cards.push(newCard(id));
    }
    let q = build(cards, limits(5000, 5000));
    let old: readonly QueueCard[] = learningCards(q);
    let now = NOW;
    const shown: number[] = [];
    for (let step = 0; step < 20_000; step++) {
      now += Math.floor(random() * 6) * 1000;
      const next = nextCard(q, now);
      const expected = old[0] && old[0].state!.due <= now ? old[0] : q.at < q.main.length ? q.main[q.at]! : old[0] && old[0].state!.due <= now + LEARN_AHEAD ? old[0] : null;
      expect(next?.id ?? null).toBe(expected?.id ?? null);
      if (!next) {
        if (old.length === 0) break;
        now += LEARN_AHEAD;
        continue;
      }
      // Before it is answered: what the screen loads ahead is what nextCard gives once it has gone.
      expect(cardAfter(q, next.id, now)?.id ?? null).toBe(nextCard(removeCard(q, next.id), now)?.id ?? null);
      shown.push(next.id);
      const r = random();
      if (r < 0.05) {
        // Put away: a learning card other than the first, too.
        const pool = learningCards(q);
        const gone = r < 0.02 && pool.length > 1 ? pool[1 + Math.floor(random() * (pool.length - 1))]! : next;
        q = removeCard(q, gone.id);
        old = old.filter((c) => c.id !== gone.id);
      } else {
        const st = r < 0.2 ? state('review', DAY_END + DAY) : state(r < 0.6 ? 'learning' : 'relearning', r < 0.97 ? at((now - NOW) / MINUTE + random() * 60) : DAY_END + (r < 0.98 ? 0 : -1));
        q = afterAnswer(q, next, st);
        old = oldAfter(old, next, st);
      }
      expect(learningIds(q).join()).toBe(old.map((c) => c.id).join());
      expect(queueCounts(q).learning).toBe(old.length);
    }
    expect(shown.length).toBeGreaterThan(8_000);
  });
});
