import { nextRollover } from '../../schedule/study-time.js';
import type { Store } from '../../store/open-store.js';
import { buryCard, setSuspended } from '../../store/study-queries.js';
import { loadSettings, studyClock } from '../settings/study-settings.js';

/** What can be done to a card's place in reviews. */
export type CardStateChange = 'suspend' | 'unsuspend' | 'bury';

/** The cards changed, and the ids that name no card; each in the order given. */
export interface CardStateResult {
  changed: number[];
  missing: number[];
}

/**
 * Suspends cards (kept, never shown until unsuspended), brings suspended
 * cards back, or buries cards until the next study day (whose start the
 * settings file at `o.configPath` gives; read for a bury only). All in one
 * transaction.
 * @throws EngramError for a broken settings file (bury), or the store's errors
 */
export function changeCardState(store: Store, change: CardStateChange, ids: readonly number[], o: { now: number; configPath: string }): CardStateResult {
  const until = change === 'bury' ? nextRollover(o.now, studyClock(loadSettings(o.configPath).settings)) : 0;
  const missing = store.transaction(() =>
    ids.filter((id) => {
      if (change === 'bury') return !buryCard(store, id, until);
      return !setSuspended(store, id, change === 'suspend' ? o.now : null);
    }),
  );
  return { changed: ids.filter((id) => !missing.includes(id)), missing };
}
