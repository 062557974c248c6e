import type { Finding } from './finding.js';
import { listItemCount, proseOf, sentencesOf, withoutCode } from './prose-text.js';

/** Past this many characters of prose an answer is more than one fact to recall (the issue's measure). */
export const LONG_ANSWER_CHARS = 250;

/** Sentences that make an answer several facts when it is long as well. */
const MANY_SENTENCES = 3;

/** List items that make an answer a set the front has to name. */
const MANY_ITEMS = 3;

/**
 * A paragraph or sentence that illustrates the answer ("Example: …", "For instance, …"):
 * it is read with the answer, never recalled as part of it.
 */
const ILLUSTRATION_RE = /^[ \t>]*(?:\*\*|__)?(?:examples?\b|for (?:example|instance)\b|e\.g\.|note\b|in practice\b)/i;

/** A front that says the answer is a set: a number of things, or a question asking for several. */
const NAMES_ITEMS_RE =
  /\b(?:\d+|two|three|four|five|six|seven|eight|nine|ten|several|list|name|enumerate|steps?|stages?|phases?|kinds|types|ways|reasons|causes|examples|parts|properties|components|methods|options|differences|advantages|disadvantages|benefits|drawbacks|challenges|problems|issues|effects|consequences|characteristics|features|limitations|elements|which|what are|compare)\b/i;

/** The answer's prose paragraphs, illustrations and code left out. */
function answerParagraphs(back: string): string[] {
  return withoutCode(back)
    .split(/\n[ \t]*\n/)
    .filter((p) => p.trim() !== '' && !ILLUSTRATION_RE.test(p));
}

/**
 * How many facts an answer states: its list items, else its sentences, not
 * counting code or illustrations ("For example, …"). A card derived from a
 * note's label is held to one (see parse/notes/note-cards.ts).
 */
export function factCount(back: string): number {
  const answer = answerParagraphs(back).join('\n\n');
  const items = listItemCount(answer);
  return items > 0 ? items : sentencesOf(proseOf(answer)).filter((s) => !ILLUSTRATION_RE.test(s)).length;
}

/**
 * A finding when a basic card's answer holds several facts: a list of three
 * or more items the front does not name ("What are the three …?"), or prose
 * over LONG_ANSWER_CHARS in three sentences or more. Code, and paragraphs that
 * only illustrate ("Example: …", "For instance, …"), are not counted: they are read, not recalled.
 */
export function multiFactAnswer(back: string, frontProse: string): Finding | null {
  const paragraphs = answerParagraphs(back);
  const answer = paragraphs.join('\n\n');
  const items = listItemCount(answer);
  if (items >= MANY_ITEMS && !NAMES_ITEMS_RE.test(frontProse)) {
    return {
      rule: 'multi-fact-answer',
      message: `the answer is a list of ${items} items the question does not ask for`,
      fix: `Name the set on the front ("What are the ${items} …?"), or split the items into cards of their own`,
    };
  }
  const facts = sentencesOf(proseOf(answer)).filter((s) => !ILLUSTRATION_RE.test(s));
  const chars = facts.join(' ').length;
  if (chars > LONG_ANSWER_CHARS && facts.length >= MANY_SENTENCES) {
    return {
      rule: 'multi-fact-answer',
      message: `the answer is ${facts.length} sentences (${chars} characters): several facts to recall at once`,
      fix: 'Keep the one fact the question asks for; move the others to cards of their own',
    };
  }
  return null;
}
