import { weekdayOfStudyDay, type EasyDays } from './easy-days.js';

/**
 * How many cards are due on each study day from `first` to `last` (inclusive):
 * the review load the balancer evens out. The caller counts them (the store,
 * or a simulation's own cards); index 0 is day `first`.
 */
export type DueLoad = (first: number, last: number) => readonly number[];

/** What the day chooser needs for one fuzzed interval. */
export interface IntervalChoice {
  /** The study day of the answer: intervals count from it. */
  today: number;
  /** The interval before the fuzz, in days (FSRS's target): intervals close to it are preferred. */
  target: number;
  /** The fuzz range, whole days, `min <= max`: the chosen interval never leaves it. */
  min: number;
  max: number;
  /** The answer's own random draw in [0, 1), seeded by the card and its review count. */
  draw: number;
  /** Cards already due per day, or null when load balancing is off. */
  load: DueLoad | null;
  /** The share of the normal load each weekday should get, or null for none. */
  easyDays: EasyDays | null;
}

/**
 * A day whose weekday gets no reviews still keeps a weight this small, so a
 * fuzz range that holds only such days still picks one (Anki keeps 1e-4; with
 * weights of 1/due² that still let a closed day take a card now and then).
 */
const OFF_DAY = 1e-6;

/**
 * The interval within `[min, max]` that evens out the review load, as Anki's
 * load balancer chooses it: each day of the range weighs
 * `1 / (due that day)^2 * 1 / interval` (an empty day counts as one card, so the
 * weight stays finite and still prefers the nearer of two empty days), times
 * the easy-day factor; one day is then drawn in proportion to the weights with
 * the answer's draw. Drawing rather than taking the lightest day keeps cards
 * answered together from all landing on the same light day; the draw being the
 * fuzz's own makes it deterministic for a card and answer.
 *
 * Easy days: without load balancing a day weighs its weekday's share (so an
 * easy day gets about that share of what the fuzz would send it); with it, a
 * reduced day is open while its load per share stays at or below the other
 * days' load per share in the range, and off (a tiny weight) above, Anki's
 * rule generalised from its single 50% step to any share; a day of share 0 is
 * always off.
 * @returns the chosen interval in days, within `[min, max]`
 */
export function balancedInterval(c: IntervalChoice): number {
  const span = c.max - c.min + 1;
  if (span <= 1 || (c.load === null && c.easyDays === null)) return Math.floor(c.draw * span + c.min);
  const counts = c.load ? c.load(c.today + c.min, c.today + c.max) : null;
  const shares = c.easyDays ? dayShares(c, span) : null;
  const weights = new Array<number>(span);
  let total = 0;
  let sharedLoad = 0;
  let shareSum = 0;
  if (counts && shares) {
    for (let i = 0; i < span; i++) {
      sharedLoad += counts[i] ?? 0;
      shareSum += shares[i]!;
    }
  }
  for (let i = 0; i < span; i++) {
    const interval = c.min + i;
    let w = 1;
    if (counts) {
      const due = Math.max(1, counts[i] ?? 0);
      w = 1 / (due * due) / Math.max(1, interval);
    }
    if (shares) w *= easyFactor(shares[i]!, counts ? { due: counts[i] ?? 0, sharedLoad, shareSum } : null);
    weights[i] = w;
    total += w;
  }
  let u = c.draw * total;
  for (let i = 0; i < span; i++) {
    u -= weights[i]!;
    if (u < 0) return c.min + i;
  }
  return c.max;
}

/** Each day's share of the normal load, by the weekday of the day it falls on. */
function dayShares(c: IntervalChoice, span: number): number[] {
  const out = new Array<number>(span);
  for (let i = 0; i < span; i++) out[i] = c.easyDays![weekdayOfStudyDay(c.today + c.min + i)]!;
  return out;
}

/**
 * The easy-day factor of a day with `share` of the normal load: the share
 * itself without load balancing; with it, open (1) while the day's load per
 * share is not above the rest of the range's, off above it.
 */
function easyFactor(share: number, load: { due: number; sharedLoad: number; shareSum: number } | null): number {
  if (share <= 0) return OFF_DAY;
  if (share >= 1) return 1;
  if (!load) return share;
  const otherShares = load.shareSum - share;
  // Every other day of the range is off: this one is as good as any.
  if (otherShares <= 0) return 1;
  const othersPerShare = (load.sharedLoad - load.due) / otherShares;
  return load.due / share > othersPerShare ? OFF_DAY : 1;
}
