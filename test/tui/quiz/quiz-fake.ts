import type { Card } from '../../../src/model/card.js';
import type { CodeBlock } from '../../../src/model/code-block.js';
import type { QuizAnswer, QuizItem, QuizState } from '../../../src/app/quiz/quiz-session.js';
import type { RunHooks, RunResult } from '../../../src/run/run-types.js';
import type { QuizActions } from '../../../src/app/quiz/quiz-actions.js';
import { makeCard, T0 } from '../review/fake-actions.js';
import { fakeRunActions } from '../code-pane/fake-run-actions.js';

export { makeCard, T0 };

/** Every call the quiz screen made that changes something, in order. */
export type QuizCall =
  | { kind: 'record'; cardId: number; grade: number; correct: boolean; now: number }
  | { kind: 'save'; answers: QuizAnswer[]; answeredAt: number[]; finishedAt: number }
  | { kind: 'trust'; deck: string }
  | { kind: 'run'; lang: string; code: string };

export interface QuizFakeOptions {
  scheduled?: boolean;
  /** Decks trusted from the start. */
  trusted?: readonly string[];
  /** What a run does; by default it fails the test. */
  run?: (block: CodeBlock, hooks: RunHooks) => Promise<RunResult>;
  /** Makes `record` throw this (a locked store). */
  recordError?: Error;
}

/** A fake of the quiz's actions (the store's are quizService), with a clock the test moves. */
export interface QuizFake {
  actions: QuizActions;
  calls: QuizCall[];
  callsOf<K extends QuizCall['kind']>(kind: K): Extract<QuizCall, { kind: K }>[];
  advance(ms: number): void;
}

export function fakeQuiz(options: QuizFakeOptions = {}): QuizFake {
  let time = T0;
  let saved: number | null = null;
  const calls: QuizCall[] = [];
  // An object of closures, not a class: the screen passes `actions.now` around unbound.
  const actions: QuizActions = {
    now: () => time,
    scheduled: options.scheduled ?? false,
    record(answer, now) {
      if (options.recordError) throw options.recordError;
      calls.push({ kind: 'record', cardId: answer.cardId, grade: answer.grade, correct: answer.correct, now });
    },
    save(quiz: QuizState, answeredAt, finishedAt) {
      if (saved !== null) return saved;
      if (quiz.answers.length === 0) return null;
      calls.push({ kind: 'save', answers: [...quiz.answers], answeredAt: [...answeredAt], finishedAt });
      saved = 7;
      return saved;
    },
    ...fakeRunActions(calls, options.trusted, options.run),
  };
  return {
    actions,
    calls,
    callsOf: <K extends QuizCall['kind']>(kind: K) => calls.filter((c): c is Extract<QuizCall, { kind: K }> => c.kind === kind),
    advance: (ms) => {
      time += ms;
    },
  };
}

/** A multiple-choice question on card `id` ("Capital of France?"), the right option second. */
export function choiceItem(id: number, deck = 'geo'): QuizItem {
  return {
    card: makeCard(id, { deck, front: `Capital of France (${id})?`, back: 'Paris' }),
    ask: { kind: 'choice', options: ['Lyon', 'Paris', 'Nice', 'Lille'], correct: 1 },
  };
}

/** A typed-answer question: "Largest planet?" -> "Jupiter". */
export function typedItem(id: number): QuizItem {
  return { card: makeCard(id, { deck: 'space', front: 'Largest planet?', back: 'Jupiter' }), ask: { kind: 'typed', expected: 'the planet Jupiter' } };
}

/** A recall question (answered from memory, then judged y / n). */
export function recallItem(id: number): QuizItem {
  return { card: makeCard(id, { deck: 'misc', front: 'Why is the sky blue?', back: 'Rayleigh scattering.' }), ask: { kind: 'recall' } };
}

export const JS_BLOCK: CodeBlock = { side: 'front', index: 0, lang: 'js', attributes: [], code: "console.log('a'); console.log('b');" };

/** A predict question; `expected` is its output block, or null when only a run can check it. */
export function predictItem(id: number, expected: string | null, deck = 'code'): QuizItem {
  const card: Card = makeCard(id, {
    deck,
    front: `What does this print?\n\n\`\`\`js\n${JS_BLOCK.code}\n\`\`\``,
    back: 'It prints a, then b.',
  });
  return { card, ask: { kind: 'predict', block: JS_BLOCK, expected, unordered: false } };
}

/** What a run that exited by itself gives. */
export function finishedRun(stdout: string, exit = 0): RunResult {
  return { language: 'js', phase: 'run', exit, signal: null, reason: null, ms: 12, stdout, stderr: '', truncated: false, sandbox: 'bubblewrap', message: null };
}
