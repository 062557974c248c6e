import { default_w, FSRSAlgorithm, generatorParameters, type Grade as FsrsGrade } from 'ts-fsrs';
import type { Grade } from '../../src/model/review.js';
import { seededRandom } from '../../src/schedule/seeded-random.js';

const DAY = 86_400_000;
const MINUTE = 60_000;

/**
 * The memory of the synthetic learner: FSRS-6 with initial stabilities far
 * above the defaults (a first Good is remembered for about 3 weeks, not 2
 * days) and slower forgetting after a lapse, so the defaults mispredict them.
 */
export const TRUE_WEIGHTS: readonly number[] = Object.freeze([2, 6, 20, 45, ...default_w.slice(4, 11), 2.2, ...default_w.slice(12)]);

/** One synthetic card's answers, oldest first, as the review log would hold them. */
export interface SyntheticCard {
  reviews: { reviewedAt: number; rating: Grade }[];
}

export interface LearnerOptions {
  cards: number;
  /** Answers a day or more apart per card (same-day relearning answers come on top). */
  reviewsPerCard: number;
  /** UTC ms of the first day; answers fall between 10:00 and 20:00 UTC, away from any rollover. */
  start: number;
  seed: number;
  weights?: readonly number[];
  /** Longest interval in days (default 365), so a history stays within a few years. */
  maximumInterval?: number;
}

/**
 * A learner whose memory follows FSRS with known parameters ({@link TRUE_WEIGHTS}),
 * reviewed on the intervals the DEFAULT parameters would give (±20%), as engram
 * would schedule them before any fit. Each answer is recalled with the
 * retrievability the true parameters give; a lapse is relearned 10 minutes
 * later. Deterministic for a seed.
 */
export function syntheticLearner(options: LearnerOptions): SyntheticCard[] {
  const random = seededRandom(options.seed);
  const truth = algorithm(options.weights ?? TRUE_WEIGHTS);
  const scheduler = algorithm(default_w);
  const out: SyntheticCard[] = [];
  for (let i = 0; i < options.cards; i++) {
    let t = options.start + (i % 30) * DAY + 10 * 60 * MINUTE + Math.floor(random() * 8 * 60) * MINUTE;
    const reviews: SyntheticCard['reviews'] = [];
    const first = pick(random(), [0.2, 0.1, 0.55, 0.15]) as Grade;
    let real = truth.next_state(null, 0, first as FsrsGrade);
    let believed = scheduler.next_state(null, 0, first as FsrsGrade);
    reviews.push({ reviewedAt: t, rating: first });
    const relearn = () => {
      t += 10 * MINUTE;
      real = truth.next_state(real, 0, 3);
      believed = scheduler.next_state(believed, 0, 3);
      reviews.push({ reviewedAt: t, rating: 3 });
    };
    if (first <= 2) relearn();
    for (let k = 0; k < options.reviewsPerCard; k++) {
      const planned = Math.min(options.maximumInterval ?? 365, scheduler.next_interval(believed.stability, 0));
      const days = Math.max(1, Math.round(planned * (0.8 + 0.4 * random())));
      // Reviews fall on whole days later, within the same 10:00-20:00 window.
      const dayStart = Math.floor(t / DAY) * DAY + days * DAY;
      t = dayStart + 10 * 60 * MINUTE + Math.floor(random() * 8 * 60) * MINUTE;
      const recalled = random() < truth.forgetting_curve(days, real.stability);
      const rating = (recalled ? pick(random(), [0, 0.1, 0.8, 0.1]) : 1) as Grade;
      real = truth.next_state(real, days, rating as FsrsGrade);
      believed = scheduler.next_state(believed, days, rating as FsrsGrade);
      reviews.push({ reviewedAt: t, rating });
      if (!recalled) relearn();
    }
    out.push({ reviews });
  }
  return out;
}

function algorithm(w: readonly number[]): FSRSAlgorithm {
  return new FSRSAlgorithm(generatorParameters({ w: [...w], request_retention: 0.9, enable_fuzz: false, enable_short_term: true }));
}

/** The grade (1-4) whose share `u` falls in. */
function pick(u: number, shares: readonly number[]): number {
  for (let i = 0; i < shares.length; i++) {
    u -= shares[i]!;
    if (u < 0) return i + 1;
  }
  return shares.length;
}
