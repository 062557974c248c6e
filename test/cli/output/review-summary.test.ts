import { describe, expect, it } from 'vitest';
import type { StudySummary } from '../../../src/app/review/review-actions.js';
import { reviewSummaryLines } from '../../../src/cli/output/review-summary.js';

const QUIET: StudySummary = { streak: 0, learningLater: 0, nextLearningInMs: null, reviewsTomorrow: 0, newWaiting: 0, limits: [] };

describe('reviewSummaryLines', () => {
  it('says what was reviewed, how long it took per card, the share of Again, the streak and what comes next', () => {
    const lines = reviewSummaryLines(
      { reviewed: 4, againRate: 0.25, timeMs: 125_000 },
      { streak: 3, learningLater: 2, nextLearningInMs: 10 * 60_000, reviewsTomorrow: 1, newWaiting: 12, limits: [] },
    );
    expect(lines).toEqual([
      'Reviewed 4 cards in 2m 5s (31s a card); again 25%.',
      'Streak: 3 days.',
      'Next: 2 learning cards today, the next in 10m; tomorrow: 1 review, 12 new cards waiting.',
    ]);
  });

  it('uses the singular for one of each', () => {
    const lines = reviewSummaryLines({ reviewed: 1, againRate: 0, timeMs: 9_000 }, { streak: 1, learningLater: 1, nextLearningInMs: 60_000, reviewsTomorrow: 1, newWaiting: 1, limits: [] });
    expect(lines).toEqual(['Reviewed 1 card in 0m 9s (9s a card); again 0%.', 'Streak: 1 day.', 'Next: 1 learning card today, the next in 1m; tomorrow: 1 review, 1 new card waiting.']);
  });

  it('says no card was answered when the screen closed before any answer', () => {
    expect(reviewSummaryLines({ reviewed: 0, againRate: 0, timeMs: 4_000 }, QUIET)).toEqual([
      'No cards answered.',
      'Streak: 0 days.',
      'Next: tomorrow: 0 reviews, 0 new cards waiting.',
    ]);
  });

  it("says which of today's limits keep cards waiting, and the commands that study more or raise them", () => {
    const limits: StudySummary['limits'] = [
      { kind: 'new', deck: null, limit: 20, extra: 0, waiting: 120, suggested: 20 },
      { kind: 'review', deck: 'my deck', limit: 50, extra: 10, waiting: 7, suggested: 7 },
    ];
    expect(reviewSummaryLines(null, { ...QUIET, newWaiting: 120, limits }, ['my deck', '--db', '/tmp/s.db'])).toEqual([
      'Nothing is due now.',
      "Today's new-card limit (20) is used up; 120 new cards wait.",
      "Today's review limit of deck my deck (50, and 10 more asked for today) is used up; 7 reviews wait.",
      '  Study more today: engram review "my deck" --db /tmp/s.db --more 20 --more-reviews 7',
      '  Or raise the limits: engram config set new-per-day N; engram config set reviews-per-day N --deck "my deck"',
      'Streak: 0 days.',
      'Next: tomorrow: 0 reviews, 120 new cards waiting.',
    ]);
  });

  it('says nothing is due when no screen opened', () => {
    expect(reviewSummaryLines(null, { ...QUIET, newWaiting: 2 })).toEqual(['Nothing is due now.', 'Streak: 0 days.', 'Next: tomorrow: 0 reviews, 2 new cards waiting.']);
  });
});
