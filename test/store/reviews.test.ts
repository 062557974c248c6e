import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { insertCard, type CardWrite } from '../../src/store/cards.js';
import { ensureDeck } from '../../src/store/decks.js';
import { openStore, type Store } from '../../src/store/open-store.js';
import { appendReview, reviewsOfCard } from '../../src/store/reviews.js';
import { tempDir } from '../helpers/temp-dir.js';

const NOW = Date.UTC(2026, 0, 5);

let store: Store;
let cardId: number;

function card(deckId: number, key: string): CardWrite {
  return {
    key,
    sibling: null,
    deckId,
    sourceId: null,
    line: 1,
    endLine: 1,
    kind: 'basic',
    syntax: 'inline',
    front: `front ${key}`,
    back: `back ${key}`,
    title: null,
    context: null,
    headingPath: [],
  };
}

beforeEach(() => {
  store = openStore(join(tempDir(), 'engram.db'), { create: true });
  cardId = insertCard(store, card(ensureDeck(store, 'd', NOW), 'k1'), NOW);
});

afterEach(() => {
  store.close();
});

describe('review log', () => {
  it('appends reviews and reads them back in replay order: by time, as answers merged from several devices are', () => {
    const first = appendReview(store, { cardId, reviewedAt: NOW + 2000, rating: 3, durationMs: 1500, sessionId: 's1', device: 'laptop', chosenDays: 12 });
    const second = appendReview(store, { cardId, reviewedAt: NOW + 1000, rating: 1, durationMs: 0, sessionId: null, device: null });
    expect(reviewsOfCard(store, cardId)).toEqual([
      { id: second, cardId, reviewedAt: NOW + 1000, rating: 1, durationMs: 0, sessionId: null, device: null, chosenDays: null },
      { id: first, cardId, reviewedAt: NOW + 2000, rating: 3, durationMs: 1500, sessionId: 's1', device: 'laptop', chosenDays: 12 },
    ]);
    // The day the balancer chose goes to other devices with the answer's event; none when the plain fuzz placed it.
    const lines = store.db.prepare("SELECT line FROM sync_events WHERE kind = 'answer' ORDER BY at").pluck().all() as string[];
    expect(lines.map((l) => (JSON.parse(l) as { chosenDays?: number }).chosenDays)).toEqual([undefined, 12]);
  });

  it('rejects UPDATE: the log is append-only', () => {
    const id = appendReview(store, { cardId, reviewedAt: NOW, rating: 3, durationMs: 100, sessionId: null, device: null });
    expect(() => store.db.prepare('UPDATE reviews SET rating = 4 WHERE id = ?').run(id)).toThrow('the review log is append-only');
    expect(() => store.db.prepare('UPDATE reviews SET reviewed_at = 0').run()).toThrow('the review log is append-only');
    expect(reviewsOfCard(store, cardId).map((r) => [r.rating, r.reviewedAt])).toEqual([[3, NOW]]);
  });

  it.each([0, 5, -1])('rejects rating %i', (rating) => {
    expect(() =>
      appendReview(store, { cardId, reviewedAt: NOW, rating: rating as 1, durationMs: 100, sessionId: null, device: null }),
    ).toThrow(/CHECK constraint failed/);
    expect(reviewsOfCard(store, cardId)).toEqual([]);
  });

  it('accepts ratings 1 to 4', () => {
    for (const rating of [1, 2, 3, 4] as const) {
      appendReview(store, { cardId, reviewedAt: NOW + rating, rating, durationMs: 10, sessionId: null, device: null });
    }
    expect(reviewsOfCard(store, cardId).map((r) => r.rating)).toEqual([1, 2, 3, 4]);
  });

  it('rejects a negative duration', () => {
    expect(() => appendReview(store, { cardId, reviewedAt: NOW, rating: 2, durationMs: -5, sessionId: null, device: null })).toThrow(
      /CHECK constraint failed/,
    );
  });

  it('rejects a review of a card that does not exist', () => {
    expect(() => appendReview(store, { cardId: cardId + 100, reviewedAt: NOW, rating: 2, durationMs: 5, sessionId: null, device: null })).toThrow(
      /FOREIGN KEY constraint failed/,
    );
    expect(store.db.prepare('SELECT COUNT(*) AS n FROM reviews').get()).toEqual({ n: 0 });
  });

  it('keeps each card to its own reviews', () => {
    const other = insertCard(store, card(ensureDeck(store, 'd', NOW), 'k2'), NOW);
    appendReview(store, { cardId, reviewedAt: NOW, rating: 3, durationMs: 1, sessionId: null, device: null });
    appendReview(store, { cardId: other, reviewedAt: NOW, rating: 1, durationMs: 1, sessionId: null, device: null });
    expect(reviewsOfCard(store, cardId).map((r) => r.rating)).toEqual([3]);
    expect(reviewsOfCard(store, other).map((r) => r.rating)).toEqual([1]);
  });
});
