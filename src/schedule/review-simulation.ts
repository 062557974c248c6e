import { FSRSAlgorithm, generatorParameters, S_MIN, type Grade as FsrsGrade } from 'ts-fsrs';
import type { Grade } from '../model/review.js';
import { mixSeed, seededRandom } from './seeded-random.js';
import type { QueueLimits } from './due-queue.js';
import type { EasyDays } from './easy-days.js';
import { fuzzRange } from './fsrs-fuzz.js';
import { balancedInterval } from './load-balance.js';

/** A card as a simulation starts from it. */
export interface SimulationCard {
  deck: string;
  /** The card's memory now; null for a card never answered (it waits in the new-card order given). */
  memory: { stability: number; difficulty: number; lastDay: number; dueDay: number } | null;
}

/** How the simulated user answers, from their own log where there is one. */
export interface AnswerShares {
  /** Relative frequency of Again, Hard, Good, Easy as a new card's first answer. */
  first: readonly [number, number, number, number];
  /** Relative frequency of Hard, Good, Easy among recalled reviews. */
  recalled: readonly [number, number, number];
}

/** Shares used when the log has no answers of a kind yet: a typical learner's. */
export const TYPICAL_SHARES: AnswerShares = { first: [0.25, 0.1, 0.5, 0.15], recalled: [0.2, 0.65, 0.15] };

/** Everything a simulation depends on; the same input always gives the same result. */
export interface SimulationInput {
  /** Cards in new-card order (the order new cards are introduced in). */
  cards: readonly SimulationCard[];
  /** The study day the simulation starts on (days since 1970-01-01 on the study clock). */
  today: number;
  /** How many study days to simulate, from `today`. */
  days: number;
  /** Desired retention, 0.7-0.99: the recall chance intervals aim at. */
  retention: number;
  maximumInterval: number;
  /** How many learning and relearning steps the settings have: same-day answers after a first answer or a lapse. */
  learningSteps: number;
  relearningSteps: number;
  /** The FSRS parameters of a deck's cards. */
  weights: (deck: string) => readonly number[];
  limits: QueueLimits;
  shares: AnswerShares;
  /** Seconds an answer takes on average, or null when unknown. */
  secondsPerAnswer: number | null;
  seed: number;
  /**
   * Place intervals within their fuzz range as review does: by the plain
   * fuzz, and with load balancing and easy days when set. Absent or false:
   * each card is due exactly after its FSRS interval.
   */
  fuzz?: boolean;
  /** Load balancing (with fuzz): the simulated cards due each day are the load. */
  loadBalance?: boolean;
  /** Easy days' shares, Sunday first (with fuzz); absent or null: none. */
  easyDays?: EasyDays | null;
}

/** One simulated study day. */
export interface SimulatedDay {
  day: number;
  /** Answers to cards that fell due (in review, or overdue from before). */
  reviews: number;
  /** Of those, forgotten (answered Again). */
  lapses: number;
  /** New cards answered for the first time. */
  learned: number;
  /** Same-day answers of learning and relearning steps. */
  steps: number;
  /** Time all that takes, when the time per answer is known. */
  seconds: number | null;
}

/** What {@link simulate} returns. */
export interface SimulationResult {
  days: SimulatedDay[];
  /** Expected number of cards recalled on the day after the last simulated one (sum of their recall chances). */
  rememberedAtEnd: number;
  /** Cards still new at the end. */
  newLeft: number;
}

interface Sim {
  deck: string;
  algorithm: FSRSAlgorithm;
  stability: number;
  difficulty: number;
  lastDay: number;
  dueDay: number;
}

/**
 * Simulates `input.days` study days of reviews: each day the cards due
 * (oldest first) are answered within the daily review limits, the rest wait
 * for the next day, and new cards are introduced in order within the new-card
 * limits. Whether a card is recalled is drawn with probability equal to its
 * retrievability on that day (FSRS's forgetting curve with its deck's
 * parameters), from a seeded generator, so a run is repeatable: a Monte Carlo
 * run rather than expected values, because a lapse changes every later
 * interval of a card and averages cannot follow that. Same-day steps are
 * answered Good. Pure; throws only on parameters ts-fsrs refuses.
 */
export function simulate(input: SimulationInput): SimulationResult {
  const random = seededRandom(input.seed);
  // Days are placed with draws of their own, so a run with and one without load balancing recall alike.
  const placeRandom = seededRandom(mixSeed(input.seed, 0x10ad));
  const algorithms = new Map<string, FSRSAlgorithm>();
  // By deck first: a deck's parameters are asked for once, not joined into a key for each of its cards.
  const byDeck = new Map<string, FSRSAlgorithm>();
  const algorithmFor = (deck: string): FSRSAlgorithm => {
    let found = byDeck.get(deck);
    if (!found) byDeck.set(deck, (found = algorithmOfWeights(deck)));
    return found;
  };
  const algorithmOfWeights = (deck: string): FSRSAlgorithm => {
    const w = input.weights(deck);
    const key = w.join(',');
    let a = algorithms.get(key);
    if (!a) {
      a = new FSRSAlgorithm(
        generatorParameters({
          w: [...w],
          request_retention: input.retention,
          maximum_interval: input.maximumInterval,
          enable_fuzz: false,
          enable_short_term: true,
        }),
      );
      algorithms.set(key, a);
    }
    return a;
  };

  const { today, days } = input;
  // Cards waiting, by the day they fall due; cards overdue from before fall due today.
  const dueOn = new Map<number, Sim[]>();
  const schedule = (c: Sim): void => {
    const day = Math.max(today, c.dueDay);
    let list = dueOn.get(day);
    if (!list) dueOn.set(day, (list = []));
    list.push(c);
  };
  const loadOf = (first: number, last: number): number[] => {
    const out: number[] = [];
    for (let d = first; d <= last; d++) out.push(dueOn.get(d)?.length ?? 0);
    return out;
  };
  // The day a card answered on `day` falls due: FSRS's interval, placed within its fuzz range by the same code as review.
  const answered = (c: Sim, memory: { stability: number; difficulty: number }, day: number): void => {
    const elapsed = day - c.lastDay;
    c.stability = memory.stability;
    c.difficulty = memory.difficulty;
    c.lastDay = day;
    const target = c.algorithm.next_interval(memory.stability, 0);
    const range = input.fuzz ? fuzzRange(target, elapsed, input.maximumInterval) : null;
    const interval = range
      ? balancedInterval({ today: day, target, min: range.min, max: range.max, draw: placeRandom(), load: input.loadBalance ? loadOf : null, easyDays: input.easyDays ?? null })
      : target;
    c.dueDay = day + interval;
  };
  const fresh = new NewCards();
  const known: Sim[] = [];
  input.cards.forEach((card, i) => {
    if (!card.memory) {
      fresh.add(card.deck, i);
      return;
    }
    const { stability, difficulty, lastDay, dueDay } = card.memory;
    // ts-fsrs refuses a memory outside its bounds; a cached state edited by hand must not stop the run.
    known.push({ deck: card.deck, algorithm: algorithmFor(card.deck), stability: Math.max(S_MIN, stability), difficulty: Math.min(10, Math.max(1, difficulty)), lastDay, dueDay });
  });
  // Oldest due first, as the review queue shows them; ties keep the input order.
  for (const c of [...known].sort((a, b) => a.dueDay - b.dueDay)) schedule(c);

  const firstTotal = sum(input.shares.first);
  const recalledTotal = sum(input.shares.recalled);
  const draw = (shares: readonly number[], total: number): number => {
    let u = random() * total;
    for (let i = 0; i < shares.length; i++) {
      u -= shares[i]!;
      if (u < 0) return i;
    }
    return shares.length - 1;
  };

  const out: SimulatedDay[] = [];
  let backlog: Sim[] = [];
  for (let day = today; day < today + days; day++) {
    const stats: SimulatedDay = { day, reviews: 0, lapses: 0, learned: 0, steps: 0, seconds: null };
    const due = backlog.concat(dueOn.get(day) ?? []);
    dueOn.delete(day);
    backlog = [];
    const reviewBudget = budgets(input.limits, 'reviewsPerDay');
    for (const c of due) {
      if (!reviewBudget.take(c.deck)) {
        backlog.push(c);
        continue;
      }
      const elapsed = day - c.lastDay;
      const recall = c.algorithm.forgetting_curve(elapsed, c.stability);
      const recalled = random() < recall;
      const grade: Grade = recalled ? ((draw(input.shares.recalled, recalledTotal) + 2) as Grade) : 1;
      let memory = c.algorithm.next_state({ stability: c.stability, difficulty: c.difficulty }, elapsed, grade as FsrsGrade);
      stats.reviews++;
      if (!recalled) {
        stats.lapses++;
        for (let s = 0; s < input.relearningSteps; s++) memory = c.algorithm.next_state(memory, 0, 3);
        stats.steps += input.relearningSteps;
      }
      answered(c, memory, day);
      schedule(c);
    }
    const newBudget = budgets(input.limits, 'newPerDay');
    for (let deck = fresh.next(newBudget); deck !== null; deck = fresh.next(newBudget)) {
      const algorithm = algorithmFor(deck);
      const grade = (draw(input.shares.first, firstTotal) + 1) as Grade;
      let memory = algorithm.next_state(null, 0, grade as FsrsGrade);
      // Again and Hard start the steps over; Good moves one step on; Easy skips them.
      const steps = grade === 4 ? 0 : grade === 3 ? Math.max(0, input.learningSteps - 1) : input.learningSteps;
      for (let s = 0; s < steps; s++) memory = algorithm.next_state(memory, 0, 3);
      stats.learned++;
      stats.steps += steps;
      const c: Sim = { deck, algorithm, stability: 0, difficulty: 0, lastDay: day, dueDay: day };
      answered(c, memory, day);
      schedule(c);
    }
    if (input.secondsPerAnswer !== null) stats.seconds = (stats.reviews + stats.learned + stats.steps) * input.secondsPerAnswer;
    out.push(stats);
  }

  let rememberedAtEnd = 0;
  const end = today + days;
  const all = [...backlog, ...[...dueOn.values()].flat()];
  for (const c of all) rememberedAtEnd += c.algorithm.forgetting_curve(end - c.lastDay, c.stability);
  return { days: out, rememberedAtEnd, newLeft: fresh.left };
}

/**
 * New cards waiting, per deck in new-card order: each day takes them in the
 * overall order, skipping decks whose limit is spent, like the review queue.
 */
class NewCards {
  private readonly decks = new Map<string, { order: number[]; at: number }>();
  left = 0;

  add(deck: string, order: number): void {
    let d = this.decks.get(deck);
    if (!d) this.decks.set(deck, (d = { order: [], at: 0 }));
    d.order.push(order);
    this.left++;
  }

  /** The deck of the next new card the budget allows (and takes it), or null when none is left today. */
  next(budget: Budget): string | null {
    let best: string | null = null;
    let bestOrder = Infinity;
    for (const [deck, d] of this.decks) {
      if (d.at < d.order.length && d.order[d.at]! < bestOrder && budget.allows(deck)) {
        best = deck;
        bestOrder = d.order[d.at]!;
      }
    }
    if (best === null) return null;
    this.decks.get(best)!.at++;
    this.left--;
    budget.take(best);
    return best;
  }
}

interface Budget {
  allows(deck: string): boolean;
  /** Takes one card of `deck`; false (nothing taken) when its deck or the global limit is spent. */
  take(deck: string): boolean;
}

/** A day's budget of one kind of card: per deck (never above the global limit) and in all. */
function budgets(limits: QueueLimits, kind: 'newPerDay' | 'reviewsPerDay'): Budget {
  let global = limits.global[kind];
  const perDeck = new Map<string, number>();
  const deckLeft = (deck: string): number =>
    perDeck.get(deck) ?? Math.min(limits.decks[deck]?.[kind] ?? limits.global[kind], limits.global[kind]);
  const allows = (deck: string): boolean => global > 0 && deckLeft(deck) > 0;
  return {
    allows,
    take(deck) {
      if (!allows(deck)) return false;
      perDeck.set(deck, deckLeft(deck) - 1);
      global--;
      return true;
    },
  };
}

function sum(values: readonly number[]): number {
  return values.reduce((a, b) => a + b, 0);
}
