import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { prepareQuiz, seedFromClock, type QuizRequest } from '../../../src/app/quiz/prepare-quiz.js';
import { importPaths } from '../../../src/library/import-sources.js';
import { Store } from '../../../src/store/open-store.js';
import { quizCards } from '../../../src/store/quiz-cards.js';
import { setSuspended } from '../../../src/store/study-queries.js';
import { quizWorld, T } from './quiz-world.js';

/** A request as the CLI makes it, noting when beforeLoading is called; no settings file (the defaults). */
function request(dir: string, fields: Partial<QuizRequest>, calls: string[] = []): QuizRequest {
  return {
    names: [],
    mode: 'mixed',
    count: 10,
    seed: 5,
    schedule: false,
    configPath: join(dir, 'no-config.json'),
    toolEnv: { path: '/usr/bin:/bin', home: dir },
    now: () => T,
    sessionId: 'quiz-session',
    device: 'test',
    beforeLoading: () => calls.push('beforeLoading'),
    ...fields,
  };
}

describe('prepareQuiz', () => {
  it('plans the questions over the named decks and their subdecks, drawn with the seed, once beforeLoading let it', () => {
    const { dir, store } = quizWorld();
    const calls: string[] = [];
    const quiz = prepareQuiz(store, request(dir, { names: ['geo'], mode: 'choice', count: 3 }, calls));
    expect(calls).toEqual(['beforeLoading']);
    expect(quiz.seed).toBe(5);
    expect(quiz.items.map((i) => [i.card.front, i.ask.kind])).toEqual([
      ['Italy', 'choice'],
      ['Spain', 'choice'],
      ['France', 'choice'],
    ]);
    expect(quiz.actions.scheduled).toBe(false);
    // The same seed asks the same quiz again.
    expect(prepareQuiz(store, request(dir, { names: ['geo'], mode: 'choice', count: 3 })).items).toEqual(quiz.items);
    // A locked store must not freeze the screen: a write waits 2 s at most.
    expect(store.db.pragma('busy_timeout', { simple: true })).toBe(2000);
  });

  it("gives each question the heading its file is titled with, to leave out of the breadcrumb", () => {
    const { dir, store } = quizWorld();
    writeFileSync(join(dir, 'clocks.md'), '---\ndeck: clocks\n---\n# Clocks\n\n## Kinds\n\nMonotonic::never jumps back\n\nTime of day::may jump\n');
    importPaths(store, [join(dir, 'clocks.md')], { cwd: dir, now: T });
    const quiz = prepareQuiz(store, request(dir, { names: ['clocks', 'geo'], mode: 'mixed' }));
    expect(quiz.items.map((i) => [i.card.front, i.titleHeading])).toEqual(
      expect.arrayContaining([
        ['Monotonic', 'Clocks'],
        ['Time of day', 'Clocks'],
        ['France', null],
      ]),
    );
  });

  it('without a seed takes one from the clock; --schedule gives actions that record reviews', () => {
    const { dir, store } = quizWorld();
    const quiz = prepareQuiz(store, request(dir, { seed: null, schedule: true }));
    expect(quiz.seed).toBe(600_000);
    expect(quiz.seed).toBe(seedFromClock(T));
    expect(quiz.items).toHaveLength(6);
    expect(quiz.actions.scheduled).toBe(true);
  });

  it('a read-only store is refused first, then an unknown deck, both before beforeLoading', () => {
    const { dir, store } = quizWorld();
    const calls: string[] = [];
    const readOnly = new Store(store.db, store.path, true);
    expect(() => prepareQuiz(readOnly, request(dir, { names: ['maths'] }, calls))).toThrow(
      expect.objectContaining({ kind: 'store', message: `the store ${store.path} is read-only (its file or its folder cannot be written), so nothing was changed.`, fix: { kind: 'store-copy' } }),
    );
    expect(() => prepareQuiz(store, request(dir, { names: ['maths'] }, calls))).toThrow(
      expect.objectContaining({ kind: 'notFound', message: 'no deck named "maths". Decks: geo, geo/rivers, history.' }),
    );
    expect(calls).toEqual([]);
  });

  it('stops where beforeLoading throws: the settings file is not read', () => {
    const { dir, store } = quizWorld();
    const configPath = join(dir, 'config.json');
    writeFileSync(configPath, '{ not json');
    const noTerminal = () => {
      throw new Error('no terminal');
    };
    expect(() => prepareQuiz(store, request(dir, { configPath, beforeLoading: noTerminal }))).toThrow('no terminal');
    expect(() => prepareQuiz(store, request(dir, { configPath }))).toThrow(expect.objectContaining({ kind: 'failed', message: expect.stringMatching(/^the settings file .*config\.json is not valid JSON/) }));
  });

  it('decks with no cards to quiz, or none the mode can ask, fail saying what would work', () => {
    const { dir, store } = quizWorld();
    setSuspended(store, quizCards(store, ['history'])[0]!.id, T);
    expect(() => prepareQuiz(store, request(dir, { names: ['history'] }))).toThrow(
      expect.objectContaining({ kind: 'notFound', message: 'no cards to quiz in history (suspended and dropped cards are left out).' }),
    );
    expect(() => prepareQuiz(store, request(dir, { mode: 'predict' }))).toThrow(
      expect.objectContaining({ kind: 'notFound', message: 'no card in any deck asks to predict the output of code engram can run. Try --mode mixed.' }),
    );
    expect(() => prepareQuiz(store, request(dir, { names: ['geo/rivers'], mode: 'choice' }))).toThrow(
      expect.objectContaining({
        kind: 'notFound',
        message: 'no card in geo/rivers can be asked as multiple choice: that needs short one-line answers and at least 3 other answers in the same deck. Try --mode mixed.',
      }),
    );
  });
});
