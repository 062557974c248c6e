import { describe, expect, it } from 'vitest';
import { currentStreak, longestStreak } from '../../src/stats/streak.js';

// Study day numbers (days since 1970-01-01 on the virtual clock); 20458 is 2026-01-05.
const TODAY = 20458;

describe('currentStreak', () => {
  it('is 0 for an empty log', () => {
    expect(currentStreak([], TODAY)).toBe(0);
  });

  it('counts consecutive days back from today', () => {
    expect(currentStreak([TODAY], TODAY)).toBe(1);
    expect(currentStreak([TODAY, TODAY - 1, TODAY - 2, TODAY - 3], TODAY)).toBe(4);
  });

  it('counts from yesterday when today has no review yet', () => {
    expect(currentStreak([TODAY - 1], TODAY)).toBe(1);
    expect(currentStreak([TODAY - 1, TODAY - 2, TODAY - 3], TODAY)).toBe(3);
  });

  it('is 0 when the last study day was the day before yesterday', () => {
    expect(currentStreak([TODAY - 2, TODAY - 3, TODAY - 4], TODAY)).toBe(0);
  });

  it('stops at the first missing day', () => {
    expect(currentStreak([TODAY, TODAY - 2, TODAY - 3], TODAY)).toBe(1);
    expect(currentStreak([TODAY, TODAY - 1, TODAY - 2, TODAY - 4, TODAY - 5, TODAY - 6, TODAY - 7], TODAY)).toBe(3);
    expect(currentStreak([TODAY - 1, TODAY - 2, TODAY - 5], TODAY)).toBe(2);
  });

  it('counts a day with several reviews once', () => {
    expect(currentStreak([TODAY, TODAY, TODAY, TODAY - 1, TODAY - 1, TODAY - 2], TODAY)).toBe(3);
    expect(currentStreak([TODAY - 1, TODAY - 1, TODAY - 2, TODAY - 2, TODAY - 4], TODAY)).toBe(2);
    expect(currentStreak([TODAY, TODAY, TODAY - 2, TODAY - 2], TODAY)).toBe(1);
  });

  it('reads the days only as far as the streak goes', () => {
    const read: number[] = [];
    function* days(): Generator<number> {
      for (const d of [TODAY, TODAY - 1, TODAY - 3]) {
        read.push(d);
        yield d;
      }
      throw new Error('read past the end of the streak');
    }
    expect(currentStreak(days(), TODAY)).toBe(2);
    expect(read).toEqual([TODAY, TODAY - 1, TODAY - 3]);
  });

  it('reads nothing past the first day when the streak is already broken', () => {
    function* days(): Generator<number> {
      yield TODAY - 10;
      throw new Error('read past the first day');
    }
    expect(currentStreak(days(), TODAY)).toBe(0);
  });

  it('works for day 0 and day 1 (no sentinel clash)', () => {
    expect(currentStreak([1, 0], 1)).toBe(2);
    expect(currentStreak([0], 1)).toBe(1);
    expect(currentStreak([0], 0)).toBe(1);
  });
});

describe('longestStreak', () => {
  it('is 0 for an empty log and 1 for a single day', () => {
    expect(longestStreak([])).toBe(0);
    expect(longestStreak([TODAY])).toBe(1);
  });

  it('is the longest run of consecutive days, wherever it is', () => {
    // Runs: 3 (T-10..T-8), 4 (T-5..T-2), 1 (T).
    expect(longestStreak([TODAY - 10, TODAY - 9, TODAY - 8, TODAY - 5, TODAY - 4, TODAY - 3, TODAY - 2, TODAY])).toBe(4);
    // The last run is the longest.
    expect(longestStreak([TODAY - 9, TODAY - 5, TODAY - 4, TODAY - 3])).toBe(3);
  });

  it('counts a day with several reviews once', () => {
    expect(longestStreak([TODAY - 2, TODAY - 2, TODAY - 1, TODAY - 1, TODAY - 1, TODAY])).toBe(3);
  });
});
