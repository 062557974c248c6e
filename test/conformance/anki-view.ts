/** One of Anki's cloze test cases: a note, and the cards Anki makes of it. */
export interface AnkiClozeCase {
  name: string;
  /** The Anki test it comes from: file and test function. */
  source: string;
  /** The note's text, as the test writes it. */
  note: string;
  /** Anki's cards in card order, sides as Anki shows them with HTML stripped. */
  cards: { number: number; front: string; back: string; typed?: string }[];
  /** What Anki does besides the cards, where it differs from making none. */
  anki_note?: string;
}

/**
 * A card's sides as Anki would show them: engram writes a gap as `**[...]**`
 * and the hidden text on the back in bold; Anki shows `[...]` and the plain
 * text (its tests strip HTML, so tags are stripped here too).
 */
export function ankiView(card: { front: string; back: string }): { front: string; back: string } {
  const stripTags = (s: string) => s.replace(/<[^>]*>/g, '');
  return {
    front: stripTags(card.front.replace(/\*\*(\[[^\]\n]*\])\*\*/g, '$1')),
    back: stripTags(card.back.replaceAll('**', '')),
  };
}
