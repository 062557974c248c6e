import { EngramError } from '../../model/engram-error.js';
import { deckNames } from '../../store/decks.js';
import type { Store } from '../../store/open-store.js';

/**
 * The decks `engram quiz` names, resolved as `engram review` resolves deck
 * names: a deck `a` also takes in `a/b`; none named means every deck (an
 * empty list). Throws EngramError (exit 2) for an unknown deck, listing the
 * decks there are.
 */
export function resolveQuizDecks(store: Store, names: readonly string[]): string[] {
  if (names.length === 0) return [];
  const known = deckNames(store);
  const decks = new Set<string>();
  for (const name of names) {
    const matches = known.filter((d) => d === name || d.startsWith(`${name}/`));
    if (matches.length === 0) {
      throw new EngramError(`no deck named "${name}". Decks: ${known.length ? known.join(', ') : 'none yet (engram import <files> first)'}.`, 2);
    }
    for (const m of matches) decks.add(m);
  }
  return [...decks];
}
