/**
 * Cards from prose (chapters, captured pages): each sentence gives at most
 * one card, from the first rule that fits it, in this order: the text's own
 * question answered, a claim whose reason is the sentence before or after
 * ("As a result, …", "This is because …"), a definition ("X is a …", "… is
 * called X"), a why-card ("because", "so that"), a consequence ("if …, then
 * …"), a contrast ("whereas", "unlike"), a lesson or requirement, what a goal
 * needs, what a practice just described ensures, a situation named after its
 * description, a result after its reason ("A, so B"); then a cloze on an
 * emphasised term, and last what a thing cannot do. One card a sentence: two
 * cards cut from one sentence give each other away — except a clause after a
 * semicolon, which states a fact of its own (a passive's purpose, what a
 * missed condition may cause) and may give a second card that does not
 * repeat the first. A technique ("One approach is to …") is asked with its
 * heading's task or the technique it varies; a scenario ("imagine a node that
 * …") with the sentences after it in its paragraph. A list announced by a
 * sentence ending in a colon gives one card with its items. A question that
 * points back ("it", "this") carries the sentence before as its context, or
 * is not made.
 */
import type { Root } from 'mdast';
import { emphasisCloze } from '../emphasis-clozes.js';
import { type DerivedCard, MAX_ANSWER_CHARS } from '../derived-card.js';
import { announcedListCard } from './announced-lists.js';
import { type Approach, approachCard, approachOf } from './approach-sentences.js';
import { askedQuestionCard } from './asked-questions.js';
import { claimCard } from './claim-sentences.js';
import { consequenceCard } from './consequence-sentences.js';
import { contrastCard } from './contrast-sentences.js';
import { definitionCard } from './definition-sentences.js';
import { effectCard } from './effect-sentences.js';
import { limitCard } from './limit-sentences.js';
import { needCard } from './need-sentences.js';
import { outcomeFull, scenarioCard, scenarioQuestion } from './scenario-sentences.js';
import { reasonCard, soCard } from './reason-sentences.js';
import { laterClauses } from './sentence-clauses.js';
import { namedSituationCard } from './situation-sentences.js';
import { type ProseSentence, usableContext } from './prose-sentence.js';
import { walkProse } from './prose-walk.js';
import type { RuleCard, SentenceRule } from './rule-card.js';
import { whyCard } from './why-sentences.js';

/** The sentence rules, in the order they are tried. */
const RULES: readonly SentenceRule[] = [askedQuestionCard, reasonCard, definitionCard, whyCard, consequenceCard, contrastCard, claimCard, needCard, effectCard, namedSituationCard, soCard];
/** Rules tried on a sentence that no rule above and no cloze took: broad shapes, so the last resort. */
const LATE_RULES: readonly SentenceRule[] = [limitCard];
/** Rules tried on each clause after a semicolon (sentence-clauses.ts). */
const CLAUSE_RULES: readonly SentenceRule[] = [whyCard, consequenceCard];

/** A scenario being read: its question and the sentences after it so far. */
interface OpenScenario {
  front: string;
  setup: ProseSentence;
  outcome: ProseSentence[];
}

/** The cards of the prose of a parsed note, in document order; never throws. */
export function extractProseCards(tree: Root, lineOf: (cleanedLine: number) => number): DerivedCard[] {
  const cards: DerivedCard[] = [];
  const seen = new Map<string, number>();
  let scenario: OpenScenario | null = null;
  let lastApproach: { approach: Approach; headingPath: string[] } | null = null;
  const closeScenario = (): void => {
    if (scenario === null) return;
    const found = scenarioCard(scenario.front, scenario.outcome);
    const last = scenario.outcome[scenario.outcome.length - 1];
    const card = found === null ? null : placed(found, scenario.setup);
    if (card !== null && last !== undefined) cards.push({ ...card, endLine: last.endLine });
    scenario = null;
  };
  walkProse(tree, lineOf, {
    sentence(s) {
      if (scenario !== null) {
        scenario.outcome.push(s);
        if (outcomeFull(scenario.outcome)) closeScenario();
      }
      // An aside in brackets, or a question, is no statement to make a card of.
      if (s.text.startsWith('(')) return;
      // A technique ("One approach is to …") is asked with its goal: the heading's task, or the technique it varies.
      const approach = approachOf(s);
      if (approach !== null && lastApproach?.headingPath !== s.headingPath) lastApproach = null;
      const proposed = approach === null ? null : approachCard(s, approach, lastApproach?.approach ?? null);
      if (approach !== null) lastApproach = { approach, headingPath: s.headingPath };
      const card = (proposed === null ? null : placed(proposed, s)) ?? sentenceCard(s, seen);
      if (card !== null) cards.push(card);
      // A clause after a semicolon can state a fact of its own that the sentence's card does not ask.
      if (s.text.includes(';')) {
        for (const clause of laterClauses(s)) {
          const more = firstCard(CLAUSE_RULES, clause);
          if (more !== null && !(card !== null && (card.back.includes(more.back.replace(/\.$/, '')) || more.back.includes(card.back.replace(/\.$/, ''))))) cards.push(more);
        }
      }
      const front = scenarioQuestion(s);
      if (front !== null) scenario = { front, setup: s, outcome: [] };
    },
    paragraphEnd: closeScenario,
    announcedList(lead, items) {
      const found = announcedListCard(lead, items);
      const card = found === null ? null : placed(found, lead);
      if (card !== null) cards.push({ ...card, endLine: Math.max(card.endLine, ...items.flat().map((i) => i.endLine)) });
    },
  });
  return cards;
}

/** The card of one sentence: the first rule that fits, else a cloze on its emphasised term, else a late rule. */
function sentenceCard(s: ProseSentence, seen: Map<string, number>): DerivedCard | null {
  // A long sentence can still state one thing worth asking ("X requires Y: …" asks only up to its colon);
  // each rule bounds its own question and answer, and `placed` the answer's length.
  const card = firstCard(RULES, s);
  if (card !== null) return card;
  if (s.text.length > MAX_ANSWER_CHARS) return null;
  return emphasisCloze(s, seen) ?? firstCard(LATE_RULES, s);
}

/** The card of the first of `rules` that fits `s` and can be placed, or null. */
function firstCard(rules: readonly SentenceRule[], s: ProseSentence): DerivedCard | null {
  for (const rule of rules) {
    const found = rule(s);
    if (found === null) continue;
    const card = placed(found, s);
    if (card !== null) return card;
  }
  return null;
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
