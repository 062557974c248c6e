import { describe, expect, it } from 'vitest';
import { dailySpread } from '../../src/schedule/daily-spread.js';

describe('dailySpread', () => {
  it('gives the mean, the busiest day, its ratio to the mean and the standard deviation', () => {
    expect(dailySpread([10, 20, 30, 20])).toMatchObject({ mean: 20, max: 30, maxOverMean: 1.5, std: Math.sqrt(50) });
  });

  it('finds no day-to-day spread in a load that grows steadily, however much it grows', () => {
    const growing = Array.from({ length: 40 }, (_, i) => 5 + 3 * i);
    const s = dailySpread(growing);
    expect(s.std).toBeGreaterThan(30);
    expect(s.dayToDay).toBeCloseTo(0, 12);
    expect(s.dayToDayShare).toBeCloseTo(0, 12);
  });

  it('measures each day against the seven days centred on it', () => {
    // 10, 20, 10, 20...: a week centred on a 10 holds four 20s (mean 110/7), on a 20 four 10s (100/7); each day is 40/7 from its week.
    const s = dailySpread(Array.from({ length: 20 }, (_, i) => (i % 2 === 0 ? 10 : 20)));
    expect(s.dayToDay).toBeCloseTo(40 / 7, 12);
    // Over the 14 days with a whole week around them, the weeks' means average 15.
    expect(s.dayToDayShare).toBeCloseTo(40 / 7 / 15, 12);
  });

  it('gives no day-to-day spread with fewer than seven days, nor any figure with no day', () => {
    expect(dailySpread([1, 9, 1, 9, 1, 9])).toMatchObject({ dayToDay: 0, dayToDayShare: 0 });
    expect(dailySpread([])).toEqual({ mean: 0, max: 0, maxOverMean: 0, std: 0, dayToDay: 0, dayToDayShare: 0 });
    expect(dailySpread(Array(10).fill(0))).toMatchObject({ dayToDay: 0, dayToDayShare: 0 });
  });
});
