import { describe, expect, it } from 'vitest';
import { trainingItems, type CardLog } from '../../../src/schedule/optimize/training-items.js';
import type { Grade } from '../../../src/model/review.js';

const at = (iso: string, rating: Grade = 3) => ({ reviewedAt: Date.parse(iso), rating });
const deltas = (set: ReturnType<typeof trainingItems>) => set.items.map((i) => i.reviews.map((r) => r.deltaT));

describe('trainingItems', () => {
  it('counts study days, which start at the rollover hour', () => {
    const log: CardLog = {
      cardId: 1,
      reviews: [
        at('2026-03-01T23:00:00Z'), // study day of 1 March
        at('2026-03-02T03:00:00Z'), // before 4 am: still 1 March
        at('2026-03-02T05:00:00Z', 4), // 2 March
        at('2026-03-05T02:00:00Z', 1), // before 4 am: 4 March
      ],
    };
    const set = trainingItems([log], { rolloverHour: 4, timeZone: 'UTC' });
    // The second answer came the same study day as the first: no item of its own.
    expect(deltas(set)).toEqual([
      [0, 0, 1],
      [0, 0, 1, 2],
    ]);
    expect(set.items[1]!.reviews.map((r) => r.rating)).toEqual([3, 3, 4, 1]);
    expect({ cards: set.cards, reviews: set.reviews, dropped: set.dropped }).toEqual({ cards: 1, reviews: 4, dropped: 1 });
  });

  it("counts days in the user's time zone", () => {
    // 08:00 UTC is 03:00 in New York (before the rollover: 9 January), 10:00 UTC is 05:00 (10 January).
    const log: CardLog = { cardId: 1, reviews: [at('2026-01-10T08:00:00Z'), at('2026-01-10T10:00:00Z')] };
    expect(deltas(trainingItems([log], { rolloverHour: 4, timeZone: 'America/New_York' }))).toEqual([[0, 1]]);
    // The same answers in UTC fall on one study day: no usable item.
    const utc = trainingItems([log], { rolloverHour: 4, timeZone: 'UTC' });
    expect(utc.items).toEqual([]);
    expect(utc.dropped).toBe(1);
  });

  it('uses the rollover hour the user set', () => {
    const log: CardLog = { cardId: 1, reviews: [at('2026-01-10T01:00:00Z'), at('2026-01-10T03:00:00Z')] };
    expect(deltas(trainingItems([log], { rolloverHour: 2, timeZone: 'UTC' }))).toEqual([[0, 1]]);
    expect(deltas(trainingItems([log], { rolloverHour: 0, timeZone: 'UTC' }))).toEqual([]);
  });

  it('makes items only of answers a day or more after the previous one, with same-day answers as history', () => {
    const log: CardLog = {
      cardId: 7,
      reviews: [at('2026-03-01T10:00:00Z', 1), at('2026-03-01T10:10:00Z'), at('2026-03-03T10:00:00Z', 1), at('2026-03-03T10:10:00Z')],
    };
    const set = trainingItems([log], { rolloverHour: 4, timeZone: 'UTC' });
    expect(deltas(set)).toEqual([[0, 0, 2]]);
    expect(set.dropped).toBe(2);
  });

  it('never counts days backwards when the clock was set back', () => {
    const log: CardLog = { cardId: 1, reviews: [at('2026-03-05T10:00:00Z'), at('2026-03-03T10:00:00Z'), at('2026-03-07T10:00:00Z')] };
    expect(deltas(trainingItems([log], { rolloverHour: 4, timeZone: 'UTC' }))).toEqual([[0, 0, 2]]);
  });

  it('skips cards without answers and counts cards and answers', () => {
    const set = trainingItems(
      [
        { cardId: 1, reviews: [] },
        { cardId: 2, reviews: [at('2026-03-01T10:00:00Z')] },
        { cardId: 3, reviews: [at('2026-03-01T10:00:00Z'), at('2026-03-04T10:00:00Z')] },
      ],
      { rolloverHour: 4, timeZone: 'UTC' },
    );
    expect({ items: set.items.length, cards: set.cards, reviews: set.reviews, dropped: set.dropped }).toEqual({ items: 1, cards: 2, reviews: 3, dropped: 0 });
  });
});
