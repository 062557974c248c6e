/**
 * Questions a text asks and answers itself: "Why do datacenter networks use
 * packet switching? The answer is that they are optimized for bursty
 * traffic." asks the author's own question, with the next sentence as the
 * answer. Only a question that stands alone (a wh-question that points back
 * to nothing) and an answer that gives one (not "There is no simple answer",
 * not another question) make a card.
 */
import { aboutTheDocument } from '../../../quality/about-the-document.js';
import type { Token } from '../../../nlp/english.js';
import { lastWord, pointsBack, type ProseSentence, span, upperFirst } from './prose-sentence.js';
import { asAnswer, type RuleCard } from './rule-card.js';

/** Question words that ask for a fact a sentence can give (not yes/no questions: their answer is "No."). */
const WH = new Set(['why', 'how', 'what', 'which', 'when', 'where', 'who']);
/** Words a question may open with before its question word. */
const LEADS = new Set(['but', 'so', 'and', 'then', 'now']);
/** Shortest and longest question, in tokens. */
const MIN_QUESTION = 5;
const MAX_QUESTION = 24;
/** Longest answer, in characters: one fact. */
const MAX_ANSWER = 250;
/** Answers that answer nothing, or only announce what follows. */
const NO_ANSWER = /^(?:there(?:'s|’s| is) (?:unfortunately )?no\b|unfortunately,? (?:not|no)\b|it depends\b|not (?:necessarily|really|always)\b|(?:yes|no)[,.]|to answer (?:this|that)|let(?:'s|’s| us)\b|in (?:this|the next) (?:section|chapter)\b)/i;
/** The author's lead-in to an answer, which the card leaves out. */
const ANSWER_LEAD = /^(?:the (?:short |simple )?answer is (?:that )?|the reason is (?:that )?|in short,\s*)/i;

/** The card of a sentence that answers the question just before it, or null. */
export function askedQuestionCard(s: ProseSentence): RuleCard | null {
  const q = s.previous;
  if (q == null || !/\?\s*$/.test(q.text) || /\?\s*$/.test(s.text)) return null;
  const t = q.tokens;
  let a = 0;
  while (a < t.length && LEADS.has(t[a]!.text.toLowerCase())) a++;
  const end = lastWord(q);
  if (!WH.has(t[a]?.text.toLowerCase() ?? '') || end - a + 1 < MIN_QUESTION || end - a + 1 > MAX_QUESTION) return null;
  // "What's wrong with this code?" needs the code: a question that points back is not asked alone.
  if (pointsBack(q, a, end) || t.slice(a, end + 1).some((x) => /^(?:we|you|I|us|our)$/i.test(x.text))) return null;
  // "The answer is that …": the author says this sentence answers.
  const led = ANSWER_LEAD.test(s.text);
  if (!led && /^(?:this|that|these|those|such|it|they)\b/i.test(s.text)) return null;
  const plain = span(s, 0, lastWord(s)).replace(ANSWER_LEAD, '');
  if (NO_ANSWER.test(plain) || plain.length > MAX_ANSWER || plain.split(/\s+/).length < 3 || aboutTheDocument(plain) !== null) return null;
  // Unless the author says it is the answer, the next sentence answers only if it speaks of what was asked
  // ("Which write is the more recent one? Figure 9-3 illustrates …" goes on to something else).
  if (!led && !sharesAWord(q.tokens.slice(a, end + 1), s)) return null;
  return { kind: 'basic', syntax: 'note-asked', front: `${upperFirst(span(q, a, end))}?`, back: asAnswer(upperFirst(plain)), needsBefore: false };
}

/** Whether the answer holds a noun or verb of the question (by lemma), other than "be", "do", "have". */
function sharesAWord(question: readonly Token[], answer: ProseSentence): boolean {
  const asked = new Set(question.filter((x) => /^(?:NOUN|PROPN|VERB|ADJ)$/.test(x.pos) && !/^(?:be|do|have)$/.test(x.lemma)).map((x) => x.lemma));
  return answer.tokens.some((x) => asked.has(x.lemma));
}
