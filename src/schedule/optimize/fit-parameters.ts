import { default_w } from 'ts-fsrs';
import type { FsrsOptimizer, PreparedItems } from './fsrs-optimizer.js';

/** FSRS-6's default parameters, which engram schedules with until some are fitted. */
export const DEFAULT_WEIGHTS: readonly number[] = Object.freeze([...default_w]);

/** Below this many usable items the optimizer returns the defaults. */
export const MIN_ITEMS_TO_FIT = 8;
/** Below this many it fits only the first four parameters (the initial stabilities). */
export const MIN_ITEMS_FOR_ALL = 64;

/**
 * What a fit gave: `too-little` (nothing fitted: keep what you have),
 * `first-four` (only the initial stabilities moved), or `all`.
 */
export type FitKind = 'too-little' | 'first-four' | 'all';

/** The outcome of {@link fitParameters}. */
export interface FitOutcome {
  kind: FitKind;
  /** The 21 fitted parameters; null when there was too little history. */
  weights: number[] | null;
  /** Usable items (answers a day or more after a card's previous one, and the answers after those). */
  usable: number;
  /** What to tell the user about the amount of history, or null when it was enough for a full fit. */
  note: string | null;
}

/**
 * Fits parameters to prepared items: with fewer than {@link MIN_ITEMS_TO_FIT}
 * the optimizer is not called at all. The optimizer also sets aside rare
 * combinations of first answer and interval, so the kind is read from what it
 * returns (the defaults, or the defaults past the first four), not guessed
 * from the count. Rejects with Error when the optimizer fails.
 */
export async function fitParameters(
  optimizer: FsrsOptimizer,
  items: PreparedItems,
  options: { relearningSteps: number; onProgress?: (done: number, total: number) => void },
): Promise<FitOutcome> {
  const usable = items.count;
  const early = tooLittleHistory(usable);
  if (early) return early;
  const fitted = await optimizer.fit(items, options);
  if (fitted === null || sameWeights(fitted, DEFAULT_WEIGHTS)) {
    return { kind: 'too-little', weights: null, usable, note: tooSpread(usable) };
  }
  if (sameWeights(fitted.slice(4), DEFAULT_WEIGHTS.slice(4))) {
    return { kind: 'first-four', weights: fitted, usable, note: firstFour(usable) };
  }
  return { kind: 'all', weights: fitted, usable, note: null };
}

/**
 * The outcome for `usable` items when they are too few to call the optimizer
 * at all (fewer than {@link MIN_ITEMS_TO_FIT}), else null.
 */
export function tooLittleHistory(usable: number): FitOutcome | null {
  return usable < MIN_ITEMS_TO_FIT ? { kind: 'too-little', weights: null, usable, note: tooLittle(usable) } : null;
}

/**
 * Whether two parameter lists are the same up to the optimizer's 32-bit
 * floats (it hands the defaults back as 0.8334000110626221 for 0.8334).
 */
export function sameWeights(a: readonly number[], b: readonly number[]): boolean {
  return a.length === b.length && a.every((x, i) => Math.fround(x) === Math.fround(b[i]!));
}

const COUNTS = "(a review a day or more after the card's previous one counts)";

function reviews(n: number): string {
  return `${n} usable review${n === 1 ? '' : 's'}`;
}

function tooLittle(usable: number): string {
  return `not enough history yet: ${reviews(usable)}, about ${MIN_ITEMS_TO_FIT - usable} more needed ${COUNTS}.`;
}

function tooSpread(usable: number): string {
  return `not enough history yet: the optimizer kept the defaults for ${reviews(usable)}, as it sets aside rare first answers and intervals; about ${Math.max(1, MIN_ITEMS_FOR_ALL - usable)} more needed ${COUNTS}.`;
}

function firstFour(usable: number): string {
  const more = usable < MIN_ITEMS_FOR_ALL ? `about ${MIN_ITEMS_FOR_ALL - usable} more are needed` : 'more are needed';
  return `only the first four parameters (how long a first answer is remembered) were fitted from ${reviews(usable)}; ${more} to fit all 21 ${COUNTS}.`;
}
