/**
 * Claims whose reason is the next or the previous sentence. "Some users set
 * their clock to a wrong date, for example to cheat in games. As a result,
 * the clock might be set to a time wildly in the past." asks "Why might the
 * clock be set to a time wildly in the past?" with the sentence before as the
 * reason; "Timeouts must be found by experiment. This is because networks
 * give no guarantee of delay." asks "Why must timeouts be found by
 * experiment?" with what follows "This is because". The question is the
 * claim turned around (why-sentences.ts `whyQuestion`); a claim that does not
 * turn, or that points back to the sentence that is its answer, gives no card.
 */
import { aboutTheDocument } from '../../../quality/about-the-document.js';
import { lastWord, lowerFirst, pointsBack, type ProseSentence, span, upperFirst, withoutAsides, withoutEmphasis } from './prose-sentence.js';
import { asAnswer, type RuleCard } from './rule-card.js';
import { whyQuestion } from './why-sentences.js';

/** Longest reason, in characters: one fact. */
const MAX_REASON = 260;
/** Fewest words a reason needs. */
const MIN_REASON_WORDS = 5;
/** Openers that say the sentence follows from the one before ("As a result, …"), in tokens. */
const RESULT_OPENERS: readonly (readonly string[])[] = [
  ['consequently'], ['therefore'], ['hence'], ['thus'], ['as', 'a', 'result'], ['for', 'this', 'reason'], ['for', 'these', 'reasons'],
];
/** Openers that give the reason of the sentence before ("This is because …"). */
const REASON_OPENERS: readonly (readonly string[])[] = [
  ['this', 'is', 'because'], ['that', 'is', 'because'], ['this', 'is', 'due', 'to'], ['the', 'reason', 'is', 'that'], ['the', 'reason', 'is'],
];

/** The card of a claim and its reason in two sentences, or null. */
export function reasonCard(s: ProseSentence): RuleCard | null {
  return resultAfterReason(s) ?? reasonAfterClaim(s);
}

/** Words after "so" that make it no conjunction ("so that" is a purpose, "so long as" a condition). */
const NOT_SO = /^(?:that|far|much|many|long|on|forth|to|as)$/i;
/** Shortest and longest reason, in tokens, before ", so". */
const MIN_SO_REASON = 5;
const MAX_SO_REASON = 40;

/**
 * "A, so B." in one sentence: "Most systems have no accurate way of detecting
 * a failed node, so most algorithms rely on timeouts" asks "Why do most
 * algorithms rely on timeouts?" with "Because A." The reason starts after a
 * colon or semicolon before it ("A similar situation arises with CPUs: if you
 * share …, so a thread can be paused"); a result that opens with a pronoun or
 * points back, or a reason that points back, gives no card.
 */
export function soCard(s: ProseSentence): RuleCard | null {
  if (!s.text.includes(', so ')) return null;
  const t = s.tokens;
  let depth = 0;
  let start = 0;
  for (let k = 1; k < t.length - 1; k++) {
    const x = t[k]!.text;
    if (x === '(') depth++;
    else if (x === ')') depth--;
    else if (depth === 0 && (x === ':' || x === ';')) start = k + 1;
    // Compared as written: lower-casing every word of every sentence cost more than the rest of this rule.
    if (depth !== 0 || (x !== 'so' && x !== 'So') || t[k - 1]!.text !== ',' || NOT_SO.test(t[k + 1]!.text)) continue;
    const first = t[k + 1]!;
    if (first.pos === 'PRON' && first.text.toLowerCase() !== 'there') return null;
    const a = start;
    const b = k - 2;
    if (b - a + 1 < MIN_SO_REASON || b - a + 1 > MAX_SO_REASON || pointsBack(s, a, b) || t[a]!.pos === 'PRON' || aboutTheDocument(span(s, a, b)) !== null) return null;
    const end = clauseEnd(s, k + 1);
    // "so there is a limit to its accuracy": "its" is the reason's subject, which the question does not name.
    if (t.slice(k + 1, end + 1).some((x) => /^(?:it|its|they|their|them)$/i.test(x.text))) return null;
    const asked = whyQuestion(s, k + 1, end);
    if (asked === null || asked.needsBefore) return null;
    return { kind: 'basic', syntax: 'note-why', front: asked.front, back: asAnswer(`Because ${lowerFirst(span(s, a, b), t[a], t[a + 1])}`), needsBefore: false };
  }
  return null;
}

/** "A. As a result, B." -> Why B? Because A. */
function resultAfterReason(s: ProseSentence): RuleCard | null {
  const prev = s.previous;
  const n = opener(s, RESULT_OPENERS);
  if (prev == null || n === 0 || s.tokens[n]?.text !== ',') return null;
  const a = n + 1;
  const b = clauseEnd(s, a);
  const asked = whyQuestion(s, a, b);
  // "Consequently, these systems must …": the question points back to the very sentence that answers it.
  if (asked === null || asked.needsBefore) return null;
  // "Thus, a supercomputer is more like a single-node computer: it deals with partial failure by …": the claim's own
  // explanation after its colon says why more directly than the sentence before.
  const explained = s.tokens[b + 1]?.text === ':' ? explanation(s, b + 2) : null;
  if (explained !== null) return { kind: 'basic', syntax: 'note-why', front: asked.front, back: asAnswer(upperFirst(explained)), needsBefore: false };
  const reason = reasonText(prev);
  if (reason === null) return null;
  return { kind: 'basic', syntax: 'note-why', front: asked.front, back: asAnswer(`Because ${lowerFirst(reason, prev.tokens[0], prev.tokens[1])}`), needsBefore: false };
}

/** The explanation after a claim's colon, up to a dash or semicolon; null when short, long or an example. */
function explanation(s: ProseSentence, from: number): string | null {
  const t = s.tokens;
  let last = from;
  while (last <= lastWord(s) && !/^[;—–]$/.test(t[last]!.text)) last++;
  const text = span(s, from, last - 1);
  if (text.split(/\s+/).length < MIN_REASON_WORDS || text.length > MAX_REASON || /^(?:for example|e\.g\.|such as)\b/i.test(text)) return null;
  return text;
}

/** "A. This is because B." -> Why A? Because B. */
function reasonAfterClaim(s: ProseSentence): RuleCard | null {
  const prev = s.previous;
  const n = opener(s, REASON_OPENERS);
  if (prev == null || n === 0 || /[?:]\s*$/.test(prev.text)) return null;
  const from = s.tokens[n]?.text.toLowerCase() === 'that' && n === 3 ? n + 1 : n;
  const end = lastWord(s);
  if (end - from + 1 < MIN_REASON_WORDS) return null;
  const asked = whyQuestion(prev, 0, clauseEnd(prev, 0));
  if (asked === null || asked.needsBefore || pointsBack(s, from, end)) return null;
  const cause = span(s, from, end);
  const lead = n === 4 && s.tokens[2]!.text.toLowerCase() === 'due' ? 'Due to' : 'Because';
  return { kind: 'basic', syntax: 'note-why', front: asked.front, back: asAnswer(`${lead} ${cause}`), needsBefore: false };
}

/** The first words of every opener: a sentence that opens with none of them is not read further. */
const OPENING_WORDS = new Set([...RESULT_OPENERS, ...REASON_OPENERS].map((words) => words[0]!));

/** How many tokens of `openers` open `s` (0 when none does). */
function opener(s: ProseSentence, openers: readonly (readonly string[])[]): number {
  const t = s.tokens;
  if (t.length === 0 || !OPENING_WORDS.has(t[0]!.lemma)) return 0;
  for (const words of openers) if (words.every((w, i) => t[i]?.text.toLowerCase() === w)) return words.length;
  return 0;
}

/** The last token of the clause opening at `a`: before ", and", ", but", a dash, colon or semicolon, or the sentence's last word. */
function clauseEnd(s: ProseSentence, a: number): number {
  const t = s.tokens;
  const end = lastWord(s);
  let depth = 0;
  for (let i = a; i <= end; i++) {
    const x = t[i]!.text;
    if (x === '(') depth++;
    else if (x === ')') depth--;
    else if (depth === 0 && (/^[;:—–]$/.test(x) || (x === ',' && /^(?:and|but|so|which)$/i.test(t[i + 1]?.text ?? '')))) return i - 1;
  }
  return end;
}

/** The sentence before as a reason: a statement of its own, short enough to recall; null otherwise. */
function reasonText(prev: ProseSentence): string | null {
  const text = withoutAsides(withoutEmphasis(prev.text)).trim();
  if (/[?:]$/.test(text) || text.length > MAX_REASON || text.split(/\s+/).length < MIN_REASON_WORDS) return null;
  // "This means …", "It is …": a reason that points back needs a third sentence.
  if (pointsBack(prev, 0, Math.min(prev.tokens.length - 1, 2)) || prev.tokens[0]?.pos === 'PRON') return null;
  // "When a call is established, it is allocated …": a condition's outcome, which the consequence rule asks already.
  if (/^(?:if|when|whenever|once)$/i.test(prev.tokens[0]?.text ?? '')) return null;
  return upperFirst(text);
}
