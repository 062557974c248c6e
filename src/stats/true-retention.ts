import type { ReviewTally } from './stats-input.js';
import type { Ratio, RetentionFigures } from './stats-report.js';
import { isoDate } from './study-date.js';

/** `passed` of `reviews` as a {@link Ratio}; the rate is null when there are no reviews. */
export function ratio(passed: number, reviews: number): Ratio {
  return { passed, reviews, rate: reviews > 0 ? passed / reviews : null };
}

/**
 * True retention as Anki counts it, over study days `fromDay`..`toDay`: among
 * the reviews of cards in review (learning and relearning steps left out), the
 * share answered Hard, Good or Easy; young cards had an interval under 21
 * days, mature ones 21 or more.
 */
export function trueRetention(tallies: Iterable<ReviewTally>, fromDay: number, toDay: number): RetentionFigures {
  let youngPassed = 0;
  let young = 0;
  let maturePassed = 0;
  let mature = 0;
  for (const t of tallies) {
    if (t.stateBefore !== 2 || t.day < fromDay || t.day > toDay) continue;
    if (t.mature) {
      mature += t.reviews;
      if (t.passed) maturePassed += t.reviews;
    } else {
      young += t.reviews;
      if (t.passed) youngPassed += t.reviews;
    }
  }
  return {
    days: toDay - fromDay + 1,
    from: isoDate(fromDay),
    to: isoDate(toDay),
    young: ratio(youngPassed, young),
    mature: ratio(maturePassed, mature),
    all: ratio(youngPassed + maturePassed, young + mature),
  };
}
