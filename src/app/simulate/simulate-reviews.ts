import { DEFAULT_WEIGHTS } from '../../schedule/optimize/fit-parameters.js';
import { simulate, TYPICAL_SHARES, type AnswerShares, type SimulationCard, type SimulationInput, type SimulationResult } from '../../schedule/review-simulation.js';
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
 * compare, with the user's limits, parameters and answer habits. Fills in
 * review facts a pre-v3 store lacks first (a write). Throws EngramError
 * (`usage`) for a deck name that matches no deck.
 */
export function simulateReviews(store: Store, loaded: LoadedSettings, decks: readonly string[], span: SimulationSpan & { retention: number }, now: number): SimulationReport {
  const { days, seed, retention } = span;
  const chosen = decks.length ? namedDecks(decks, deckNames(store)) : [];
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
  const input: SimulationInput = {
    cards,
    today,
    days,
    retention,
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
    seed,
    fuzz: settings.fuzz,
    loadBalance: settings['load-balance'],
    easyDays: settings['easy-days'].length === 7 ? settings['easy-days'] : null,
  };
  const result = simulate(input);
  // The effect of load balancing: the same run with it switched the other way (balancing places fuzzed intervals: fuzz on).
  const balancing = settings['load-balance'] && settings.fuzz;
  const other = balancing ? simulate({ ...input, loadBalance: false }) : simulate({ ...input, fuzz: true, loadBalance: true });
  const [balancedRun, unbalancedRun] = balancing ? [result, other] : [other, result];
  const reviewsOf = (r: SimulationResult): number[] => r.days.map((d) => d.reviews);
  const compared = [...new Set([...COMPARED, retention])].sort((a, b) => a - b).map((r) => ({
    retention: r,
    result: r === retention ? result : simulate({ ...input, retention: r }),
  }));
  const known = cards.filter((c) => c.memory).length;
  return {
    decks: decks.length ? chosen : null,
    from: today,
    days,
    retention,
    seed,
    cards: { scheduled: known, new: cards.length - known },
    limits: input.limits.global,
    secondsPerAnswer: input.secondsPerAnswer,
    result,
    compared,
    balance: {
      loadBalance: balancing,
      balanced: dailySpread(reviewsOf(balancedRun)),
      unbalanced: dailySpread(reviewsOf(unbalancedRun)),
      easyDays: settings['easy-days'].length === 7 ? settings['easy-days'] : null,
      weekdays: weekdayMeans(result.days, (d) => d.reviews),
    },
  };
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
