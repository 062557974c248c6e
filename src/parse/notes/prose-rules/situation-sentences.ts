/**
 * A situation the text describes and then names: "When the paused client
 * comes back, it believes that it still has a valid lease and proceeds to
 * also write to the file. We now have a split brain situation: the clients'
 * writes clash and corrupt the file." asks "What is a split brain
 * situation?" with the description (and what the naming sentence adds after
 * its colon) as the answer.
 */
import { lastWord, type ProseSentence, span, withoutAsides, withoutEmphasis } from './prose-sentence.js';
import { asAnswer, type RuleCard } from './rule-card.js';

/** Nouns that name a state of affairs rather than a thing. */
const SITUATIONS = new Set(['situation', 'scenario', 'condition', 'state']);
/** Longest name, in tokens between the article and the situation noun. */
const MAX_NAME = 4;
/** Longest description, in characters. */
const MAX_DESCRIPTION = 300;

/** The card of a sentence that names the situation the sentence before describes, or null. */
export function namedSituationCard(s: ProseSentence): RuleCard | null {
  const prev = s.previous;
  const t = s.tokens;
  if (prev == null || /[?:]\s*$/.test(prev.text) || !/^(?:we|you)$/i.test(t[0]?.text ?? '')) return null;
  let k = 1;
  if (t[k]?.pos === 'ADV') k++;
  if (t[k]?.lemma !== 'have' || !/^(?:a|an)$/i.test(t[k + 1]?.text ?? '')) return null;
  const first = k + 2;
  let noun = first;
  while (noun < t.length && noun - first < MAX_NAME && !SITUATIONS.has(t[noun]!.lemma)) {
    if (!/^(?:NOUN|PROPN|ADJ|VERB)$/.test(t[noun]!.pos)) return null;
    noun++;
  }
  if (noun === first || !SITUATIONS.has(t[noun]?.lemma ?? '')) return null;
  const end = lastWord(s);
  // Only the name, or the name and what it adds after a colon.
  const colon = t[noun + 1]?.text === ':';
  if (!colon && noun !== end) return null;
  const description = withoutAsides(withoutEmphasis(prev.text)).trim().replace(/[.!]$/, '');
  const added = colon ? `: ${span(s, noun + 2, end)}` : '';
  const back = asAnswer(`${description}${added}`);
  if (back.length > MAX_DESCRIPTION) return null;
  return { kind: 'basic', syntax: 'note-prose-definition', front: `What is ${t[k + 1]!.text.toLowerCase()} ${span(s, first, noun)}?`, back, needsBefore: false };
}
