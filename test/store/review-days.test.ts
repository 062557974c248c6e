import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { CardState } from '../../src/model/card-state.js';
import type { Grade } from '../../src/model/review.js';
import { DAY, HOUR, MINUTE, studyDay, type StudyClock } from '../../src/schedule/study-time.js';
import { studyDayCounter } from '../../src/schedule/study-day-counter.js';
import type { ReviewTally } from '../../src/stats/stats-input.js';
import { insertCard } from '../../src/store/cards.js';
import { ensureDeck } from '../../src/store/decks.js';
import { openStore, type Store } from '../../src/store/open-store.js';
import { clockKey, deckReviewDayTallies, foldReviewDays, reviewDayTallies } from '../../src/store/review-days.js';
import { appendReview, deleteReview } from '../../src/store/reviews.js';
import { tempDir } from '../helpers/temp-dir.js';

const UTC4: StudyClock = { rolloverHour: 4, timeZone: 'UTC' };
const NEW_YORK: StudyClock = { rolloverHour: 4, timeZone: 'America/New_York' };
/** Study day numbers: 20514 is 2026-03-02 (on a clock whose days start at 4:00). */
const MAR_2 = 20514;

const opened: Store[] = [];
afterEach(() => {
  while (opened.length) opened.pop()!.close();
});

function newStore(): { store: Store; card: (deck: string) => number } {
  const store = openStore(join(tempDir(), 'engram.db'), { create: true });
  opened.push(store);
  let n = 0;
  const card = (deck: string) =>
    insertCard(
      store,
      { key: `k${++n}`, sibling: null, deckId: ensureDeck(store, deck, 0), sourceId: null, line: n, endLine: n, kind: 'basic', syntax: 'qa', front: `Q${n}`, back: 'A', title: null, context: null, headingPath: [] },
      0,
    );
  return { store, card };
}

/** A card state that makes appendReview record `phase` and `interval` as the facts before the answer. */
function before(phase: 'new' | 'learning' | 'review' | 'relearning', interval = 0): CardState | null {
  if (phase === 'new') return null;
  return { phase, due: 0, stability: 1, difficulty: 5, scheduledDays: interval, learningSteps: 0, reps: 1, lapses: 0, lastReview: 0 };
}

function review(store: Store, cardId: number, at: string | number, rating: Grade, durationMs: number, state: CardState | null | undefined): number {
  const reviewedAt = typeof at === 'string' ? Date.parse(at) : at;
  return appendReview(store, { cardId, reviewedAt, rating, durationMs, sessionId: null, device: null }, state);
}

const t = (day: number, stateBefore: number, mature: boolean, passed: boolean, reviews: number, durationMs: number): ReviewTally => ({
  day,
  stateBefore,
  mature,
  passed,
  reviews,
  durationMs,
});

function cacheState(store: Store): { clock: string } | undefined {
  return store.db.prepare('SELECT clock FROM review_days_state').get() as { clock: string } | undefined;
}

describe('foldReviewDays', () => {
  it('tallies reviews per study day, deck, phase, young/mature and pass/fail, splitting days at the rollover hour', () => {
    const { store, card } = newStore();
    const es = card('Spanish');
    const go = card('Go');
    review(store, es, '2026-03-02T03:59:00Z', 3, 1000, before('new')); // before 4:00: still 1 March
    review(store, es, '2026-03-02T04:00:00Z', 3, 2000, before('learning')); // 2 March begins
    review(store, es, '2026-03-02T09:00:00Z', 1, 3000, before('review', 20)); // young (20 < 21), failed
    review(store, es, '2026-03-02T09:10:00Z', 3, 4000, before('relearning'));
    review(store, es, '2026-03-02T09:20:00Z', 2, 5000, before('review', 21)); // mature (21), passed (Hard)
    review(store, go, '2026-03-02T09:30:00Z', 4, 6000, before('review', 21));
    review(store, go, '2026-03-03T03:00:00Z', 4, 7000, before('review', 21)); // still 2 March

    expect(foldReviewDays(store, UTC4, studyDayCounter(UTC4))).toEqual({ rebuilt: true, days: 2 });
    expect(cacheState(store)).toEqual({ clock: 'UTC@4' });
    // Summed over the decks: the two mature passes of Go (9:30, next day 3:00) and Spanish's one make 3.
    expect(reviewDayTallies(store, { deckIds: null })).toEqual([
      t(MAR_2 - 1, 0, false, true, 1, 1000),
      t(MAR_2, 1, false, true, 1, 2000),
      t(MAR_2, 2, false, false, 1, 3000),
      t(MAR_2, 2, true, true, 3, 5000 + 6000 + 7000),
      t(MAR_2, 3, false, true, 1, 4000),
    ]);
    expect(deckReviewDayTallies(store, { deckIds: [go] })).toEqual([{ ...t(MAR_2, 2, true, true, 2, 13000), deckId: go }]);
    expect(reviewDayTallies(store, { deckIds: [es], fromDay: MAR_2, toDay: MAR_2 })).toEqual([
      t(MAR_2, 1, false, true, 1, 2000),
      t(MAR_2, 2, false, false, 1, 3000),
      t(MAR_2, 2, true, true, 1, 5000),
      t(MAR_2, 3, false, true, 1, 4000),
    ]);
    expect(reviewDayTallies(store, { deckIds: [] })).toEqual([]);
  });

  it('recounts only the days of new answers when the cache is current, and gives what a rebuild gives', () => {
    const { store, card } = newStore();
    const es = card('Spanish');
    const go = card('Go');
    review(store, es, '2026-03-01T10:00:00Z', 3, 1000, before('new'));
    review(store, go, '2026-03-01T11:00:00Z', 1, 1000, before('review', 30));
    expect(foldReviewDays(store, UTC4, studyDayCounter(UTC4))).toEqual({ rebuilt: true, days: 1 });
    review(store, es, '2026-03-01T12:00:00Z', 3, 500, before('learning'));
    review(store, go, '2026-03-02T10:00:00Z', 3, 2000, before('relearning'));
    review(store, go, '2026-03-02T10:05:00Z', 1, 2000, before('review', 30));
    expect(foldReviewDays(store, UTC4, studyDayCounter(UTC4))).toEqual({ rebuilt: false, days: 2 });
    expect(foldReviewDays(store, UTC4, studyDayCounter(UTC4))).toEqual({ rebuilt: false, days: 0 });
    const incremental = reviewDayTallies(store, { deckIds: null });
    expect(incremental).toEqual([
      t(MAR_2 - 1, 0, false, true, 1, 1000),
      t(MAR_2 - 1, 1, false, true, 1, 500),
      t(MAR_2 - 1, 2, true, false, 1, 1000),
      t(MAR_2, 2, true, false, 1, 2000),
      t(MAR_2, 3, false, true, 1, 2000),
    ]);
    store.db.prepare('DELETE FROM review_days_state').run();
    expect(foldReviewDays(store, UTC4, studyDayCounter(UTC4))).toEqual({ rebuilt: true, days: 2 });
    expect(reviewDayTallies(store, { deckIds: null })).toEqual(incremental);
  });

  it('marks nothing for the days before the first stats, which makes every day from the quarter hours; answers after it are marked', () => {
    const { store, card } = newStore();
    const es = card('Spanish');
    const go = card('Go');
    const stale = () => store.db.prepare('SELECT quarter FROM review_days_stale ORDER BY quarter').pluck().all();
    // Each write in a transaction of its own, which folds it into the quarter hours as engram's writes do.
    const answer = (...args: Parameters<typeof review>) => store.transaction(() => review(...args));
    const folded = () => store.db.prepare('SELECT sum(reviews) FROM review_quarters').pluck().get();
    answer(store, es, '2026-03-01T10:00:00Z', 3, 1000, before('new'));
    const undone = answer(store, es, '2026-03-01T10:01:00Z', 1, 700, before('learning'));
    answer(store, go, '2026-03-01T11:00:00Z', 1, 1000, before('review', 30));
    answer(store, go, '2026-03-02T10:00:00Z', 3, 2000, before('relearning'));
    expect(store.transaction(() => deleteReview(store, undone, Date.parse('2026-03-01T10:05:00Z')))).toBe(true);
    // Go's card moved into Spanish: its quarter hours are recounted, and still nothing is marked.
    store.transaction(() => store.db.prepare('UPDATE cards SET deck_id = (SELECT deck_id FROM cards WHERE id = ?) WHERE id = ?').run(es, go));
    expect(folded()).toBe(3);
    expect(stale()).toEqual([]);
    expect(foldReviewDays(store, UTC4, studyDayCounter(UTC4))).toEqual({ rebuilt: true, days: 2 });
    const spanish = store.db.prepare('SELECT deck_id FROM cards WHERE id = ?').pluck().get(es) as number;
    expect(deckReviewDayTallies(store, { deckIds: null })).toEqual([
      { ...t(MAR_2 - 1, 0, false, true, 1, 1000), deckId: spanish },
      { ...t(MAR_2 - 1, 2, true, false, 1, 1000), deckId: spanish },
      { ...t(MAR_2, 3, false, true, 1, 2000), deckId: spanish },
    ]);
    // Once the days are made, an answer marks its quarter hour and only its day is recounted.
    answer(store, es, '2026-03-02T10:20:00Z', 3, 500, before('learning'));
    expect(stale()).toEqual([Date.parse('2026-03-02T10:15:00Z') / (15 * MINUTE)]);
    expect(foldReviewDays(store, UTC4, studyDayCounter(UTC4))).toEqual({ rebuilt: false, days: 1 });
    const incremental = reviewDayTallies(store, { deckIds: null });
    expect(incremental).toEqual([
      t(MAR_2 - 1, 0, false, true, 1, 1000),
      t(MAR_2 - 1, 2, true, false, 1, 1000),
      t(MAR_2, 1, false, true, 1, 500),
      t(MAR_2, 3, false, true, 1, 2000),
    ]);
    store.db.prepare('DELETE FROM review_days_state').run();
    expect(foldReviewDays(store, UTC4, studyDayCounter(UTC4))).toEqual({ rebuilt: true, days: 2 });
    expect(reviewDayTallies(store, { deckIds: null })).toEqual(incremental);
  });

  it('rebuilds when the clock changes', () => {
    const { store, card } = newStore();
    const es = card('Spanish');
    review(store, es, '2026-03-02T05:00:00Z', 3, 1000, before('new'));
    foldReviewDays(store, UTC4, studyDayCounter(UTC4));
    expect(reviewDayTallies(store, { deckIds: null }).map((x) => x.day)).toEqual([MAR_2]);
    // With days starting at 6:00, 5:00 belongs to the day before.
    const six = { rolloverHour: 6, timeZone: 'UTC' };
    expect(foldReviewDays(store, six, studyDayCounter(six))).toEqual({ rebuilt: true, days: 1 });
    expect(cacheState(store)).toEqual({ clock: clockKey(six) });
    expect(reviewDayTallies(store, { deckIds: null }).map((x) => x.day)).toEqual([MAR_2 - 1]);
    // 5:00 UTC is midnight in New York: the evening before, on its study clock.
    expect(foldReviewDays(store, NEW_YORK, studyDayCounter(NEW_YORK))).toEqual({ rebuilt: true, days: 1 });
    expect(reviewDayTallies(store, { deckIds: null }).map((x) => x.day)).toEqual([MAR_2 - 1]);
  });

  it('recounts only the day of a folded review an undo removes', () => {
    const { store, card } = newStore();
    const es = card('Spanish');
    review(store, es, '2026-03-02T09:00:00Z', 3, 1000, before('new'));
    const undone = review(store, es, '2026-03-02T09:01:00Z', 1, 1000, before('learning'));
    foldReviewDays(store, UTC4, studyDayCounter(UTC4));
    expect(deleteReview(store, undone, Date.parse('2026-03-02T09:05:00Z'))).toBe(true);
    expect(cacheState(store)).toEqual({ clock: 'UTC@4' });
    expect(foldReviewDays(store, UTC4, studyDayCounter(UTC4))).toEqual({ rebuilt: false, days: 1 });
    expect(reviewDayTallies(store, { deckIds: null })).toEqual([t(MAR_2, 0, false, true, 1, 1000)]);
    // An answer not folded yet can be undone without a recount.
    const fresh = review(store, es, '2026-03-02T09:02:00Z', 3, 1000, before('learning'));
    expect(deleteReview(store, fresh, Date.parse('2026-03-02T09:05:00Z'))).toBe(true);
    expect(foldReviewDays(store, UTC4, studyDayCounter(UTC4))).toEqual({ rebuilt: false, days: 0 });
    expect(reviewDayTallies(store, { deckIds: null })).toEqual([t(MAR_2, 0, false, true, 1, 1000)]);
  });

  it('leaves out reviews whose facts are unknown until they are filled in', () => {
    const { store, card } = newStore();
    const es = card('Spanish');
    review(store, es, '2026-03-02T09:00:00Z', 3, 1000, before('new'));
    const unknown = review(store, es, '2026-03-02T09:01:00Z', 3, 1000, undefined);
    review(store, es, '2026-03-02T09:02:00Z', 3, 1000, before('review', 3));
    expect(foldReviewDays(store, UTC4, studyDayCounter(UTC4))).toEqual({ rebuilt: true, days: 1 });
    expect(reviewDayTallies(store, { deckIds: null })).toEqual([t(MAR_2, 0, false, true, 1, 1000), t(MAR_2, 2, false, true, 1, 1000)]);
    store.db.prepare('UPDATE reviews SET state_before = 1, last_interval = 0 WHERE id = ?').run(unknown);
    expect(foldReviewDays(store, UTC4, studyDayCounter(UTC4))).toEqual({ rebuilt: false, days: 1 });
    expect(reviewDayTallies(store, { deckIds: null })).toEqual([
      t(MAR_2, 0, false, true, 1, 1000),
      t(MAR_2, 1, false, true, 1, 1000),
      t(MAR_2, 2, false, true, 1, 1000),
    ]);
  });

  it('splits New York study days at 4:00 local time across both DST changes', () => {
    const { store, card } = newStore();
    const es = card('Spanish');
    // Spring forward: 2026-03-08 2:00 EST -> 3:00 EDT. 4:00 EST is 9:00Z, 4:00 EDT is 8:00Z.
    // Fall back: 2026-11-01 2:00 EDT -> 1:00 EST. 4:00 EDT is 8:00Z, 4:00 EST is 9:00Z.
    const times = [
      '2026-03-07T08:59:00Z', // 3:59 EST on 7 March: study day 6 March
      '2026-03-07T09:00:00Z', // 4:00 EST: 7 March
      '2026-03-08T07:30:00Z', // 3:30 EDT on 8 March (2:00-3:00 skipped): still 7 March
      '2026-03-08T08:00:00Z', // 4:00 EDT: 8 March
      '2026-10-31T07:59:00Z', // 3:59 EDT on 31 October: 30 October
      '2026-10-31T08:00:00Z', // 4:00 EDT: 31 October
      '2026-11-01T08:30:00Z', // 3:30 EST on 1 November (1:00-2:00 twice): still 31 October
      '2026-11-01T09:00:00Z', // 4:00 EST: 1 November
      '2026-11-01T23:00:00Z', // 18:00 EST: 1 November
    ];
    for (const at of times) review(store, es, at, 3, 1000, before('new'));
    foldReviewDays(store, NEW_YORK, studyDayCounter(NEW_YORK));
    const day = (iso: string) => Math.round(Date.parse(`${iso}T00:00:00Z`) / DAY);
    const expected = new Map<number, number>([
      [day('2026-03-06'), 1],
      [day('2026-03-07'), 2],
      [day('2026-03-08'), 1],
      [day('2026-10-30'), 1],
      [day('2026-10-31'), 2],
      [day('2026-11-01'), 2],
    ]);
    const folded = new Map(reviewDayTallies(store, { deckIds: null }).map((x) => [x.day, x.reviews]));
    expect(folded).toEqual(expected);
    // The same as asking the study clock about each review.
    const direct = new Map<number, number>();
    for (const at of times) direct.set(studyDay(Date.parse(at), NEW_YORK), (direct.get(studyDay(Date.parse(at), NEW_YORK)) ?? 0) + 1);
    expect(folded).toEqual(direct);
  });

  it('agrees with the study clock review by review over a year of reviews every 37 minutes', () => {
    const { store, card } = newStore();
    const es = card('Spanish');
    const start = Date.parse('2026-01-01T00:07:00Z');
    const direct = new Map<number, number>();
    store.transaction(() => {
      for (let at = start; at < start + 365 * DAY; at += 37 * MINUTE + (at % 7) * HOUR) {
        review(store, es, at, 3, 1, before('new'));
        const d = studyDay(at, NEW_YORK);
        direct.set(d, (direct.get(d) ?? 0) + 1);
      }
    });
    foldReviewDays(store, NEW_YORK, studyDayCounter(NEW_YORK));
    expect(new Map(reviewDayTallies(store, { deckIds: null }).map((x) => [x.day, x.reviews]))).toEqual(direct);
  });
});
