import { dailyBackup } from '../store/backup.js';
import { openStore, type Store } from '../store/open-store.js';
import { hasCards } from '../store/cards.js';

/**
 * How long a screen's write waits for another engram's lock: an answer that
 * cannot be saved within it says so and the card stays, instead of the screen
 * freezing for the store's usual 15 s.
 */
export const SCREEN_LOCK_WAIT_MS = 2_000;

/**
 * Opens the user's store for a command, and on the first use of a day takes
 * the day's backup (kept: 7 daily, 4 weekly). A failed backup is a warning
 * through `o.warn`, never a reason to stop the user studying; an empty or
 * read-only store is not backed up.
 */
export function openUserStore(path: string, o: { create: boolean; now: number; warn: (message: string) => void }): Store {
  const store = openStore(path, o);
  // A read-only store is read into memory: there is nothing new to back up, and nowhere to put it.
  if (store.readOnly) return store;
  try {
    if (hasCards(store)) dailyBackup(store.db, path, localDate(o.now));
  } catch (err) {
    o.warn(`today's backup of the store failed (${(err as Error).message}); the store itself is unchanged. engram backup tries again.`);
  }
  return store;
}

/** The date (YYYY-MM-DD) of `now` on this machine's clock: a daily backup is per local day. */
function localDate(now: number): string {
  return new Date(now - new Date(now).getTimezoneOffset() * 60_000).toISOString().slice(0, 10);
}
