import { isDerivedSyntax, type Card } from '../../model/card.js';
import { EngramError } from '../../model/engram-error.js';
import { countArchived, listCards } from '../../store/cards.js';
import { deckNames } from '../../store/decks.js';
import type { Store } from '../../store/open-store.js';

/** Which cards to list. */
export interface CardQuery {
  /** Only this deck's cards (exactly this deck, not the decks under it). */
  deck?: string;
  /** Archived cards too. */
  archived?: boolean;
  /** Only cards written as cards, or only cards derived from notes. */
  from?: 'cards' | 'notes';
}

/** Cards as listed, and how many archived cards the list leaves out. */
export interface CardList {
  cards: Card[];
  /** Archived cards (of the deck) not in `cards`: 0 when archived cards were asked for. */
  hiddenArchived: number;
}

/**
 * The cards `query` asks for, in the store's order (deck, file, line).
 * @throws EngramError 'notFound' for a deck that has no card, not even an archived one
 */
export function cardList(store: Store, query: CardQuery): CardList {
  const all = listCards(store, { deck: query.deck, includeArchived: Boolean(query.archived) });
  const cards = query.from ? all.filter((c) => isDerivedSyntax(c.syntax) === (query.from === 'notes')) : all;
  if (query.deck !== undefined && all.length === 0 && countArchived(store, query.deck) === 0) {
    const names = deckNames(store);
    throw new EngramError('notFound', `no deck named "${query.deck}". Decks: ${names.length ? names.join(', ') : 'none yet'}.`);
  }
  return { cards, hiddenArchived: query.archived ? 0 : countArchived(store, query.deck) };
}
