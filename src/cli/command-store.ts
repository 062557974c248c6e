import { openUserStore } from '../app/open-user-store.js';
import type { Store } from '../store/open-store.js';

/** Prints a warning of a command (one that does not stop it) on stderr. */
export function warnOnStderr(message: string): void {
  process.stderr.write(`engram: warning: ${message}\n`);
}

/** The user's store for a command (see openUserStore), its warnings printed on stderr. */
export function openCommandStore(path: string, o: { create: boolean; now: number }): Store {
  return openUserStore(path, { ...o, warn: warnOnStderr });
}
