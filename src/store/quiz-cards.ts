import type { Card } from '../model/card.js';
import { listCards } from './cards.js';
import type { Store } from './open-store.js';

/**
 * The cards a quiz may ask: not archived, suspended or dropped, of the given decks
 * (all when empty), due or not and buried or not (a quiz does not study the
 * day's queue), in file order.
 */
export function quizCards(store: Store, decks: readonly string[]): Card[] {
  const wanted = new Set(decks);
  return listCards(store, { includeArchived: false }).filter((c) => !c.suspended && c.droppedAt === null && (wanted.size === 0 || wanted.has(c.deck)));
}
