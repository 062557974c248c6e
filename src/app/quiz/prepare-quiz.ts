import { EngramError } from '../../model/engram-error.js';
import type { ToolEnvironment } from '../../run/run-types.js';
import type { Store } from '../../store/open-store.js';
import { quizCards } from '../../store/quiz-cards.js';
import { readOnlyError } from '../../store/store-errors.js';
import { SCREEN_LOCK_WAIT_MS } from '../open-user-store.js';
import { titleHeadings } from '../title-headings.js';
import { codeRunner, userRegistry } from '../run/code-runner.js';
import { loadSettings, schedulerSet } from '../settings/study-settings.js';
import type { QuizActions } from './quiz-actions.js';
import { resolveQuizDecks } from './quiz-decks.js';
import { quizService } from './quiz-service.js';
import { planQuiz, type QuizItem, type QuizMode } from './quiz-session.js';

/** What a quiz is asked for: its decks, kind of questions and size, and where it runs. */
export interface QuizRequest {
  /** Deck names as given (a deck `a` takes in `a/b`); none means every deck. */
  names: readonly string[];
  mode: QuizMode;
  /** At most this many questions (fewer when the decks have fewer cards). */
  count: number;
  /** The seed to draw the questions with, or null to take one from the clock. */
  seed: number | null;
  /** Also record each answer as a review, moving its due date. */
  schedule: boolean;
  /** The settings file: run limits, languages, typed-answer decks, the schedule. */
  configPath: string;
  /** Where code in cards finds its toolchains (the CLI's PATH and HOME). */
  toolEnv: ToolEnvironment;
  /** The clock: read for the seed, by the screen and for each answer. */
  now: () => number;
  /** Stamped on the reviews a scheduled quiz records. */
  sessionId: string;
  device: string;
  /**
   * Called once the decks are known to exist, before anything is loaded for
   * the screen; throwing stops the quiz there (the CLI throws when there is no
   * terminal to show it on).
   */
  beforeLoading: () => void;
}

/** A quiz ready to be shown: its questions, the seed they were drawn with, and the store behind the screen. */
export interface PreparedQuiz {
  items: QuizItem[];
  seed: number;
  actions: QuizActions;
}

/**
 * Plans a quiz over the cards of the requested decks in `store` (suspended
 * and dropped cards left out, due or not) and gives the actions that save it.
 * @returns the questions (never none), the seed and the quiz's actions
 * @throws EngramError 'store' when the store is read-only (a quiz always
 * writes); 'notFound' for an unknown deck (naming the decks there are), or
 * when the decks have no cards, or none the mode can ask; whatever
 * `beforeLoading` throws.
 */
export function prepareQuiz(store: Store, request: QuizRequest): PreparedQuiz {
  // The quiz's result (and with --schedule every answer) is written: say so now, not at the end.
  if (store.readOnly) throw readOnlyError(store.path);
  const decks = resolveQuizDecks(store, request.names);
  request.beforeLoading();
  const loaded = loadSettings(request.configPath);
  const code = codeRunner(loaded, userRegistry(loaded), request.toolEnv);
  const seed = request.seed ?? seedFromClock(request.now());
  const cards = quizCards(store, decks);
  const cardsById = new Map(cards.map((c) => [c.id, c]));
  const where = decks.length ? decks.join(', ') : 'any deck';
  if (cards.length === 0) throw new EngramError('notFound', `no cards to quiz in ${where} (suspended and dropped cards are left out).`);
  const planned = planQuiz(cards, { mode: request.mode, count: request.count, seed, typedAnswers: code.rules.typedAnswers, runnable: code.rules.runnable });
  if (planned.length === 0) throw new EngramError('notFound', noItems(request.mode, where));
  const titles = titleHeadings(store);
  const items = planned.map((item) => ({ ...item, titleHeading: titles.of(cardsById.get(item.card.id)?.sourcePath ?? null) }));
  store.waitForLocks(SCREEN_LOCK_WAIT_MS);
  const actions = quizService({
    store,
    schedulers: request.schedule ? schedulerSet(loaded) : null,
    now: request.now,
    sessionId: request.sessionId,
    device: request.device,
    mode: request.mode,
    decks,
    runBlock: (block, hooks) => code.run(block, hooks),
  });
  return { items, seed, actions };
}

/**
 * A seed from the clock, for a quiz not given one: shown at the end, it asks
 * the same questions again.
 * @returns a whole number from 0 to 999999
 */
export function seedFromClock(now: number): number {
  // Six digits are easy to type again, and the milliseconds of two quizzes rarely meet.
  return Math.abs(Math.floor(now)) % 1_000_000;
}

/** Why a mode found nothing to ask, and what would. */
function noItems(mode: QuizMode, where: string): string {
  switch (mode) {
    case 'predict':
      return `no card in ${where} asks to predict the output of code engram can run. Try --mode mixed.`;
    case 'choice':
      return `no card in ${where} can be asked as multiple choice: that needs short one-line answers and at least 3 other answers in the same deck. Try --mode mixed.`;
    default:
      return `no card in ${where} can be asked in ${mode} mode. Try --mode mixed.`;
  }
}
