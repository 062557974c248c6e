import { default_w } from 'ts-fsrs';
import { describe, expect, it } from 'vitest';
import type { CardState } from '../../src/model/card-state.js';
import type { Grade } from '../../src/model/review.js';
import { Scheduler, type CardSeed, type ReplayedReview, type ScheduleSettings } from '../../src/schedule/fsrs-scheduler.js';
import { seededRandom } from '../../src/schedule/seeded-random.js';
import { DAY, HOUR, MINUTE } from '../../src/schedule/study-time.js';

// The fast answers (Scheduler.answer, history, replay, preview) against ts-fsrs's
// full scheduler (Scheduler.referenceAnswer), every intermediate state compared
// whole, over a large seeded random history under many settings.

/** Instants around which the histories start: DST changes of the zones below, and plain days. */
const STARTS = [
  '2025-03-08T12:00Z', // the day before the US springs forward
  '2025-03-29T20:00Z', // the night Europe springs forward
  '2025-10-25T22:00Z', // the night Europe falls back
  '2025-11-01T18:00Z', // the US falls back
  '2025-04-05T10:00Z', // Sydney falls back
  '2025-10-04T12:00Z', // Sydney springs forward
  '2024-02-28T23:30Z', // a leap day ahead
  '2026-06-15T03:59Z', // a minute before a 4 am rollover in UTC
].map(Date.parse);

interface Variant {
  name: string;
  settings: ScheduleSettings;
}

/** 21 weights moved off the defaults, inside ts-fsrs's bounds (it clamps them anyway). */
function customWeights(random: () => number): number[] {
  return default_w.map((w, i) => (i === 20 ? 0.1 + random() * 0.7 : Math.max(0.01, w * (0.6 + random() * 0.8))));
}

const weightsRandom = seededRandom(2024);
const VARIANTS: Variant[] = [
  {
    name: 'defaults, fuzz on, UTC',
    settings: { retention: 0.9, maximumInterval: 36500, learningSteps: ['1m', '10m'], relearningSteps: ['10m'], fuzz: true, weights: null, clock: { timeZone: 'UTC', rolloverHour: 4 } },
  },
  {
    name: 'fuzz off, New York across DST',
    settings: { retention: 0.9, maximumInterval: 36500, learningSteps: ['1m', '10m'], relearningSteps: ['10m'], fuzz: false, weights: null, clock: { timeZone: 'America/New_York', rolloverHour: 4 } },
  },
  {
    name: 'custom weights, retention 0.8, a step of a day and of days, max interval 100, London at midnight',
    settings: {
      retention: 0.8,
      maximumInterval: 100,
      learningSteps: ['1m', '5m', '1h', '1d'],
      relearningSteps: ['10m', '2d'],
      fuzz: true,
      weights: customWeights(weightsRandom),
      clock: { timeZone: 'Europe/London', rolloverHour: 0 },
    },
  },
  {
    name: 'no learning or relearning steps, retention 0.97, Sydney at 11 pm',
    settings: { retention: 0.97, maximumInterval: 36500, learningSteps: [], relearningSteps: [], fuzz: true, weights: null, clock: { timeZone: 'Australia/Sydney', rolloverHour: 23 } },
  },
  {
    name: 'one learning step, three relearning steps, custom weights, Kolkata (half-hour offset)',
    settings: {
      retention: 0.85,
      maximumInterval: 3650,
      learningSteps: ['30m'],
      relearningSteps: ['1m', '10m', '1h'],
      fuzz: true,
      weights: customWeights(weightsRandom),
      clock: { timeZone: 'Asia/Kolkata', rolloverHour: 5 },
    },
  },
  {
    name: 'fuzz on, max interval 30, Chatham (45-minute offset, DST)',
    settings: { retention: 0.9, maximumInterval: 30, learningSteps: ['10m', '1h'], relearningSteps: ['10m'], fuzz: true, weights: null, clock: { timeZone: 'Pacific/Chatham', rolloverHour: 3 } },
  },
  {
    name: 'fuzz on, Troll (a two-hour DST jump), rollover 1',
    settings: { retention: 0.92, maximumInterval: 36500, learningSteps: ['1m', '10m'], relearningSteps: ['10m'], fuzz: true, weights: null, clock: { timeZone: 'Antarctica/Troll', rolloverHour: 1 } },
  },
];

/** The gap before the next answer: minutes, hours, days, months, none at all, or back in time. */
function nextGap(random: () => number): number {
  const p = random();
  if (p < 0.2) return Math.floor(random() * 30) * MINUTE;
  if (p < 0.3) return Math.floor(random() * 20) * HOUR + Math.floor(random() * 60) * MINUTE;
  if (p < 0.8) return Math.floor(random() * 40) * DAY + Math.floor(random() * DAY);
  if (p < 0.9) return Math.floor(random() * 400) * DAY + Math.floor(random() * DAY);
  if (p < 0.95) return 0;
  // A clock set back, or a log merged out of order.
  return -Math.floor(random() * 3 * DAY);
}

function randomHistory(random: () => number): ReplayedReview[] {
  const n = 1 + Math.floor(random() * 40);
  let t = STARTS[Math.floor(random() * STARTS.length)]! + Math.floor(random() * 2 * DAY) - DAY;
  const reviews: ReplayedReview[] = [];
  for (let i = 0; i < n; i++) {
    const p = random();
    const rating = (p < 0.2 ? 1 : p < 0.3 ? 2 : p < 0.9 ? 3 : 4) as Grade;
    reviews.push({ reviewedAt: t, rating });
    t += nextGap(random);
  }
  return reviews;
}

function randomSeed(random: () => number, i: number): CardSeed {
  const p = random();
  if (p < 0.3) return i;
  if (p < 0.6) return Math.floor(random() * 2 ** 32).toString(16).padStart(8, '0').repeat(4);
  return `01J${Math.floor(random() * 1e12).toString(36).toUpperCase()}`;
}

/** Every state of a card's history by the full scheduler, one answer at a time. */
function referenceStates(s: Scheduler, seed: CardSeed, reviews: readonly ReplayedReview[]): CardState[] {
  const out: CardState[] = [];
  let state: CardState | null = null;
  for (const r of reviews) {
    state = s.referenceAnswer(seed, state, r.rating, r.reviewedAt);
    out.push(state);
  }
  return out;
}

const CARDS_PER_VARIANT = 600;

describe.each(VARIANTS)('the fast replay equals ts-fsrs’s scheduler: $name', ({ settings }) => {
  it(`gives the very same state after every answer of ${CARDS_PER_VARIANT} random histories`, () => {
    const s = new Scheduler(settings);
    const random = seededRandom(VARIANTS.findIndex((v) => v.settings === settings) + 1);
    const seen = new Set<string>();
    let answers = 0;
    for (let i = 0; i < CARDS_PER_VARIANT; i++) {
      const seed = randomSeed(random, i);
      const reviews = randomHistory(random);
      const expected = referenceStates(s, seed, reviews);
      const { before, after } = s.history(seed, reviews);
      expect(before).toEqual([null, ...expected.slice(0, -1)]);
      expect(after).toEqual(expected[expected.length - 1]);
      expect(s.replay(seed, reviews)).toEqual(after);
      // One answer at a time, as a review does, and the four a preview offers.
      let state: CardState | null = null;
      for (const [k, r] of reviews.entries()) {
        const next = s.answer(seed, state, r.rating, r.reviewedAt);
        expect(next).toEqual(expected[k]);
        if (k % 7 === 0) {
          const preview = s.preview(seed, state, r.reviewedAt);
          for (const g of [1, 2, 3, 4] as const) expect(preview[g]).toEqual(s.referenceAnswer(seed, state, g, r.reviewedAt));
        }
        seen.add(`${state?.phase ?? 'none'}>${next.phase}`);
        if (state?.lastReview != null && r.reviewedAt < state.lastReview) seen.add('clock set back');
        state = next;
        answers++;
      }
    }
    // The histories reach every way a card can move (with steps), so the equality above covers them all.
    const moves = settings.learningSteps.length > 0 ? ['none>learning', 'learning>review', 'review>review', 'review>relearning', 'relearning>review'] : ['none>review', 'review>review'];
    for (const move of [...moves, 'clock set back']) expect(seen).toContain(move);
    expect(answers).toBeGreaterThan(CARDS_PER_VARIANT * 15);
  });
});

describe('the fast replay and the fuzz', () => {
  it('applies the fuzz: with it on, some intervals differ from the same history with it off', () => {
    const on = new Scheduler(VARIANTS[0]!.settings);
    const off = new Scheduler({ ...VARIANTS[0]!.settings, fuzz: false });
    const random = seededRandom(99);
    let differ = 0;
    for (let i = 0; i < 200; i++) {
      const reviews = randomHistory(random);
      if (on.replay(i, reviews)?.scheduledDays !== off.replay(i, reviews)?.scheduledDays) differ++;
    }
    expect(differ).toBeGreaterThan(20);
  });

  it('seeds the fuzz by the card: the same history under two seeds gets other intervals', () => {
    const s = new Scheduler(VARIANTS[0]!.settings);
    const reviews: ReplayedReview[] = [0, 10 * MINUTE, 3 * DAY, 12 * DAY, 40 * DAY, 130 * DAY].map((d) => ({ reviewedAt: STARTS[7]! + d, rating: 3 }));
    const days = (seed: CardSeed) => s.history(seed, reviews).before.map((b) => b?.scheduledDays ?? null);
    const seeds = ['a', 'b', 'c', 'd', 'e', 'f'];
    expect(new Set(seeds.map((seed) => days(seed).join(','))).size).toBeGreaterThan(1);
    for (const seed of seeds) expect(s.replay(seed, reviews)).toEqual(referenceStates(s, seed, reviews).at(-1));
  });
});
