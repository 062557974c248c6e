/**
 * Scenarios the text plays out: "Imagine a node that pauses execution for one
 * minute. During that time, no requests are processed and no responses are
 * sent. The other nodes wait, retry, grow impatient, and eventually declare
 * the node dead." asks "What happens when a node pauses execution for one
 * minute?" with the sentences that tell what happens (at most two, in the
 * same paragraph) as the answer. The scenario must name its actor and what
 * it does ("imagine <a thing> that <does something>").
 */
import type { Token } from '../../../nlp/english.js';
import { lastWord, type ProseSentence, span, wholeClause, withoutAsides, withoutEmphasis } from './prose-sentence.js';
import type { RuleCard } from './rule-card.js';

/** How many sentences after the scenario tell what happens. */
const MAX_OUTCOME_SENTENCES = 2;
/** Longest answer, in characters: a longer outcome is a story to read, not a fact to recall. */
const MAX_OUTCOME_CHARS = 250;
const MIN_SCENARIO = 4;
const MAX_SCENARIO = 20;

/** "What happens when …?" of a sentence that sets up a scenario, or null. */
export function scenarioQuestion(s: ProseSentence): string | null {
  if (!s.text.includes('magine') || !/\.\s*$/.test(s.text)) return null;
  const t = s.tokens;
  const end = lastWord(s);
  const k = t.findIndex((x) => x.lemma === 'imagine' && x.pos === 'VERB');
  // "Imagine …" or "As a third scenario, imagine …": the command opens the sentence or follows its lead-in.
  if (k < 0 || (k > 0 && t[k - 1]!.text !== ',')) return null;
  let r = k + 1;
  while (r <= end && /^(?:DET|ADJ|NUM|NOUN|PROPN)$/.test(t[r]!.pos) && !/^(?:that|which|who)$/i.test(t[r]!.text)) r++;
  if (r === k + 1 || !/^(?:that|which|who)$/i.test(t[r]?.text ?? '') || !actsAfter(t, r + 1)) return null;
  if (end - k < MIN_SCENARIO || end - k > MAX_SCENARIO || !wholeClause(s, k + 1, end) || t.slice(k + 1, end + 1).some((x) => x.text === ',' || x.text === ';')) return null;
  return `What happens when ${span(s, k + 1, r - 1)} ${span(s, r + 1, end)}?`;
}

/** The scenario card: its question and the outcome sentences read after it (null when there are none or too long). */
export function scenarioCard(front: string, outcome: readonly ProseSentence[]): RuleCard | null {
  const texts = outcome.map((o) => withoutAsides(withoutEmphasis(o.text)).trim());
  // The first sentences that fit: a second one too long leaves the first as the answer.
  while (texts.length > 0 && texts.join(' ').length > MAX_OUTCOME_CHARS) texts.pop();
  if (texts.length === 0 || texts.some((o) => /\?$/.test(o))) return null;
  const back = texts.join(' ');
  return { kind: 'basic', syntax: 'note-consequence', front, back, needsBefore: false };
}

/** Whether a scenario has read all the outcome it takes. */
export function outcomeFull(outcome: readonly ProseSentence[]): boolean {
  return outcome.length >= MAX_OUTCOME_SENTENCES;
}

/** Whether token `i` is the verb of a relative clause: a verb, or a word in -s the model took for a noun before a determiner ("that experiences a pause"). */
function actsAfter(t: readonly Token[], i: number): boolean {
  const x = t[i];
  if (x === undefined) return false;
  return x.pos === 'VERB' || x.pos === 'AUX' || (x.pos === 'NOUN' && /[a-z]s$/.test(x.text) && t[i + 1]?.pos === 'DET');
}
