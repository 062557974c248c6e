import { deckNames } from '../../store/decks.js';
import type { Store } from '../../store/open-store.js';
import { namedDecks } from '../named-decks.js';

/**
 * The decks a quiz names, resolved as a review resolves deck names: a deck
 * `a` also takes in `a/b`.
 * @returns the decks, or an empty list (every deck) when none is named
 * @throws EngramError 'notFound' for an unknown deck, listing the decks there are
 */
export function resolveQuizDecks(store: Store, names: readonly string[]): string[] {
  return names.length === 0 ? [] : namedDecks(names, deckNames(store));
}
