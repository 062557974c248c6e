/**
 * Questions made from a declarative clause by moving its auxiliary before its
 * subject, as English does: "a node cannot trust its own judgement" -> "can't
 * a node trust its own judgement", "the lease expired" -> "did the lease
 * expire". Only simple clauses are turned: a short subject (a noun phrase or a
 * pronoun, no comma) followed by the verb. Anything else gives null, and the
 * rule that asked makes no card rather than a garbled one.
 */
import type { Token } from '../../../nlp/english.js';
import { exampleAside, lowerFirst, type ProseSentence, span } from './prose-sentence.js';

/** Longest subject in tokens. */
const MAX_SUBJECT_TOKENS = 10;
/** Auxiliaries that move before the subject, with their negative forms. */
const NEGATIVE: Readonly<Record<string, string>> = {
  is: "isn't", are: "aren't", was: "wasn't", were: "weren't", can: "can't", could: "couldn't", will: "won't",
  would: "wouldn't", should: "shouldn't", must: "mustn't", may: 'may not', might: 'might not', has: "hasn't",
  have: "haven't", had: "hadn't", do: "don't", does: "doesn't", did: "didn't", shall: 'shall not',
};
/** Contracted forms as the tokenizer gives them. */
const CONTRACTED: Readonly<Record<string, string>> = { "'s": 'is', "'re": 'are', ca: 'can', wo: 'will', sha: 'shall', cannot: 'can' };

/** Parts of speech a simple subject is made of ("the node's own clock", "most of the time"). */
const SUBJECT_PARTS = new Set(['DET', 'ADJ', 'NOUN', 'PROPN', 'PRON', 'NUM', 'ADP', 'PART', 'ADV', 'CCONJ', 'PUNCT', 'VERB']);

/** Past forms that do not end in -ed, for "did": the common ones in technical prose. */
const IRREGULAR_PAST = new Set('was were had did made took gave got went came saw knew thought found told became left felt brought began kept held wrote stood ran lost paid met sent built fell cut meant'.split(' '));

/** The subject and verb of a clause, or null when its shape is not simple. */
export interface ClauseParts {
  subject: string;
  /** Index of the first auxiliary or verb. */
  verb: number;
}

/** Splits tokens `a..b` into subject and verb. */
export function clauseParts(s: ProseSentence, a: number, b: number): ClauseParts | null {
  let hasNoun = false;
  for (let i = a; i <= b; i++) {
    const t = s.tokens[i]!;
    const gerund = i === a && t.pos === 'VERB' && /ing$/i.test(t.text);
    if (gerund) continue;
    if (t.pos === 'AUX' || (t.pos === 'VERB' && !isModifierVerb(s.tokens, i, a))) {
      const gerundSubject = s.tokens[a]!.pos === 'VERB';
      if (i === a || !(hasNoun || gerundSubject) || i - a > MAX_SUBJECT_TOKENS) return null;
      return { subject: lowerFirst(span(s, a, i - 1), s.tokens[a], s.tokens[a + 1]), verb: i };
    }
    const aside = exampleAside(s, i, b);
    if (aside > 0 && hasNoun) {
      i = aside;
      continue;
    }
    if (t.pos === 'NOUN' || t.pos === 'PROPN' || t.pos === 'PRON' || t.pos === 'NUM') hasNoun = true;
    else if (t.pos === 'PUNCT' && !/^[-–'’()]$/.test(t.text)) return null;
    else if (!SUBJECT_PARTS.has(t.pos)) return null;
  }
  return null;
}

/** A participle inside a noun phrase ("the *fencing* token", "a *distributed* system") is not the clause's verb. */
function isModifierVerb(tokens: readonly Token[], i: number, a: number): boolean {
  const next = tokens[i + 1];
  const prev = tokens[i - 1];
  return i > a && prev !== undefined && (prev.pos === 'DET' || prev.pos === 'ADJ') && next !== undefined && (next.pos === 'NOUN' || next.pos === 'PROPN');
}

/**
 * The clause `a..b` as the body of a question ("can't a node trust its
 * judgement"), or null. `b` is the last token to keep (no final stop).
 */
export function invertedClause(s: ProseSentence, a: number, b: number, subject?: string): string | null {
  const found = clauseParts(s, a, b);
  if (found === null) return null;
  // A pronoun subject replaced by what it stands for ("it" -> "a majority quorum").
  const parts = subject === undefined ? found : { ...found, subject };
  const t = s.tokens[parts.verb]!;
  const word = t.text.toLowerCase();
  // "have" with no participle after it is the main verb: "runtimes have some flexibility" -> "do runtimes have".
  const haveAlone = t.lemma === 'have' && s.tokens[parts.verb + 1]?.pos !== 'VERB' && s.tokens[parts.verb + 1]?.pos !== 'AUX';
  if (t.pos === 'AUX' && !haveAlone) {
    const aux = CONTRACTED[word] ?? word;
    if (!(aux in NEGATIVE)) return null;
    let next = parts.verb + 1;
    let negative = word === 'cannot';
    if (s.tokens[next] && /^(?:not|n't|n’t)$/i.test(s.tokens[next]!.text)) {
      negative = true;
      next++;
    }
    const rest = span(s, next, b);
    if (rest === '') return null;
    return `${negative ? NEGATIVE[aux] : aux} ${parts.subject} ${rest}`;
  }
  // A plain verb takes "do": its tense and number decide the form.
  if (/ing$/.test(word)) return null;
  const form = word === t.lemma ? 'do' : /s$/.test(word) && !/ss$/.test(word) ? 'does' : word === 'had' ? 'did' : /ed$/.test(word) || IRREGULAR_PAST.has(word) ? 'did' : null;
  if (form === null) return null;
  const rest = span(s, parts.verb + 1, b);
  return `${form} ${parts.subject} ${t.lemma}${rest === '' ? '' : ` ${rest}`}`;
}
