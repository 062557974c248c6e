import { get_fuzz_range } from 'ts-fsrs';

/*
 * The fuzz ts-fsrs applies to an interval draws one number from Alea (Johannes
 * Baagøe's generator, seeded through his Mash hash) seeded with the answer's
 * seed string. ts-fsrs keeps its Alea private and seeds a new one for every
 * interval it fuzzes (up to three an answer), hashing the whole seed each time:
 * that was most of a replay's time. Here the same first draw is computed once
 * an answer, and the hash of the part of the seed shared by all of a card's
 * answers (`<card seed>:`) once a card. test/schedule/fsrs-fuzz.test.ts holds
 * it equal to ts-fsrs's own fuzz.
 */

/** Mash's starting state. */
const MASH_START = 4022871197;
const TWO_32 = 4294967296;
/** 2^-32: Mash's output scale and Alea's carry step. */
const UNIT = 2.3283064365386963e-10;
/** Alea's multiplier. */
const ALEA_MULTIPLIER = 2091639;

/** Mash's state after hashing `text` from state `n`. */
function mash(n: number, text: string): number {
  for (let i = 0; i < text.length; i++) {
    n += text.charCodeAt(i);
    let h = 0.02519603282416938 * n;
    n = h >>> 0;
    h -= n;
    h *= n;
    n = h >>> 0;
    h -= n;
    n += h * TWO_32;
  }
  return n;
}

/** Mash's output for state `n`, in [0, 1). */
const mashValue = (n: number): number => (n >>> 0) * UNIT;

// Alea starts its first word at Mash(' ') and hashes two more spaces into its
// other words before the seed; only the first word makes the first draw.
const FIRST_SPACE = mash(MASH_START, ' ');
const FIRST_WORD = mashValue(FIRST_SPACE);
const AFTER_SPACES = mash(mash(FIRST_SPACE, ' '), ' ');

/**
 * The Mash state after the part of the fuzz seed every answer of a card
 * shares: `${seed}:` (the seed strategy's string is `${seed}:${reps}`).
 */
export function fuzzSeedPrefix(seed: string): number {
  return mash(AFTER_SPACES, `${seed}:`);
}

/** The first draw of Alea seeded with `${seed}:${reps}`, given {@link fuzzSeedPrefix}(seed): ts-fsrs's fuzz factor. */
export function fuzzFactor(prefix: number, reps: number): number {
  let word = FIRST_WORD - mashValue(mash(prefix, String(reps)));
  if (word < 0) word += 1;
  const t = ALEA_MULTIPLIER * word + UNIT;
  return t - (t | 0);
}

/**
 * ts-fsrs's fuzz range of `interval` (whole days, unfuzzed): the days the fuzz
 * may give, or null below 2.5 days, which are never fuzzed.
 */
export function fuzzRange(interval: number, elapsedDays: number, maximumInterval: number): { min: number; max: number } | null {
  if (interval < 2.5) return null;
  const { min_ivl, max_ivl } = get_fuzz_range(interval, elapsedDays, maximumInterval);
  return { min: min_ivl, max: max_ivl };
}

/**
 * `interval` (whole days, unfuzzed) fuzzed as ts-fsrs's `apply_fuzz` does,
 * with the draw `factor`: within ts-fsrs's fuzz range, from 2.5 days on.
 */
export function fuzzInterval(interval: number, elapsedDays: number, maximumInterval: number, factor: number): number {
  const range = fuzzRange(interval, elapsedDays, maximumInterval);
  if (!range) return Math.round(interval);
  return Math.floor(factor * (range.max - range.min + 1) + range.min);
}
