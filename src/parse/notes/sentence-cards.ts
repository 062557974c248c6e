/**
 * Sentences of bullet notes that no label card took ("Other Reasons: …", the
 * rest of a long definition), handed to the sentence rules of prose
 * (prose definitions, why-cards, announced lists, contrasts, consequences),
 * so that a fact under a vague label still gives a card.
 */
import type { DerivedCard, NoteSyntax } from './derived-card.js';

/** One sentence of a bullet, with what it was written under. */
export interface LooseSentence {
  /** The sentence, markdown on one line. */
  text: string;
  /** The bullet's label ("Other Reasons"), or null for a plain bullet. */
  label: string | null;
  headingPath: string[];
}

/**
 * The cards the sentence rules make of `sentences` (line numbers are the
 * caller's to set). `_syntax` is the extractor the sentences came from.
 * Returns [] when no rule applies.
 */
export function looseSentenceCards(sentences: readonly LooseSentence[], _syntax: NoteSyntax): DerivedCard[] {
  void sentences;
  return [];
}
