import type { Card } from '../model/card.js';

/** What writing a deck back to markdown needs of a card. */
export type DeckCard = Pick<Card, 'id' | 'deck' | 'sourcePath' | 'shownPath' | 'line' | 'kind' | 'syntax' | 'sibling' | 'front' | 'back' | 'title' | 'context' | 'headingPath'>;

/** The cards written as one piece of markdown: both directions of a card, or the gaps of one cloze note. */
export interface Note {
  cards: DeckCard[];
  /** The first card of the note (in the order given): where it goes, its headings. */
  lead: DeckCard;
}

/**
 * Cards grouped into the notes they came from (cards sharing a `sibling`), in
 * the order of each note's first card, except that notes with no heading above
 * them come first: a markdown file cannot go back to "no heading" once it has
 * had one, and a deck may gather cards from several files.
 */
export function deckNotes(cards: readonly DeckCard[]): Note[] {
  const notes: Note[] = [];
  const bySibling = new Map<string, Note>();
  for (const card of cards) {
    const open = card.sibling === null ? undefined : bySibling.get(card.sibling);
    if (open) {
      open.cards.push(card);
      continue;
    }
    const note: Note = { cards: [card], lead: card };
    notes.push(note);
    if (card.sibling !== null) bySibling.set(card.sibling, note);
  }
  return [...notes.filter((n) => n.lead.headingPath.length === 0), ...notes.filter((n) => n.lead.headingPath.length > 0)];
}
