import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { insertCard } from '../../src/store/cards.js';
import { ensureDeck } from '../../src/store/decks.js';
import { openStore, type Store } from '../../src/store/open-store.js';
import { quizHistory, saveQuizSession, type QuizAnswerRecord, type QuizSessionRecord } from '../../src/store/quiz-history.js';
import { tempDir } from '../helpers/temp-dir.js';

const NOW = Date.UTC(2026, 0, 5, 10);
const MINUTE = 60_000;

let store: Store;
let cards: number[];

beforeEach(() => {
  store = openStore(join(tempDir(), 'engram.db'), { create: true });
  const deckId = ensureDeck(store, 'D', NOW);
  cards = [1, 2, 3].map((i) =>
    insertCard(
      store,
      { key: `k${i}`, sibling: null, deckId, sourceId: null, line: i, endLine: i, kind: 'basic', syntax: 'inline', front: `q${i}`, back: `a${i}`, title: null, context: null, headingPath: [] },
      NOW,
    ),
  );
});

afterEach(() => {
  store.close();
});

function answer(cardId: number, correct: boolean, extra: Partial<QuizAnswerRecord> = {}): QuizAnswerRecord {
  return { cardId, kind: 'choice', given: correct ? 'right' : 'wrong', expected: 'right', correct, grade: null, durationMs: 1500, answeredAt: NOW, ...extra };
}

function session(startedAt: number, answers: QuizAnswerRecord[], extra: Partial<QuizSessionRecord> = {}): QuizSessionRecord {
  return { startedAt, finishedAt: startedAt + 2 * MINUTE, mode: 'choice', decks: ['D'], scheduled: false, answers, ...extra };
}

describe('saveQuizSession', () => {
  it('saves the session with its counts and every answer as given', () => {
    const id = saveQuizSession(
      store,
      session(NOW, [
        answer(cards[0]!, true, { kind: 'typed', given: 'a1', expected: 'a1', grade: 3, durationMs: 2000.4 }),
        answer(cards[1]!, false, { kind: 'predict', given: '42', expected: '41' }),
        answer(cards[2]!, true, { kind: 'recall', given: null, expected: null, grade: 4 }),
      ], { mode: 'mixed', decks: ['D', 'E'], scheduled: true }),
    );
    expect(quizHistory(store)).toEqual([
      { id, startedAt: NOW, finishedAt: NOW + 2 * MINUTE, mode: 'mixed', decks: ['D', 'E'], scheduled: true, total: 3, correct: 2, durationMs: 2 * MINUTE },
    ]);
    const rows = store.db
      .prepare('SELECT session_id, card_id, kind, given, expected, correct, grade, duration_ms, answered_at FROM quiz_answers ORDER BY id')
      .all();
    expect(rows).toEqual([
      { session_id: id, card_id: cards[0], kind: 'typed', given: 'a1', expected: 'a1', correct: 1, grade: 3, duration_ms: 2000, answered_at: NOW },
      { session_id: id, card_id: cards[1], kind: 'predict', given: '42', expected: '41', correct: 0, grade: null, duration_ms: 1500, answered_at: NOW },
      { session_id: id, card_id: cards[2], kind: 'recall', given: null, expected: null, correct: 1, grade: 4, duration_ms: 1500, answered_at: NOW },
    ]);
  });

  it('saves nothing at all when one answer is refused (one transaction)', () => {
    expect(() => saveQuizSession(store, session(NOW, [answer(cards[0]!, true), answer(9999, true)]))).toThrow(/FOREIGN KEY/);
    expect(() =>
      saveQuizSession(store, session(NOW, [answer(cards[0]!, true), answer(cards[1]!, true, { kind: 'guess' as QuizAnswerRecord['kind'] })])),
    ).toThrow(/CHECK/);
    expect(quizHistory(store)).toEqual([]);
    expect(store.db.prepare('SELECT COUNT(*) AS n FROM quiz_answers').get()).toEqual({ n: 0 });
  });

  it('keeps a session without answers, and never a negative duration', () => {
    const id = saveQuizSession(store, session(NOW, [], { finishedAt: NOW - 10 }));
    expect(quizHistory(store)).toEqual([
      { id, startedAt: NOW, finishedAt: NOW - 10, mode: 'choice', decks: ['D'], scheduled: false, total: 0, correct: 0, durationMs: 0 },
    ]);
  });
});

describe('quizHistory', () => {
  it('lists sessions newest first, and only `limit` of them when asked', () => {
    const older = saveQuizSession(store, session(NOW - 60 * MINUTE, [answer(cards[0]!, false)]));
    const newest = saveQuizSession(store, session(NOW, [answer(cards[0]!, true), answer(cards[1]!, true)]));
    const middle = saveQuizSession(store, session(NOW - 30 * MINUTE, [answer(cards[2]!, true)]));
    expect(quizHistory(store).map((s) => [s.id, s.total, s.correct])).toEqual([
      [newest, 2, 2],
      [middle, 1, 1],
      [older, 1, 0],
    ]);
    expect(quizHistory(store, { limit: 2 }).map((s) => s.id)).toEqual([newest, middle]);
    expect(quizHistory(store, { limit: 0 })).toEqual([]);
  });

  it('is empty on a fresh store', () => {
    expect(quizHistory(store)).toEqual([]);
  });
});
