/**
 * The clauses a sentence joins with semicolons, each read as a sentence of
 * its own. A long sentence often states one fact a clause ("there is a
 * deadline by which the software must respond; if it misses the deadline,
 * that may cause a failure of the whole system"), and a rule that reads the
 * whole sentence sees only its opening. A pronoun that opens a later clause
 * is read through the clause before it (`clauseAntecedent`).
 */
import type { Token } from '../../../nlp/english.js';
import { nounPhrases } from '../../../nlp/noun-phrases.js';
import { lowerFirst, type ProseSentence, span } from './prose-sentence.js';

/** Fewest tokens a clause needs to state anything. */
const MIN_CLAUSE_TOKENS = 4;

/**
 * The clauses after the first semicolon outside brackets, as sentences whose
 * `before` is the text before them and whose `earlier` is the clause before.
 * Empty when the sentence has no such semicolon.
 */
export function laterClauses(s: ProseSentence): ProseSentence[] {
  const t = s.tokens;
  const cuts: number[] = [];
  let depth = 0;
  for (let i = 0; i < t.length; i++) {
    const x = t[i]!.text;
    if (x === '(' || x === '[') depth++;
    else if ((x === ')' || x === ']') && depth > 0) depth--;
    else if (x === ';' && depth === 0) cuts.push(i);
  }
  const out: ProseSentence[] = [];
  for (let c = 0; c < cuts.length; c++) {
    const first = cuts[c]! + 1;
    const last = c + 1 < cuts.length ? cuts[c + 1]! - 1 : t.length - 1;
    if (last - first + 1 < MIN_CLAUSE_TOKENS) continue;
    const earlierFirst = c === 0 ? 0 : cuts[c - 1]! + 1;
    out.push({
      ...part(s, first, last),
      before: s.text.slice(0, t[cuts[c]!]!.from).trim(),
      earlier: part(s, earlierFirst, cuts[c]! - 1),
    });
  }
  return out;
}

/** Tokens `first..last` of `s` as a sentence of their own (offsets moved to its text). */
function part(s: ProseSentence, first: number, last: number): ProseSentence {
  // No tokens (a sentence that opens with its semicolon has no clause before it): an empty sentence, as between two semicolons.
  const from = last < first ? 0 : s.tokens[first]!.from;
  const to = last < first ? 0 : s.tokens[last]!.to;
  return {
    text: s.text.slice(from, to),
    tokens: s.tokens.slice(first, last + 1).map((x) => ({ ...x, from: x.from - from, to: x.to - from })),
    emphasis: s.emphasis.filter((e) => e.from >= from && e.to <= to).map((e) => ({ ...e, from: e.from - from, to: e.to - from })),
    headingPath: s.headingPath,
    before: null,
    previous: null,
    line: s.line,
    endLine: s.endLine,
  };
}

/**
 * What a pronoun ("it", "they") opening a clause stands for when the clause
 * before it in the same sentence names it: the last noun phrase there that
 * is the subject of a verb, of the pronoun's number, and not a thing the
 * clause itself names ("there is a deadline by which the software must
 * respond; if it doesn't meet the deadline" -> "the software"; the deadline is
 * what "it" meets, so not what "it" is). Null when there is none.
 */
export function clauseAntecedent(s: ProseSentence, pronoun: Token, clause: readonly Token[]): string | null {
  const earlier = s.earlier;
  const word = pronoun.text.toLowerCase();
  if (earlier == null || (word !== 'it' && word !== 'they')) return null;
  const t = earlier.tokens;
  const named = new Set(clause.filter((x) => x.pos === 'NOUN' || x.pos === 'PROPN').map((x) => x.lemma));
  let found: string | null = null;
  for (const np of nounPhrases(t)) {
    const head = t[np.last]!;
    const verb = t[np.last + 1];
    if (verb === undefined || (verb.pos !== 'AUX' && verb.pos !== 'VERB') || named.has(head.lemma)) continue;
    const plural = head.lemma !== head.text.toLowerCase() && /s$/i.test(head.text);
    if (plural !== (word === 'they')) continue;
    found = lowerFirst(span(earlier, np.det, np.last), t[np.det], t[np.det + 1]);
  }
  return found;
}
