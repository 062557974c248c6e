import type { Root } from 'mdast';
import type { DerivedCard } from '../../src/parse/notes/derived-card.js';
import { emphasisCloze } from '../../src/parse/notes/emphasis-clozes.js';
import { walkProse } from '../../src/parse/notes/prose-rules/prose-walk.js';

/**
 * The emphasis clozes of a parsed note with no other rule tried first (the
 * prose extractor tries this rule last): for tests of the cloze rule alone.
 */
export function emphasisClozesOnly(tree: Root, lineOf: (cleanedLine: number) => number): DerivedCard[] {
  const cards: DerivedCard[] = [];
  const seen = new Map<string, number>();
  walkProse(tree, lineOf, {
    sentence(s) {
      const card = emphasisCloze(s, seen);
      if (card !== null) cards.push(card);
    },
  });
  return cards;
}
