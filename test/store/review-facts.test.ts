import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { ensureReviewFacts } from '../../src/app/review-facts.js';
import { Scheduler } from '../../src/schedule/fsrs-scheduler.js';
import { SchedulerSet } from '../../src/schedule/scheduler-set.js';
import { DAY, MINUTE } from '../../src/schedule/study-time.js';
import { saveCardState } from '../../src/store/card-state-rows.js';
import { insertCard } from '../../src/store/cards.js';
import { ensureDeck } from '../../src/store/decks.js';
import { openStore, type Store } from '../../src/store/open-store.js';
import { appendReview, factsBefore } from '../../src/store/reviews.js';
import { QUARTER_MS } from '../../src/store/review-quarters.js';
import { defaultSchedule } from '../helpers/default-schedule.js';
import { tempDir } from '../helpers/temp-dir.js';

const T = Date.UTC(2026, 2, 2, 9);
const opened: Store[] = [];
afterEach(() => {
  while (opened.length) opened.pop()!.close();
});

function storeWithCard(): { store: Store; cardId: number } {
  const store = openStore(join(tempDir(), 'engram.db'), { create: true });
  opened.push(store);
  const cardId = insertCard(
    store,
    { key: 'k1', sibling: null, deckId: ensureDeck(store, 'Java', T), sourceId: null, line: 1, endLine: 2, kind: 'basic', syntax: 'qa', front: 'Q', back: 'A', title: null, context: null, headingPath: [] },
    T,
  );
  return { store, cardId };
}

type FactRow = { state_before: number | null; last_interval: number | null };
const facts = (store: Store): FactRow[] => store.db.prepare('SELECT state_before, last_interval FROM reviews ORDER BY id').all() as FactRow[];

describe('the state before each review', () => {
  it('is new/0 for a new card, the phase and interval in days for a review card', () => {
    expect(factsBefore(null)).toEqual({ phaseBefore: 'new', intervalBefore: 0 });
    const scheduler = new Scheduler(defaultSchedule());
    const learning = scheduler.answer(1, null, 3, T);
    expect(factsBefore(learning)).toEqual({ phaseBefore: 'learning', intervalBefore: 0 });
    const review = scheduler.answer(1, learning, 3, T + 10 * MINUTE);
    expect(review.phase).toBe('review');
    expect(factsBefore(review)).toEqual({ phaseBefore: 'review', intervalBefore: review.scheduledDays });
  });

  it('is recorded with the answer and filled by replay where unknown; the answer itself never changes', () => {
    const { store, cardId } = storeWithCard();
    const scheduler = new Scheduler(defaultSchedule());
    const times = [T, T + 10 * MINUTE, T + 3 * DAY, T + 20 * DAY];
    const grades = [3, 3, 3, 1] as const;
    const { before, after } = scheduler.history(cardId, times.map((t, i) => ({ reviewedAt: t, rating: grades[i]! })));
    // The first two answered as an old engram did (no facts), the last two with them.
    times.forEach((t, i) => appendReview(store, { cardId, reviewedAt: t, rating: grades[i]!, durationMs: 1000, sessionId: null, device: null }, i < 2 ? undefined : before[i]));
    saveCardState(store, cardId, after);
    expect(facts(store).slice(0, 2)).toEqual([
      { state_before: null, last_interval: null },
      { state_before: null, last_interval: null },
    ]);
    const recorded = facts(store).slice(2);
    expect(recorded[0]).toEqual({ state_before: 2, last_interval: before[2]!.scheduledDays });

    expect(ensureReviewFacts(store, new SchedulerSet(defaultSchedule()))).toBe(2);
    expect(facts(store)).toEqual([{ state_before: 0, last_interval: 0 }, { state_before: 1, last_interval: 0 }, ...recorded]);
    expect(ensureReviewFacts(store, new SchedulerSet(defaultSchedule()))).toBe(0);
    expect(() => store.db.prepare('UPDATE reviews SET rating = 4').run()).toThrow(/append-only/);
  });

  it('marks the quarter hour of a folded review that is deleted or filled in, or whose card changes deck, to be recounted', () => {
    const { store, cardId } = storeWithCard();
    const id = appendReview(store, { cardId, reviewedAt: T, rating: 3, durationMs: 1000, sessionId: null, device: null });
    const quarter = Math.floor(T / QUARTER_MS);
    const marked = () => store.db.prepare('SELECT quarter FROM review_quarters_changed').pluck().all();
    const fold = () => store.transaction(() => undefined);

    fold();
    expect(marked()).toEqual([]);
    ensureReviewFacts(store, new SchedulerSet(defaultSchedule()));
    expect(store.db.prepare('SELECT reviews FROM review_quarters').pluck().all()).toEqual([1]);
    // Filling facts in a transaction folds them at its end: nothing is left marked.
    expect(marked()).toEqual([]);
    store.db.prepare('UPDATE reviews SET state_before = 1 WHERE id = ?').run(id);
    expect(marked()).toEqual([quarter]);
    fold();
    store.db.prepare('UPDATE cards SET deck_id = ? WHERE id = ?').run(ensureDeck(store, 'Other', T), cardId);
    expect(marked()).toEqual([quarter]);
    fold();
    // A review after the folded ones marks nothing: it is folded by its id.
    const later = appendReview(store, { cardId, reviewedAt: T + DAY, rating: 3, durationMs: 1000, sessionId: null, device: null }, null);
    store.db.prepare('DELETE FROM reviews WHERE id = ?').run(later);
    expect(marked()).toEqual([]);
    store.db.prepare('DELETE FROM reviews WHERE id = ?').run(id);
    expect(marked()).toEqual([quarter]);
    fold();
    expect(store.db.prepare('SELECT count(*) FROM review_quarters').pluck().get()).toBe(0);
  });
});

describe('per-deck schedulers', () => {
  it("use a deck's own weights where it has them, the global ones elsewhere", () => {
    const own = [0.5, 1.5, 4, 12, 6.4, 0.8, 3.1, 0.01, 1.8, 0.15, 0.9, 1.9, 0.1, 0.3, 2.2, 0.2, 3, 0.5, 0.4, 0.1, 0.2];
    const set = new SchedulerSet(defaultSchedule(), (deck) => (deck === 'Java' ? own : null));
    expect(set.forDeck('Java').settings.weights).toEqual(own);
    expect(set.forDeck('Other').settings.weights).toBeNull();
    expect(set.forDeck('Java')).toBe(set.forDeck('Java'));
    const first = (s: Scheduler) => s.answer(1, null, 3, T);
    const review = (s: Scheduler) => s.answer(1, s.answer(1, first(s), 3, T + 10 * MINUTE), 3, T + 3 * DAY);
    expect(review(set.forDeck('Java')).stability).not.toBeCloseTo(review(set.forDeck('Other')).stability, 3);
  });
});
