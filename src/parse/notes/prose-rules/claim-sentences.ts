/**
 * Claims of what something must assume, ensure or expect: "A node must assume
 * that its execution can be paused at any point" asks "What must a node
 * assume?" with the claim as the answer. Such sentences state a chapter's
 * lessons, and no term in them is set in emphasis.
 */
import { clauseParts } from './clause-questions.js';
import { lastWord, pointsBack, type ProseSentence, span, upperFirst, wholeClause } from './prose-sentence.js';
import { asAnswer, type RuleCard } from './rule-card.js';

/** Verbs whose "that" clause is the lesson ("assume that …"). */
const LESSON_VERBS = new Set(['assume', 'expect', 'accept', 'ensure', 'remember', 'know', 'consider', 'guarantee', 'realize', 'realise', 'recognize', 'recognise']);
/** Modal phrases that make it a lesson rather than a report ("must", "should", "needs to", "has to"). */
const MODALS = new Set(['must', 'should', 'can', 'cannot']);
const MIN_ANSWER = 4;
const MAX_ANSWER = 35;

/** The claim card of a sentence, or null. */
export function claimCard(s: ProseSentence): RuleCard | null {
  return lessonCard(s) ?? requirementCard(s);
}

/** "X requires Y" -> What does X require? (what a thing needs is a lesson too). */
function requirementCard(s: ProseSentence): RuleCard | null {
  const t = s.tokens;
  const end = lastWord(s);
  const v = t.findIndex((x) => x.lemma === 'require' && x.pos === 'VERB' && /s$/.test(x.text));
  if (v < 1) return null;
  const parts = clauseParts(s, 0, v);
  if (parts === null || parts.verb !== v || pointsBack(s, 0, v - 1) || t[0]!.pos === 'PRON') return null;
  // What is required ends where a colon or semicolon goes on to its details.
  const stop = t.findIndex((x, i) => i > v && (x.text === ':' || x.text === ';'));
  const answer = [v + 1, stop > v ? stop - 1 : end] as const;
  if (answer[1] - answer[0] + 1 < 2 || answer[1] - answer[0] + 1 > MAX_ANSWER || !wholeClause(s, answer[0], answer[1])) return null;
  return { kind: 'basic', syntax: 'note-claim', front: `What does ${parts.subject} require?`, back: asAnswer(upperFirst(span(s, answer[0], answer[1]))), needsBefore: false };
}

/** "X must assume that Y" -> What must X assume? */
function lessonCard(s: ProseSentence): RuleCard | null {
  const t = s.tokens;
  const end = lastWord(s);
  for (let v = 1; v + 2 <= end; v++) {
    const verb = t[v]!;
    if (!LESSON_VERBS.has(verb.lemma) || t[v + 1]!.text.toLowerCase() !== 'that') continue;
    let m = v - 1;
    let modal: string | null = null;
    if (MODALS.has(t[m]!.text.toLowerCase())) modal = t[m]!.text.toLowerCase();
    else if (t[m]!.text.toLowerCase() === 'to' && /^(?:need|have)$/.test(t[m - 1]?.lemma ?? '')) {
      m -= 1;
      modal = t[m]!.text.toLowerCase() === 'needs' ? 'does' : t[m]!.text.toLowerCase() === 'has' ? 'does' : 'do';
    }
    if (modal === null || modal === 'cannot' || modal === 'can') return null;
    const parts = clauseParts(s, 0, m);
    // "We must ensure …" says who, not what: the lesson needs a subject a learner can name.
    if (parts === null || parts.verb !== m || pointsBack(s, 0, m - 1) || (m === 1 && t[0]!.pos === 'PRON')) return null;
    const answer = [v + 2, end] as const;
    if (answer[1] - answer[0] + 1 < MIN_ANSWER || answer[1] - answer[0] + 1 > MAX_ANSWER || !wholeClause(s, answer[0], answer[1])) return null;
    const needs = t[m]!.lemma === 'need' || t[m]!.lemma === 'have';
    const question = needs ? `What ${modal} ${parts.subject} ${t[m]!.lemma} to ${verb.lemma}?` : `What ${modal} ${parts.subject} ${verb.lemma}?`;
    return { kind: 'basic', syntax: 'note-claim', front: question, back: asAnswer(upperFirst(span(s, answer[0], answer[1]))), needsBefore: false };
  }
  return null;
}
