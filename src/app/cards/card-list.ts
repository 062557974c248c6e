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
  /** Only the cards the learner dropped (else dropped cards are left out). */
  dropped?: boolean;
}

/** Cards as listed, and how many archived and dropped cards the list leaves out. */
export interface CardList {
  cards: Card[];
  /** Archived cards (of the deck; in the dropped view, archived dropped cards) not in `cards`: 0 when archived cards were asked for. */
  hiddenArchived: number;
  /** Dropped cards (of the deck, of the origin asked for, archived only when asked) not in `cards`: 0 when dropped cards were asked for. */
  hiddenDropped: number;
}

/**
 * The cards `query` asks for, in the store's order (deck, file, line).
 * @throws EngramError 'notFound' for a deck that has no card, not even an archived one
 */
export function cardList(store: Store, query: CardQuery): CardList {
  // The dropped view reads archived cards too, to count the dropped ones among them that it leaves out.
  const all = listCards(store, { deck: query.deck, includeArchived: Boolean(query.archived || query.dropped) });
  const fromOrigin = query.from ? all.filter((c) => isDerivedSyntax(c.syntax) === (query.from === 'notes')) : all;
  if (query.deck !== undefined && all.length === 0 && countArchived(store, query.deck) === 0) {
    const names = deckNames(store);
    throw new EngramError('notFound', `no deck named "${query.deck}". Decks: ${names.length ? names.join(', ') : 'none yet'}.`);
  }
  if (query.dropped) {
    const dropped = fromOrigin.filter((c) => c.droppedAt !== null);
    const cards = query.archived ? dropped : dropped.filter((c) => !c.archived);
    return { cards, hiddenArchived: dropped.length - cards.length, hiddenDropped: 0 };
  }
  // A dropped card is gone from study for good: a listing shows it only when dropped cards are asked for.
  const cards = fromOrigin.filter((c) => c.droppedAt === null);
  return { cards, hiddenArchived: query.archived ? 0 : countArchived(store, query.deck), hiddenDropped: fromOrigin.length - cards.length };
}
