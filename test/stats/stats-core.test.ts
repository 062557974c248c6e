import { default_w } from 'ts-fsrs';
import { describe, expect, it } from 'vitest';
import { DAY, HOUR, studyDay, studyDayStart, type StudyClock } from '../../src/schedule/study-time.js';
import { countCard, emptyCardCounts } from '../../src/stats/card-counts.js';
import { difficultyDistribution, intervalDistribution } from '../../src/stats/distributions.js';
import { dueForecast } from '../../src/stats/due-forecast.js';
import { hardCards, retrievabilityNow, SURE_RECALL } from '../../src/stats/hard-cards.js';
import { heatmapStart, reviewHeatmap } from '../../src/stats/review-heatmap.js';
import type { CardFacts } from '../../src/stats/stats-input.js';
import { isoDate, weekdayOf } from '../../src/stats/study-date.js';
import { trueRetention } from '../../src/stats/true-retention.js';

/** 20514 is 2026-03-02, a Monday. */
const MON = 20514;

function card(id: number, facts: Partial<CardFacts> = {}): CardFacts {
  return {
    id,
    deckId: 1,
    archived: false,
    suspended: false,
    dropped: false,
    buriedUntil: null,
    state: 2,
    due: 0,
    stability: 10,
    difficulty: 5,
    scheduledDays: 10,
    lapses: 0,
    lastReview: 0,
    ...facts,
  };
}

describe('study dates', () => {
  it('names a study day by its date and weekday', () => {
    expect(isoDate(MON)).toBe('2026-03-02');
    expect(isoDate(0)).toBe('1970-01-01');
    expect(weekdayOf(MON)).toBe(0);
    expect(weekdayOf(MON + 6)).toBe(6);
    expect(weekdayOf(0)).toBe(3); // a Thursday
  });
});

describe('reviewHeatmap', () => {
  it('starts on the Monday 52 weeks before this week', () => {
    expect(isoDate(heatmapStart(MON))).toBe('2025-03-03');
    // From a Sunday, the window is 53 full weeks.
    expect(heatmapStart(MON + 6)).toBe(heatmapStart(MON));
    expect(MON + 6 - heatmapStart(MON + 6) + 1).toBe(371);
  });

  it('shades by nearest-rank quartiles of the active days', () => {
    // Counts 1..8 on eight days: quartile bounds are the 2nd, 4th and 6th: 2, 4, 6.
    const counts = new Map<number, number>(Array.from({ length: 8 }, (_, i) => [MON - i, i + 1]));
    const h = reviewHeatmap(counts, MON);
    expect(h.levels).toEqual([
      { level: 1, min: 1, max: 2 },
      { level: 2, min: 3, max: 4 },
      { level: 3, min: 5, max: 6 },
      { level: 4, min: 7, max: 8 },
    ]);
    expect(h.days.slice(-8).map((d) => [d.reviews, d.level])).toEqual([
      [8, 4],
      [7, 4],
      [6, 3],
      [5, 3],
      [4, 2],
      [3, 2],
      [2, 1],
      [1, 1],
    ]);
  });

  it('gives every day the same shade when all counts are equal, and leaves out older days', () => {
    const h = reviewHeatmap(new Map([[MON, 5], [MON - 1, 5], [MON - 400, 9]]), MON);
    expect(h.levels).toEqual([{ level: 1, min: 1, max: 5 }]);
    expect(h.reviews).toBe(10);
    expect(h.days.filter((d) => d.level > 0)).toHaveLength(2);
  });
});

describe('dueForecast', () => {
  const NY: StudyClock = { rolloverHour: 4, timeZone: 'America/New_York' };

  it('counts by study day on the user clock, overdue in today, buried cards when they come back', () => {
    // 2026-03-06 12:00 New York (EST): the US moves to EDT on Sunday 8 March.
    const now = Date.parse('2026-03-06T17:00:00Z');
    const today = studyDay(now, NY);
    const cards = [
      card(1, { due: Date.parse('2026-03-01T15:00:00Z') }), // overdue
      card(2, { due: Date.parse('2026-03-07T08:59:00Z') }), // 3:59 EST on 7 March: still today
      card(3, { due: Date.parse('2026-03-07T09:00:00Z') }), // 4:00 EST: tomorrow
      card(4, { due: Date.parse('2026-03-09T07:59:00Z') }), // 3:59 EDT on 9 March: 8 March (day +2)
      card(5, { due: Date.parse('2026-03-09T08:00:00Z') }), // 4:00 EDT: 9 March (day +3)
      card(6, { due: now - HOUR, buriedUntil: Date.parse('2026-03-07T09:00:00Z') }), // buried until tomorrow
      card(7, { due: now, buriedUntil: now - HOUR }), // burial over
      card(8, { due: now, suspended: true }),
      card(9, { due: now, archived: true }),
      card(10, { state: null, due: null }), // new
      card(11, { state: 1, due: now + 10 * 60_000 }), // learning, due in 10 minutes
      card(12, { due: studyDayStart(today + 30, NY) }), // the last day shown
      card(13, { due: studyDayStart(today + 31, NY) }), // past it
    ];
    const f = dueForecast(cards, now, today, NY);
    expect(f.overdue).toBe(1);
    expect(f.days[0]).toEqual({ date: '2026-03-06', due: 4 }); // 1, 2, 7, 11
    expect(f.days.slice(1, 4).map((d) => d.due)).toEqual([2, 1, 1]); // 3 and 6; 4; 5
    expect(f.days[30]).toEqual({ date: '2026-04-05', due: 1 });
    expect(f.next30).toBe(5);
  });
});

describe('trueRetention', () => {
  it('counts only reviews of cards in review, in the days asked', () => {
    const t = (day: number, stateBefore: number, mature: boolean, passed: boolean, reviews: number) => ({ day, stateBefore, mature, passed, reviews, durationMs: 0 });
    const r = trueRetention([t(MON, 2, false, true, 3), t(MON, 2, false, false, 1), t(MON, 2, true, true, 5), t(MON, 3, false, false, 7), t(MON, 1, false, true, 2), t(MON - 1, 2, true, false, 4)], MON, MON);
    expect(r).toEqual({
      days: 1,
      from: '2026-03-02',
      to: '2026-03-02',
      young: { passed: 3, reviews: 4, rate: 0.75 },
      mature: { passed: 5, reviews: 5, rate: 1 },
      all: { passed: 8, reviews: 9, rate: 8 / 9 },
    });
  });
});

describe('card counts and distributions', () => {
  it('counts each card once, archived first, then dropped, then suspended, then buried', () => {
    const counts = emptyCardCounts();
    const now = 1000;
    for (const c of [
      card(1, { archived: true, suspended: true }),
      card(7, { archived: true, dropped: true }),
      card(8, { dropped: true, suspended: true, buriedUntil: now + 1 }),
      card(2, { suspended: true, buriedUntil: now + 1 }),
      card(3, { buriedUntil: now + 1, state: null }),
      card(4, { buriedUntil: now - 1, state: null }),
      card(5, { state: 0 }),
      card(6, { state: 3 }),
    ]) {
      countCard(counts, c, now);
    }
    expect(counts).toEqual({ total: 8, new: 2, learning: 0, review: 0, relearning: 1, suspended: 1, dropped: 1, buried: 1, archived: 2 });
  });

  it('puts bucket edges in the upper bucket', () => {
    const d = intervalDistribution([1, 2, 3, 4, 20, 21, 30, 31, 365, 366]);
    expect(Object.fromEntries(d.buckets.map((b) => [b.label, b.cards]))).toEqual({
      '< 1d': 0,
      '1d': 1,
      '2-3d': 2,
      '4-7d': 1,
      '8-14d': 0,
      '15-20d': 1,
      '21-30d': 2,
      '1-3mo': 1,
      '3-6mo': 0,
      '6-12mo': 1,
      '> 1y': 1,
    });
    expect(d.median).toBe(20.5);
    expect(difficultyDistribution([1, 1.49, 1.5, 9.49, 9.5, 10]).buckets.map((b) => b.cards)).toEqual([2, 1, 0, 0, 0, 0, 0, 0, 1, 2]);
  });
});

describe('hardCards', () => {
  it('ranks by lapses then id, and by retrievability, leaving out archived, suspended and new cards', () => {
    const now = 100 * DAY;
    const cards = [
      card(1, { lapses: 2, lastReview: now - DAY, stability: 10 }),
      card(2, { lapses: 5, archived: true }),
      card(3, { lapses: 4, suspended: true }),
      card(4, { lapses: 2, lastReview: now - 30 * DAY, stability: 10 }),
      card(5, { lapses: 3, state: 3, lastReview: now - 50 * DAY }), // relearning: no retrievability shown
      card(6, { state: null, lapses: null, lastReview: null }),
      ...Array.from({ length: 12 }, (_, i) => card(10 + i, { lastReview: now - (i + 1) * DAY, stability: 100 })),
    ];
    const h = hardCards(cards, now, () => default_w);
    expect(h.mostLapses.map((c) => c.id)).toEqual([5, 1, 4]);
    expect(h.mostLapses[0]!.retrievability).toBeNull();
    // Elapsed over stability: card 4 30/10; 21 12/100; 20 11/100; 1 1/10 and 19 10/100 tie (lower id
    // first); then 18, 17, ... Ten in all.
    expect(h.lowestRetrievability.map((c) => c.id)).toEqual([4, 21, 20, 1, 19, 18, 17, 16, 15, 14]);
    expect(h.lowestRetrievability[0]!.retrievability).toBeCloseTo(retrievabilityNow(10, now - 30 * DAY, now, default_w), 12);
  });

  it('leaves out of "least likely" a card at least 99.5% likely to be recalled', () => {
    const now = 100 * DAY;
    // Elapsed over stability 0.02 gives 0.99701 on the default curve; 0.032, 0.99525; 0.04, 0.99409.
    const cards = [card(1, { lastReview: now - 2 * DAY, stability: 100 }), card(2, { lastReview: now - 4 * DAY, stability: 100 }), card(3, { lastReview: now - 3.2 * DAY, stability: 100 })];
    expect(retrievabilityNow(100, now - 3.2 * DAY, now, default_w)).toBeGreaterThan(SURE_RECALL);
    expect(hardCards(cards, now, () => default_w).lowestRetrievability.map((c) => c.id)).toEqual([2]);
    expect(hardCards(cards.slice(0, 1), now, () => default_w).lowestRetrievability).toEqual([]);
  });

    it('is 90% after as many days as the stability, on any decay', () => {
    expect(retrievabilityNow(12, 0, 12 * DAY, default_w)).toBeCloseTo(0.9, 8);
    const steep = [...default_w];
    steep[20] = 0.5;
    expect(retrievabilityNow(12, 0, 12 * DAY, steep)).toBeCloseTo(0.9, 8);
    // Before the stability is reached, the steeper curve stays higher.
    expect(retrievabilityNow(12, 0, 3 * DAY, steep)).toBeGreaterThan(retrievabilityNow(12, 0, 3 * DAY, default_w));
  });
});
