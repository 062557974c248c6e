import { describe, expect, it } from 'vitest';
import { Scheduler } from '../../src/schedule/fsrs-scheduler.js';
import { formatInterval } from '../../src/schedule/format-interval.js';
import { DAY, HOUR, MINUTE } from '../../src/schedule/study-time.js';
import { defaultSchedule } from '../helpers/default-schedule.js';

const scheduler = new Scheduler(defaultSchedule());

describe('a clock set back', () => {
  it('answers a review card timed before its last review as if no day had passed, and replays the log', () => {
    const t0 = Date.UTC(2026, 2, 2, 10);
    const learning = scheduler.answer(1, null, 3, t0);
    const review = scheduler.answer(1, learning, 3, t0 + 10 * MINUTE);
    expect(review.phase).toBe('review');
    // The next answer claims to be two days earlier: elapsed days clamp at 0.
    const earlier = t0 - 2 * DAY;
    const again = scheduler.answer(1, review, 3, earlier);
    expect(again.phase).toBe('review');
    expect(again.lastReview).toBe(earlier);
    const log = [
      { reviewedAt: t0, rating: 3 as const },
      { reviewedAt: t0 + 10 * MINUTE, rating: 3 as const },
      { reviewedAt: earlier, rating: 3 as const },
    ];
    expect(scheduler.replay(1, log)).toEqual(again);
  });
});

describe('formatInterval at unit boundaries', () => {
  it('chooses the unit after rounding', () => {
    expect(formatInterval(59.5 * MINUTE)).toBe('1h');
    expect(formatInterval(23.5 * HOUR)).toBe('1d');
    expect(formatInterval(29.5 * DAY)).toBe('1mo');
    expect(formatInterval(59.4 * MINUTE)).toBe('59m');
  });
});
