import { simulate, type SimulationInput } from './review-simulation.js';

/** The range of desired retentions the advice chooses in, in hundredths: 0.70 to 0.95, as Anki's search. */
export const ADVICE_RANGE = { lowest: 70, highest: 95 } as const;
/** The first pass simulates every this many hundredths; the second every hundredth around the best of the first. */
const COARSE_STEP = 5;

/** Seconds an answer is taken to last when the log has none yet (the advice itself does not depend on it: see {@link adviseRetention}). */
export const TYPICAL_SECONDS_PER_ANSWER = 10;

/** One simulated desired retention: what it costs and what it keeps. */
export interface AdviceRow {
  retention: number;
  /** Minutes of answers a day, averaged over the simulated days (reviews, new cards and same-day steps). */
  minutesPerDay: number;
  /** Cards remembered the day after the last simulated one: the sum of every card's recall chance then. */
  memorized: number;
  /** `memorized` over all the simulated minutes: what the advice maximises. */
  memorizedPerMinute: number;
}

/** What {@link adviseRetention} found. */
export interface RetentionAdvice {
  /** A row per retention simulated, lowest first. */
  rows: AdviceRow[];
  /** The row with the most cards remembered per minute (the lowest retention of equals). */
  best: AdviceRow;
  /** Seconds an answer was taken to last; `assumed` when the log had no answers to measure it on. */
  secondsPerAnswer: number;
  assumed: boolean;
  /** The simulation's length in study days and its seed. */
  days: number;
  seed: number;
}

/**
 * The desired retention that gives the most cards remembered per minute of
 * study: `input`'s simulation (the user's cards, parameters, limits and
 * answer habits, same seed) run at retentions from 0.70 to 0.95, each scored
 * as cards remembered at the end over the minutes all its answers took:
 * first every 0.05, then every 0.01 within 0.04 of the best of those. Every
 * answer is taken to last the user's average time, so the choice depends on
 * the number of answers, not on that time. Like Anki's minimum recommended
 * retention, which minimises total time over cards memorized at the end (the
 * same ratio, upside down); unlike it, the simulation starts from the user's
 * own cards as they are today instead of a fresh deck of new ones, searches
 * two grids instead of Brent's method, and uses one seed for every
 * retention (common random numbers) instead of averaging several. Pure and
 * deterministic.
 */
export function adviseRetention(input: Omit<SimulationInput, 'retention'>): RetentionAdvice {
  const assumed = input.secondsPerAnswer === null;
  const secondsPerAnswer = input.secondsPerAnswer ?? TYPICAL_SECONDS_PER_ANSWER;
  const done = new Map<number, AdviceRow>();
  const run = (hundredths: number): AdviceRow => {
    let row = done.get(hundredths);
    if (row) return row;
    const retention = hundredths / 100;
    const result = simulate({ ...input, secondsPerAnswer, retention });
    const seconds = result.days.reduce((a, d) => a + d.seconds!, 0);
    const minutes = seconds / 60;
    row = {
      retention,
      minutesPerDay: minutes / Math.max(1, result.days.length),
      memorized: result.rememberedAtEnd,
      memorizedPerMinute: minutes > 0 ? result.rememberedAtEnd / minutes : 0,
    };
    done.set(hundredths, row);
    return row;
  };
  const { lowest, highest } = ADVICE_RANGE;
  const bestOf = (hundredths: number[]): number =>
    hundredths.reduce((best, h) => (run(h).memorizedPerMinute > run(best).memorizedPerMinute ? h : best));
  const coarse: number[] = [];
  for (let h = lowest; h <= highest; h += COARSE_STEP) coarse.push(h);
  const centre = bestOf(coarse);
  const fine: number[] = [];
  for (let h = Math.max(lowest, centre - COARSE_STEP + 1); h <= Math.min(highest, centre + COARSE_STEP - 1); h++) fine.push(h);
  const best = run(bestOf([...new Set([...coarse, ...fine])].sort((a, b) => a - b)));
  const rows = [...done.entries()].sort((a, b) => a[0] - b[0]).map(([, row]) => row);
  return { rows, best, secondsPerAnswer, assumed, days: input.days, seed: input.seed };
}
