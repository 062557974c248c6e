import type { ConformanceCase } from './conformance-cases.js';

/** One of Anki's cloze test cases (test/fixtures/conformance/anki-cloze/): a note, and the cards Anki makes of it. */
export interface AnkiClozeCase extends ConformanceCase {
  /** Anki's cards in card-number order, sides as Anki shows them (HTML stripped, as its tests strip it). */
  anki: { number: number; front: string; back: string; typed?: string }[];
}

/**
 * A card's sides as Anki would show them: engram writes a gap as `**[...]**`
 * and the hidden text on the back in bold; Anki shows `[...]` and the plain
 * text (its tests strip HTML, so tags are stripped here too).
 * scripts/anki-cloze-conformance.mjs shows cards the same way.
 */
export function ankiView(card: { front: string; back: string }): { front: string; back: string } {
  const stripTags = (s: string) => s.replace(/<[^>]*>/g, '');
  return {
    front: stripTags(card.front.replace(/\*\*(\[[^\]\n]*\])\*\*/g, '$1')),
    back: stripTags(card.back.replaceAll('**', '')),
  };
}
