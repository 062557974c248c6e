import { describe, expect, it } from 'vitest';
import { cardLogs } from '../../src/store/health-queries.js';
import { saveCardState } from '../../src/store/card-state-rows.js';
import { DAY, deckFile, NOW, numbered, storeWithDecks } from '../helpers/store-with-decks.js';

// engram doctor reads every card's log in one pass (one row a card, its answers
// packed into one JSON array): the logs must come out as a row-by-row read in
// replay order gives them, ties in time broken by event id, then id.

const REVIEW =
  "INSERT INTO reviews (card_id, reviewed_at, rating, duration_ms, session_id, device, state_before, last_interval, event_id, chosen_days) VALUES (?, ?, ?, 4000, 's', 'test', NULL, NULL, ?, ?)";

describe('cardLogs', () => {
  it('gives each card its answers in replay order, with its state, and leaves out answers of cards that are gone', () => {
    const w = storeWithDecks({ 'bio.md': deckFile('Bio', numbered('Bio card', 4)) });
    const logs = w.with((store) => {
      const [a, b, c] = (store.db.prepare('SELECT id FROM cards ORDER BY id').pluck().all() as number[]).slice(0, 3);
      const insert = store.db.prepare(REVIEW);
      // Card a: written out of order; three answers at the same time, told apart by event id (none sorts first), then id.
      insert.run(a, NOW - DAY, 4, 'ev-z', 12); // the interval load balancing chose comes along
      insert.run(a, NOW - 3 * DAY, 1, 'ev-b', null);
      insert.run(a, NOW - DAY, 2, 'ev-a', null);
      insert.run(a, NOW - DAY, 3, null, null);
      // A time far from now decodes exactly too.
      insert.run(b, 4_102_444_800_000, 2, 'ev-c', null);
      // Card c has a state and no answers.
      saveCardState(store, c!, { phase: 'review', due: NOW + DAY, stability: 2.5, difficulty: 5, scheduledDays: 1, learningSteps: 0, reps: 1, lapses: 0, lastReview: NOW - DAY });
      // Answers of a card that is not in the store (orphaned history) are not a card's log.
      store.db.pragma('foreign_keys = OFF');
      insert.run(999, NOW, 3, 'ev-orphan', null);
      return [...cardLogs(store)].map((l) => ({ card: l.cardId - a!, deck: l.deck, reviews: l.reviews, state: l.state?.phase ?? null }));
    });
    expect(logs).toEqual([
      {
        card: 0,
        deck: 'Bio',
        reviews: [
          { reviewedAt: NOW - 3 * DAY, rating: 1, chosenDays: null },
          { reviewedAt: NOW - DAY, rating: 3, chosenDays: null },
          { reviewedAt: NOW - DAY, rating: 2, chosenDays: null },
          { reviewedAt: NOW - DAY, rating: 4, chosenDays: 12 },
        ],
        state: null,
      },
      { card: 1, deck: 'Bio', reviews: [{ reviewedAt: 4_102_444_800_000, rating: 2, chosenDays: null }], state: null },
      { card: 2, deck: 'Bio', reviews: [], state: 'review' },
    ]);
  });
});
