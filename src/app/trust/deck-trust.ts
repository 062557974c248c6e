import type { Store } from '../../store/open-store.js';
import { trustDeck, trustedDecks, untrustDeck, type TrustedDeck } from '../../store/trust.js';

export type { TrustedDeck };

/**
 * Lets the deck's code run without asking until its cards change.
 * @throws EngramError 'notFound' for an unknown deck
 */
export function trust(store: Store, deck: string, now: number): void {
  trustDeck(store, deck, now);
}

/**
 * Makes the deck ask again before its code runs.
 * @returns false when it was not trusted
 * @throws EngramError 'notFound' for an unknown deck
 */
export function untrust(store: Store, deck: string): boolean {
  return untrustDeck(store, deck);
}

/** Every trusted deck by name, with whether its cards are still as they were when trusted. */
export function trustList(store: Store): TrustedDeck[] {
  return trustedDecks(store);
}
