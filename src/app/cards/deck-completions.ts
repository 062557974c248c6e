import { peekDeckNames } from '../../store/peek-decks.js';

/**
 * What a deck name on the command line can be, for shell completion: every
 * deck of the store at `storePath`, and each folder above one ('spanish' for
 * 'spanish/vocab'), which stands for the decks under it. Sorted, each once;
 * [] when the store cannot be read.
 */
export function deckCompletions(storePath: string): string[] {
  const names = new Set<string>();
  for (const deck of peekDeckNames(storePath)) {
    const parts = deck.split('/');
    for (let n = 1; n <= parts.length; n++) names.add(parts.slice(0, n).join('/'));
  }
  return [...names].sort();
}
