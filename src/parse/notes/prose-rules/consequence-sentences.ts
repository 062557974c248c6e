/**
 * Consequence cards: "If A, (then) B." asks "What happens if A?" with B as
 * the answer; "A can lead to B" asks "What can A lead to?".
 */
import type { Token } from '../../../nlp/english.js';
import { clauseParts } from './clause-questions.js';
import { clauseComma, definiteBack, lastWord, lowerFirst, opensSubject, pointsBack, type ProseSentence, span, upperFirst, wholeClause } from './prose-sentence.js';
import { asAnswer, type RuleCard } from './rule-card.js';
import { clauseAntecedent } from './sentence-clauses.js';

const MIN_CLAUSE = 3;
const MAX_CONDITION = 22;
const MAX_RESULT = 35;
/** A condition this short ("if a node fails") names no situation of its own: the sentence before goes with it. */
const GENERAL_CONDITION = 4;
/** Nouns that name nothing a learner could recall. */
const EMPTY_NOUNS = new Set(['thing', 'way', 'lot', 'kind', 'sort', 'case', 'time', 'bit', 'part']);
/** Fewest tokens of a result worth asking for. */
const MIN_RESULT = 6;

/** The consequence card of a sentence, or null. */
export function consequenceCard(s: ProseSentence): RuleCard | null {
  const t = s.tokens;
  const end = lastWord(s);
  let k = 0;
  while (k < t.length && /^(?:and|but|so|however|thus|hence|therefore|,)$/i.test(t[k]!.text)) k++;
  const opener = t[k]?.text.toLowerCase();
  if (opener === 'if' || opener === 'when') {
    const comma = clauseComma(s, k);
    if (comma < 0) return null;
    let r = comma + 1;
    if (t[r]?.text.toLowerCase() === 'then') r++;
    const condition = [k + 1, comma - 1] as const;
    // "…, that may cause a failure of the entire system": what the condition causes is the answer.
    const caused = causedObject(s, r, end);
    if (caused !== null) {
      if (!wholeClause(s, condition[0], condition[1]) || condition[1] - condition[0] + 1 < MIN_CLAUSE || condition[1] - condition[0] + 1 > MAX_CONDITION) return null;
      return causedCard(s, opener, condition[0], condition[1], caused, end);
    }
    // Both sides are clauses with a subject ("when driving a car" names no one).
    if (!wholeClause(s, condition[0], condition[1]) || !wholeClause(s, r, end) || !opensSubject(s, r) || !opensSubject(s, condition[0])) return null;
    if (condition[1] - condition[0] + 1 < MIN_CLAUSE || condition[1] - condition[0] + 1 > MAX_CONDITION) return null;
    // "When Client 1 reactivates and sends a write with token 33": a worked example's actors, which the card
    // cannot set up.
    if (/\b[A-Z][a-z]+ \d+\b|\b(?:token|node|client|transaction|request|write|version) \d+\b/.test(span(s, condition[0], condition[1]))) return null;
    if (end - r + 1 < MIN_CLAUSE || end - r + 1 > MAX_RESULT) return null;
    for (let i = condition[0]; i <= condition[1]; i++) if (/^[;:]$/.test(t[i]!.text)) return null;
    // "The lease expires." — an answer of a few words restates what the condition already implies.
    if (end - r + 1 < MIN_RESULT) return null;
    // "A common solution is …" answers a problem the paragraph sets (which cluster? which kind of job?), not the condition alone.
    if (!/^(?:you|we)$/i.test(t[k + 1]?.text ?? '') && /^(?:a|the|one)\s+(?:\w+\s+)?(?:solution|option|approach|answer|way)\b/i.test(span(s, r, end))) return null;
    // An answer about "this"/"such" or "doing so" says nothing without the paragraph around it.
    if (/^(?:this|that|these|those|such)$/i.test(t[r]!.text) || /\b(?:do(?:ing)? so)\b/i.test(span(s, r, end))) return null;
    // "… takes the next packet from that buffer": a thing the result points back at that the condition does not
    // name was introduced sentences before; the card cannot show it.
    for (let i = r + 1; i < end; i++) {
      if (/^(?:this|that|these|those)$/i.test(t[i]!.text) && t[i]!.pos === 'DET' && t[i + 1]?.pos === 'NOUN' && !t.slice(condition[0], condition[1] + 1).some((x) => x.lemma === t[i + 1]!.lemma)) return null;
    }
    // "…, it is impossible to tell why": a judgement about the situation is no thing that happens; "…, X can be
    // used as Y" is an option, which the question "What happens …?" does not ask.
    if (/^it(?: is|'s|’s) (?:not )?(?:impossible|possible|hard|difficult|easy|unclear)\b/i.test(span(s, r, end)) || /\b(?:can be used|(?:may|might|could|can) be possible)\b/i.test(span(s, r, end))) return null;
    // "If the network cable is unplugged, TCP can't plug it back in for you": a result that only denies what the
    // condition undid is the author's wit, not a fact.
    if (deniesCondition(t.slice(condition[0], condition[1] + 1), t.slice(r, end + 1))) return null;
    // The result must be a clause of its own (a verb), not the rest of a list.
    if (!t.slice(r, end + 1).some((x) => x.pos === 'VERB' || x.pos === 'AUX')) return null;
    // "… the system would be much simpler", "it may do arbitrary unexpected things": a result that names nothing
    // the condition did not, and says no action, is guessed from the question, not recalled.
    const named = new Set(t.slice(condition[0], condition[1] + 1).filter((x) => x.pos === 'NOUN' || x.pos === 'PROPN').map((x) => x.lemma));
    const result = t.slice(r, end + 1);
    const newThing = result.some((x) => (x.pos === 'NOUN' || x.pos === 'PROPN' || x.pos === 'NUM') && !named.has(x.lemma) && !EMPTY_NOUNS.has(x.lemma));
    const action = result.some((x) => x.pos === 'VERB' && !/^(?:be|do|have|get|become)$/.test(x.lemma));
    if (!newThing && !action) return null;
    // "If you want/need to X, do Y" is advice: it answers what to do, not what happens.
    // A condition with no thing in it ("if this was true", "if you guess too low") needs more than a sentence of context.
    if (!t.slice(condition[0], condition[1] + 1).some((x) => x.pos === 'NOUN' || x.pos === 'PROPN')) return null;
    const who = t[condition[0]]!.text.toLowerCase();
    const wish = (who === 'you' || who === 'we') && /^(?:want|need|wish)$/.test(t[condition[0] + 1]?.lemma ?? '');
    // "…, it is essential that you monitor …" answers what to do.
    const advice = /^(?:it is (?:essential|important|crucial|best|wise)|(?:you|we) (?:must|should|need|have to)|one option)\b/i.test(span(s, r, end));
    // "…, you can query them to detect …" is an option the condition opens, not something that happens: it asks
    // what one can do, answered by the action alone.
    const option = !wish && !advice && /^(?:you|we) (?:can|could)\b/i.test(span(s, r, end)) && t[r + 2] !== undefined;
    // "If you wanted to transfer a file over a circuit, you would have to guess a bandwidth allocation": what one
    // would be forced to do, which "What should you do" misreads as advice.
    const forced = /^(?:you|we) would have to\b/i.test(span(s, r, end)) ? 4 : 0;
    const asked = forced > 0 ? `What would ${t[r]!.text.toLowerCase()} have to do` : wish || advice ? `What should ${who === 'we' ? 'we' : 'you'} do` : option ? `What can ${t[r]!.text.toLowerCase()} do` : 'What happens';
    return {
      kind: 'basic',
      syntax: 'note-consequence',
      front: `${asked} ${opener} ${lowerFirst(span(s, condition[0], condition[1]), t[condition[0]], t[condition[0] + 1])}?`,
      back: asAnswer(upperFirst(forced > 0 ? span(s, r + forced, end) : option ? span(s, r + 2, end) : span(s, r, end))),
      needsBefore: pointsBack(s, condition[0], condition[1]),
      // A short condition names no situation of its own; "the deadline" that the sentence before set up needs it beside.
      contextHelps: condition[1] - condition[0] + 1 <= GENERAL_CONDITION || definiteBack(s, condition[0], condition[1]) || definiteBack(s, r, end),
    };
  }
  for (let v = 1; v < end; v++) {
    // "X can lead to Y", "X can cause Y", "X can result in Y".
    const lead = t[v]!.lemma === 'lead' && t[v + 1]?.text.toLowerCase() === 'to';
    const cause = (t[v]!.lemma === 'cause' && t[v]!.pos === 'VERB') || (t[v]!.lemma === 'result' && t[v + 1]?.text.toLowerCase() === 'in');
    if (!lead && !cause) continue;
    const object = lead || t[v]!.lemma === 'result' ? v + 2 : v + 1;
    const verbText = lead ? 'lead to' : t[v]!.lemma === 'result' ? 'result in' : 'cause';
    const aux = t[v - 1]!.pos === 'AUX' ? v - 1 : v;
    const parts = clauseParts(s, 0, v);
    if (parts === null || parts.verb !== aux) return null;
    // "Incorrect NTP servers can cause clocks to be significantly off": an effect of a few words is guessed from the cause.
    if (end - object + 1 < MIN_RESULT) return null;
    const can = aux < v ? t[aux]!.text.toLowerCase() : /s$/.test(t[v]!.text) ? 'does' : /ed$/.test(t[v]!.text) ? 'did' : 'do';
    return {
      kind: 'basic',
      syntax: 'note-consequence',
      front: `What ${can} ${parts.subject} ${verbText}?`,
      back: asAnswer(upperFirst(span(s, object, end))),
      needsBefore: pointsBack(s, 0, aux - 1),
    };
  }
  return null;
}

/**
 * Whether a result only denies, with "can't"/"cannot"/"won't", a verb the
 * condition already holds ("unplugged" … "can't plug it back in"): a result
 * that says nothing the condition did not.
 */
function deniesCondition(condition: readonly Token[], outcome: readonly Token[]): boolean {
  const negated = outcome.some((x, i) => /^(?:can|will|could|would)$/i.test(x.lemma) && /^(?:n['’]t|not)$/i.test(outcome[i + 1]?.text ?? '')) || outcome.some((x) => /^(?:cannot|can['’]t|won['’]t)$/i.test(x.text));
  if (!negated) return false;
  const said = condition.map((x) => x.text.toLowerCase());
  // The same verb, or it undone ("unplugged" … "plug"); not a word that only holds it ("network" … "work").
  return outcome.some((x) => x.pos === 'VERB' && x.lemma.length >= 4 && said.some((w) => w.replace(/^(?:un|dis|re)/, '').startsWith(x.lemma) || w.startsWith(x.lemma)));
}

/** The result "that may cause X" / "this can lead to X": X's first index and the modal, or null. */
function causedObject(s: ProseSentence, r: number, end: number): { object: number; modal: string } | null {
  const t = s.tokens;
  if (!/^(?:this|that)$/i.test(t[r]!.text)) return null;
  let v = r + 1;
  let modal = 'can';
  if (t[v]?.pos === 'AUX' && /^(?:may|can|could|might|will|would)$/i.test(t[v]!.text)) modal = t[v++]!.text.toLowerCase();
  const verb = t[v];
  if (verb === undefined || verb.pos !== 'VERB') return null;
  const object = verb.lemma === 'cause' ? v + 1 : (verb.lemma === 'lead' && t[v + 1]?.text.toLowerCase() === 'to') || (verb.lemma === 'result' && t[v + 1]?.text.toLowerCase() === 'in') ? v + 2 : -1;
  if (object < 0 || end - object + 1 < MIN_CLAUSE || !wholeClause(s, object, end)) return null;
  return { object, modal: modal === 'will' || modal === 'would' ? 'can' : modal };
}

/** "What may happen if A?" with what "that" causes as the answer; a pronoun opening A read through the clause before. */
function causedCard(s: ProseSentence, opener: string, a: number, b: number, caused: { object: number; modal: string }, end: number): RuleCard | null {
  const t = s.tokens;
  const pronoun = t[a]!;
  const named = /^(?:it|they)$/i.test(pronoun.text) ? clauseAntecedent(s, pronoun, t.slice(a + 1, b + 1)) : null;
  const condition = named === null ? lowerFirst(span(s, a, b), t[a], t[a + 1]) : `${named} ${span(s, a + 1, b)}`;
  const needsBefore = pointsBack(s, named === null ? a : a + 1, b);
  // A condition on a bare pronoun that the clause before does not name, or with no thing in it, asks about nothing.
  if (named === null && pronoun.pos === 'PRON' && needsBefore) return null;
  if (named === null && !t.slice(a, b + 1).some((x) => x.pos === 'NOUN' || x.pos === 'PROPN')) return null;
  return {
    kind: 'basic',
    syntax: 'note-consequence',
    front: `What ${caused.modal} happen ${opener} ${condition}?`,
    back: asAnswer(upperFirst(span(s, caused.object, end))),
    needsBefore,
    contextHelps: definiteBack(s, a, b),
  };
}
