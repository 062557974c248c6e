import { openUserStore } from '../app/open-user-store.js';
import type { Store } from '../store/open-store.js';

/** The user's store for a command (see openUserStore), its warnings printed on stderr. */
export function openCommandStore(path: string, o: { create: boolean; now: number }): Store {
  return openUserStore(path, { ...o, warn: (message) => process.stderr.write(`engram: warning: ${message}\n`) });
}
