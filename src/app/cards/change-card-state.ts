import { isDerivedSyntax } from '../../model/card.js';
import { nextRollover } from '../../schedule/study-time.js';
import { cardById } from '../../store/cards.js';
import type { Store } from '../../store/open-store.js';
import { buryCard, setDropped, setSuspended } from '../../store/study-queries.js';
import { loadSettings, studyClock } from '../settings/study-settings.js';

/** What can be done to a card's place in reviews. */
export type CardStateChange = 'suspend' | 'unsuspend' | 'bury' | 'drop' | 'undrop';

/** The cards changed, the ids that name no card, and the cards a drop refused; each in the order given. */
export interface CardStateResult {
  changed: number[];
  missing: number[];
  /** Cards written as cards, not derived from notes: only derived cards are dropped. */
  written: number[];
}

/**
 * Suspends cards (kept, never shown until unsuspended), brings suspended
 * cards back, buries cards until the next study day (whose start the
 * settings file at `o.configPath` gives; read for a bury only), drops cards
 * derived from notes for good (kept with their history, never shown, and kept
 * dropped by every re-import), or takes drops back. All in one transaction.
 * @throws EngramError for a broken settings file (bury), or the store's errors
 */
export function changeCardState(store: Store, change: CardStateChange, ids: readonly number[], o: { now: number; configPath: string }): CardStateResult {
  const until = change === 'bury' ? nextRollover(o.now, studyClock(loadSettings(o.configPath).settings)) : 0;
  return store.transaction(() => {
    const result: CardStateResult = { changed: [], missing: [], written: [] };
    for (const id of ids) {
      if (change === 'drop') {
        const card = cardById(store, id);
        if (!card) result.missing.push(id);
        // A written card is the user's own text: they suspend it or delete it from its file.
        else if (!isDerivedSyntax(card.syntax)) result.written.push(id);
        else if (setDropped(store, id, o.now)) result.changed.push(id);
        continue;
      }
      const done =
        change === 'bury'
          ? buryCard(store, id, until, o.now)
          : change === 'undrop'
            ? setDropped(store, id, null, o.now)
            : setSuspended(store, id, change === 'suspend' ? o.now : null, o.now);
      (done ? result.changed : result.missing).push(id);
    }
    return result;
  });
}
