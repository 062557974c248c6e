import type { CodeBlock } from '../../model/code-block.js';
import type { Grade } from '../../model/review.js';
import { answerText, choiceEligible, choiceOptions, optionSeed, type QuizCard } from './choices.js';
import { compareOutput } from '../../check/compare-output.js';
import { exerciseOf, type Exercise } from '../../check/exercise.js';
import { shortAnswerOf } from '../../check/short-answer.js';
import { seededRandom, shuffled } from '../../schedule/seeded-random.js';
import { spreadSiblings } from '../../schedule/spread-siblings.js';
import { suggestGrade } from '../../check/suggest-grade.js';
import { compareTyped } from '../../check/word-diff.js';

/** Which questions a quiz asks: any that fits each card, or only one kind. */
export type QuizMode = 'mixed' | 'typed' | 'choice' | 'predict';

/** How one card is asked. `recall` is self-graded: the answer is shown, the user says right or wrong. */
export type QuizAsk =
  | { kind: 'choice'; options: string[]; correct: number }
  /** `expected` is the card's short answer; null when it has none, and the user judges what they typed. */
  | { kind: 'typed'; expected: string | null }
  | { kind: 'predict'; block: CodeBlock; expected: string | null; unordered: boolean }
  | { kind: 'recall' };

/** One question of a quiz. */
export interface QuizItem {
  card: QuizCard;
  ask: QuizAsk;
  /** The heading the card's file is titled with (above all its cards): left out of the card's breadcrumb. */
  titleHeading?: string | null;
}

/**
 * One answered question. `correct` is the check's verdict (or the user's, for
 * recall) and stays as it was; `grade` is what goes to the scheduler and may
 * be changed during feedback. `ms` runs from the question being shown to the
 * answer.
 */
export interface QuizAnswer {
  cardId: number;
  kind: QuizAsk['kind'];
  given: string;
  expected: string;
  correct: boolean;
  grade: Grade;
  ms: number;
}

/** A quiz in progress: the question at `index`, being asked, showing feedback on its answer, or over. */
export interface QuizState {
  items: readonly QuizItem[];
  index: number;
  phase: 'asking' | 'feedback' | 'done';
  answers: readonly QuizAnswer[];
  startedAt: number;
  itemStartedAt: number;
}

/**
 * What the user (or the runner, for `actual`) did. `submit` answers the
 * question: `choice` is the picked option's index, `given` the typed text or
 * predicted output, `actual` the code's real output when it was run. `mark`
 * self-grades a recall question, a predict question whose code could not
 * be run and has no `output` block, or a typed question without a short answer. `regrade` replaces the suggested grade
 * during feedback; `next` moves on from feedback; `quit` ends the quiz.
 */
export type QuizAction =
  | { type: 'submit'; given: string; actual?: string; choice?: number; now: number }
  | { type: 'mark'; correct: boolean; now: number }
  | { type: 'regrade'; grade: Grade }
  | { type: 'next'; now: number }
  | { type: 'quit' };

/** Options of planQuiz; `typedAnswers` says whether a deck asks for typed answers, `runnable` whether a language can be run. */
export interface QuizPlanOptions {
  mode: QuizMode;
  count: number;
  seed: number;
  typedAnswers: (deck: string) => boolean;
  runnable: (lang: string) => boolean;
}

/**
 * Up to `count` questions from `cards`, in an order drawn from `seed` (the same
 * seed gives the same quiz), each card asked as `mode` allows: predict and
 * choice modes keep only cards that can be asked that way; typed mode asks for
 * a predict card's output block, else the card's short answer (shortAnswerOf;
 * cards with an empty answer are left out, and one without a short answer is
 * judged by the user); mixed asks predict cards to predict, then offers a
 * choice where the deck has enough other answers, then asks to type answers
 * the card or deck marks as typed or that are short (choiceEligible), and has
 * the rest recalled. Distractors come from all of `cards`, not only the picks.
 * Siblings (the clozes of one sentence) are never asked back to back when the
 * questions drawn allow it (spreadSiblings).
 */
export function planQuiz(cards: readonly QuizCard[], options: QuizPlanOptions): QuizItem[] {
  const items: QuizItem[] = [];
  if (options.count <= 0) return items;
  for (const card of shuffled(cards, seededRandom(options.seed))) {
    const exercise = exerciseOf(card, { typedAnswers: options.typedAnswers(card.deck), runnable: options.runnable });
    const ask = askFor(card, exercise, cards, options);
    if (!ask) continue;
    items.push({ card, ask });
    if (items.length >= options.count) break;
  }
  return spreadSiblings(items, (item) => item.card.sibling);
}

function askFor(card: QuizCard, exercise: Exercise, pool: readonly QuizCard[], options: QuizPlanOptions): QuizAsk | null {
  const choice = () => {
    const c = choiceOptions(card, pool, optionSeed(options.seed, card.id));
    return c && { kind: 'choice' as const, ...c };
  };
  switch (options.mode) {
    case 'predict':
      return exercise.kind === 'predict' ? exercise : null;
    case 'choice':
      return choice();
    case 'typed': {
      if (answerText(card) === '') return null;
      if (exercise.kind === 'predict' && exercise.expected !== null) return { kind: 'typed', expected: exercise.expected };
      return { kind: 'typed', expected: exercise.kind === 'typed' ? exercise.expected : shortAnswerOf(card) };
    }
    case 'mixed': {
      if (exercise.kind === 'predict') return exercise;
      const offered = choice();
      if (offered) return offered;
      if (exercise.kind === 'typed') return exercise;
      const expected = choiceEligible(card) ? shortAnswerOf(card) : null;
      return expected !== null ? { kind: 'typed', expected } : { kind: 'recall' };
    }
  }
}

/** A quiz over `items` whose first question is shown at `now`; already done when there are none. */
export function initialQuiz(items: readonly QuizItem[], now: number): QuizState {
  return { items, index: 0, phase: items.length === 0 ? 'done' : 'asking', answers: [], startedAt: now, itemStartedAt: now };
}

/**
 * The quiz after `action`. Actions that do not fit the phase or the question
 * (a choice index out of range, `mark` on a question that can be checked, a
 * predict answer with neither `actual` nor an expected output, a typed answer
 * to a card without a short answer (it is judged: `mark`), `submit` on a
 * recall question, `next` while asking) return
 * `state` itself, so a stray key does nothing.
 */
export function quizReducer(state: QuizState, action: QuizAction): QuizState {
  switch (action.type) {
    case 'submit':
    case 'mark': {
      const item = state.items[state.index];
      if (state.phase !== 'asking' || !item) return state;
      const checked = action.type === 'submit' ? checkSubmit(item, action) : checkMark(item, action.correct);
      if (!checked) return state;
      const answer: QuizAnswer = { cardId: item.card.id, kind: item.ask.kind, ...checked, ms: Math.max(0, action.now - state.itemStartedAt) };
      return { ...state, phase: 'feedback', answers: [...state.answers, answer] };
    }
    case 'regrade': {
      const last = state.answers[state.answers.length - 1];
      if (state.phase !== 'feedback' || !last || ![1, 2, 3, 4].includes(action.grade)) return state;
      return { ...state, answers: [...state.answers.slice(0, -1), { ...last, grade: action.grade }] };
    }
    case 'next': {
      if (state.phase !== 'feedback') return state;
      const index = state.index + 1;
      return { ...state, index, phase: index < state.items.length ? 'asking' : 'done', itemStartedAt: action.now };
    }
    case 'quit':
      return state.phase === 'done' ? state : { ...state, phase: 'done' };
  }
}

type Checked = Pick<QuizAnswer, 'given' | 'expected' | 'correct' | 'grade'>;

function checkSubmit(item: QuizItem, action: { given: string; actual?: string; choice?: number }): Checked | null {
  const ask = item.ask;
  switch (ask.kind) {
    case 'choice': {
      const picked = action.choice;
      if (picked === undefined || !Number.isInteger(picked) || picked < 0 || picked >= ask.options.length) return null;
      const correct = picked === ask.correct;
      return { given: ask.options[picked]!, expected: ask.options[ask.correct]!, correct, grade: suggestGrade({ correct }) };
    }
    case 'typed': {
      // Without a short answer only the user can judge (mark).
      if (ask.expected === null) return null;
      const { match, similarity } = compareTyped(action.given, ask.expected);
      return { given: action.given, expected: ask.expected, correct: match, grade: suggestGrade({ correct: match, similarity }) };
    }
    case 'predict': {
      const expected = action.actual ?? ask.expected;
      if (expected === null) return null;
      const { match, similarity } = compareOutput(action.given, expected, { unordered: ask.unordered });
      return { given: action.given, expected, correct: match, grade: suggestGrade({ correct: match, similarity }) };
    }
    case 'recall':
      return null;
  }
}

function checkMark(item: QuizItem, correct: boolean): Checked | null {
  const ask = item.ask;
  if (ask.kind === 'recall') return { given: '', expected: answerText(item.card), correct, grade: suggestGrade({ correct }) };
  // When the code could not be run and the card has no output block, only the user can judge.
  if (ask.kind === 'predict' && ask.expected === null) return { given: '', expected: '', correct, grade: suggestGrade({ correct }) };
  // Likewise a typed answer to a card without a short answer: judged against the whole answer.
  if (ask.kind === 'typed' && ask.expected === null) return { given: '', expected: answerText(item.card), correct, grade: suggestGrade({ correct }) };
  return null;
}

/**
 * The answered questions so far: how many were right, how many were answered
 * (questions skipped by quitting do not count), the time spent answering (sum
 * of each answer's `ms`) and the wrong answers, in order.
 */
export function quizScore(state: QuizState): { correct: number; total: number; ms: number; wrong: QuizAnswer[] } {
  const wrong = state.answers.filter((a) => !a.correct);
  const ms = state.answers.reduce((sum, a) => sum + a.ms, 0);
  return { correct: state.answers.length - wrong.length, total: state.answers.length, ms, wrong };
}
