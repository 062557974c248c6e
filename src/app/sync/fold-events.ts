import { FLAG_FAMILY, type FlagEventKind, type SyncEvent } from '../../model/sync-event.js';
import type { SchedulerSet } from '../../schedule/scheduler-set.js';
import { cardForKey, addKeyAlias } from '../../store/key-aliases.js';
import type { Store } from '../../store/open-store.js';
import {
  applyFlag,
  deleteReviewByEvent,
  hasLaterFlagEvent,
  insertFoldedReview,
  isUndone,
  markFolded,
  pendingEvents,
  settleCardSeed,
} from '../../store/sync-events.js';
import { replayCard } from '../replay-card.js';

/** What a fold did. */
export interface FoldResult {
  /** Events applied (or found to change nothing) now. */
  folded: number;
  /** Events still waiting: their card is not in this store (not imported here yet). */
  waiting: number;
  /** Cards whose log or flags changed. */
  cardsUpdated: number;
}

const FAMILY_KINDS: Record<string, FlagEventKind[]> = {
  suspended: ['suspend', 'unsuspend'],
  buried: ['bury', 'unbury'],
  dropped: ['drop', 'undrop'],
};

/**
 * Folds the events read from other devices into the store, in one
 * transaction: identity changes first (so answers name cards by any of their
 * keys), then the rest by time and id. Answers join the review log (an answer
 * already undone anywhere is left out), undos take theirs out, flags follow
 * the latest event of their family by time (last writer wins). Then every
 * card whose log changed is replayed in merged order (see replayCard), its
 * fuzz seed the one its first answer carries, so every device that holds the
 * same events holds the same states. An event whose card this store does not
 * have waits for a later fold (after an import). `onProgress` hears how many
 * of the pending events were gone through.
 */
export function foldEvents(store: Store, schedulers: SchedulerSet, onProgress?: (done: number, total: number) => void): FoldResult {
  return store.transaction(() => {
    const events = pendingEvents(store);
    const result: FoldResult = { folded: 0, waiting: 0, cardsUpdated: 0 };
    const replay = new Set<number>();
    const updated = new Set<number>();
    for (const e of events) {
      if (e.kind !== 'identity') continue;
      addKeyAlias(store, e.from, e.card);
      markFolded(store, e.id, null);
      result.folded++;
    }
    // Keys resolve to the same card through the whole fold: memoised.
    const cards = new Map<string, number | null>();
    const cardOf = (key: string): number | null => {
      let id = cards.get(key);
      if (id === undefined) cards.set(key, (id = cardForKey(store, key)));
      return id;
    };
    let done = 0;
    for (const e of events) {
      if (++done % 5000 === 0) onProgress?.(done, events.length);
      if (e.kind === 'identity') continue;
      if (foldOne(store, e, cardOf, replay, updated)) result.folded++;
      else result.waiting++;
    }
    onProgress?.(events.length, events.length);
    for (const cardId of replay) {
      settleCardSeed(store, cardId);
      replayCard(store, schedulers, cardId);
      updated.add(cardId);
    }
    result.cardsUpdated = updated.size;
    return result;
  });
}

/** Folds one event; false when it must wait (its card is not here). */
function foldOne(store: Store, e: SyncEvent, cardOf: (key: string) => number | null, replay: Set<number>, updated: Set<number>): boolean {
  switch (e.kind) {
    case 'setting':
      // Settings live in each device's settings file; they are carried, not yet applied (docs/sync-format.md).
      markFolded(store, e.id, null);
      return true;
    case 'undo': {
      const cardId = deleteReviewByEvent(store, e.target);
      if (cardId !== null) replay.add(cardId);
      markFolded(store, e.id, cardId ?? cardOf(e.card));
      return true;
    }
    case 'answer': {
      if (isUndone(store, e.id)) {
        markFolded(store, e.id, null);
        return true;
      }
      const cardId = cardOf(e.card);
      if (cardId === null) return false;
      if (insertFoldedReview(store, cardId, e)) replay.add(cardId);
      markFolded(store, e.id, cardId);
      return true;
    }
    case 'identity':
      return true;
    default: {
      const cardId = cardOf(e.card);
      if (cardId === null) return false;
      const kinds = FAMILY_KINDS[FLAG_FAMILY[e.kind]]!;
      if (!hasLaterFlagEvent(store, cardId, kinds, e.at, e.id)) {
        applyFlag(store, cardId, e);
        updated.add(cardId);
      }
      markFolded(store, e.id, cardId);
      return true;
    }
  }
}
