import { BasicLearningStepsStrategy, fsrs, Rating, State, type FSRS, type FSRSParameters, type Grade as FsrsGrade } from 'ts-fsrs';
import type { CardState, Phase } from '../model/card-state.js';
import type { Grade } from '../model/review.js';
import type { EasyDays } from './easy-days.js';
import { fuzzFactor, fuzzRange, fuzzSeedPrefix } from './fsrs-fuzz.js';
import { balancedInterval, type DueLoad } from './load-balance.js';
import { DAY, MINUTE, schedulingTime, studyDayStart, type StudyClock } from './study-time.js';

const PHASES: readonly Phase[] = ['new', 'learning', 'review', 'relearning'];
const STATES: Record<Phase, State> = { new: State.New, learning: State.Learning, review: State.Review, relearning: State.Relearning };

/** What ts-fsrs's learning-steps strategy gives one grade: minutes to wait (0: none) and the next step. */
interface StepPlan {
  minutes: number;
  next: number;
}

/**
 * How an answer's fuzzed interval is placed within its fuzz range beyond the
 * plain fuzz: by a day recorded with the answer (a replay), or chosen by the
 * load balancer and easy days (a live answer).
 */
export interface DayPick {
  /** The interval this answer was given when it was made, if the log recorded one: kept while it is inside the range. */
  recorded?: number | null;
  /** Cards due per day, for load balancing; null or absent: no balancing. */
  load?: DueLoad | null;
  /** Easy days' shares; null or absent: none. */
  easyDays?: EasyDays | null;
}

/** The fuzzed interval of one stability: the days given, and the range and target they came from (null range: not fuzzed). */
interface Fuzzed {
  days: number;
  target: number;
  range: { min: number; max: number } | null;
}

/** Cached study-day starts per scheduler: a card's reviews fall on a few thousand days at most. */
const DAY_STARTS_KEPT = 20_000;

/**
 * FSRS answers over plain numbers: what ts-fsrs's scheduler (`FSRS.next`)
 * computes for one answer, driven through ts-fsrs's own lower-level
 * functions (`next_state` for difficulty and stability, `forgetting_curve`,
 * `next_interval`, `get_fuzz_range`, `BasicLearningStepsStrategy`) in the
 * order its BasicScheduler calls them, without the Dates and card objects it
 * builds per call (~15 µs an answer), and with its fuzz's random draw made
 * once an answer (fsrs-fuzz.ts). A replay of a long log is a tight loop of
 * arithmetic here; test/schedule/fsrs-fast-answer.test.ts holds it equal,
 * state by state, to the full scheduler over a large random history.
 *
 * Only for ts-fsrs with short-term scheduling on (BasicScheduler), the one
 * engram configures.
 */
export class FastFsrsAnswers {
  /** ts-fsrs with these parameters but no fuzz: its intervals are fuzzed here, with one draw an answer. */
  private readonly fsrs: FSRS;
  private readonly fuzz: boolean;
  private readonly maximumInterval: number;
  private readonly parameters: FSRSParameters;
  private readonly steps = new Map<number, Record<number, StepPlan>>();
  private readonly dayStarts = new Map<number, number>();
  /**
   * The interval the last answer's day pick chose (load balancer, easy days
   * or a recorded day), or null when the plain fuzz placed it: read right
   * after {@link answer}, so a replay's tight loop allocates nothing more.
   */
  chosenDays: number | null = null;

  /**
   * @param parameters ts-fsrs's parameters, as the full scheduler has them (short-term scheduling on)
   * @param clock the study clock: answers are scheduled on its virtual clock
   */
  constructor(
    parameters: FSRSParameters,
    private readonly clock: StudyClock,
  ) {
    this.parameters = parameters;
    this.fuzz = parameters.enable_fuzz;
    this.maximumInterval = parameters.maximum_interval;
    this.fsrs = fsrs({ ...parameters, enable_fuzz: false });
  }

  /**
   * The state after answering `grade` at `now` (UTC ms) with the fuzz seeded
   * by `seed` (as the scheduler's seed strategy: `${seed}:${reps}`). `state`
   * null means a new card.
   */
  answer(seed: string, state: CardState | null, grade: Grade, now: number, pick?: DayPick): CardState {
    return this.step(fuzzSeedPrefix(seed), state, grade, now, schedulingTime(now, this.clock), undefined, pick);
  }

  /**
   * One answer: `prefix` is {@link fuzzSeedPrefix} of the card's seed, `vNow`
   * is `schedulingTime(now)`, and `lastV`, when given, is
   * `schedulingTime(state.lastReview)` already computed (a replay has it from
   * the answer before).
   */
  private step(prefix: number, state: CardState | null, grade: Grade, now: number, vNow: number, lastV?: number, pick?: DayPick): CardState {
    this.chosenDays = null;
    const lastReview = state?.lastReview ?? null;
    if (lastReview !== null && lastV === undefined) lastV = schedulingTime(lastReview, this.clock);
    // Never before the card's last review: a clock set back, or a log merged out of order.
    const v = lastReview !== null ? Math.max(vNow, lastV!) : vNow;
    const last = state ? STATES[state.phase] : State.New;
    // ts-fsrs counts elapsed days between UTC calendar days of the virtual clock.
    const elapsed = last !== State.New && lastReview !== null ? Math.floor(v / DAY) - Math.floor(lastV! / DAY) : 0;
    const current = { difficulty: state?.difficulty ?? 0, stability: state?.stability ?? 0 };
    const reps = (state?.reps ?? 0) + 1;
    let lapses = state?.lapses ?? 0;
    const curStep = state?.learningSteps || 0;
    let factor = -1;
    const fuzzed = (stability: number): Fuzzed => {
      const target = this.fsrs.next_interval(stability, elapsed);
      const range = this.fuzz ? fuzzRange(target, elapsed, this.maximumInterval) : null;
      if (!range) return { days: this.fuzz ? Math.round(target) : target, target, range: null };
      if (factor < 0) factor = fuzzFactor(prefix, reps);
      return { days: Math.floor(factor * (range.max - range.min + 1) + range.min), target, range };
    };
    // The chosen answer's interval placed within [min, max] (its fuzz range, narrowed so Hard <= Good < Easy still holds).
    const placed = (f: Fuzzed, days: number, min: number, max: number): number => {
      if (!pick || !f.range || min > max) return days;
      if (pick.recorded != null) {
        if (pick.recorded >= min && pick.recorded <= max) this.chosenDays = pick.recorded;
        return this.chosenDays ?? days;
      }
      if (!pick.load && !pick.easyDays) return days;
      this.chosenDays = balancedInterval({ today: Math.floor(v / DAY), target: f.target, min, max, draw: factor, load: pick.load ?? null, easyDays: pick.easyDays ?? null });
      return this.chosenDays;
    };

    let phase: State;
    let stability: number;
    let difficulty: number;
    let scheduledDays: number;
    let learningSteps: number;
    let minutes = 0;
    if (last === State.Review && grade !== Rating.Again) {
      const r = this.fsrs.forgetting_curve(elapsed, current.stability);
      const hard = this.fsrs.next_state(current, elapsed, Rating.Hard, r);
      const good = this.fsrs.next_state(current, elapsed, Rating.Good, r);
      // BasicScheduler.next_interval: hard <= good < easy, each fuzzed with the answer's one seed.
      const goodF = fuzzed(good.stability);
      const hardF = fuzzed(hard.stability);
      const hardDays = Math.min(hardF.days, goodF.days);
      const goodDays = Math.max(goodF.days, hardDays + 1);
      let chosen = grade === Rating.Hard ? hard : good;
      if (grade === Rating.Hard) scheduledDays = placed(hardF, hardDays, hardF.range?.min ?? 0, Math.min(hardF.range?.max ?? 0, goodF.days));
      else if (grade === Rating.Good) scheduledDays = placed(goodF, goodDays, Math.max(goodF.range?.min ?? 0, hardDays + 1), goodF.range?.max ?? 0);
      else {
        chosen = this.fsrs.next_state(current, elapsed, Rating.Easy, r);
        const easyF = fuzzed(chosen.stability);
        const easyDays = Math.max(easyF.days, goodDays + 1);
        scheduledDays = placed(easyF, easyDays, Math.max(easyF.range?.min ?? 0, goodDays + 1), easyF.range?.max ?? 0);
      }
      phase = State.Review;
      stability = chosen.stability;
      difficulty = chosen.difficulty;
      learningSteps = 0;
    } else {
      const r = last === State.Review ? this.fsrs.forgetting_curve(elapsed, current.stability) : undefined;
      const next = this.fsrs.next_state(current, elapsed, grade as FsrsGrade, r);
      stability = next.stability;
      difficulty = next.difficulty;
      const toState = last === State.New ? State.Learning : last === State.Review ? State.Relearning : last;
      if (last === State.Review) lapses++;
      // BasicScheduler.applyLearningSteps.
      const plan = this.stepPlan(last, curStep)[grade];
      minutes = Math.max(0, plan?.minutes ?? 0);
      const nextStep = Math.max(0, plan?.next ?? 0);
      if (minutes > 0 && minutes < 1440) {
        learningSteps = nextStep;
        scheduledDays = 0;
        phase = toState;
      } else {
        phase = State.Review;
        if (minutes >= 1440) {
          learningSteps = nextStep;
          scheduledDays = Math.floor(minutes / 1440);
        } else {
          learningSteps = 0;
          const f = fuzzed(stability);
          scheduledDays = placed(f, f.days, f.range?.min ?? 0, f.range?.max ?? 0);
        }
      }
    }
    // Day intervals end at the start of a study day, not at the time of day the
    // card happened to be answered; steps of minutes count from now.
    const due = phase === State.Review ? this.dayStart(Math.floor(v / DAY) + scheduledDays) : now + Math.round(minutes) * MINUTE;
    return { phase: PHASES[phase]!, due, stability, difficulty, scheduledDays, learningSteps, reps, lapses, lastReview: now };
  }

  /** The state before each of a card's answers (oldest first) and after the last. */
  history(seed: string, reviews: readonly { reviewedAt: number; rating: Grade; chosenDays?: number | null }[], keepBefore: boolean): { before: (CardState | null)[]; after: CardState | null } {
    const before: (CardState | null)[] = [];
    let state: CardState | null = null;
    let lastV: number | undefined;
    const prefix = reviews.length > 0 ? fuzzSeedPrefix(seed) : 0;
    // One pick object for the whole replay: only its recorded day changes.
    const pick: DayPick = { recorded: null };
    for (const r of reviews) {
      if (keepBefore) before.push(state);
      const vNow = schedulingTime(r.reviewedAt, this.clock);
      pick.recorded = r.chosenDays ?? null;
      state = this.step(prefix, state, r.rating, r.reviewedAt, vNow, lastV, pick.recorded === null ? undefined : pick);
      // The next answer's last review is this one's time: its scheduling time is this one.
      lastV = vNow;
    }
    return { before, after: state };
  }

  /** ts-fsrs's learning-steps strategy for a card in `state` at step `step`, per grade (cached: it parses the step strings). */
  private stepPlan(state: State, step: number): Record<number, StepPlan> {
    const key = state * 65_536 + step;
    let plan = this.steps.get(key);
    if (!plan) {
      const given = BasicLearningStepsStrategy(this.parameters, state, step);
      plan = {};
      for (const [grade, p] of Object.entries(given)) plan[Number(grade)] = { minutes: p.scheduled_minutes, next: p.next_step };
      this.steps.set(key, plan);
    }
    return plan;
  }

  /** studyDayStart, cached: it reads the zone's offsets several times. */
  private dayStart(day: number): number {
    let start = this.dayStarts.get(day);
    if (start === undefined) {
      if (this.dayStarts.size > DAY_STARTS_KEPT) this.dayStarts.clear();
      start = studyDayStart(day, this.clock);
      this.dayStarts.set(day, start);
    }
    return start;
  }
}
