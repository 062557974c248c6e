/**
 * What a sentence rule gives: a card's sides, its rule (syntax) and whether
 * it needs the sentence before as context. The walker adds the place.
 */
import type { NoteSyntax } from '../derived-card.js';
import type { ProseSentence } from './prose-sentence.js';

/** A card a rule found in one sentence. */
export interface RuleCard {
  kind: 'basic' | 'cloze';
  syntax: NoteSyntax;
  front: string;
  /** A basic card's answer, or a cloze's hidden text. */
  back: string;
  /** The question points back ("it", "this") and only makes sense after the sentence before. */
  needsBefore: boolean;
  /**
   * The question is short and general ("What happens if a node fails?"): the
   * sentence before, when it can serve, goes with it to say in which situation.
   */
  contextHelps?: boolean;
}

/** A rule over one sentence: a card, or null when the sentence has not its shape. */
export type SentenceRule = (s: ProseSentence) => RuleCard | null;

/** A cloze gap, as derived clozes write it. */
export const GAP = '**[...]**';

/** `text` ending with one full stop (or its own ? or !). */
export function asAnswer(text: string): string {
  const t = text.trim().replace(/[,;:]+$/, '');
  return /[.!?)"”’]$/.test(t) ? t : `${t}.`;
}
