import { cardById } from '../../../src/store/cards.js';
import { describe, expect, it } from 'vitest';
import { resolveQuizDecks } from '../../../src/app/quiz/quiz-decks.js';
import { quizService } from '../../../src/app/quiz/quiz-service.js';
import { initialQuiz, planQuiz, quizReducer, type QuizState } from '../../../src/app/quiz/quiz-session.js';
import { Scheduler } from '../../../src/schedule/fsrs-scheduler.js';
import { SchedulerSet } from '../../../src/schedule/scheduler-set.js';
import { cardState } from '../../../src/store/card-state-rows.js';
import { type Store } from '../../../src/store/open-store.js';
import { quizCards } from '../../../src/store/quiz-cards.js';
import { quizHistory } from '../../../src/store/quiz-history.js';
import { reviewsOfCard } from '../../../src/store/reviews.js';
import { setSuspended } from '../../../src/store/study-queries.js';
import { defaultSchedule } from '../../helpers/default-schedule.js';
import { quizWorld, T } from './quiz-world.js';

function service(store: Store, scheduled: boolean, decks: string[] = []) {
  return quizService({
    store,
    schedulers: scheduled ? new SchedulerSet(defaultSchedule()) : null,
    now: () => T,
    sessionId: 'quiz-session',
    device: 'test',
    mode: 'choice',
    decks,
    runBlock: () => Promise.reject(new Error('no runs here')),
  });
}

/** A choice quiz over the geo deck with the first question answered right and the second wrong. */
function answeredTwo(store: Store): QuizState {
  const cards = quizCards(store, ['geo']);
  const items = planQuiz(cards, { mode: 'choice', count: 4, seed: 1, typedAnswers: () => false, runnable: () => false });
  expect(items).toHaveLength(4);
  let s = initialQuiz(items, T);
  const ask = (i: number) => items[i]!.ask as { kind: 'choice'; correct: number };
  s = quizReducer(s, { type: 'submit', given: '', choice: ask(0).correct, now: T + 1_000 });
  s = quizReducer(s, { type: 'next', now: T + 2_000 });
  s = quizReducer(s, { type: 'submit', given: '', choice: (ask(1).correct + 1) % 4, now: T + 5_000 });
  return s;
}

describe('quiz cards and decks', () => {
  it('takes every active card of the decks, due or not, leaving suspended ones out', () => {
    const { store } = quizWorld();
    expect(quizCards(store, []).map((c) => c.front)).toEqual(['France', 'Spain', 'Italy', 'Portugal', 'Longest river', 'Moon landing']);
    const france = quizCards(store, ['geo'])[0]!;
    setSuspended(store, france.id, T);
    expect(quizCards(store, ['geo']).map((c) => c.front)).toEqual(['Spain', 'Italy', 'Portugal']);
    expect(quizCards(store, ['history', 'geo/rivers']).map((c) => c.front)).toEqual(['Longest river', 'Moon landing']);
  });

  it('resolves deck names as review does: a deck takes in its subdecks; an unknown one is not found (exit 4)', () => {
    const { store } = quizWorld();
    expect(resolveQuizDecks(store, [])).toEqual([]);
    expect(resolveQuizDecks(store, ['geo'])).toEqual(['geo', 'geo/rivers']);
    expect(resolveQuizDecks(store, ['history', 'history'])).toEqual(['history']);
    expect(() => resolveQuizDecks(store, ['maths'])).toThrow(expect.objectContaining({ kind: 'notFound', message: 'no deck named "maths". Decks: geo, geo/rivers, history.' }));
  });
});

describe('quiz service', () => {
  it('without --schedule, records no review and saves the quiz once', () => {
    const { store } = quizWorld();
    const actions = service(store, false, ['geo']);
    expect(actions.scheduled).toBe(false);
    const s = answeredTwo(store);
    for (const a of s.answers) actions.record(a, T + 6_000);
    expect(store.db.prepare('SELECT COUNT(*) FROM reviews').pluck().get()).toBe(0);
    const id = actions.save(s, [T + 1_000, T + 5_000], T + 9_000);
    expect(id).toBeGreaterThan(0);
    // A second save (the screen's end and a signal) keeps the first.
    expect(actions.save(s, [T + 1_000, T + 5_000], T + 10_000)).toBe(id);
    expect(quizHistory(store)).toEqual([{ id, startedAt: T, finishedAt: T + 9_000, mode: 'choice', decks: ['geo'], scheduled: false, total: 2, correct: 1, durationMs: 9_000 }]);
    const rows = store.db.prepare('SELECT kind, given, expected, correct, grade, duration_ms, answered_at FROM quiz_answers ORDER BY id').all() as Record<string, unknown>[];
    expect(rows.map((r) => [r['kind'], r['correct'], r['grade'], r['duration_ms'], r['answered_at']])).toEqual([
      ['choice', 1, null, 1_000, T + 1_000],
      ['choice', 0, null, 3_000, T + 5_000],
    ]);
    expect(rows[0]!['given']).toBe(rows[0]!['expected']);
  });

  it('with --schedule, records each answer as a review with its grade, and the card state as a replay of the log', () => {
    const { store } = quizWorld();
    const actions = service(store, true);
    const scheduler = new Scheduler(defaultSchedule());
    const s = answeredTwo(store);
    const [right, wrong] = s.answers;
    actions.record(right!, T + 1_000);
    actions.record({ ...wrong!, grade: 2 }, T + 5_000);
    const reviews = store.db.prepare('SELECT card_id, rating, duration_ms, session_id, device FROM reviews ORDER BY id').all();
    expect(reviews).toEqual([
      { card_id: right!.cardId, rating: 3, duration_ms: 1_000, session_id: 'quiz-session', device: 'test' },
      { card_id: wrong!.cardId, rating: 2, duration_ms: 3_000, session_id: 'quiz-session', device: 'test' },
    ]);
    for (const a of [right!, wrong!]) expect(cardState(store, a.cardId)).toEqual(scheduler.replay(cardById(store, a.cardId)!.seed!, reviewsOfCard(store, a.cardId)));
    actions.save(s, [T + 1_000, T + 5_000], T + 6_000);
    expect(store.db.prepare('SELECT grade FROM quiz_answers ORDER BY id').pluck().all()).toEqual([3, 1]);
    expect(quizHistory(store)[0]!.scheduled).toBe(true);
  });

  it('saves nothing for a quiz with no answers', () => {
    const { store } = quizWorld();
    const actions = service(store, false);
    expect(actions.save(initialQuiz([], T), [], T)).toBeNull();
    expect(quizHistory(store)).toEqual([]);
  });

  it('asks the store about trust, and trusts a deck as it is now', () => {
    const { store } = quizWorld();
    const actions = service(store, false);
    expect(actions.isTrusted('geo')).toBe(false);
    actions.trust('geo');
    expect(actions.isTrusted('geo')).toBe(true);
  });
});
