/**
 * What a practice the text has just described achieves: "… carefully monitor
 * the clock offsets between all the machines. … Such monitoring ensures that
 * you notice the broken clocks before they can cause too much damage." asks
 * "What does monitoring the clock offsets between all the machines ensure?".
 * The practice is named by a verb's -ing form ("such monitoring", "this
 * caching") and read back from the sentences before, where the verb is said
 * with its object; a practice the text does not spell out gives no card.
 */
import { lastWord, type ProseSentence, span, upperFirst } from './prose-sentence.js';
import { asAnswer, type RuleCard } from './rule-card.js';

/** Verbs that say what a practice achieves. */
const EFFECT_VERBS = new Set(['ensure', 'prevent', 'guarantee', 'avoid', 'allow', 'enable', 'let', 'help', 'reduce']);
/** How many sentences back the practice may have been described. */
const LOOK_BACK = 3;
/** Longest description of the practice, in tokens after its verb. */
const MAX_PRACTICE = 12;
const MIN_ANSWER = 4;
const MAX_ANSWER = 30;

/** The effect card of a sentence, or null. */
export function effectCard(s: ProseSentence): RuleCard | null {
  const t = s.tokens;
  if (t.length < 6 || !/^(?:such|this|that)$/i.test(t[0]!.text)) return null;
  const noun = t[1]!;
  const verb = t[2]!;
  if (noun.pos !== 'NOUN' || !/[a-z]{3,}ing$/.test(noun.text) || verb.pos !== 'VERB' || !EFFECT_VERBS.has(verb.lemma) || !/s$/.test(verb.text)) return null;
  const practice = describedPractice(s, noun.text.toLowerCase());
  if (practice === null) return null;
  const from = t[3]!.text.toLowerCase() === 'that' && t[3]!.pos === 'SCONJ' ? 4 : 3;
  const end = lastWord(s);
  if (end - from + 1 < MIN_ANSWER || end - from + 1 > MAX_ANSWER) return null;
  return {
    kind: 'basic',
    syntax: 'note-why',
    front: `What does ${practice} ${verb.lemma}?`,
    back: asAnswer(upperFirst(span(s, from, end))),
    needsBefore: false,
  };
}

/**
 * "monitoring the clock offsets between all the machines": the verb of
 * `gerund` with its object, from the nearest sentence before that says it.
 */
function describedPractice(s: ProseSentence, gerund: string): string | null {
  const stem = gerund.slice(0, -3);
  // "monitoring" <- monitor, "caching" <- cache, "shipping" <- ship.
  const lemmas = new Set([stem, `${stem}e`, stem.replace(/(.)\1$/, '$1')]);
  let prev = s.previous;
  for (let back = 0; back < LOOK_BACK && prev != null; back++, prev = prev.previous) {
    const t = prev.tokens;
    const v = t.findIndex((x) => x.pos === 'VERB' && lemmas.has(x.lemma));
    if (v < 0) continue;
    let last = v + 1;
    while (last < t.length && !/^[,;:.—()]$/.test(t[last]!.text) && t[last]!.pos !== 'SCONJ' && t[last]!.pos !== 'CCONJ') last++;
    last--;
    const object = t.slice(v + 1, last + 1);
    if (object.length === 0 || object.length > MAX_PRACTICE || !object.some((x) => x.pos === 'NOUN' || x.pos === 'PROPN')) return null;
    return `${gerund} ${span(prev, v + 1, last)}`;
  }
  return null;
}
