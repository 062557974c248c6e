import { EngramError } from '../../model/engram-error.js';

/**
 * The decks `names` stand for: each name is a deck, and takes in its
 * sub-decks (`sql` takes in `sql/joins`), as `engram review` reads them.
 * Returns every named deck that exists, sorted. Throws EngramError (exit 2)
 * for a name that is no deck.
 */
export function targetDecks(names: readonly string[], known: readonly string[]): string[] {
  const decks = new Set<string>();
  for (const name of names) {
    const matches = known.filter((d) => d === name || d.startsWith(`${name}/`));
    if (matches.length === 0) {
      throw new EngramError(`no deck named "${name}". Decks: ${known.length ? known.join(', ') : 'none yet (engram import <files> first)'}.`, 2);
    }
    for (const m of matches) decks.add(m);
  }
  return [...decks].sort();
}
