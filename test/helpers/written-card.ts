import { insertCard } from '../../src/store/cards.js';
import { ensureDeck } from '../../src/store/decks.js';
import type { Store } from '../../src/store/open-store.js';

/** Numbers the cards this helper writes, so each has a key, a line and a text of its own. */
let written = 0;

/**
 * Writes a basic card ("Question n" / "answer n") into `deck` straight into
 * the store, for store and use-case tests that need cards, not their parsing.
 * Returns its id.
 */
export function writtenCard(store: Store, o: { deck: string; at: number; sourceId?: number | null; headingPath?: string[] }): number {
  const n = ++written;
  return insertCard(
    store,
    {
      key: `k${n}`, sibling: null, deckId: ensureDeck(store, o.deck, o.at), sourceId: o.sourceId ?? null, line: n, endLine: n,
      kind: 'basic', syntax: 'qa', front: `Question ${n}`, back: `answer ${n}`, title: null, context: null, headingPath: o.headingPath ?? [],
    },
    o.at,
  );
}
