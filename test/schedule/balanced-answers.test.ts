import { get_fuzz_range } from 'ts-fsrs';
import { describe, expect, it } from 'vitest';
import type { CardState } from '../../src/model/card-state.js';
import type { Grade } from '../../src/model/review.js';
import { weekdayOfStudyDay, type EasyDays } from '../../src/schedule/easy-days.js';
import { Scheduler, type ReplayedReview } from '../../src/schedule/fsrs-scheduler.js';
import type { DueLoad } from '../../src/schedule/load-balance.js';
import { seededRandom } from '../../src/schedule/seeded-random.js';
import { HOUR, MINUTE, studyDay, studyDayStart, type StudyClock } from '../../src/schedule/study-time.js';
import { defaultSchedule } from '../helpers/default-schedule.js';

/** Monday 2026-01-05, as a study day number (days since 1970-01-01 on the study clock). */
const FIRST_DAY = Date.UTC(2026, 0, 5) / 86_400_000;

interface DeckRun {
  /** Review answers (cards in review) per study day, from FIRST_DAY on. */
  reviews: number[];
  /** Of those, the answers to cards whose day the balancer or easy days placed (their interval was fuzzed). */
  placed: number[];
  /** Every card's log as answered, and its state at the end. */
  cards: { seed: string; log: ReplayedReview[]; state: CardState | null }[];
  /** Each answer's interval in days, in order: equal across zones when the schedule is. */
  intervals: number[];
}

/**
 * A synthetic learner over `days` study days with the real scheduler: 20 new
 * cards a day (Good, Good through the steps), every card due answered at
 * 10:00 local time (Good with 90% chance, else Again and a Good 10 minutes
 * later), the load counted from the cards' own due days.
 */
function runDeck(o: { timeZone: string; loadBalance: boolean; easyDays?: EasyDays | null; days?: number }): DeckRun {
  const clock: StudyClock = { timeZone: o.timeZone, rolloverHour: 4 };
  const scheduler = new Scheduler(defaultSchedule(clock, { fuzz: true, loadBalance: o.loadBalance, easyDays: o.easyDays ?? null }));
  const days = o.days ?? 365;
  const random = seededRandom(2026);
  const dueOn = new Map<number, number[]>();
  const cards: DeckRun['cards'] = [];
  const intervals: number[] = [];
  const load: DueLoad = (first, last) => {
    const out: number[] = [];
    for (let d = first; d <= last; d++) out.push(dueOn.get(d)?.length ?? 0);
    return out;
  };
  const place = (i: number): void => {
    const s = cards[i]!.state!;
    const day = studyDay(s.due, clock);
    let list = dueOn.get(day);
    if (!list) dueOn.set(day, (list = []));
    list.push(i);
  };
  const answer = (i: number, grade: Grade, t: number): void => {
    const card = cards[i]!;
    const { state, chosenDays } = scheduler.answerBalanced(card.seed, card.state, grade, t, load);
    card.log.push({ reviewedAt: t, rating: grade, chosenDays });
    card.state = state;
    if (state.phase === 'review') intervals.push(state.scheduledDays);
  };
  const reviews: number[] = [];
  const placed: number[] = [];
  for (let day = FIRST_DAY; day < FIRST_DAY + days; day++) {
    const t = studyDayStart(day, clock) + 6 * HOUR;
    const due = dueOn.get(day) ?? [];
    dueOn.delete(day);
    let moved = 0;
    for (const i of due) {
      if (cards[i]!.log.at(-1)!.chosenDays != null) moved++;
      if (random() < 0.9) answer(i, 3, t);
      else {
        answer(i, 1, t);
        answer(i, 3, t + 10 * MINUTE);
      }
      place(i);
    }
    reviews.push(due.length);
    placed.push(moved);
    for (let n = 0; n < 20; n++) {
      const i = cards.push({ seed: `card-${cards.length}`, log: [], state: null }) - 1;
      answer(i, 3, t + n * MINUTE);
      answer(i, 3, t + (n + 15) * MINUTE);
      place(i);
    }
  }
  return { reviews, placed, cards, intervals };
}

/** Max over mean and standard deviation of the daily reviews from day `from` on (the first weeks only fill up). */
function spread(reviews: readonly number[], from = 30): { maxOverMean: number; std: number; mean: number } {
  const xs = reviews.slice(from);
  const mean = xs.reduce((a, b) => a + b, 0) / xs.length;
  const std = Math.sqrt(xs.reduce((a, b) => a + (b - mean) ** 2, 0) / xs.length);
  return { maxOverMean: Math.max(...xs) / mean, std, mean };
}

/**
 * The day-to-day spread with the deck's growth taken out: each day's reviews
 * over the mean of the 15 days around it (from day 37 on); the standard
 * deviation of that ratio.
 */
function dayToDay(reviews: readonly number[]): number {
  const r: number[] = [];
  for (let i = 37; i < reviews.length - 7; i++) r.push((15 * reviews[i]!) / reviews.slice(i - 7, i + 8).reduce((a, b) => a + b, 0));
  const mean = r.reduce((a, b) => a + b, 0) / r.length;
  return Math.sqrt(r.reduce((a, b) => a + (b - mean) ** 2, 0) / r.length);
}

describe('the load balancer over a synthetic deck of 365 days', () => {
  const plain = runDeck({ timeZone: 'Europe/Berlin', loadBalance: false });
  const balanced = runDeck({ timeZone: 'Europe/Berlin', loadBalance: true });

  it('evens out the daily reviews: max/mean and the standard deviation fall', () => {
    // Measured (Europe/Berlin, 20 new cards a day, 90% recall), without -> with:
    // days 30-365 max/mean 1.57 -> 1.45 (the deck grows all year, which max/mean also counts);
    // the last 120 days (about 135 a day) 1.25 -> 1.15, std 11.1 -> 7.9;
    // the day-to-day spread with the growth taken out 0.079 -> 0.048.
    const year = [spread(plain.reviews), spread(balanced.reviews)];
    expect(year[1]!.maxOverMean).toBeLessThan(year[0]!.maxOverMean - 0.08);
    const late = [spread(plain.reviews, 245), spread(balanced.reviews, 245)];
    expect(late[0]!.maxOverMean).toBeGreaterThan(1.2);
    expect(late[1]!.maxOverMean).toBeLessThan(1.18);
    expect(late[1]!.std).toBeLessThan(late[0]!.std * 0.8);
    expect(dayToDay(balanced.reviews)).toBeLessThan(dayToDay(plain.reviews) * 0.7);
    // The same work is spread, not dropped: the mean moves by a few percent at most.
    expect(Math.abs(year[1]!.mean - year[0]!.mean) / year[0]!.mean).toBeLessThan(0.03);
  });

  it('is replayed exactly from the log: each card\'s replay with the recorded days gives its live state', () => {
    const scheduler = new Scheduler(defaultSchedule({ timeZone: 'Europe/Berlin', rolloverHour: 4 }, { fuzz: true, loadBalance: true }));
    for (const card of balanced.cards) expect(scheduler.replay(card.seed, card.log)).toEqual(card.state);
    // Without the recorded days the replay is the plain fuzz, which differs for some cards.
    const differ = balanced.cards.filter((c) => scheduler.replay(c.seed, c.log.map(({ reviewedAt, rating }) => ({ reviewedAt, rating })))!.due !== c.state!.due);
    expect(differ.length).toBeGreaterThan(balanced.cards.length / 4);
  });

  it('gives the same intervals in every time zone, across the DST changes of the year', () => {
    const zones = ['America/New_York', 'Asia/Tokyo', 'Europe/Berlin'].map((timeZone) => runDeck({ timeZone, loadBalance: true, easyDays: [0, 1, 1, 1, 1, 1, 0.5] }));
    expect(zones[0]!.intervals).toEqual(zones[1]!.intervals);
    expect(zones[0]!.intervals).toEqual(zones[2]!.intervals);
    expect(zones[0]!.reviews).toEqual(zones[2]!.reviews);
  });
});

describe('easy days over a synthetic deck of 365 days', () => {
  const normal = runDeck({ timeZone: 'America/New_York', loadBalance: true });
  const easy = runDeck({ timeZone: 'America/New_York', loadBalance: true, easyDays: [0, 1, 1, 1, 1, 1, 0.5] });

  /** Mean reviews per weekday (0 Sunday), from day 30 on. */
  const byWeekday = (reviews: readonly number[]): number[] => {
    const sum = new Array<number>(7).fill(0);
    const n = new Array<number>(7).fill(0);
    reviews.forEach((r, i) => {
      if (i < 30) return;
      const w = weekdayOfStudyDay(FIRST_DAY + i);
      sum[w]! += r;
      n[w]!++;
    });
    return sum.map((s, w) => s / n[w]!);
  };

  it('hold their share of the reviews they can move: Sunday (share 0) at most 0.05 of a weekday, Saturday (0.5) within 0.5 ± 0.1 of one', () => {
    const placed = byWeekday(easy.placed);
    const weekday = (placed[1]! + placed[2]! + placed[3]! + placed[4]! + placed[5]!) / 5;
    // Measured: Sunday 0.03 (a fuzz range of Sundays alone, or one Hard <= Good < Easy narrowed to a Sunday), Saturday 0.56
    // of a weekday's reviews of fuzzed intervals.
    expect(placed[0]! / weekday).toBeLessThan(0.05);
    expect(placed[6]! / weekday).toBeGreaterThan(0.4);
    expect(placed[6]! / weekday).toBeLessThan(0.6);
    // All reviews: intervals under 2.5 days are never fuzzed, so no setting moves them (Anki's
    // easy days neither): measured Sunday 0.31, Saturday 0.68 of a weekday.
    const all = byWeekday(easy.reviews);
    const allWeekday = (all[1]! + all[2]! + all[3]! + all[4]! + all[5]!) / 5;
    expect(all[0]! / allWeekday).toBeLessThan(0.4);
    expect(all[6]! / allWeekday).toBeLessThan(0.8);
    // Without easy days every weekday carries about the same.
    const flat = byWeekday(normal.reviews);
    const flatMean = flat.reduce((a, b) => a + b, 0) / 7;
    for (const x of flat) expect(Math.abs(x / flatMean - 1)).toBeLessThan(0.05);
  });
});

describe('answerBalanced', () => {
  it('never leaves the fuzz range the plain fuzz draws from (over many seeded answers, with and without easy days)', () => {
    const clock: StudyClock = { timeZone: 'UTC', rolloverHour: 4 };
    const unfuzzed = new Scheduler(defaultSchedule(clock, { fuzz: false }));
    const plain = new Scheduler(defaultSchedule(clock, { fuzz: true }));
    const random = seededRandom(99);
    const heavy: DueLoad = (first, last) => Array.from({ length: last - first + 1 }, (_, i) => ((first + i) * 7919) % 37);
    let checked = 0;
    for (let c = 0; c < 300; c++) {
      const easyDays = c % 2 === 0 ? [0, 1, 0.5, 1, 1, 0.25, 0.5] : null;
      const balanced = new Scheduler(defaultSchedule(clock, { fuzz: true, loadBalance: true, easyDays }));
      let state: CardState | null = null;
      let t = Date.UTC(2026, 0, 5, 10);
      for (let k = 0; k < 12; k++) {
        const grade = (1 + Math.floor(random() * 4)) as Grade;
        const got: CardState = balanced.answerBalanced(`c${c}`, state, grade, t, heavy).state;
        const fuzzed = plain.answer(`c${c}`, state, grade, t);
        const target = unfuzzed.answer(`c${c}`, state, grade, t);
        if (got.phase === 'review' && state?.lastReview != null) {
          const elapsed = studyDay(t, clock) - studyDay(state.lastReview, clock);
          const { min_ivl, max_ivl } = get_fuzz_range(target.scheduledDays, elapsed, 36500);
          const inRange = target.scheduledDays < 2.5 ? got.scheduledDays === fuzzed.scheduledDays : got.scheduledDays >= min_ivl && got.scheduledDays <= max_ivl;
          // Hard <= Good < Easy can push the plain fuzz out of its range too; then the answer keeps the plain fuzz's day.
          expect(inRange || got.scheduledDays === fuzzed.scheduledDays).toBe(true);
          checked++;
        }
        // Everything but the day is the plain answer's.
        expect({ ...got, due: 0, scheduledDays: 0 }).toEqual({ ...fuzzed, due: 0, scheduledDays: 0 });
        state = got;
        t = got.phase === 'review' ? got.due + 6 * HOUR + Math.floor(random() * 3) * 86_400_000 : got.due;
      }
    }
    expect(checked).toBeGreaterThan(1500);
  });

  it('is deterministic for a card and answer, and records no day where the plain fuzz placed it', () => {
    const clock: StudyClock = { timeZone: 'Asia/Tokyo', rolloverHour: 4 };
    const s = new Scheduler(defaultSchedule(clock, { fuzz: true, loadBalance: true }));
    const load: DueLoad = (first, last) => Array.from({ length: last - first + 1 }, (_, i) => (i % 3) * 10);
    const t0 = Date.UTC(2026, 2, 1, 1);
    const first = s.answerBalanced('k', null, 4, t0, load);
    // Easy on a new card: 8 days or so, fuzzed; the balancer chose and says so.
    expect(first.state.phase).toBe('review');
    expect(first.chosenDays).toBe(first.state.scheduledDays);
    expect(s.answerBalanced('k', null, 4, t0, load)).toEqual(first);
    // No load and no easy days: the plain fuzz, nothing to record.
    expect(s.answerBalanced('k', null, 4, t0, null)).toEqual({ state: s.answer('k', null, 4, t0), chosenDays: null });
    // Learning steps are minutes, never balanced.
    expect(s.answerBalanced('k', null, 3, t0, load).chosenDays).toBeNull();
  });

  it('a replay ignores a recorded day outside the range it computes (settings changed since), falling back to the plain fuzz', () => {
    const s = new Scheduler(defaultSchedule({ timeZone: 'UTC', rolloverHour: 4 }, { fuzz: true, loadBalance: true }));
    const t0 = Date.UTC(2026, 2, 1, 10);
    const log: ReplayedReview[] = [{ reviewedAt: t0, rating: 4, chosenDays: 400 }];
    expect(s.replay('k', log)).toEqual(s.replay('k', [{ reviewedAt: t0, rating: 4 }]));
  });
});
