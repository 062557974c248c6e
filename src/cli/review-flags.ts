import { EngramError } from '../model/engram-error.js';
import type { MoreStudy } from '../app/review/today-limits.js';

/** The most extra study one --more or --more-reviews takes: far past any day's work, short of a typo's millions. */
const MOST_MORE = 10_000;

/**
 * `engram review`'s --more and --more-reviews, checked before anything else runs.
 * @returns the extra study asked for, or null when neither was given
 * @throws EngramError 'usage' for a value that is not a whole number from 1 to 10000
 */
export function reviewFlags(raw: { more?: string; moreReviews?: string }): MoreStudy | null {
  if (raw.more === undefined && raw.moreReviews === undefined) return null;
  return { newCards: count('--more', 'new cards', raw.more), reviews: count('--more-reviews', 'reviews', raw.moreReviews) };
}

function count(flag: string, what: string, text: string | undefined): number {
  if (text === undefined) return 0;
  const n = /^\s*\d{1,6}\s*$/.test(text) ? Number(text) : NaN;
  if (!(n >= 1 && n <= MOST_MORE)) {
    throw new EngramError('usage', `${flag} "${text}" is not a number of ${what}; use a whole number from 1 to ${MOST_MORE} (${what} to study today past the daily limit).`);
  }
  return n;
}
