/**
 * What a goal needs: "To guarantee a correct ordering, you would need the
 * clock error to be significantly lower than the network delay" asks "What
 * would you need to guarantee a correct ordering?"; "For correct ordering, …"
 * asks "What would you need for correct ordering?". The goal leads the
 * sentence and the requirement is the object of "need" or "require".
 */
import { clauseComma, lastWord, lowerFirst, pointsBack, type ProseSentence, span, upperFirst, wholeClause } from './prose-sentence.js';
import { asAnswer, type RuleCard } from './rule-card.js';

const MIN_GOAL = 2;
const MAX_GOAL = 10;
const MIN_NEED = 3;
const MAX_NEED = 30;
/** Subjects a requirement is stated for: the reader, or a named thing (clauseParts would take "you would" apart). */
const PEOPLE = new Set(['you', 'we', 'one']);
const MODALS = new Set(['would', 'will', 'must', 'may', 'might', 'could', 'should']);

/** The requirement card of a sentence, or null. */
export function needCard(s: ProseSentence): RuleCard | null {
  const t = s.tokens;
  const opener = t[0]?.text.toLowerCase();
  if (opener !== 'to' && opener !== 'for') return null;
  const comma = clauseComma(s, 0);
  if (comma - 1 < MIN_GOAL || comma - 1 > MAX_GOAL || !wholeClause(s, 1, comma - 1)) return null;
  // "For example," / "For this reason," set no goal.
  if (opener === 'for' && !t.slice(1, comma).some((x) => x.pos === 'NOUN') ) return null;
  if (pointsBack(s, 1, comma - 1) || /^(?:example|instance|this|that|now|these|those)$/i.test(t[1]!.text)) return null;
  let k = comma + 1;
  const subject = t[k]?.text.toLowerCase() ?? '';
  if (!PEOPLE.has(subject)) return null;
  k++;
  const modal = MODALS.has(t[k]?.text.toLowerCase() ?? '') ? t[k++]!.text.toLowerCase() : null;
  const verb = t[k];
  if (verb === undefined || verb.pos !== 'VERB' || (verb.lemma !== 'need' && verb.lemma !== 'require')) return null;
  const end = lastWord(s);
  const from = k + 1;
  if (end - from + 1 < MIN_NEED || end - from + 1 > MAX_NEED || !wholeClause(s, from, end) || /^(?:to|this|that|it)$/i.test(t[from]!.text)) return null;
  const aux = modal ?? 'do';
  return {
    kind: 'basic',
    syntax: 'note-claim',
    front: `What ${aux} ${subject} ${verb.lemma} ${lowerFirst(span(s, 0, comma - 1), t[0], t[1])}?`,
    back: asAnswer(upperFirst(span(s, from, end))),
    needsBefore: false,
  };
}
