import { describe, expect, it } from 'vitest';
import type { Card } from '../../../src/model/card.js';
import type { CardState } from '../../../src/model/card-state.js';
import { buildQueue, nextCard, queueCounts, type DueQueue, type QueueCard } from '../../../src/schedule/due-queue.js';
import type { ShownCard } from '../../../src/app/review/review-actions.js';
import { reviewReducer, reviewStats } from '../../../src/tui/review/review-reducer.js';
import { initialReview, type ReviewState } from '../../../src/tui/review/review-state.js';

const T = Date.UTC(2026, 2, 2, 10);
const DAY_END = Date.UTC(2026, 2, 3, 4);

function card(id: number): Card {
  return {
    id,
    key: `k${id}`,
    sibling: null,
    kind: 'basic',
    syntax: 'inline',
    front: `front ${id}`,
    back: `back ${id}`,
    title: null,
    context: null,
    headingPath: [],
    line: id,
    endLine: id,
    deck: 'd',
    sourcePath: '/d.md',
    archived: false,
    suspended: false,
    droppedAt: null,
    createdAt: T,
    updatedAt: T,
  };
}

function shown(id: number, state: CardState | null = null): ShownCard {
  return { card: card(id), state, intervals: { 1: '1m', 2: '6m', 3: '10m', 4: '8d' }, shownAt: T };
}

const learning = (due: number): CardState => ({
  phase: 'learning',
  due,
  stability: 2.3,
  difficulty: 5,
  scheduledDays: 0,
  learningSteps: 1,
  reps: 1,
  lapses: 0,
  lastReview: T,
});

function queue(ids: number[]): DueQueue {
  const cards: QueueCard[] = ids.map((id) => ({ id, deck: 'd', sibling: null, state: null }));
  return buildQueue([], cards, { newByDeck: new Map(), reviewsByDeck: new Map(), siblings: new Set() }, { global: { newPerDay: 20, reviewsPerDay: 200 }, decks: {} }, DAY_END);
}

/** Shows the queue's next card, as the review controller does. */
function showNext(s: ReviewState, now = T): ReviewState {
  const next = nextCard(s.queue, now);
  return reviewReducer(s, { type: 'show', card: next ? shown(next.id) : null });
}

describe('reviewReducer', () => {
  it('shows a card, reveals it, and moves on after the answer is recorded', () => {
    let s = showNext(initialReview(queue([1, 2]), T));
    expect(s.phase).toBe('question');
    expect(s.current?.card.id).toBe(1);
    s = reviewReducer(s, { type: 'reveal' });
    expect(s.phase).toBe('answer');
    s = reviewReducer(s, { type: 'answered', grade: 4, reviewId: 7, state: { ...learning(T), phase: 'review', due: T + 8 * 86_400_000 }, durationMs: 4000 });
    expect(s.current).toBeNull();
    expect(s.phase).toBe('question');
    expect(s.answers.map((a) => [a.cardId, a.reviewId, a.grade, a.durationMs])).toEqual([[1, 7, 4, 4000]]);
    expect(queueCounts(s.queue)).toEqual({ new: 1, learning: 0, review: 0 });
    expect(showNext(s).current?.card.id).toBe(2);
  });

  it('ignores an answer before the answer side is shown, and a reveal with no card', () => {
    const s = showNext(initialReview(queue([1]), T));
    expect(reviewReducer(s, { type: 'answered', grade: 3, reviewId: 1, state: learning(T), durationMs: 1 })).toBe(s);
    const empty = initialReview(queue([]), T);
    expect(reviewReducer(empty, { type: 'reveal' })).toBe(empty);
  });

  it('brings a card answered into a learning step back when it is due', () => {
    let s = showNext(initialReview(queue([1, 2]), T));
    s = reviewReducer(reviewReducer(s, { type: 'reveal' }), { type: 'answered', grade: 3, reviewId: 1, state: learning(T + 600_000), durationMs: 1 });
    expect(queueCounts(s.queue)).toEqual({ new: 1, learning: 1, review: 0 });
    expect(showNext(s, T).current?.card.id).toBe(2);
    expect(nextCard(s.queue, T + 600_000)?.id).toBe(1);
  });

  it('undo restores the queue and the card as they were, with the state given back', () => {
    let s = showNext(initialReview(queue([1, 2]), T));
    const before = s.queue;
    s = reviewReducer(reviewReducer(s, { type: 'reveal' }), { type: 'answered', grade: 1, reviewId: 9, state: learning(T + 60_000), durationMs: 1 });
    s = showNext(s);
    s = reviewReducer(s, { type: 'undone', state: null, now: T + 5000 });
    expect(s.queue).toBe(before);
    expect(s.current?.card.id).toBe(1);
    expect(s.current?.state).toBeNull();
    expect(s.phase).toBe('question');
    expect(s.answers).toEqual([]);
    expect(s.message).toBe('Answer undone.');
  });

  it('undo keeps out a card buried since the answer, and restarts the answer time', () => {
    let s = showNext(initialReview(queue([1, 2, 3]), T));
    s = reviewReducer(reviewReducer(s, { type: 'reveal' }), { type: 'answered', grade: 3, reviewId: 5, state: { ...learning(DAY_END + 1), phase: 'review' }, durationMs: 1 });
    s = showNext(s);
    expect(s.current?.card.id).toBe(2);
    s = reviewReducer(s, { type: 'removed', cardId: 2, message: 'Buried until tomorrow.' });
    s = reviewReducer(s, { type: 'undone', state: null, now: T + 60_000 });
    expect(s.current?.card.id).toBe(1);
    expect(s.current?.shownAt).toBe(T + 60_000);
    expect(s.queue.main.slice(s.queue.at).map((c) => c.id)).toEqual([1, 3]);
  });

  it('undo with nothing answered changes nothing', () => {
    const s = showNext(initialReview(queue([1]), T));
    expect(reviewReducer(s, { type: 'undone', state: null, now: T })).toBe(s);
  });

  it('removes a buried or suspended card and keeps its message for the next card', () => {
    let s = showNext(initialReview(queue([1, 2]), T));
    s = reviewReducer(s, { type: 'removed', cardId: 1, message: 'Buried until tomorrow.' });
    expect(s.current).toBeNull();
    expect(queueCounts(s.queue).new).toBe(1);
    s = showNext(s);
    expect(s.current?.card.id).toBe(2);
    expect(s.message).toBe('Buried until tomorrow.');
  });

  it('puts away the card on screen, and restores it as it was: side, queue, time on screen', () => {
    let s = showNext(initialReview(queue([1, 2, 3]), T));
    s = reviewReducer(s, { type: 'reveal' });
    const before = s.queue;
    s = reviewReducer(s, { type: 'put-away', kind: 'bury', message: 'Buried card 1 until tomorrow; u brings it back.', now: T + 4_000 });
    expect([s.current, s.removed, queueCounts(s.queue).new]).toEqual([null, [1], 2]);
    expect(s.history).toEqual([{ kind: 'bury', cardId: 1, queueBefore: before, shownBefore: shown(1), phaseBefore: 'answer', shownForMs: 4_000 }]);
    s = showNext(s);
    s = reviewReducer(s, { type: 'restored', message: 'Unburied card 1.', now: T + 60_000 });
    expect(s.current).toEqual({ ...shown(1), shownAt: T + 56_000 });
    expect([s.phase, s.message, s.removed, s.history]).toEqual(['answer', 'Unburied card 1.', [], []]);
    expect(s.queue).toBe(before);
  });

  it('restores a card put away without bringing back another one put away meanwhile', () => {
    let s = showNext(initialReview(queue([1, 2, 3]), T));
    s = reviewReducer(s, { type: 'removed', cardId: 1, message: 'The card is gone from its file.' });
    s = showNext(s);
    s = reviewReducer(s, { type: 'put-away', kind: 'suspend', message: 'Suspended card 2.', now: T });
    s = reviewReducer(showNext(s), { type: 'restored', message: 'Unsuspended card 2.', now: T });
    expect(s.current?.card.id).toBe(2);
    expect(s.queue.main.slice(s.queue.at).map((c) => c.id)).toEqual([2, 3]);
    expect(s.removed).toEqual([1]);
  });

  it('undoes only the last step: an answer is not undone while a put-away card is last, nor a put-away while an answer is', () => {
    let s = showNext(initialReview(queue([1, 2]), T));
    s = reviewReducer(reviewReducer(s, { type: 'reveal' }), { type: 'answered', grade: 3, reviewId: 5, state: learning(T + 600_000), durationMs: 1 });
    s = showNext(s);
    expect(reviewReducer(s, { type: 'restored', message: 'x', now: T })).toBe(s);
    s = reviewReducer(s, { type: 'put-away', kind: 'bury', message: 'b', now: T });
    expect(reviewReducer(s, { type: 'undone', state: null, now: T })).toBe(s);
  });

  it('replaces the card after an edit, and drops the old one from the queue when the edit made it another card', () => {
    let s = showNext(initialReview(queue([1, 2, 3]), T));
    const same = reviewReducer(s, { type: 'edited', card: { ...shown(1), card: { ...card(1), front: 'edited' } } });
    expect(same.current?.card.front).toBe('edited');
    expect(queueCounts(same.queue).new).toBe(3);
    s = reviewReducer(s, { type: 'edited', card: shown(99) });
    expect(s.current?.card.id).toBe(99);
    expect(queueCounts(s.queue).new).toBe(2);
    expect(s.message).toBe('Card re-imported.');
  });

  it('scrolls within 0..max and toggles help', () => {
    let s = showNext(initialReview(queue([1]), T));
    s = reviewReducer(s, { type: 'scroll', by: 5, max: 3 });
    expect(s.scroll).toBe(3);
    s = reviewReducer(s, { type: 'scroll', by: -10, max: 3 });
    expect(s.scroll).toBe(0);
    expect(reviewReducer(s, { type: 'help' }).helpOpen).toBe(true);
    expect(reviewReducer(reviewReducer(s, { type: 'help' }), { type: 'help' }).helpOpen).toBe(false);
  });

  it('ends when nothing is left, and on quit', () => {
    const done = showNext(initialReview(queue([]), T));
    expect(done.phase).toBe('done');
    const quit = reviewReducer(showNext(initialReview(queue([1]), T)), { type: 'quit' });
    expect([quit.phase, quit.quit]).toEqual(['done', true]);
  });

  it('counts the review: answers, again rate and time', () => {
    let s = showNext(initialReview(queue([1, 2]), T));
    for (const [grade, id] of [
      [1, 11],
      [3, 12],
    ] as const) {
      s = reviewReducer(reviewReducer(s, { type: 'reveal' }), { type: 'answered', grade, reviewId: id, state: { ...learning(DAY_END + 1), phase: 'review' }, durationMs: 1000 });
      s = showNext(s);
    }
    expect(reviewStats(s, T + 90_000)).toEqual({ reviewed: 2, againRate: 0.5, timeMs: 90_000 });
  });
});
