import { EngramError } from '../model/engram-error.js';

/**
 * The decks `names` stand for, as every command reads deck names: a name is a
 * deck and the decks under it (`sql` takes in `sql/joins`). Returns them in
 * the order of `known`, each once. Throws EngramError 'notFound' for a name that
 * matches no deck, listing the decks there are.
 */
export function namedDecks(names: readonly string[], known: readonly string[]): string[] {
  const chosen = new Set<string>();
  for (const name of names) {
    const matches = known.filter((d) => d === name || d.startsWith(`${name}/`));
    if (matches.length === 0) {
      throw new EngramError('notFound', `no deck named "${name}". Decks: ${known.length ? known.join(', ') : 'none yet (engram import <files> first)'}.`);
    }
    for (const m of matches) chosen.add(m);
  }
  return known.filter((d) => chosen.has(d));
}
