import type { ParsedCard } from '../model/card.js';
import { Fence, type ScannedLine } from './scan-lines.js';

/** The deck a `#flashcards/<deck>` tag names, the first on a line; the same tag as deckName reads. */
export const TAG_DECK_RE = /(?:^|[ \t])#flashcards\/(\S+)/;

interface Tag {
  /** 0-based line index. */
  line: number;
  deck: string;
  /** On a line of some card: the tag is that card's alone. */
  inCard: boolean;
}

/**
 * Puts cards in the decks `#flashcards/<deck>` tags give them, as the Obsidian
 * Spaced Repetition plugin does: a tag on a card's own lines puts that card in
 * its deck; else the last tag above the card on a line of no card decides;
 * cards above every such tag stay in `fileDeck` (the file's first tag, its
 * frontmatter's, or its path's). Sets `deck` only on cards whose deck is not
 * `fileDeck`. A line with several tags counts its first: a card is in one deck.
 * Time: one look at each line holding `#flashcards/`, a binary search per card.
 */
export function assignTagDecks(cards: ParsedCard[], lines: readonly ScannedLine[], fileDeck: string): void {
  const tags: Tag[] = [];
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    if (line.fence !== Fence.None || !line.masked.includes('#flashcards/')) continue;
    const m = TAG_DECK_RE.exec(line.masked);
    if (m) tags.push({ line: i, deck: m[1]!, inCard: false });
  }
  if (tags.length === 0 || cards.length === 0) return;
  for (const card of cards) {
    for (let k = firstAtOrAfter(tags, card.line - 1); k < tags.length && tags[k]!.line < card.endLine; k++) tags[k]!.inCard = true;
  }
  const free = tags.filter((t) => !t.inCard);
  for (const card of cards) {
    const own = firstAtOrAfter(tags, card.line - 1);
    let deck: string | null = null;
    if (own < tags.length && tags[own]!.line < card.endLine) deck = tags[own]!.deck;
    else {
      const above = firstAtOrAfter(free, card.line - 1) - 1;
      if (above >= 0) deck = free[above]!.deck;
    }
    if (deck !== null && deck !== fileDeck) card.deck = deck;
  }
}

/** Index of the first tag on line `line` or below, or `tags.length`. */
function firstAtOrAfter(tags: readonly Tag[], line: number): number {
  let lo = 0;
  let hi = tags.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (tags[mid]!.line < line) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
