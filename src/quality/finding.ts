/**
 * What the card-quality rules (docs/card-quality.md's yardstick, applied by
 * cardFindings) report about one card.
 */

/** The rules a card can break, by id (the names `engram check --quality` prints). */
export const QUALITY_RULES = [
  'label-front',
  'not-a-question',
  'multi-fact-answer',
  'stress-cloze',
  'alias-cloze',
  'unresolved-reference',
  'about-the-document',
  'answer-restates-front',
  'duplicate',
] as const;

/** One rule of a good card, by id. */
export type QualityRule = (typeof QUALITY_RULES)[number];

/** One broken rule: which, what is wrong with this card, and what to do, each in one line. */
export interface Finding {
  rule: QualityRule;
  message: string;
  fix: string;
}

/** The parts of a card the rules read (a ParsedCard or a stored Card has them all). */
export interface QualityCard {
  kind: 'basic' | 'reversed' | 'cloze';
  /** Markdown; a cloze's gaps are `**[...]**` or `**[hint]**`. */
  front: string;
  /** Markdown; a cloze's back is its front with each gap filled in as `**text**`. */
  back: string;
  /** Text shown above the question (a title block's paragraph, a derived card's sentence before). */
  context: string | null;
  headingPath?: readonly string[];
}
