/**
 * A sentence of prose as the prose rules read it: its markdown, its tagged
 * tokens, where it sits (headings above, the sentence before) and its lines.
 */
import type { Token } from '../../../nlp/english.js';
import { aboutTheDocument } from '../../../quality/about-the-document.js';
import type { EmphasisSpan } from '../sentences.js';

/** One sentence of a paragraph or list item, with what a card made from it needs. */
export interface ProseSentence {
  /** Markdown on one line (emphasis and code kept). */
  text: string;
  /** Tagged tokens; offsets in `text`. */
  tokens: Token[];
  /** Emphasised phrases wholly inside the sentence. */
  emphasis: EmphasisSpan[];
  /** Headings above, outermost first. */
  headingPath: string[];
  /** The sentence before it in the same section (or a figure caption just above), or null. */
  before: string | null;
  /** The sentence before as the walk read it (its tokens), when it is prose of the same section. */
  previous?: ProseSentence | null;
  /** For a clause after a semicolon (sentence-clauses.ts): the clause before it in its sentence. */
  earlier?: ProseSentence | null;
  /** Lines in the ORIGINAL file. */
  line: number;
  endLine: number;
}

/** `markdown` without emphasis markers (code spans kept). */
export function withoutEmphasis(markdown: string): string {
  return markdown.replace(/\*\*|__|(?<![\p{L}\p{N}`])[*_]|[*_](?![\p{L}\p{N}])/gu, '');
}

/** The markdown of tokens `first..last` (inclusive) of a sentence, emphasis markers dropped. */
export function span(s: ProseSentence, first: number, last: number): string {
  if (last < first) return '';
  return withoutAsides(withoutEmphasis(s.text.slice(s.tokens[first]!.from, s.tokens[last]!.to))).trim();
}

/** Lower-cases the first letter of a clause that moves away from the start of its sentence (not names, acronyms or "I"). */
export function lowerFirst(text: string, first: Token | undefined, next?: Token): string {
  if (first === undefined || /^[A-Z0-9]{2,}|^I$/.test(first.text)) return text;
  // The model tags a capitalised first word as a name ("Language runtimes", "Time-of-day clocks"):
  // it is one only when no lower-case noun follows it.
  if (first.pos === 'PROPN' && !(next !== undefined && (/^[a-z]/.test(next.text) || next.text === '-') && /^(?:NOUN|ADJ|PUNCT)$/.test(next.pos) && /^[A-Z][a-z]+(?:-[a-z]+)*$/.test(first.text))) return text;
  return text.charAt(0).toLowerCase() + text.slice(1);
}

/** Upper-cases the first letter. */
export function upperFirst(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** The sentence's last index that is not closing punctuation. */
export function lastWord(s: ProseSentence): number {
  let i = s.tokens.length - 1;
  while (i >= 0 && s.tokens[i]!.pos === 'PUNCT' && /^[.!?:;,"”’']+$/.test(s.tokens[i]!.text)) i--;
  return i;
}

/**
 * The first comma after token `after` that ends a clause: not inside
 * brackets, not the comma of "e.g.," or "i.e.,". -1 when there is none.
 */
export function clauseComma(s: ProseSentence, after: number): number {
  let depth = 0;
  for (let i = after + 1; i < s.tokens.length; i++) {
    const t = s.tokens[i]!.text;
    if (t === '(' || t === '[') depth++;
    else if ((t === ')' || t === ']') && depth > 0) depth--;
    else if (t === ',' && depth === 0 && !/^(?:e\.g\.|i\.e\.)$/i.test(s.tokens[i - 1]!.text)) return i;
  }
  return -1;
}

/** Whether tokens `first..last` are balanced in brackets and hold no clause break (; : —). */
export function wholeClause(s: ProseSentence, first: number, last: number): boolean {
  let depth = 0;
  for (let i = first; i <= last; i++) {
    const t = s.tokens[i]!.text;
    if (t === '(') depth++;
    else if (t === ')') depth--;
    else if (/^[;:—]$/.test(t)) return false;
    if (depth < 0) return false;
  }
  return depth === 0;
}

/** Whether tokens `first..last` are balanced in brackets (an answer may hold any other punctuation). */
export function balanced(s: ProseSentence, first: number, last: number): boolean {
  let depth = 0;
  for (let i = first; i <= last && depth >= 0; i++) {
    const t = s.tokens[i]!.text;
    if (t === '(') depth++;
    else if (t === ')') depth--;
  }
  return depth === 0;
}

/** Whether token `i` is a verb's -ing form opening a subject ("Relying on GPS alone can be risky"). */
export function isGerund(s: ProseSentence, i: number): boolean {
  const t = s.tokens[i];
  return t !== undefined && t.pos === 'VERB' && /ing$/i.test(t.text);
}

/** Parts of speech a clause's subject may open with. */
const SUBJECT_START = new Set(['DET', 'NOUN', 'PROPN', 'PRON', 'NUM', 'ADJ']);

/** Whether token `i` can open a clause's subject (not "and", "or", "where", "for example"). */
export function opensSubject(s: ProseSentence, i: number): boolean {
  const t = s.tokens[i];
  if (t?.pos === 'ADV' && /^(?:only|almost|nearly|most)$/i.test(t.text)) return opensSubject(s, i + 1);
  return t !== undefined && SUBJECT_START.has(t.pos) && !/^(?:that|which|where|whether|how|what|why|such)$/i.test(t.text);
}

/** Longest example in ", such as …," that a question may hold. */
const MAX_EXAMPLE = 6;

/**
 * The index of the comma closing an example aside (", such as version
 * vectors,") that opens at token `i`, before token `b`; -1 when none opens
 * there. A question may keep such an aside inside its subject.
 */
export function exampleAside(s: ProseSentence, i: number, b: number): number {
  const t = s.tokens;
  if (t[i]?.text !== ',' || t[i + 1]?.text.toLowerCase() !== 'such' || t[i + 2]?.text.toLowerCase() !== 'as') return -1;
  for (let j = i + 3; j < b && j <= i + 3 + MAX_EXAMPLE; j++) {
    if (t[j]!.text === ',') return j > i + 3 ? j : -1;
    if (!/^(?:NOUN|PROPN|ADJ|DET|NUM|CCONJ)$/.test(t[j]!.pos)) return -1;
  }
  return -1;
}

/** Asides about the document in brackets: "(see Figure 9-2)", "(as discussed in this chapter)". */
const DOCUMENT_ASIDE_RE = /\s*\((?:[^()]*\b(?:Figure|Fig\.|Chapter|Table|Section|Example)\s+[\dA-Z][^()]*|\s*(?:see|cf\.|as (?:illustrated|discussed|shown|described|mentioned|explained))\b[^()]*)\)/g;

/** `text` without bracketed asides about the document. */
export function withoutAsides(text: string): string {
  return text.replace(DOCUMENT_ASIDE_RE, '').replace(/\s*[;—–]\s*see\s+[^)]*\)/g, ')');
}

/** Fewest words a sentence needs to stand as a card's context. */
const MIN_CONTEXT_WORDS = 4;
/** Longest context: a longer sentence is a paragraph to read, not a reminder. */
const MAX_CONTEXT_CHARS = 600;

/**
 * The sentence before as a card's context, or null when it cannot serve: a
 * lead-in ("For example:"), a bold line standing as a heading, a sentence about
 * the document ("shown in Figure 9-1"), or one too short or too long. A
 * figure's caption keeps its description without its number; emphasis marks
 * and asides go. The one place every derived card's context is made.
 */
export function usableContext(before: string | null): string | null {
  if (before === null) return null;
  const text = before.replace(/^(?:figure|fig\.|table|listing)\s+[\dA-Z]+(?:[-.]\d+)*[.:]\s*/i, '');
  // An aside about the document ("(in Figure 8-3, …)") goes; a sentence that is about the document as a whole cannot serve.
  const plain = withoutAsides(withoutEmphasis(text)).trim();
  if (text.length > MAX_CONTEXT_CHARS || /:\s*$/.test(text) || /^\*\*[^*]+\*\*[.:]?$/.test(text.trim()) || aboutTheDocument(plain) !== null) return null;
  return plain.split(/\s+/).length >= MIN_CONTEXT_WORDS ? plain : null;
}

/**
 * Whether tokens `first..last` name a thing with "the" that only the sentence
 * before introduced ("If the software doesn't meet the deadline" after "there
 * is a specified deadline by which the software must respond"): the noun is in
 * the sentence before, not earlier in this one, and not in a heading above.
 * A question on such a clause reads right only with that sentence beside it.
 */
export function definiteBack(s: ProseSentence, first: number, last: number): boolean {
  // A clause after a semicolon reads the clause before it, which is also what its context shows.
  const prev = s.earlier ?? s.previous;
  if (prev == null) return false;
  const t = s.tokens;
  // The sets are made at the first "the …" phrase with a head: most clauses have none, and the sets were most of the cost.
  let earlier: Set<string> | null = null;
  let headings: Set<string> | null = null;
  let before: Set<string> | null = null;
  for (let i = first; i <= last; i++) {
    const word = t[i]!.text;
    if (word.length !== 3 || word.toLowerCase() !== 'the') continue;
    // The phrase's head: the last noun of the run of adjectives and nouns after "the".
    let j = i + 1;
    let head = -1;
    while (j <= last && /^(?:ADJ|NOUN|VERB)$/.test(t[j]!.pos) && j - i <= 3) {
      if (t[j]!.pos === 'NOUN') head = j;
      j++;
    }
    if (head < 0) continue;
    if (earlier === null || headings === null || before === null) {
      earlier = new Set(t.slice(0, first).map((x) => x.lemma));
      // Heading words in their singular too ("Deadlines" names the deadline).
      headings = new Set((s.headingPath.join(' ').toLowerCase().match(/\p{L}+/gu) ?? []).flatMap((w) => [w, w.replace(/s$/, '')]));
      before = new Set(prev.tokens.filter((x) => x.pos === 'NOUN').map((x) => x.lemma));
    }
    const lemma = t[head]!.lemma;
    if (before.has(lemma) && !earlier.has(lemma) && !headings.has(lemma) && !headings.has(t[head]!.text.toLowerCase())) return true;
  }
  return false;
}

/** Longest noun phrase, in tokens, that a pronoun is taken to stand for. */
const MAX_ANTECEDENT_TOKENS = 8;

/**
 * What a pronoun opening a clause ("it", "they") stands for: the subject of
 * the sentence before, when that is a plain noun phrase of the same number
 * ("A majority quorum allows … However, it is still safe" -> "a majority
 * quorum"). Null when there is no such sentence or its subject is not plain
 * (a pronoun, a clause, a list): a question then keeps the sentence as context.
 */
export function antecedent(s: ProseSentence, pronoun: Token): string | null {
  const prev = s.previous;
  const word = pronoun.text.toLowerCase();
  if (prev == null || (word !== 'it' && word !== 'they')) return null;
  const t = prev.tokens;
  let a = 0;
  while (a < t.length && (t[a]!.pos === 'CCONJ' || /^(?:however|moreover|thus|also|so|still|instead|,|\()$/i.test(t[a]!.text))) a++;
  // "There are distributed sequence number generators, such as …, that …": what is introduced is the subject.
  if (t[a]?.text.toLowerCase() === 'there' && t[a + 1]?.lemma === 'be') a += 2;
  const introduced = a >= 2 && t[a - 2]!.text.toLowerCase() === 'there';
  if (!(opensSubject(prev, a) || participleBefore(t, a)) || t[a]!.pos === 'PRON' || (t[a]!.pos === 'ADJ' && t[a + 1]?.pos === 'ADP')) return null;
  let v = a;
  let head: Token | null = null;
  for (; v < t.length && v - a < MAX_ANTECEDENT_TOKENS; v++) {
    const x = t[v]!;
    if (participleBefore(t, v)) continue;
    if (x.pos === 'AUX' || x.pos === 'VERB' || (introduced && (x.text === ',' || /^(?:that|which|who)$/i.test(x.text)))) break;
    if (x.pos === 'NOUN' || x.pos === 'PROPN') head = x;
    else if (!/^(?:DET|ADJ|NUM|PART)$/.test(x.pos) && !(x.pos === 'PUNCT' && /^[-–]$/.test(x.text))) return null;
  }
  // The subject ends at its verb; an "of" phrase or a comma before it makes the head unsure, and the sentence is skipped.
  const ended = v < t.length && (t[v]!.pos === 'AUX' || t[v]!.pos === 'VERB' || introduced);
  if (head === null || !ended || pointsBack(prev, a, v - 1)) return null;
  const plural = /[^s]s$/i.test(head.text) && !/(?:us|is)$/i.test(head.text);
  if (plural !== (word === 'they')) return null;
  return lowerFirst(span(prev, a, v - 1), t[a], t[a + 1]);
}

/** Whether token `i` is a participle modifying the noun after it ("*distributed* sequence number generators"). */
function participleBefore(t: readonly Token[], i: number): boolean {
  return t[i]?.pos === 'VERB' && /(?:ed|ing)$/i.test(t[i]!.text) && /^(?:NOUN|PROPN|ADJ)$/.test(t[i + 1]?.pos ?? '');
}

/** Words that point back to an earlier sentence; a question holding one needs that sentence as context. */
const BACK_REFERENCES: ReadonlySet<string> = new Set([
  'it', 'its', 'this', 'that', 'these', 'those', 'they', 'them', 'their', 'such', 'he', 'she', 'his', 'her', 'there',
]);

/** Pronouns that stand for a noun, and of them the possessives. */
const PERSONAL = new Set(['it', 'its', 'they', 'them', 'their', 'his', 'her']);
const POSSESSIVE = new Set(['its', 'their', 'his', 'her']);

/** Whether tokens `first..last` hold a word that points back ("it", "this", "such", "they"). */
export function pointsBack(s: ProseSentence, first: number, last: number): boolean {
  for (let i = first; i <= last; i++) {
    const t = s.tokens[i]!;
    const word = t.text.toLowerCase();
    if (!BACK_REFERENCES.has(word)) continue;
    // "that" and "there" are only references as a pronoun/determiner, not as a conjunction or in "there is".
    if (word === 'that' && t.pos !== 'PRON' && t.pos !== 'DET') continue;
    // "a node that is paused": after a noun, "that" opens a relative clause.
    if (word === 'that' && i > 0 && /^(?:NOUN|PROPN)$/.test(s.tokens[i - 1]!.pos)) continue;
    if (word === 'there' && s.tokens[i + 1]?.lemma === 'be') continue;
    // "such as" brings an example, it does not point back.
    if (word === 'such' && s.tokens[i + 1]?.text.toLowerCase() === 'as') continue;
    // "…: this is called X" — after a colon or semicolon, "this" means the clause before it, in the same sentence.
    if (s.tokens.slice(first, i).some((x) => x.text === ':' || x.text === ';')) continue;
    // A personal pronoun after a noun of the same clause most likely means that noun ("a node … its own clock",
    // "TCP finds out how fast it may send") — unless it is a verb's object ("declare it dead"), which means what came before.
    const object = s.tokens[i - 1] !== undefined && /^(?:VERB|ADP)$/.test(s.tokens[i - 1]!.pos) && !POSSESSIVE.has(word);
    if (PERSONAL.has(word) && !object && s.tokens.slice(first, i).some((x) => x.pos === 'NOUN' || x.pos === 'PROPN')) continue;
    return true;
  }
  return false;
}
