/**
 * Sentences of bullet notes that no label card took ("Other Reasons: …", the
 * rest of a long definition), read by the sentence rules of prose (prose
 * definitions, why-cards, consequences, contrasts: prose-rules/), so that a
 * fact under a vague label still gives a card. The sentences come tagged from
 * sentences.ts (the model reads each paragraph once for every extractor).
 */
import type { DerivedCard } from './derived-card.js';
import { claimCard } from './prose-rules/claim-sentences.js';
import { consequenceCard } from './prose-rules/consequence-sentences.js';
import { contrastCard } from './prose-rules/contrast-sentences.js';
import { definitionCard } from './prose-rules/definition-sentences.js';
import { type ProseSentence, withoutEmphasis } from './prose-rules/prose-sentence.js';
import type { SentenceRule } from './prose-rules/rule-card.js';
import { whyCard } from './prose-rules/why-sentences.js';
import type { Sentence } from './sentences.js';
import { wikiText } from './wiki-text.js';

/** One sentence of a bullet, with what it was written under. */
export interface LooseSentence {
  sentence: Sentence;
  /** The sentence before it in its bullet, or its bullet's label, or null: a card that points back shows it. */
  before: string | null;
  headingPath: string[];
  /** What the card's `note` (sibling group) is. */
  note: string;
  /** Lines of its bullet in the original file. */
  line: number;
  endLine: number;
}

/** The rules a bullet's sentence is read with, in the order prose reads them. */
const RULES: readonly SentenceRule[] = [definitionCard, whyCard, consequenceCard, contrastCard, claimCard];
/** Sentences longer than this are no card's answer. */
const MAX_SENTENCE = 400;

/**
 * The cards the sentence rules make of `sentences`, at most one a sentence,
 * in order; wiki links read as text. Returns [] when no rule applies; never throws.
 */
export function looseSentenceCards(sentences: readonly LooseSentence[]): DerivedCard[] {
  const cards: DerivedCard[] = [];
  for (const loose of sentences) {
    const { text, tokens, emphasis } = loose.sentence;
    if (text.length > MAX_SENTENCE || tokens.length < 3) continue;
    const s: ProseSentence = { text, tokens, emphasis, headingPath: loose.headingPath, before: loose.before, line: loose.line, endLine: loose.endLine };
    for (const rule of RULES) {
      const found = rule(s);
      if (found === null || (found.needsBefore && s.before === null)) continue;
      cards.push({
        kind: found.kind,
        syntax: found.syntax,
        front: wikiText(found.front),
        back: wikiText(found.back),
        context: (found.needsBefore || found.contextHelps === true) && s.before !== null ? wikiText(withoutEmphasis(s.before)) : null,
        headingPath: s.headingPath,
        note: loose.note,
        line: s.line,
        endLine: s.endLine,
      });
      break;
    }
  }
  return cards;
}
