import { describe, expect, it } from 'vitest';
import { weekdayOfStudyDay } from '../../src/schedule/easy-days.js';
import { balancedInterval, type IntervalChoice } from '../../src/schedule/load-balance.js';
import { seededRandom } from '../../src/schedule/seeded-random.js';
import { DAY } from '../../src/schedule/study-time.js';

/** Study day number of a calendar date. */
const dayOf = (iso: string): number => Date.parse(`${iso}T00:00:00Z`) / DAY;

/** A choice over [min, max] counted from `today`, with per-day loads given from day today+min on. */
function choice(over: Partial<IntervalChoice> & { counts?: number[] }): IntervalChoice {
  const { counts, ...rest } = over;
  const c: IntervalChoice = { today: dayOf('2026-12-07'), target: 10, min: 8, max: 12, draw: 0.5, load: null, easyDays: null, ...rest };
  if (counts) {
    const from = c.today + c.min;
    c.load = (first, last) => counts.slice(first - from, last - from + 1);
  }
  return c;
}

describe('weekdayOfStudyDay', () => {
  it('gives the weekday of the study day, Sunday 0, from the date alone', () => {
    expect(weekdayOfStudyDay(0)).toBe(4); // 1970-01-01, a Thursday
    expect(weekdayOfStudyDay(dayOf('2026-12-06'))).toBe(0); // a Sunday
    expect(weekdayOfStudyDay(dayOf('2026-12-07'))).toBe(1);
    expect(weekdayOfStudyDay(dayOf('2026-12-12'))).toBe(6);
    expect(weekdayOfStudyDay(dayOf('1969-12-28'))).toBe(0); // before 1970 too
  });
});

describe('balancedInterval', () => {
  it('without load balancing or easy days is the plain fuzz: the draw spread evenly over the range', () => {
    expect([0, 0.19, 0.2, 0.5, 0.99].map((draw) => balancedInterval(choice({ draw })))).toEqual([8, 8, 9, 10, 12]);
  });

  it('weighs each day by 1/(due)^2 and 1/interval, and draws in proportion', () => {
    // Loads 4,1,4,4,4 over 8..12: the weights are 1/(16*8), 1/9, 1/(16*10), 1/(16*11), 1/(16*12).
    const w = [1 / 128, 1 / 9, 1 / 160, 1 / 176, 1 / 192];
    const total = w.reduce((a, b) => a + b, 0);
    const counts = [4, 1, 4, 4, 4];
    // Just below and just above the first day's share of the total.
    expect(balancedInterval(choice({ counts, draw: (w[0]! / total) * 0.999 }))).toBe(8);
    expect(balancedInterval(choice({ counts, draw: (w[0]! / total) * 1.001 }))).toBe(9);
    expect(balancedInterval(choice({ counts, draw: ((w[0]! + w[1]!) / total) * 0.999 }))).toBe(9);
    expect(balancedInterval(choice({ counts, draw: ((w[0]! + w[1]!) / total) * 1.001 }))).toBe(10);
  });

  it('sends most answers to the light day of the range', () => {
    const random = seededRandom(19);
    const tally = [0, 0, 0, 0, 0];
    for (let i = 0; i < 2000; i++) tally[balancedInterval(choice({ counts: [30, 30, 5, 30, 30], draw: random() }))! - 8]!++;
    expect(tally[2]).toBeGreaterThan(1800);
  });

  it('never leaves the range, whatever the loads, easy days and draw', () => {
    const random = seededRandom(7);
    for (let i = 0; i < 5000; i++) {
      const min = 2 + Math.floor(random() * 60);
      const max = min + Math.floor(random() * 15);
      const counts = Array.from({ length: max - min + 1 }, () => Math.floor(random() * 50));
      const easyDays = random() < 0.5 ? Array.from({ length: 7 }, () => Math.round(random() * 4) / 4) : null;
      const c = choice({ min, max, target: (min + max) / 2, draw: random(), counts, easyDays });
      if (random() < 0.3) c.load = null;
      const got = balancedInterval(c);
      expect(got).toBeGreaterThanOrEqual(min);
      expect(got).toBeLessThanOrEqual(max);
      expect(Number.isInteger(got)).toBe(true);
    }
  });

  it('keeps a day of share 0 out unless every day of the range has share 0', () => {
    // 2026-12-07 is a Monday: intervals 6..13 span Sunday 12-13 (interval 6) and Sunday 12-20 (interval 13).
    const sundaysOff = [0, 1, 1, 1, 1, 1, 1];
    const random = seededRandom(3);
    for (let i = 0; i < 1000; i++) {
      const got = balancedInterval(choice({ min: 6, max: 13, target: 9, draw: random(), easyDays: sundaysOff }));
      expect(got === 6 || got === 13).toBe(false);
    }
    // A range of one Sunday alone: it is all there is.
    expect(balancedInterval(choice({ min: 6, max: 6, target: 6, easyDays: sundaysOff }))).toBe(6);
    expect(balancedInterval(choice({ min: 6, max: 6, target: 6, easyDays: [0, 0, 0, 0, 0, 0, 0], counts: [3] }))).toBe(6);
  });

  it('without load balancing gives an easy day about its share of what the fuzz would send it', () => {
    // Saturday at half: over a range of one week each weekday would get 1/7 of the answers.
    const halfSaturday = [1, 1, 1, 1, 1, 1, 0.5];
    const random = seededRandom(11);
    const tally = new Array<number>(7).fill(0);
    const n = 70_000;
    for (let i = 0; i < n; i++) tally[weekdayOfStudyDay(dayOf('2026-12-07') + balancedInterval(choice({ min: 10, max: 16, target: 13, draw: random(), easyDays: halfSaturday })))]!++;
    const normal = (n - tally[6]!) / 6;
    expect(tally[6]! / normal).toBeGreaterThan(0.47);
    expect(tally[6]! / normal).toBeLessThan(0.53);
  });

  it('with load balancing closes a reduced day once its load per share is above the other days\'', () => {
    // Range 10..16 from Monday 12-07: interval 12 is Saturday 12-19, at half.
    const halfSaturday = [1, 1, 1, 1, 1, 1, 0.5];
    // Saturday holds 6 (12 per share) against 10 on every other day: closed, so never drawn.
    const random = seededRandom(5);
    for (let i = 0; i < 500; i++) {
      expect(balancedInterval(choice({ min: 10, max: 16, target: 13, draw: random(), counts: [10, 10, 6, 10, 10, 10, 10], easyDays: halfSaturday }))).not.toBe(12);
    }
    // Saturday holds 4 (8 per share): open, and as the lightest day the likeliest.
    const tally = new Map<number, number>();
    for (let i = 0; i < 500; i++) {
      const got = balancedInterval(choice({ min: 10, max: 16, target: 13, draw: random(), counts: [10, 10, 4, 10, 10, 10, 10], easyDays: halfSaturday }));
      tally.set(got, (tally.get(got) ?? 0) + 1);
    }
    // Its weight 1/(16*12) is 53% of the range's: about 265 of 500.
    expect(tally.get(12)).toBeGreaterThan(230);
    expect(tally.get(12)).toBeLessThan(300);
  });
});
