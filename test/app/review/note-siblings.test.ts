import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadDueQueue } from '../../../src/app/review/load-queue.js';
import { loadSettings } from '../../../src/app/settings/study-settings.js';
import type { CardState } from '../../../src/model/card-state.js';
import { saveCardState } from '../../../src/store/card-state-rows.js';
import { listCards } from '../../../src/store/cards.js';
import { appendReview } from '../../../src/store/reviews.js';
import type { Store } from '../../../src/store/open-store.js';
import { DAY, NOW, storeWithDecks } from '../../helpers/store-with-decks.js';

// A chapter's sentence with three emphasised terms gives three clozes, each
// showing the other two terms: studied the same day, the first gives the next away.
const CHAPTER = [
  '# Transport',
  '',
  'TCP finds out how fast it may send: this is called *congestion control*, *flow control* or *backpressure*.',
  'A lost packet is sent again by *retransmission* after a timeout.',
  '',
].join('\n');

const START = NOW - DAY;

function reviewState(due: number): CardState {
  return { phase: 'review', due, stability: 10, difficulty: 5, scheduledDays: 10, learningSteps: 0, reps: 3, lapses: 0, lastReview: due - 10 * DAY };
}

function world() {
  const w = storeWithDecks({ 'tcp.md': CHAPTER });
  writeFileSync(join(w.dir, 'config.json'), JSON.stringify({ 'time-zone': 'UTC', 'rollover-hour': 4 }));
  const loaded = loadSettings(join(w.dir, 'config.json'));
  // Each card by its term: the one its answer fills in bold (the others keep their single *).
  const terms = (store: Store, ids: readonly number[]): string[] => {
    const cards = listCards(store, { includeArchived: false });
    return ids.map((id) => cards.find((c) => c.id === id)!.back.match(/\*\*([^*]+)\*\*/)![1]!);
  };
  const queue = (store: Store, at: number): string[] => terms(store, loadDueQueue(store, loaded, at, []).main.map((c) => c.id));
  return { w, queue };
}

describe('clozes of one sentence in the review', () => {
  it('shows one new card of the sentence a day, none once one was studied today, the next on the next day', () => {
    const { w, queue } = world();
    w.with((store) => {
      expect(queue(store, NOW)).toEqual(['congestion control', 'retransmission']);
      const first = listCards(store, { includeArchived: false })[0]!;
      appendReview(store, { cardId: first.id, reviewedAt: NOW, rating: 3, durationMs: 3000, sessionId: 's', device: 'd' });
      saveCardState(store, first.id, reviewState(NOW + 10 * DAY));
      expect(queue(store, NOW + 1000)).toEqual(['retransmission']);
      expect(queue(store, NOW + DAY)).toEqual(['flow control', 'retransmission']);
    });
  });

  it('shows one review card of the sentence a day when several fall due together', () => {
    const { w, queue } = world();
    w.with((store) => {
      for (const c of listCards(store, { includeArchived: false })) saveCardState(store, c.id, reviewState(START));
      expect(queue(store, NOW)).toEqual(['congestion control', 'retransmission']);
    });
  });
});
