/**
 * Cards from prose (chapters, captured pages): each sentence gives at most
 * one card, from the first rule that fits it, in this order: a definition
 * ("X is a …", "… is called X"), a why-card ("because", "so that"), a
 * consequence ("if …, then …"), a contrast ("whereas", "unlike"), and last a
 * cloze on an emphasised term. One card a sentence: two cards cut from one
 * sentence give each other away. A list announced by a sentence ending in a
 * colon gives one card with its items. A question that points back ("it",
 * "this") carries the sentence before as its context, or is not made.
 */
import type { Root } from 'mdast';
import { emphasisCloze } from '../emphasis-clozes.js';
import { type DerivedCard, MAX_ANSWER_CHARS } from '../derived-card.js';
import { announcedListCard } from './announced-lists.js';
import { askedQuestionCard } from './asked-questions.js';
import { claimCard } from './claim-sentences.js';
import { consequenceCard } from './consequence-sentences.js';
import { contrastCard } from './contrast-sentences.js';
import { definitionCard } from './definition-sentences.js';
import { type ProseSentence, usableContext } from './prose-sentence.js';
import { walkProse } from './prose-walk.js';
import type { RuleCard, SentenceRule } from './rule-card.js';
import { whyCard } from './why-sentences.js';

/** The sentence rules, in the order they are tried. */
const RULES: readonly SentenceRule[] = [askedQuestionCard, definitionCard, whyCard, consequenceCard, contrastCard, claimCard];

/** The cards of the prose of a parsed note, in document order; never throws. */
export function extractProseCards(tree: Root, lineOf: (cleanedLine: number) => number): DerivedCard[] {
  const cards: DerivedCard[] = [];
  const seen = new Map<string, number>();
  walkProse(tree, lineOf, {
    sentence(s) {
      // An aside in brackets, or a question, is no statement to make a card of.
      if (s.text.startsWith('(')) return;
      // A long sentence can still state one thing worth asking ("X requires Y: …" asks only up to its colon);
      // each rule bounds its own question and answer, and `placed` the answer's length.
      for (const rule of RULES) {
        const found = rule(s);
        if (found === null) continue;
        const card = placed(found, s);
        if (card !== null) {
          cards.push(card);
          return;
        }
      }
      if (s.text.length > MAX_ANSWER_CHARS) return;
      const cloze = emphasisCloze(s, seen);
      if (cloze !== null) cards.push(cloze);
    },
    announcedList(lead, items) {
      const found = announcedListCard(lead, items);
      const card = found === null ? null : placed(found, lead);
      if (card !== null) cards.push({ ...card, endLine: Math.max(card.endLine, ...items.flat().map((i) => i.endLine)) });
    },
  });
  return cards;
}

/** A rule's card at its sentence's place; null when it needs a sentence before and there is none. */
function placed(found: RuleCard, s: ProseSentence): DerivedCard | null {
  const context = found.needsBefore || found.contextHelps === true ? usableContext(s.before) : null;
  if ((found.needsBefore && context === null) || found.back.length > MAX_ANSWER_CHARS) return null;
  return {
    kind: found.kind,
    syntax: found.syntax,
    front: found.front,
    back: found.back,
    context,
    headingPath: s.headingPath,
    line: s.line,
    endLine: s.endLine,
  };
}
