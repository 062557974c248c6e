import { DEFAULT_WEIGHTS } from '../../schedule/optimize/fit-parameters.js';
import { simulate, TYPICAL_SHARES, type AnswerShares, type SimulationCard, type SimulationInput, type SimulationResult } from '../../schedule/review-simulation.js';
import { adviseRetention, type RetentionAdvice } from '../../schedule/retention-advice.js';
import { studyDay } from '../../schedule/study-time.js';
import { dailySpread, weekdayMeans, type DailySpread } from '../../schedule/daily-spread.js';
import { studyDayCounter } from '../../schedule/study-day-counter.js';
import type { DailyLimits } from '../../schedule/due-queue.js';
import { deckNames } from '../../store/decks.js';
import type { Store } from '../../store/open-store.js';
import { answerHabits, simulationCards, type AnswerHabits } from '../../store/optimize-queries.js';
import { namedDecks } from '../named-decks.js';
import { ensureReviewFacts } from '../review-facts.js';
import { queueLimits, schedulerSet, studyClock, type LoadedSettings } from '../settings/study-settings.js';

/** How long and with which recalls to simulate: how many study days, and the seed of the drawn recalls. */
export interface SimulationSpan {
  days: number;
  seed: number;
}

/** Retentions every run is compared with, so the user can choose one. */
const COMPARED = [0.8, 0.85, 0.9, 0.95];
/** Answers of a kind the log needs before its shares replace a typical learner's. */
const MIN_ANSWERS_FOR_SHARES = 20;

/** What `engram simulate` found: the run at the chosen retention, and the same at others. */
export interface SimulationReport {
  /** The decks simulated, or null for every deck. */
  decks: string[] | null;
  /** The study day the simulation starts on (today). */
  from: number;
  days: number;
  retention: number;
  seed: number;
  /** Cards with a memory state (answered before), and new cards. */
  cards: { scheduled: number; new: number };
  /** The global daily limits the simulated days keep to. */
  limits: DailyLimits;
  /** The user's average time an answer takes, from the log; null when it has no answers yet. */
  secondsPerAnswer: number | null;
  result: SimulationResult;
  /** The same run at each compared retention and the chosen one, lowest retention first. */
  compared: { retention: number; result: SimulationResult }[];
  /** The retention advice and the simulations behind it, when asked for (`--advise`); else null. */
  advice: RetentionAdvice | null;
  /** How the reviews spread over the days, and what load balancing and easy days do to it. */
  balance: LoadBalanceReport;
}

/** The day-to-day spread of the simulated reviews with load balancing and without, and the easy days' share. */
export interface LoadBalanceReport {
  /** Whether the settings balance (load-balance on, and fuzz on: balancing places fuzzed intervals). */
  loadBalance: boolean;
  /** The daily reviews of the run with load balancing, and of the same run without it (same recalls drawn, same easy days). */
  balanced: DailySpread;
  unbalanced: DailySpread;
  /** Easy days' shares, Sunday first; null when there are none. */
  easyDays: number[] | null;
  /** Mean reviews per weekday, Sunday first, in the run the settings give. */
  weekdays: number[];
}

/**
 * Simulates the reviews a day of `decks` (every deck when empty) over
 * `span.days` study days from `now`, at `retention` and at a few others to
 * compare, with the user's limits, parameters and answer habits; with
 * `advise`, also at every retention of the advice's grid, for the retention
 * that keeps the most cards per minute. Fills in review facts a pre-v3 store
 * lacks first (a write). Throws EngramError (`usage`) for a deck name that
 * matches no deck.
 */
export function simulateReviews(
  store: Store,
  loaded: LoadedSettings,
  decks: readonly string[],
  span: SimulationSpan & { retention: number; advise?: boolean },
  now: number,
): SimulationReport {
  const { days, seed, retention } = span;
  const chosen = decks.length ? namedDecks(decks, deckNames(store)) : [];
  const { input, today, known } = simulationInput(store, loaded, chosen, span, now);
  const run: SimulationInput = { ...input, retention };
  const result = simulate(run);
  const compared = [...new Set([...COMPARED, retention])].sort((a, b) => a - b).map((r) => ({
    retention: r,
    result: r === retention ? result : simulate({ ...run, retention: r }),
  }));
  return {
    decks: decks.length ? chosen : null,
    from: today,
    days,
    retention,
    seed,
    cards: { scheduled: known, new: input.cards.length - known },
    limits: input.limits.global,
    secondsPerAnswer: input.secondsPerAnswer,
    result,
    compared,
    advice: span.advise ? adviseRetention(input) : null,
    balance: loadBalanceReport(run, result, loaded),
  };
}

/**
 * The effect of load balancing on `run` (whose result is `result`): the same
 * run with balancing switched the other way (balancing places fuzzed
 * intervals, so the balanced run has the fuzz on), and the easy days' share.
 */
function loadBalanceReport(run: SimulationInput, result: SimulationResult, { settings }: LoadedSettings): LoadBalanceReport {
  const balancing = settings['load-balance'] && settings.fuzz;
  const other = balancing ? simulate({ ...run, loadBalance: false }) : simulate({ ...run, fuzz: true, loadBalance: true });
  const [balancedRun, unbalancedRun] = balancing ? [result, other] : [other, result];
  const reviewsOf = (r: SimulationResult): number[] => r.days.map((d) => d.reviews);
  return {
    loadBalance: balancing,
    balanced: dailySpread(reviewsOf(balancedRun)),
    unbalanced: dailySpread(reviewsOf(unbalancedRun)),
    easyDays: settings['easy-days'].length === 7 ? settings['easy-days'] : null,
    weekdays: weekdayMeans(result.days, (d) => d.reviews),
  };
}

/**
 * The retention advice for `decks` (resolved names; every deck when empty)
 * from their cards as they are at `now`, simulated over `span`; `weights`
 * replaces the parameters of every deck simulated (the fitted ones, for
 * `engram optimize`). Fills in review facts a pre-v3 store lacks first.
 */
export function retentionAdvice(
  store: Store,
  loaded: LoadedSettings,
  decks: readonly string[],
  span: SimulationSpan,
  now: number,
  weights?: readonly number[],
): RetentionAdvice {
  const { input } = simulationInput(store, loaded, decks, span, now);
  return adviseRetention(weights ? { ...input, weights: () => weights } : input);
}

/** The simulation of `chosen` (every deck when empty) from today, at no retention yet; and today and the cards answered before. */
function simulationInput(
  store: Store,
  loaded: LoadedSettings,
  chosen: readonly string[],
  span: SimulationSpan,
  now: number,
): { input: Omit<SimulationInput, 'retention'>; today: number; known: number } {
  const clock = studyClock(loaded.settings);
  const today = studyDay(now, clock);
  const dayOf = studyDayCounter(clock);
  // The answer shares read the state before each answer: fill it for answers from before it was kept.
  ensureReviewFacts(store, schedulerSet(loaded));
  const habits = answerHabits(store, chosen);
  const cards: SimulationCard[] = simulationCards(store, chosen).map((c) => ({
    deck: c.deck,
    memory:
      c.state === null || c.state.phase === 'new'
        ? null
        : {
            stability: c.state.stability,
            difficulty: c.state.difficulty,
            lastDay: c.state.lastReview === null ? today : dayOf(c.state.lastReview),
            dueDay: dayOf(c.state.due),
          },
  }));
  const { file, settings } = loaded;
  const input: Omit<SimulationInput, 'retention'> = {
    cards,
    today,
    days: span.days,
    maximumInterval: settings['maximum-interval'],
    learningSteps: settings['learning-steps'].length,
    relearningSteps: settings['relearning-steps'].length,
    weights: (deck) => {
      const own = file.decks[deck]?.weights;
      if (own && own.length > 0) return own;
      return settings.weights.length > 0 ? settings.weights : DEFAULT_WEIGHTS;
    },
    limits: queueLimits(loaded),
    shares: answerShares(habits),
    secondsPerAnswer: habits.answers > 0 ? habits.cappedMs / habits.answers / 1000 : null,
    seed: span.seed,
    fuzz: settings.fuzz,
    loadBalance: settings['load-balance'],
    easyDays: settings['easy-days'].length === 7 ? settings['easy-days'] : null,
  };
  return { input, today, known: cards.filter((c) => c.memory).length };
}

/** Grade shares from the log, where it has enough answers of a kind; a typical learner's otherwise. */
function answerShares(h: AnswerHabits): AnswerShares {
  const recalled = [h.reviewGrades[1], h.reviewGrades[2], h.reviewGrades[3]] as const;
  return {
    first: sum(h.firstGrades) >= MIN_ANSWERS_FOR_SHARES ? h.firstGrades : TYPICAL_SHARES.first,
    recalled: sum(recalled) >= MIN_ANSWERS_FOR_SHARES ? recalled : TYPICAL_SHARES.recalled,
  };
}

function sum(values: readonly number[]): number {
  return values.reduce((a, b) => a + b, 0);
}
