import { deckNames } from '../../store/decks.js';
import type { Store } from '../../store/open-store.js';
import { namedDecks } from '../named-decks.js';

/**
 * The decks `engram quiz` names, resolved as `engram review` resolves deck
 * names: a deck `a` also takes in `a/b`; none named means every deck (an
 * empty list). Throws EngramError (exit 2) for an unknown deck, listing the
 * decks there are.
 */
export function resolveQuizDecks(store: Store, names: readonly string[]): string[] {
  return names.length === 0 ? [] : namedDecks(names, deckNames(store));
}
