/**
 * English sentences, parts of speech and lemmas from wink-nlp and its English
 * model (chosen over compromise for speed: docs/card-quality/nlp-libraries.md).
 * The model ships in its npm package and runs offline. It is loaded on first
 * use, synchronously, from node_modules (the bundle leaves it out: 3.7 MB that
 * only the notes parser needs), so commands that derive no card never pay for it.
 */
import { createRequire } from 'node:module';

/** Universal part-of-speech tags, as the model gives them. */
export type Pos =
  | 'ADJ' | 'ADP' | 'ADV' | 'AUX' | 'CCONJ' | 'DET' | 'INTJ' | 'NOUN' | 'NUM' | 'PART'
  | 'PRON' | 'PROPN' | 'PUNCT' | 'SCONJ' | 'SYM' | 'VERB' | 'X' | 'SPACE';

/** One token of the analysed text. */
export interface Token {
  /** The token as written. */
  text: string;
  /** Lower-case base form ("increases" -> "increase", "was" -> "be"). */
  lemma: string;
  pos: Pos;
  /** Half-open offsets in the analysed text. */
  from: number;
  to: number;
}

/** One sentence: its offsets in the analysed text and its tokens (whitespace tokens left out). */
export interface NlpSentence {
  from: number;
  to: number;
  tokens: Token[];
}

interface WinkDoc {
  tokens(): { out(what?: unknown): unknown[] };
  sentences(): { out(what?: unknown): unknown[] };
}
interface Wink {
  readDoc(text: string): WinkDoc;
  its: Record<string, unknown>;
}

let wink: Wink | null = null;

/** The wink-nlp instance with its English model, made on first use. */
function english(): Wink {
  if (wink === null) {
    const require = createRequire(import.meta.url);
    const winkNLP = require('wink-nlp') as (model: unknown, pipe?: string[]) => Wink;
    // Sentence boundaries and POS only: entity and negation detection cost time no card uses.
    wink = winkNLP(require('wink-eng-lite-web-model'), ['sbd', 'pos']);
  }
  return wink;
}

/**
 * The sentences of `text` with their tokens. Offsets are in `text` itself, so
 * a caller can analyse a masked copy (see {@link maskForNlp}) and cut the
 * original. Linear in the text; never throws for any string.
 */
export function analyse(text: string): NlpSentence[] {
  if (text.trim() === '') return [];
  const nlp = english();
  const doc = nlp.readDoc(text);
  const its = nlp.its;
  const values = doc.tokens().out() as string[];
  const spaces = doc.tokens().out(its.precedingSpaces) as string[];
  const tags = doc.tokens().out(its.pos) as Pos[];
  const lemmas = doc.tokens().out(its.lemma) as string[];
  const spans = doc.sentences().out(its.span) as [number, number][];
  const from: number[] = new Array(values.length);
  let at = 0;
  for (let i = 0; i < values.length; i++) {
    at += spaces[i]!.length;
    from[i] = at;
    at += values[i]!.length;
  }
  const sentences: NlpSentence[] = [];
  for (const [first, last] of spans) {
    const tokens: Token[] = [];
    for (let i = first; i <= last; i++) {
      if (tags[i] === 'SPACE' || values[i]!.trim() === '') continue;
      tokens.push({ text: values[i]!, lemma: lowerCased(lemmas[i] ?? values[i]!), pos: tags[i] ?? 'X', from: from[i]!, to: from[i]! + values[i]!.length });
    }
    if (tokens.length > 0) sentences.push({ from: tokens[0]!.from, to: tokens[tokens.length - 1]!.to, tokens });
  }
  return sentences;
}

/**
 * `text.toLowerCase()`, without the call when the text is plain ASCII with
 * no capital (nearly every lemma): the call cost more than the rest of
 * making a token.
 */
function lowerCased(text: string): string {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if ((c >= 65 && c <= 90) || c > 127) return text.toLowerCase();
  }
  return text;
}

const CODE_SPAN_RE = /(`+)[^`]*?\1/g;
// A URL's last character is never sentence punctuation: "see https://x.org/a." ends a sentence.
const URL_RE = /\b(?:https?:\/\/|www\.)[^\s)\]>]*[^\s)\]>.,;:!?'"]/g;
const EMPHASIS_RE = /\*+|(?<![\p{L}\p{N}])_+|_+(?![\p{L}\p{N}])/gu;

/**
 * `markdown` made safe for the sentence splitter, at the same length (so
 * offsets carry over): code spans and URLs become runs of `x` (the model
 * splits `System.currentTimeMillis()` and `blog.example.com` into sentences
 * otherwise) and emphasis markers become spaces.
 */
export function maskForNlp(markdown: string): string {
  // Each pass only when its characters occur: most sentences have no code, link or emphasis.
  let text = markdown;
  if (text.includes('`')) text = text.replace(CODE_SPAN_RE, (span) => 'x'.repeat(span.length));
  if (text.includes('http') || text.includes('www.')) text = text.replace(URL_RE, (url) => 'x'.repeat(url.length));
  if (text.includes('*') || text.includes('_')) text = text.replace(EMPHASIS_RE, (marks) => ' '.repeat(marks.length));
  return text;
}
