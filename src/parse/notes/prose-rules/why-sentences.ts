/**
 * Why-cards from causal sentences: "A, because B" and "Because B, A" ask
 * "Why A?" with "Because B." as the answer; "A so that B" and "A in order to
 * B" answer "So that B." / "To B.". The question is A turned around
 * (clause-questions.ts); a sentence whose A does not turn gives no card.
 */
import { invertedClause } from './clause-questions.js';
import { antecedent, balanced, clauseComma, definiteBack, exampleAside, isGerund, lastWord, lowerFirst, opensSubject, pointsBack, type ProseSentence, span, upperFirst, wholeClause } from './prose-sentence.js';
import { asAnswer, type RuleCard } from './rule-card.js';

/** Shortest and longest clause, in tokens, a card asks about or answers with. */
const MIN_CLAUSE = 3;
const MAX_CLAUSE = 24;
const MAX_CAUSE = 40;
/** Longest question, in tokens: a longer one asks several things. */
const MAX_QUESTION = 18;
/** Verbs that state a purpose after a comma (", to avoid …"), unlike a plain infinitive (", to be fair"). */
const PURPOSE_VERBS = new Set('avoid prevent ensure guarantee make keep reduce allow stop protect detect help minimise minimize maximise maximize improve support'.split(' '));
/** Discourse words at the start of a clause that the question leaves out. */
const OPENERS = new Set(['nevertheless', 'still', 'yet', 'instead', 'and', 'but', 'so', 'however', 'thus', 'hence', 'therefore', 'also', 'moreover', 'furthermore', 'unfortunately', 'fortunately']);

/** The words the search below stops at ("because", "so that", "in order to", ", to"), in any case. */
const CAUSAL_WORD_RE = /^(?:because|so|in|to)$/i;

/** The why-card of a causal sentence, or null. */
export function whyCard(s: ProseSentence): RuleCard | null {
  const t = s.tokens;
  const end = lastWord(s);
  for (let k = 0; k <= end; k++) {
    // Only these words open a cause or a purpose; the test spares lower-casing every other word.
    if (!CAUSAL_WORD_RE.test(t[k]!.text)) continue;
    const w = t[k]!.text.toLowerCase();
    if (w === 'because' && t[k - 1]?.text.toLowerCase() !== 'just' && t[k + 1]?.text.toLowerCase() !== 'of') {
      if (k === 0) {
        const comma = clauseComma(s, k);
        if (comma < 0) return null;
        return card(s, comma + 1, end, 'Because', k + 1, comma - 1);
      }
      return card(s, 0, k - 1, 'Because', k + 1, end);
    }
    if (w === 'so' && t[k + 1]?.text.toLowerCase() === 'that' && k > 0) return card(s, 0, k - 1, 'So that', k + 2, end);
    if (w === 'in' && t[k + 1]?.text.toLowerCase() === 'order' && t[k + 2]?.text.toLowerCase() === 'to') {
      if (k > 0) return card(s, 0, k - 1, 'To', k + 3, end);
      // "In order to ensure X, Spanner waits …": the purpose leads.
      const comma = clauseComma(s, k);
      return comma < 0 ? null : card(s, comma + 1, end, 'To', k + 3, comma - 1);
    }
    // ", to avoid split brain": a purpose after a comma.
    if (w === 'to' && k > 2 && t[k - 1]!.text === ',' && t[k + 1]?.pos === 'VERB' && PURPOSE_VERBS.has(t[k + 1]!.lemma)) return card(s, 0, k - 2, 'To', k + 1, end);
    // "testing must be done to ensure …": a purpose after a passive verb that is the clause's own ("you can inspect … after
    // faults are injected to make sure …" is a purpose of "inspect", not of "injected").
    if (w === 'to' && k > 2 && t[k - 1]!.pos === 'VERB' && t[k - 2]!.lemma === 'be' && !t.slice(0, k - 2).some((x) => x.pos === 'VERB') && t[k + 1]?.pos === 'VERB' && PURPOSE_VERBS.has(t[k + 1]!.lemma)) return card(s, 0, k - 1, 'To', k + 1, end);
  }
  return null;
}

function card(s: ProseSentence, a: number, b: number, lead: string, c: number, d: number): RuleCard | null {
  if (d - c + 1 < MIN_CLAUSE || d - c + 1 > MAX_CAUSE || !balanced(s, c, d)) return null;
  const asked = whyQuestion(s, a, b);
  if (asked === null) return null;
  const cause = span(s, c, d);
  return {
    kind: 'basic',
    syntax: 'note-why',
    front: asked.front,
    back: asAnswer(`${lead} ${lead === 'To' ? cause : cause.charAt(0).toLowerCase() === cause.charAt(0) ? cause : upperFirst(cause)}`),
    needsBefore: asked.needsBefore,
    contextHelps: asked.contextHelps,
  };
}

/**
 * "Why …?" asking about the clause of tokens `a..b` (a claim whose cause the
 * caller has found: "because …", "due to …", a dash's explanation): leading
 * discourse words dropped, a leading setting ("In a distributed system, …")
 * moved to the end, the auxiliary moved before the subject. Null when the
 * clause is too short or long, holds a comma (but an example aside) or two
 * predicates, or asks about a pronoun the sentence before does not name.
 * `needsBefore` when the clause points back.
 */
export function whyQuestion(s: ProseSentence, a: number, b: number): { front: string; needsBefore: boolean; contextHelps: boolean } | null {
  const t = s.tokens;
  // Leading "However," / "In practice," / "And" are not part of what is asked.
  while (a <= b && (OPENERS.has(t[a]!.text.toLowerCase()) || t[a]!.text === ',')) a++;
  while (b >= a && /^[,;:—–-]$/.test(t[b]!.text)) b--;
  // A leading phrase ("In a distributed system, …") moves to the end of the question.
  let setting = '';
  if (t[a]?.pos === 'ADP') {
    const comma = clauseComma(s, a);
    // Only a phrase that names a setting ("In a distributed system"), not a discourse mark ("In particular").
    if (comma > a && comma < b && wholeClause(s, a, comma - 1) && t.slice(a, comma).some((x) => x.pos === 'NOUN' || x.pos === 'PROPN')) {
      setting = ` ${lowerFirst(span(s, a, comma - 1), t[a], t[a + 1])}`;
      a = comma + 1;
    }
  }
  if (b - a + 1 < MIN_CLAUSE || b - a + 1 > MAX_CLAUSE) return null;
  if (!wholeClause(s, a, b) || !(opensSubject(s, a) || isGerund(s, a)) || b - a + 1 > MAX_QUESTION) return null;
  for (let i = a; i <= b; i++) {
    // ", such as version vectors," names an example inside the subject: the question keeps it whole.
    const aside = exampleAside(s, i, b);
    if (aside > 0) i = aside;
    else if (t[i]!.text === ',' || t[i]!.text === '(') return null;
  }
  // Two predicates joined ("keeps moving and may declare"): a question would ask two things.
  for (let i = a + 1; i < b; i++) if (t[i]!.pos === 'CCONJ' && /^(?:AUX|VERB)$/.test(t[i + 1]!.pos)) return null;
  // "Why is it still safe?" asks about a bare pronoun: even with the sentence before, the question names nothing —
  // unless the sentence before names it as its subject ("A majority quorum allows …; it is still safe").
  let named: string | undefined;
  const verbAt = t[a + 1]?.pos === 'ADV' ? a + 2 : a + 1;
  if (t[a]!.pos === 'PRON' && /^(?:it|this|that|they|these|those|he|she)$/i.test(t[a]!.text) && /^(?:AUX|VERB)$/.test(t[verbAt]?.pos ?? '')) {
    named = antecedent(s, t[a]!) ?? undefined;
    if (named === undefined) return null;
  }
  const body = invertedClause(s, a, b, named);
  if (body === null) return null;
  return { front: `Why ${body}${setting}?`, needsBefore: pointsBack(s, named === undefined ? a : a + 1, b), contextHelps: definiteBack(s, a, b) };
}
