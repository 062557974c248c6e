import { describe, expect, it } from 'vitest';
import type { QuizCard } from '../../../src/app/quiz/choices.js';
import { initialQuiz, planQuiz, quizReducer, quizScore, type QuizItem, type QuizPlanOptions, type QuizState } from '../../../src/app/quiz/quiz-session.js';

const T = Date.UTC(2026, 2, 2, 10);
const fence = '```';

const card = (id: number, front: string, back: string, deck = 'd'): QuizCard => ({ id, deck, sibling: null, front, back });

const deck: QuizCard[] = [
  card(1, 'Capital of France?', 'Paris'),
  card(2, 'Capital of Germany?', 'Berlin'),
  card(3, 'Capital of Italy?', 'Rome'),
  card(4, 'Capital of Spain?', 'Madrid'),
  card(5, `What does this print?\n\n${fence}js\nconsole.log(1 + 1)\n${fence}`, `${fence}output\n2\n${fence}`),
  card(6, 'Explain the CAP theorem.', 'Pick two of:\n\n- consistency\n- availability\n- partition tolerance'),
  card(7, 'Lonely?', 'Alone', 'other'),
];

const plan = (over: Partial<QuizPlanOptions>) =>
  planQuiz(deck, { mode: 'mixed', count: 10, seed: 1, typedAnswers: () => false, runnable: (lang) => lang === 'js', ...over });

const kinds = (items: QuizItem[]) => Object.fromEntries(items.map((i) => [i.card.id, i.ask.kind]));

describe('planQuiz', () => {
  it('asks each card the best way it can in mixed mode', () => {
    expect(kinds(plan({}))).toEqual({ 1: 'choice', 2: 'choice', 3: 'choice', 4: 'choice', 5: 'predict', 6: 'recall', 7: 'typed' });
    expect(plan({}).find((i) => i.card.id === 7)!.ask).toEqual({ kind: 'typed', expected: 'Alone' });
    expect(plan({}).find((i) => i.card.id === 5)!.ask).toMatchObject({ kind: 'predict', expected: '2', unordered: false, block: { lang: 'js' } });
  });

  it('asks a typed deck to type answers that cannot be chosen, compared with the short answer (a list introduced by "…:")', () => {
    const items = plan({ typedAnswers: (d) => d === 'd' });
    expect(kinds(items)).toMatchObject({ 1: 'choice', 6: 'typed' });
    expect(items.find((i) => i.card.id === 6)!.ask).toEqual({ kind: 'typed', expected: 'consistency, availability, partition tolerance' });
  });

  it('keeps only predict cards in predict mode', () => {
    expect(kinds(plan({ mode: 'predict' }))).toEqual({ 5: 'predict' });
    expect(plan({ mode: 'predict', runnable: () => false })).toEqual([]);
  });

  it('keeps only cards with four options in choice mode', () => {
    expect(kinds(plan({ mode: 'choice' }))).toEqual({ 1: 'choice', 2: 'choice', 3: 'choice', 4: 'choice' });
  });

  it('asks for the output block or the short answer in typed mode', () => {
    const items = plan({ mode: 'typed' });
    expect(Object.fromEntries(items.map((i) => [i.card.id, i.ask.kind === 'typed' ? i.ask.expected : null]))).toEqual({
      1: 'Paris',
      2: 'Berlin',
      3: 'Rome',
      4: 'Madrid',
      5: '2',
      6: 'consistency, availability, partition tolerance',
      7: 'Alone',
    });
  });

  it('picks count cards in an order fixed by the seed', () => {
    const a = plan({ count: 3, seed: 5 }).map((i) => i.card.id);
    expect(a).toHaveLength(3);
    expect(plan({ count: 3, seed: 5 }).map((i) => i.card.id)).toEqual(a);
    expect(plan({ seed: 5 })).toEqual(plan({ seed: 5 }));
    const orders = new Set(Array.from({ length: 10 }, (_, seed) => plan({ seed }).map((i) => i.card.id).join()));
    expect(orders.size).toBeGreaterThan(1);
  });

  it('takes the order from the seed alone', () => {
    const simple = ['Paris', 'Berlin', 'Rome', 'Madrid', 'Oslo', 'Bern', 'Alone'].map((back, i) => card(i + 1, `Q${i + 1}`, back));
    const options = { mode: 'mixed' as const, count: 3, seed: 5, typedAnswers: () => false, runnable: () => false };
    expect(planQuiz(simple, options).map((i) => i.card.id)).toEqual([4, 6, 1]);
  });

  it('never asks two clozes of one sentence back to back, whatever the seed drew', () => {
    const cards = [
      { ...card(1, 'A', 'one'), sibling: 'tcp' },
      { ...card(2, 'B', 'two'), sibling: 'tcp' },
      { ...card(3, 'C', 'three'), sibling: 'tcp' },
      { ...card(4, 'D', 'four'), sibling: 'pair' },
      { ...card(5, 'E', 'five'), sibling: 'pair' },
      card(6, 'F', 'six'),
      card(7, 'G', 'seven'),
    ];
    const options = { mode: 'mixed' as const, count: 7, typedAnswers: () => false, runnable: () => false };
    // Seed 0 shuffles the cards to 4 3 5 6 7 1 2: two clozes of the sentence at the end.
    expect(planQuiz(cards, { ...options, seed: 0 }).map((i) => i.card.id)).toEqual([4, 3, 5, 6, 1, 7, 2]);
    for (let seed = 0; seed < 50; seed++) {
      const order = planQuiz(cards, { ...options, seed }).map((i) => i.card.sibling);
      for (let i = 1; i < order.length; i++) if (order[i] !== null) expect(order[i], `seed ${seed}`).not.toBe(order[i - 1]);
    }
  });

  it('gives nothing for a count of 0 or no cards', () => {
    expect(plan({ count: 0 })).toEqual([]);
    expect(planQuiz([], { mode: 'mixed', count: 5, seed: 1, typedAnswers: () => false, runnable: () => true })).toEqual([]);
  });
});

const choiceItem: QuizItem = { card: card(1, 'Capital of France?', 'Paris'), ask: { kind: 'choice', options: ['Rome', 'Paris', 'Oslo', 'Bern'], correct: 1 } };
const typedItem: QuizItem = { card: card(2, 'Quote?', 'x'), ask: { kind: 'typed', expected: 'the quick brown fox jumps over the lazy dog' } };
const block = { side: 'front' as const, index: 0, lang: 'js', attributes: [], code: 'f()' };
const predictItem: QuizItem = { card: card(3, 'Print?', ''), ask: { kind: 'predict', block, expected: 'a\nb', unordered: false } };
const runItem: QuizItem = { card: card(4, 'Print?', ''), ask: { kind: 'predict', block, expected: null, unordered: true } };
const recallItem: QuizItem = { card: card(5, 'Explain.', '**Because** of it.'), ask: { kind: 'recall' } };

const start = (...items: QuizItem[]) => initialQuiz(items, T);
const run = (state: QuizState, ...actions: Parameters<typeof quizReducer>[1][]) => actions.reduce(quizReducer, state);

describe('quizReducer', () => {
  it('starts asking the first question, or done with none', () => {
    expect(start(choiceItem)).toEqual({ items: [choiceItem], index: 0, phase: 'asking', answers: [], startedAt: T, itemStartedAt: T });
    expect(start().phase).toBe('done');
  });

  it('checks a choice by index and times it', () => {
    const s = run(start(choiceItem), { type: 'submit', given: '', choice: 1, now: T + 4000 });
    expect(s.phase).toBe('feedback');
    expect(s.answers).toEqual([{ cardId: 1, kind: 'choice', given: 'Paris', expected: 'Paris', correct: true, grade: 3, ms: 4000 }]);
    const wrong = run(start(choiceItem), { type: 'submit', given: '', choice: 2, now: T + 1 });
    expect(wrong.answers[0]).toMatchObject({ given: 'Oslo', correct: false, grade: 1 });
  });

  it('ignores a choice out of range or missing', () => {
    const s = start(choiceItem);
    expect(quizReducer(s, { type: 'submit', given: 'Paris', now: T })).toBe(s);
    expect(quizReducer(s, { type: 'submit', given: '', choice: 4, now: T })).toBe(s);
    expect(quizReducer(s, { type: 'submit', given: '', choice: -1, now: T })).toBe(s);
  });

  it('checks a typed answer word by word and suggests Hard for a near miss', () => {
    const right = run(start(typedItem), { type: 'submit', given: 'The quick brown fox jumps over the lazy dog.', now: T });
    expect(right.answers[0]).toMatchObject({ correct: true, grade: 3 });
    const near = run(start(typedItem), { type: 'submit', given: 'the quick brown fox jumped over the lazy dog', now: T });
    expect(near.answers[0]).toMatchObject({ correct: false, grade: 2, given: 'the quick brown fox jumped over the lazy dog' });
    const far = run(start(typedItem), { type: 'submit', given: 'a dog', now: T });
    expect(far.answers[0]).toMatchObject({ correct: false, grade: 1 });
  });

  it('in typed mode checks the short answer of a card with an explanation, and leaves one without a short answer to the user', () => {
    const methods = card(11, 'Which HTTP methods are idempotent?', 'GET, HEAD, PUT, DELETE, OPTIONS, TRACE.\n\nThese are idempotent because repeating one changes nothing more.', 'web');
    const essay = card(12, 'Why?', `Because ${'each node may believe something else than the others, '.repeat(3)}and so on.`, 'web');
    const items = planQuiz([methods, essay], { mode: 'typed', count: 10, seed: 1, typedAnswers: () => false, runnable: () => false });
    const ask = (id: number) => items.find((i) => i.card.id === id)!;
    expect(ask(11).ask).toEqual({ kind: 'typed', expected: 'GET, HEAD, PUT, DELETE, OPTIONS, TRACE.' });
    expect(ask(12).ask).toEqual({ kind: 'typed', expected: null });
    const right = run(start(ask(11)), { type: 'submit', given: 'GET, HEAD, PUT, DELETE, OPTIONS, TRACE', now: T });
    expect(right.answers[0]).toMatchObject({ correct: true, grade: 3 });
    const unchecked = start(ask(12));
    expect(quizReducer(unchecked, { type: 'submit', given: 'nodes disagree', now: T })).toBe(unchecked);
    expect(run(unchecked, { type: 'mark', correct: true, now: T }).answers[0]).toMatchObject({ kind: 'typed', correct: true, grade: 3, expected: essay.back.replace(/\s+/g, ' ') });
  });

  it('checks a prediction against the actual output, else the expected one', () => {
    const ran = run(start(predictItem), { type: 'submit', given: 'a\nc', actual: 'a\nc\n', now: T });
    expect(ran.answers[0]).toMatchObject({ kind: 'predict', given: 'a\nc', expected: 'a\nc\n', correct: true, grade: 3 });
    const known = run(start(predictItem), { type: 'submit', given: 'a\nc', now: T });
    expect(known.answers[0]).toMatchObject({ expected: 'a\nb', correct: false, grade: 1 });
    const unordered = run(start(runItem), { type: 'submit', given: 'y\nx', actual: 'x\ny', now: T });
    expect(unordered.answers[0]).toMatchObject({ correct: true });
  });

  it('suggests Hard for a long output off by one line', () => {
    const lines = Array.from({ length: 10 }, (_, i) => `${i}`);
    const s = run(start(runItem), { type: 'submit', given: [...lines.slice(0, 9), 'x'].join('\n'), actual: lines.join('\n'), now: T });
    expect(s.answers[0]).toMatchObject({ correct: false, grade: 2 });
  });

  it('cannot check a prediction with nothing to compare, but lets the user mark it', () => {
    const s = start(runItem);
    expect(quizReducer(s, { type: 'submit', given: 'x', now: T })).toBe(s);
    expect(run(s, { type: 'mark', correct: true, now: T + 2 }).answers).toEqual([
      { cardId: 4, kind: 'predict', given: '', expected: '', correct: true, grade: 3, ms: 2 },
    ]);
    const checkable = start(predictItem);
    expect(quizReducer(checkable, { type: 'mark', correct: true, now: T })).toBe(checkable);
  });

  it('has recall self-graded by mark, never by submit', () => {
    const s = start(recallItem);
    expect(quizReducer(s, { type: 'submit', given: 'because', now: T })).toBe(s);
    expect(run(s, { type: 'mark', correct: false, now: T + 9 }).answers).toEqual([
      { cardId: 5, kind: 'recall', given: '', expected: 'Because of it.', correct: false, grade: 1, ms: 9 },
    ]);
  });

  it('ignores mark on a choice or typed question', () => {
    const s = start(choiceItem, typedItem);
    expect(quizReducer(s, { type: 'mark', correct: true, now: T })).toBe(s);
  });

  it('lets the grade be changed during feedback only, keeping the verdict', () => {
    const asked = start(typedItem);
    expect(quizReducer(asked, { type: 'regrade', grade: 4 })).toBe(asked);
    const s = run(asked, { type: 'submit', given: 'fox', now: T }, { type: 'regrade', grade: 3 }, { type: 'regrade', grade: 4 });
    expect(s.answers[0]).toMatchObject({ correct: false, grade: 4 });
    expect(s.phase).toBe('feedback');
  });

  it('moves on from feedback only, timing the next question from then', () => {
    const s = start(choiceItem, recallItem);
    expect(quizReducer(s, { type: 'next', now: T })).toBe(s);
    const second = run(s, { type: 'submit', given: '', choice: 1, now: T + 10 }, { type: 'next', now: T + 50 });
    expect(second).toMatchObject({ index: 1, phase: 'asking', itemStartedAt: T + 50 });
    expect(quizReducer(second, { type: 'submit', given: '', choice: 1, now: T })).toBe(second);
    const done = run(second, { type: 'mark', correct: true, now: T + 80 }, { type: 'next', now: T + 90 });
    expect(done).toMatchObject({ index: 2, phase: 'done' });
    expect(done.answers.map((a) => a.ms)).toEqual([10, 30]);
    expect(quizReducer(done, { type: 'mark', correct: true, now: T })).toBe(done);
  });

  it('ends on quit from any phase, keeping the answers so far', () => {
    const asking = run(start(choiceItem, typedItem), { type: 'submit', given: '', choice: 0, now: T + 5 }, { type: 'next', now: T + 6 });
    const quit = quizReducer(asking, { type: 'quit' });
    expect(quit).toMatchObject({ phase: 'done', index: 1 });
    expect(quit.answers).toHaveLength(1);
    expect(quizReducer(quit, { type: 'quit' })).toBe(quit);
    expect(run(start(choiceItem), { type: 'submit', given: '', choice: 1, now: T }, { type: 'quit' }).phase).toBe('done');
  });
});

describe('quizScore', () => {
  it('counts answered questions, their time and the wrong ones', () => {
    const s = run(
      start(choiceItem, typedItem, recallItem),
      { type: 'submit', given: '', choice: 1, now: T + 100 },
      { type: 'next', now: T + 200 },
      { type: 'submit', given: 'nope', now: T + 1200 },
      { type: 'next', now: T + 1300 },
      { type: 'quit' },
    );
    expect(quizScore(s)).toEqual({
      correct: 1,
      total: 2,
      ms: 1100,
      wrong: [{ cardId: 2, kind: 'typed', given: 'nope', expected: typedItem.ask.kind === 'typed' ? typedItem.ask.expected : '', correct: false, grade: 1, ms: 1000 }],
    });
    expect(quizScore(start())).toEqual({ correct: 0, total: 0, ms: 0, wrong: [] });
  });
});
