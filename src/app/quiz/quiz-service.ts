import type { CodeBlock } from '../../model/code-block.js';
import type { RunHooks, RunResult } from '../../run/run-types.js';
import type { SchedulerSet } from '../../schedule/scheduler-set.js';
import { cardById } from '../../store/cards.js';
import { cardState, saveCardState } from '../../store/card-state-rows.js';
import type { Store } from '../../store/open-store.js';
import { saveQuizSession, type QuizAnswerRecord } from '../../store/quiz-history.js';
import { appendReview, hasLaterReview } from '../../store/reviews.js';
import { replayCard } from '../replay-card.js';
import { isDeckTrusted, trustDeck } from '../../store/trust.js';
import type { QuizActions } from './quiz-actions.js';
import type { QuizAnswer, QuizState } from './quiz-session.js';
import { storeDueLoad } from '../due-load.js';

/** Longest time one answer counts for, as in a review: someone who walked away did not study for an hour. */
const MAX_ANSWER_MS = 5 * 60_000;

/** What quizService writes to and with. */
export interface QuizServiceOptions {
  store: Store;
  /** The schedulers that record answers as reviews (`--schedule`); null when the quiz moves no due dates. */
  schedulers: SchedulerSet | null;
  now: () => number;
  sessionId: string;
  device: string;
  /** The quiz's mode (mixed, typed, choice, predict), for the saved quiz. */
  mode: string;
  /** The decks quizzed (every deck when empty), for the saved quiz. */
  decks: readonly string[];
  /** Runs a block with the user's limits and languages. */
  runBlock: (block: CodeBlock, hooks: RunHooks) => Promise<RunResult>;
}

/**
 * The store behind the quiz screen: reviews (with --schedule) one transaction
 * each, the quiz saved once at its end.
 * @returns the quiz's actions; `record` and `save` throw the store's errors
 */
export function quizService(o: QuizServiceOptions): QuizActions {
  const { store, schedulers } = o;
  let savedId: number | null = null;
  return {
    now: o.now,
    scheduled: schedulers !== null,

    record(answer: QuizAnswer, now: number): void {
      if (!schedulers) return;
      store.transaction(() => {
        // From the stored state: another engram may have answered this card meanwhile.
        const before = cardState(store, answer.cardId);
        const card = cardById(store, answer.cardId);
        const scheduler = schedulers.forDeck(card?.deck ?? '');
        const { state, chosenDays } = scheduler.answerBalanced(card?.seed ?? answer.cardId, before, answer.grade, now, storeDueLoad(store, schedulers.clock));
        const reviewId = appendReview(
          store,
          {
            cardId: answer.cardId,
            reviewedAt: now,
            rating: answer.grade,
            durationMs: Math.max(0, Math.min(MAX_ANSWER_MS, answer.ms)),
            sessionId: o.sessionId,
            device: o.device,
            chosenDays,
          },
          before,
        );
        // An answer merged from another device's later clock comes after this one: replay in merged order.
        if (hasLaterReview(store, answer.cardId, reviewId)) replayCard(store, schedulers, answer.cardId);
        else saveCardState(store, answer.cardId, state);
      });
      store.syncInBackground();
    },

    save(quiz: QuizState, answeredAt: readonly number[], finishedAt: number): number | null {
      if (savedId !== null) return savedId;
      if (quiz.answers.length === 0) return null;
      savedId = saveQuizSession(store, {
        startedAt: quiz.startedAt,
        finishedAt,
        mode: o.mode,
        decks: [...o.decks],
        scheduled: schedulers !== null,
        answers: quiz.answers.map((a, i) => answerRecord(a, answeredAt[i] ?? finishedAt, schedulers !== null)),
      });
      store.syncInBackground();
      return savedId;
    },

    isTrusted: (deck) => isDeckTrusted(store, deck),
    trust: (deck) => trustDeck(store, deck, o.now()),
    run: o.runBlock,
  };
}

/** An answer as the quiz history keeps it: recall has nothing given or to compare; grades only when scheduled. */
function answerRecord(a: QuizAnswer, answeredAt: number, scheduled: boolean): QuizAnswerRecord {
  const recall = a.kind === 'recall';
  return {
    cardId: a.cardId,
    kind: a.kind,
    given: recall ? null : a.given,
    expected: recall || a.expected === '' ? null : a.expected,
    correct: a.correct,
    grade: scheduled ? a.grade : null,
    durationMs: a.ms,
    answeredAt,
  };
}
