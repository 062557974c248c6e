import {
  createEmptyCard,
  type AbstractScheduler,
  fsrs,
  generatorParameters,
  State,
  StrategyMode,
  type Card as FsrsCard,
  type FSRS,
  type Grade as FsrsGrade,
  type StepUnit,
} from 'ts-fsrs';
import type { CardState, Phase } from '../model/card-state.js';
import type { Grade } from '../model/review.js';
import { hasEasyDays, type EasyDays } from './easy-days.js';
import { FastFsrsAnswers, type DayPick } from './fsrs-fast-answer.js';
import type { DueLoad } from './load-balance.js';
import { DAY, schedulingTime, studyDayStart, type StudyClock } from './study-time.js';

/** How reviews are scheduled; all of it can be changed with `engram config`. */
export interface ScheduleSettings {
  /** Desired retention, 0.7-0.99. */
  retention: number;
  /** Longest interval in days. */
  maximumInterval: number;
  /** Learning steps of new cards, like ['1m', '10m']. */
  learningSteps: string[];
  /** Relearning steps of forgotten cards, like ['10m']. */
  relearningSteps: string[];
  /** Spread review intervals a little, deterministically per card and review. */
  fuzz: boolean;
  /** FSRS-6 parameters (21 numbers), or null for the defaults. */
  weights: readonly number[] | null;
  clock: StudyClock;
  /**
   * Place a fuzzed interval on the day of its fuzz range that evens out the
   * daily load (when the caller gives the load); absent: off.
   */
  loadBalance?: boolean;
  /** Per weekday (Sunday first) the share of the normal load; absent or null: none. */
  easyDays?: EasyDays | null;
}

/** An answer as {@link Scheduler.answerBalanced} gives it: the state, and the interval the day pick chose (null: the plain fuzz). */
export interface BalancedAnswer {
  state: CardState;
  /** Record it with the answer: a replay cannot recompute it (it depends on other cards' due dates). */
  chosenDays: number | null;
}

/**
 * What seeds a card's fuzz: the card's seed (Card.seed, the same on every
 * device), or a number in callers that have no card (simulations, tests).
 */
export type CardSeed = string | number;

/** One review as the scheduler replays it. */
export interface ReplayedReview {
  reviewedAt: number;
  rating: Grade;
  /**
   * The interval the answer was given by the load balancer or easy days, as
   * the log recorded it: the replay keeps it while it lies inside the fuzz
   * range the replay computes; null or absent, the plain fuzz places it.
   */
  chosenDays?: number | null;
}

const PHASES: Phase[] = ['new', 'learning', 'review', 'relearning'];
const STATES: Record<Phase, State> = { new: State.New, learning: State.Learning, review: State.Review, relearning: State.Relearning };

/** A ts-fsrs card that also carries the seed of its fuzz. */
type SeededCard = FsrsCard & { seedId: string };

/**
 * FSRS-6 through ts-fsrs behind a small, pure API: the caller passes the time,
 * the card's seed (which seeds the fuzz, so a replay gives the same dates) and
 * its current state.
 */
export class Scheduler {
  private readonly fsrs: FSRS;
  private readonly fast: FastFsrsAnswers;

  constructor(readonly settings: ScheduleSettings) {
    this.fsrs = fsrs(
      generatorParameters({
        request_retention: settings.retention,
        maximum_interval: settings.maximumInterval,
        enable_fuzz: settings.fuzz,
        enable_short_term: true,
        learning_steps: settings.learningSteps as StepUnit[],
        relearning_steps: settings.relearningSteps as StepUnit[],
        ...(settings.weights ? { w: [...settings.weights] } : {}),
      }),
    );
    // Fuzz seeded by the card and its review count: the same answer always gives
    // the same date, so a replay of the log rebuilds exactly the cached state.
    this.fsrs.useStrategy(StrategyMode.SEED, function (this: AbstractScheduler) {
      // `current` is protected in ts-fsrs; it is the card being answered.
      const card = Reflect.get(this, 'current') as SeededCard;
      return `${card.seedId}:${card.reps}`;
    });
    // The very parameters the full scheduler has (as ts-fsrs prepared them).
    this.fast = new FastFsrsAnswers(this.fsrs.parameters, settings.clock);
  }

  /** The state after answering `grade` at `now` (UTC ms); `state` null means a new card. */
  answer(seed: CardSeed, state: CardState | null, grade: Grade, now: number): CardState {
    return this.fast.answer(String(seed), state, grade, now);
  }

  /**
   * What {@link answer} gives, computed by ts-fsrs's full scheduler
   * (`FSRS.next`, Dates and card objects): the reference the fast answers
   * are tested against, ~15 µs an answer.
   */
  referenceAnswer(seed: CardSeed, state: CardState | null, grade: Grade, now: number): CardState {
    const v = this.answerTime(state, now);
    return this.fromFsrs(this.fsrs.next(this.toFsrs(seed, state, v), new Date(v), grade as FsrsGrade).card, now, v);
  }

  /**
   * The state after answering `grade` at `now`, its interval placed by the
   * load balancer (with `load`, when the setting is on) and the easy days
   * within the fuzz range; `chosenDays` is what the review log must record.
   */
  answerBalanced(seed: CardSeed, state: CardState | null, grade: Grade, now: number, load: DueLoad | null): BalancedAnswer {
    const out = this.fast.answer(String(seed), state, grade, now, this.pick(load));
    return { state: out, chosenDays: this.fast.chosenDays };
  }

  /** The state each of the four answers would give, for the answer buttons (balanced as {@link answerBalanced} would). */
  preview(seed: CardSeed, state: CardState | null, now: number, load: DueLoad | null = null): Record<Grade, CardState> {
    const out = {} as Record<Grade, CardState>;
    const pick = this.pick(load);
    for (const grade of [1, 2, 3, 4] as const) out[grade] = this.fast.answer(String(seed), state, grade, now, pick);
    return out;
  }

  /** What places a live answer's interval: undefined when neither load balancing nor easy days apply. */
  private pick(load: DueLoad | null): DayPick | undefined {
    const balance = this.settings.loadBalance === true && load !== null;
    const easy = hasEasyDays(this.settings.easyDays ?? null);
    if (!balance && !easy) return undefined;
    return { load: balance ? load : null, easyDays: easy ? this.settings.easyDays! : null };
  }

  /**
   * The virtual time of an answer at `now`: never before the card's last review
   * (a clock set back, or a log merged out of order, must not break the card).
   */
  private answerTime(state: CardState | null, now: number): number {
    const { clock } = this.settings;
    const v = schedulingTime(now, clock);
    return state?.lastReview != null ? Math.max(v, schedulingTime(state.lastReview, clock)) : v;
  }

  /** The state a card's reviews lead to, oldest first; null when it has none. */
  replay(seed: CardSeed, reviews: readonly ReplayedReview[]): CardState | null {
    return this.fast.history(String(seed), reviews, false).after;
  }

  /** The state before each of a card's reviews (oldest first), and the state after the last. */
  history(seed: CardSeed, reviews: readonly ReplayedReview[]): { before: (CardState | null)[]; after: CardState | null } {
    return this.fast.history(String(seed), reviews, true);
  }

  /**
   * Probability of recalling the card at `now` (0-1); 0 for a new card. (ts-fsrs
   * counts whole 24-hour periods here, where scheduling counts study days.)
   */
  retrievability(seed: CardSeed, state: CardState | null, now: number): number {
    if (!state || state.phase === 'new') return 0;
    const v = this.answerTime(state, now);
    return this.fsrs.get_retrievability(this.toFsrs(seed, state, v), new Date(v), false);
  }

  /** The card for ts-fsrs, on the virtual clock; `v` is the virtual time of the answer. */
  private toFsrs(seed: CardSeed, state: CardState | null, v: number): SeededCard {
    const { clock } = this.settings;
    if (!state) return { ...createEmptyCard(new Date(v)), seedId: String(seed) };
    return {
      due: new Date(schedulingTime(state.due, clock)),
      stability: state.stability,
      difficulty: state.difficulty,
      elapsed_days: 0,
      scheduled_days: state.scheduledDays,
      learning_steps: state.learningSteps,
      reps: state.reps,
      lapses: state.lapses,
      state: STATES[state.phase],
      ...(state.lastReview !== null ? { last_review: new Date(schedulingTime(state.lastReview, clock)) } : {}),
      seedId: String(seed),
    };
  }

  private fromFsrs(card: FsrsCard, now: number, v: number): CardState {
    const { clock } = this.settings;
    const phase = PHASES[card.state]!;
    // Day intervals end at the start of a study day, not at the time of day the
    // card happened to be answered; steps of minutes count from now.
    const due =
      phase === 'review'
        ? studyDayStart(Math.floor(v / DAY) + card.scheduled_days, clock)
        : now + (card.due.getTime() - v);
    return {
      phase,
      due,
      stability: card.stability,
      difficulty: card.difficulty,
      scheduledDays: card.scheduled_days,
      learningSteps: card.learning_steps,
      reps: card.reps,
      lapses: card.lapses,
      lastReview: now,
    };
  }
}
