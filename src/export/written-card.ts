import { isDerivedSyntax } from '../model/card.js';
import type { DeckCard } from './deck-notes.js';

/**
 * A card as a deck file holds it. A card derived from notes has no written
 * syntax of its own (its notes are its source), so it is written as the card
 * it asks: a Q:/A: card, or a C: cloze; the context an extractor gave it (the
 * sentence before, the enclosing term) is not part of a written card and is
 * left out. Each is written on its own: clozes cut from one sentence keep that
 * sentence's other terms in their own emphasis, so they cannot be one C: note
 * (their sibling group is not written). Written cards are returned as they are.
 */
export function asWrittenCard<C extends DeckCard>(card: C): C {
  if (!isDerivedSyntax(card.syntax)) return card;
  return { ...card, syntax: card.kind === 'cloze' ? 'qa-cloze' : 'qa', context: null, sibling: null };
}
