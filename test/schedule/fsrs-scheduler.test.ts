import { createEmptyCard, default_w, forgetting_curve, fsrs, generatorParameters, get_fuzz_range, type Card as FsrsCard, type Grade as FsrsGrade } from 'ts-fsrs';
import { describe, expect, it } from 'vitest';
import type { CardState } from '../../src/model/card-state.js';
import type { Grade } from '../../src/model/review.js';
import { Scheduler, type ReplayedReview, type ScheduleSettings } from '../../src/schedule/fsrs-scheduler.js';
import { DAY, HOUR, MINUTE } from '../../src/schedule/study-time.js';
import { defaultSchedule } from '../helpers/default-schedule.js';

// Every instant carries an explicit UTC offset: nothing depends on the machine's zone or clock.
const at = (iso: string): number => {
  const t = Date.parse(iso);
  if (Number.isNaN(t)) throw new Error(`bad instant ${iso}`);
  return t;
};

function scheduler(timeZone: string, overrides: Partial<Omit<ScheduleSettings, 'clock'>> = {}, rolloverHour = 4): Scheduler {
  return new Scheduler(defaultSchedule({ timeZone, rolloverHour }, overrides));
}

/** ts-fsrs itself, fuzz off, as an oracle: it is handed the virtual times (local wall clock minus 4 h, as UTC). */
const oracle = fsrs(
  generatorParameters({
    request_retention: 0.9,
    maximum_interval: 36500,
    enable_fuzz: false,
    enable_short_term: true,
    learning_steps: ['1m', '10m'],
    relearning_steps: ['10m'],
  }),
);

function oracleRun(steps: ReadonlyArray<readonly [virtualIso: string, grade: Grade]>): FsrsCard[] {
  let card = createEmptyCard(new Date(steps[0]![0]));
  const out: FsrsCard[] = [];
  for (const [iso, grade] of steps) {
    card = oracle.next(card, new Date(iso), grade as FsrsGrade).card;
    out.push(card);
  }
  return out;
}

const PHASE = ['new', 'learning', 'review', 'relearning'] as const;
/** The part of a state that the oracle can predict. */
const memory = (c: FsrsCard) => ({
  phase: PHASE[c.state],
  stability: c.stability,
  difficulty: c.difficulty,
  scheduledDays: c.scheduled_days,
  learningSteps: c.learning_steps,
  reps: c.reps,
  lapses: c.lapses,
});
const memoryOf = (s: CardState) => ({
  phase: s.phase,
  stability: s.stability,
  difficulty: s.difficulty,
  scheduledDays: s.scheduledDays,
  learningSteps: s.learningSteps,
  reps: s.reps,
  lapses: s.lapses,
});

describe('a new card through learning, review, a lapse and relearning (UTC, rollover 4, fuzz off)', () => {
  const s = scheduler('UTC');
  const t0 = at('2026-01-05T10:00Z');

  const a1 = s.answer(1, null, 3, t0);
  const a2 = s.answer(1, a1, 3, at('2026-01-05T10:10Z'));
  const a3 = s.answer(1, a2, 3, at('2026-01-07T06:00Z'));
  const a4 = s.answer(1, a3, 3, at('2026-01-18T06:00Z'));
  const a5 = s.answer(1, a4, 1, at('2026-03-05T06:00Z'));
  const a6 = s.answer(1, a5, 3, at('2026-03-05T06:10Z'));

  it('Good on a new card: the second learning step, 10 minutes later', () => {
    expect(a1).toMatchObject({ phase: 'learning', due: at('2026-01-05T10:10Z'), scheduledDays: 0, learningSteps: 1, reps: 1, lapses: 0, lastReview: t0 });
  });

  it('Good on the last step: a review in 2 days, due at the start of that study day', () => {
    expect(a2).toMatchObject({ phase: 'review', scheduledDays: 2, due: at('2026-01-07T04:00Z'), reps: 2, lastReview: at('2026-01-05T10:10Z') });
  });

  it('Good on time: 11 days, then 46 days', () => {
    expect(a3).toMatchObject({ phase: 'review', scheduledDays: 11, due: at('2026-01-18T04:00Z'), reps: 3 });
    expect(a4).toMatchObject({ phase: 'review', scheduledDays: 46, due: at('2026-03-05T04:00Z'), reps: 4 });
  });

  it('Again on a review: relearning, due after the 10-minute relearning step, one lapse', () => {
    expect(a5).toMatchObject({ phase: 'relearning', due: at('2026-03-05T06:10Z'), scheduledDays: 0, learningSteps: 0, reps: 5, lapses: 1 });
    expect(a5.stability).toBeLessThan(a4.stability);
    expect(a5.difficulty).toBeGreaterThan(a4.difficulty);
  });

  it('Good after the relearning step: back to review in 3 days', () => {
    expect(a6).toMatchObject({ phase: 'review', scheduledDays: 3, due: at('2026-03-08T04:00Z'), reps: 6, lapses: 1 });
  });

  it('matches ts-fsrs run on the virtual clock (4 hours earlier) step by step', () => {
    const expected = oracleRun([
      ['2026-01-05T06:00Z', 3],
      ['2026-01-05T06:10Z', 3],
      ['2026-01-07T02:00Z', 3],
      ['2026-01-18T02:00Z', 3],
      ['2026-03-05T02:00Z', 1],
      ['2026-03-05T02:10Z', 3],
    ]).map(memory);
    expect([a1, a2, a3, a4, a5, a6].map(memoryOf)).toEqual(expected);
  });

  it('Again on the relearning step repeats it; Again on a learning step goes back to the first', () => {
    expect(s.answer(1, a5, 1, at('2026-03-05T06:10Z'))).toMatchObject({ phase: 'relearning', due: at('2026-03-05T06:20Z'), learningSteps: 0, lapses: 1 });
    expect(s.answer(1, a1, 1, at('2026-01-05T10:10Z'))).toMatchObject({ phase: 'learning', due: at('2026-01-05T10:11Z'), learningSteps: 0 });
  });
});

describe('answers on a new card (preview at 2026-01-05 10:00 UTC)', () => {
  const s = scheduler('UTC');
  const now = at('2026-01-05T10:00Z');
  const p = s.preview(9, null, now);

  it('Again 1 minute, Hard 6 minutes (between the steps), Good 10 minutes, Easy 8 days', () => {
    expect(p[1]).toMatchObject({ phase: 'learning', due: now + 1 * MINUTE, learningSteps: 0 });
    expect(p[2]).toMatchObject({ phase: 'learning', due: now + 6 * MINUTE, learningSteps: 0 });
    expect(p[3]).toMatchObject({ phase: 'learning', due: now + 10 * MINUTE, learningSteps: 1 });
    expect(p[4]).toMatchObject({ phase: 'review', scheduledDays: 8, due: at('2026-01-13T04:00Z') });
  });

  it('on the second step: Good 2 days, Easy 4 days', () => {
    const later = now + 10 * MINUTE;
    const q = s.preview(9, p[3], later);
    expect(q[1]).toMatchObject({ phase: 'learning', due: later + 1 * MINUTE, learningSteps: 0 });
    expect(q[2]).toMatchObject({ phase: 'learning', due: later + 6 * MINUTE, learningSteps: 1 });
    expect(q[3]).toMatchObject({ phase: 'review', scheduledDays: 2, due: at('2026-01-07T04:00Z') });
    expect(q[4]).toMatchObject({ phase: 'review', scheduledDays: 4, due: at('2026-01-09T04:00Z') });
  });
});

describe('other settings', () => {
  const now = at('2026-01-05T10:00Z');

  it('custom learning steps count minutes from now', () => {
    const s = scheduler('UTC', { learningSteps: ['5m', '1h'] });
    expect(s.answer(1, null, 3, now)).toMatchObject({ phase: 'learning', due: now + HOUR });
    expect(s.answer(1, null, 1, now)).toMatchObject({ phase: 'learning', due: now + 5 * MINUTE });
  });

  it('custom weights are used: a higher initial stability for Good gives a longer first interval', () => {
    const w = [...default_w];
    w[2] = 5;
    const s = scheduler('UTC', { weights: w });
    const learned = s.answer(1, s.answer(1, null, 3, now), 3, now + 10 * MINUTE);
    expect(learned).toMatchObject({ phase: 'review', scheduledDays: 5, stability: 5, due: at('2026-01-10T04:00Z') });
    expect(scheduler('UTC', { weights: default_w }).answer(1, null, 4, now)).toEqual(scheduler('UTC').answer(1, null, 4, now));
  });

  it('maximumInterval caps the interval', () => {
    expect(scheduler('UTC', { maximumInterval: 5 }).answer(1, null, 4, now)).toMatchObject({ phase: 'review', scheduledDays: 5, due: at('2026-01-10T04:00Z') });
  });
});

describe('review due dates fall at the start of a study day, in the card owner zone', () => {
  it.each([
    ['America/New_York', '-05:00'],
    ['Asia/Tokyo', '+09:00'],
  ] as const)('%s: Good, Good on 2026-01-05 gives 2026-01-07 04:00 local', (zone, offset) => {
    const s = scheduler(zone);
    const first = s.answer(1, null, 3, at(`2026-01-05T10:00${offset}`));
    expect(first.due).toBe(at(`2026-01-05T10:10${offset}`));
    const second = s.answer(1, first, 3, at(`2026-01-05T10:10${offset}`));
    expect(second).toMatchObject({ phase: 'review', scheduledDays: 2, due: at(`2026-01-07T04:00${offset}`) });
  });

  it.each([
    ['America/New_York', '-05:00'],
    ['Asia/Tokyo', '+09:00'],
  ] as const)('%s: an answer at 01:00 counts from the previous study day', (zone, offset) => {
    const s = scheduler(zone);
    const first = s.answer(1, null, 3, at(`2026-01-06T01:00${offset}`));
    const second = s.answer(1, first, 3, at(`2026-01-06T01:10${offset}`));
    expect(second).toMatchObject({ scheduledDays: 2, due: at(`2026-01-07T04:00${offset}`) });
  });

  it('New York across spring forward: due at 04:00 EDT', () => {
    const s = scheduler('America/New_York');
    const first = s.answer(1, null, 3, at('2026-03-06T10:00-05:00'));
    const second = s.answer(1, first, 3, at('2026-03-06T10:10-05:00'));
    expect(second).toMatchObject({ scheduledDays: 2, due: at('2026-03-08T04:00-04:00') });
  });

  it('a learning step across spring forward is still 10 real minutes', () => {
    const s = scheduler('America/New_York', {}, 2);
    const now = at('2026-03-08T01:55-05:00');
    expect(s.answer(1, null, 3, now).due).toBe(now + 10 * MINUTE);
  });
});

describe('the same answers at the same instants in every zone', () => {
  // 12:00 UTC is 07:00 in New York, 17:45 in Kathmandu, 21:00 in Tokyo and 22:30 in
  // Adelaide: the same calendar date everywhere and far from the 04:00 rollover.
  const zones = [
    ['UTC', 0],
    ['America/New_York', -5 * HOUR],
    ['Asia/Tokyo', 9 * HOUR],
    ['Australia/Adelaide', 10.5 * HOUR],
    ['Asia/Kathmandu', 5 * HOUR + 45 * MINUTE],
  ] as const;
  const answers: ReplayedReview[] = [
    { reviewedAt: at('2026-01-05T12:00Z'), rating: 3 },
    { reviewedAt: at('2026-01-05T12:10Z'), rating: 3 },
    { reviewedAt: at('2026-01-07T12:00Z'), rating: 3 },
    { reviewedAt: at('2026-01-19T12:00Z'), rating: 2 },
    { reviewedAt: at('2026-02-10T12:00Z'), rating: 1 },
    { reviewedAt: at('2026-02-10T12:10Z'), rating: 3 },
    { reviewedAt: at('2026-02-12T12:00Z'), rating: 4 },
  ];
  const run = (zone: string): CardState[] => {
    const s = scheduler(zone);
    const out: CardState[] = [];
    let state: CardState | null = null;
    for (const a of answers) out.push((state = s.answer(1, state, a.rating, a.reviewedAt)));
    return out;
  };
  const utc = run('UTC');

  it('in UTC: 10 minutes, then 2, 11, 34 (Hard) days, a lapse, and 2, 7 (Easy) days, as ts-fsrs gives', () => {
    expect(utc.map((s) => [s.phase, s.scheduledDays])).toEqual([
      ['learning', 0],
      ['review', 2],
      ['review', 11],
      ['review', 34],
      ['relearning', 0],
      ['review', 2],
      ['review', 7],
    ]);
    const virtual = answers.map((a) => [new Date(a.reviewedAt - 4 * HOUR).toISOString(), a.rating] as const);
    expect(utc.map(memoryOf)).toEqual(oracleRun(virtual).map(memory));
  });

  it.each(zones)('%s gives the same intervals and memory, with review due dates shifted by the zone', (zone, offset) => {
    const states = run(zone);
    expect(states.map(memoryOf)).toEqual(utc.map(memoryOf));
    states.forEach((s, i) => {
      // Learning steps are the same real instants; reviews are due at 04:00 local instead of 04:00 UTC.
      expect(s.due).toBe(s.phase === 'review' ? utc[i]!.due - offset : utc[i]!.due);
    });
  });
});

describe('elapsed days count study days, not hours or UTC dates', () => {
  // In New York, 23:00 EST is already the next UTC date: a naive UTC count would
  // get both cases below wrong.
  const s = scheduler('America/New_York');
  const learned = s.answer(5, s.answer(5, null, 3, at('2026-01-10T10:00-05:00')), 3, at('2026-01-10T10:10-05:00'));
  const evening = s.answer(5, learned, 3, at('2026-01-12T23:00-05:00'));
  const nextMorning = s.answer(5, evening, 3, at('2026-01-13T05:00-05:00'));
  const sameNight = s.answer(5, evening, 3, at('2026-01-13T03:00-05:00'));
  const [, , oracleEvening] = oracleRun([
    ['2026-01-10T06:00Z', 3],
    ['2026-01-10T06:10Z', 3],
    ['2026-01-12T19:00Z', 3],
  ]);

  it('23:00 then 05:00 the next morning is 1 day', () => {
    const expected = oracle.next(oracleEvening!, new Date('2026-01-13T01:00Z'), 3).card;
    expect(expected.elapsed_days).toBe(1);
    expect(memoryOf(nextMorning)).toEqual(memory(expected));
    expect(nextMorning).toMatchObject({ scheduledDays: 15, due: at('2026-01-28T04:00-05:00') });
  });

  it('23:00 then 03:00 the next morning is 0 days (still the same study day)', () => {
    const expected = oracle.next(oracleEvening!, new Date('2026-01-12T23:00Z'), 3).card;
    expect(expected.elapsed_days).toBe(0);
    expect(memoryOf(sameNight)).toEqual(memory(expected));
    expect(sameNight).toMatchObject({ scheduledDays: 12, due: at('2026-01-24T04:00-05:00') });
    // A same-day Good does not grow stability: the two cases really differ.
    expect(sameNight.stability).toBe(evening.stability);
    expect(nextMorning.stability).toBeGreaterThan(evening.stability);
  });
});

describe('a two-hour fall back (Antarctica/Troll, rollover 2, 2026-10-25: 03:00+02 becomes 01:00+00)', () => {
  it('a card answered at 02:30+02 and again at 01:30+00 (an hour later, same study day) counts 0 days and does not throw', () => {
    const s = scheduler('Antarctica/Troll', {}, 2);
    const review = s.answer(1, null, 4, at('2026-10-10T12:00Z'));
    const first = s.answer(1, review, 3, at('2026-10-25T02:30+02:00'));
    const sameDayEarlier = s.answer(1, first, 3, at('2026-10-25T02:45+02:00'));
    const second = s.answer(1, first, 3, at('2026-10-25T01:30+00:00'));
    expect(memoryOf(second)).toEqual(memoryOf(sameDayEarlier));
    expect(second.due).toBe(sameDayEarlier.due);
  });
});

describe('preview equals answer', () => {
  const s = scheduler('Australia/Adelaide');
  const t = at('2026-01-05T10:00+10:30');
  const learning = s.answer(3, null, 3, t);
  const review = s.answer(3, learning, 3, t + 10 * MINUTE);
  const relearning = s.answer(3, review, 1, at('2026-01-09T09:00+10:30'));
  const cases: Array<[string, CardState | null, number]> = [
    ['new', null, t],
    ['learning', learning, t + 10 * MINUTE],
    ['review, on time', review, at('2026-01-07T09:00+10:30')],
    ['review, late', review, at('2026-01-20T21:00+10:30')],
    ['relearning', relearning, at('2026-01-09T09:10+10:30')],
  ];

  it.each(cases)('for a %s card, for each grade', (_name, state, now) => {
    const p = s.preview(3, state, now);
    for (const grade of [1, 2, 3, 4] as const) expect(p[grade]).toEqual(s.answer(3, state, grade, now));
  });

  it('with fuzz on too', () => {
    const f = scheduler('Australia/Adelaide', { fuzz: true });
    for (const [, state, now] of cases) {
      const p = f.preview(3, state, now);
      for (const grade of [1, 2, 3, 4] as const) expect(p[grade]).toEqual(f.answer(3, state, grade, now));
    }
  });
});

describe('fuzz', () => {
  const now = at('2026-01-05T10:00-05:00');
  const f = () => scheduler('America/New_York', { fuzz: true });

  it('the same card and review always give the same due date', () => {
    const a = f().answer(7, null, 4, now);
    const b = f().answer(7, null, 4, now);
    expect(a).toEqual(b);
    const later = at('2026-01-15T09:00-05:00');
    expect(f().answer(7, a, 3, later)).toEqual(f().answer(7, b, 3, later));
  });

  it('different cards can get different intervals, all within the fuzz range around the unfuzzed one', () => {
    const plain = scheduler('America/New_York').answer(1, null, 4, now);
    expect(plain.scheduledDays).toBe(8);
    const { min_ivl, max_ivl } = get_fuzz_range(8, 0, 36500);
    const days = Array.from({ length: 12 }, (_, i) => f().answer(i + 1, null, 4, now).scheduledDays);
    expect(new Set(days).size).toBeGreaterThan(1);
    for (const d of days) {
      expect(d).toBeGreaterThanOrEqual(min_ivl);
      expect(d).toBeLessThanOrEqual(max_ivl);
    }
    // Due dates follow the fuzzed interval and stay at the day start.
    const s = f();
    for (let id = 1; id <= 12; id++) {
      const st = s.answer(id, null, 4, now);
      expect(st.due).toBe(at('2026-01-05T04:00-05:00') + st.scheduledDays * DAY);
    }
  });

  it('replay of the log equals the state reached answer by answer', () => {
    const log: ReplayedReview[] = [
      { reviewedAt: at('2026-01-05T10:00-05:00'), rating: 3 },
      { reviewedAt: at('2026-01-05T10:10-05:00'), rating: 3 },
      { reviewedAt: at('2026-01-07T20:00-05:00'), rating: 4 },
      { reviewedAt: at('2026-01-30T08:00-05:00'), rating: 3 },
      { reviewedAt: at('2026-03-20T08:00-04:00'), rating: 1 },
      { reviewedAt: at('2026-03-20T08:10-04:00'), rating: 2 },
      { reviewedAt: at('2026-03-20T08:30-04:00'), rating: 3 },
      { reviewedAt: at('2026-03-25T07:00-04:00'), rating: 3 },
    ];
    const s = f();
    let state: CardState | null = null;
    for (const r of log) {
      // Through JSON, as the state would be stored between sessions.
      state = JSON.parse(JSON.stringify(s.answer(42, state, r.rating, r.reviewedAt))) as CardState;
    }
    expect(f().replay(42, log)).toEqual(state);
    expect(f().replay(42, [])).toBeNull();
    expect(state!.phase).toBe('review');
    expect(state!.reps).toBe(8);
    expect(state!.lapses).toBe(1);
  });
});

describe('retrievability', () => {
  const s = scheduler('Asia/Kathmandu');
  const t = at('2026-01-05T10:00+05:45');

  it('is 0 for a new card', () => {
    expect(s.retrievability(1, null, t)).toBe(0);
    const fresh: CardState = { phase: 'new', due: t, stability: 0, difficulty: 0, scheduledDays: 0, learningSteps: 0, reps: 0, lapses: 0, lastReview: null };
    expect(s.retrievability(1, fresh, t)).toBe(0);
  });

  it('is 1 right after a review and decreases as time passes, along the FSRS-6 forgetting curve', () => {
    const review = s.answer(1, s.answer(1, s.answer(1, null, 3, t), 3, t + 10 * MINUTE), 3, at('2026-01-07T10:00+05:45'));
    expect(review.scheduledDays).toBe(11);
    const last = review.lastReview!;
    const r = [0, 1, 5, 11, 30, 365].map((days) => s.retrievability(1, review, last + days * DAY));
    expect(r[0]).toBe(1);
    for (let i = 1; i < r.length; i++) expect(r[i]).toBeLessThan(r[i - 1]!);
    expect(r[3]).toBeCloseTo(forgetting_curve(default_w, 11, review.stability), 10);
    expect(r[3]).toBeCloseTo(0.9, 1);
    expect(r[5]).toBeGreaterThan(0);
  });
});
