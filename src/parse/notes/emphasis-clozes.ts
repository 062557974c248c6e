/**
 * Cloze cards from prose: a sentence that sets a key term in emphasis
 * (`*term*`, `_term_`, `**term**`) asks for that term. Chapters and captured
 * pages mark the terms they introduce this way, so the sentence around the
 * term is the question's own context.
 */
import type { Heading, List, Paragraph, Root, RootContent } from 'mdast';
import { isFigureCaption } from './clean-capture.js';
import { type DerivedCard, MAX_ANSWER_CHARS } from './derived-card.js';
import { plainText } from './node-text.js';
import { type EmphasisSpan, paragraphSentences, type Sentence } from './sentences.js';

/** How many cards one term (compared case-insensitively) gives in a document: its first uses only. */
export const MAX_CARDS_PER_TERM = 3;
/** Longest key term in words; longer emphasis is a quoted phrase or a whole claim, not a term. */
const MAX_TERM_WORDS = 6;
/** Shortest key term in letters and digits. */
const MIN_TERM_CHARS = 3;
/** Fewest words a sentence keeps around the gap, so the question has something to ask. */
const MIN_CONTEXT_WORDS = 4;
const GAP = '**[...]**';
const MATH_RE = /[[\]=<>≤≥+]/;

// Single words set in emphasis for stress ("anything that *can* go wrong *will*"), not terms.
const STRESS_WORDS = new Set(
  ('all any both can cannot could did do does either every everything had has have how is isnt are arent ' +
    'know knew may might must need never no none nor not now only ought shall should some than that the ' +
    'then this those very was were what when where whether which while who why will with without would ' +
    'you your our we they their actually always also really still just much more most less least even ' +
    'same different before after first last both own before whole entire any once')
    .split(' '),
);

/**
 * The emphasis clozes of a parsed note: one card per sentence and key term,
 * from paragraphs and list items (not headings, code, tables or block quotes,
 * whose emphasis is a quotation's own). The front is the sentence with the
 * term as `**[...]**`, the back the term, the context the sentence before it
 * in the paragraph (or the figure caption just above) when that does not
 * give the term away. Skipped: terms under 3 characters or over 6 words,
 * stress words, labels followed by a colon (definition bullets make those),
 * sentences over MAX_ANSWER_CHARS, a term still visible elsewhere in the
 * sentence, and uses of a term after its first MAX_CARDS_PER_TERM.
 * Returns the cards in document order; never throws.
 */
export function extractEmphasisClozes(tree: Root, lineOf: (cleanedLine: number) => number): DerivedCard[] {
  const state: WalkState = { cards: [], path: [], depths: [], seen: new Map(), caption: null, lineOf };
  for (const node of tree.children) block(node, state);
  return state.cards;
}

interface WalkState {
  cards: DerivedCard[];
  /** Heading texts above the current block, with their depths. */
  path: string[];
  depths: number[];
  /** Cards made per lower-cased term. */
  seen: Map<string, number>;
  /** A figure caption directly above the current paragraph. */
  caption: string | null;
  lineOf: (cleanedLine: number) => number;
}

function block(node: RootContent, state: WalkState): void {
  if (node.type === 'heading') {
    enterHeading(node, state);
    state.caption = null;
  } else if (node.type === 'paragraph') {
    paragraph(node, state);
  } else if (node.type === 'list') {
    list(node, state);
    state.caption = null;
  } else if (node.type !== 'html' && node.type !== 'definition') {
    state.caption = null;
  }
}

function enterHeading(node: Heading, state: WalkState): void {
  const text = plainText(node);
  if (text === '') return;
  while (state.depths.length > 0 && state.depths[state.depths.length - 1]! >= node.depth) {
    state.depths.pop();
    state.path.pop();
  }
  state.depths.push(node.depth);
  state.path.push(text);
}

function list(node: List, state: WalkState): void {
  for (const item of node.children) {
    for (const child of item.children) {
      if (child.type === 'paragraph') paragraph(child, state);
      else if (child.type === 'list') list(child, state);
    }
  }
}

function paragraph(node: Paragraph, state: WalkState): void {
  const sentences = paragraphSentences(node.children, node.position?.start.line ?? 1);
  const caption = state.caption;
  state.caption = null;
  if (sentences.length > 0 && isFigureCaption(sentences[0]!.text)) {
    state.caption = sentences.map((s) => s.text).join(' ');
    return;
  }
  for (let s = 0; s < sentences.length; s++) {
    const before = s > 0 ? sentences[s - 1]!.text : caption;
    sentenceCards(sentences[s]!, before, state);
  }
}

function sentenceCards(sentence: Sentence, before: string | null, state: WalkState): void {
  if (sentence.text.length > MAX_ANSWER_CHARS || sentence.emphasis.length === 0) return;
  const done = new Set<string>();
  for (const span of sentence.emphasis) {
    const key = plainTerm(span.term).toLowerCase();
    if (done.has(key)) continue;
    done.add(key);
    if (!isKeyTerm(span, sentence.text)) continue;
    const count = state.seen.get(key) ?? 0;
    if (count >= MAX_CARDS_PER_TERM) continue;
    const front = masked(sentence, key);
    const rest = front.split(GAP).join(' ');
    if (mentions(rest, key) || words(rest) < MIN_CONTEXT_WORDS) continue;
    state.seen.set(key, count + 1);
    state.cards.push({
      kind: 'cloze',
      syntax: 'note-emphasis',
      front,
      back: span.term,
      context: before !== null && before.length <= MAX_ANSWER_CHARS && !mentions(before, key) ? before : null,
      headingPath: [...state.path],
      note: sentence.text,
      line: state.lineOf(sentence.line),
      endLine: state.lineOf(sentence.endLine),
    });
  }
}

/** The sentence with every emphasised use of the term as a gap. */
function masked(sentence: Sentence, key: string): string {
  let text = '';
  let at = 0;
  for (const span of sentence.emphasis) {
    if (plainTerm(span.term).toLowerCase() !== key) continue;
    text += sentence.text.slice(at, span.from) + GAP;
    at = span.to;
  }
  return text + sentence.text.slice(at);
}

function isKeyTerm(span: EmphasisSpan, sentence: string): boolean {
  const term = plainTerm(span.term);
  const letters = term.replace(/[^\p{L}\p{N}]/gu, '');
  if (letters.length < MIN_TERM_CHARS) return false;
  if (term.split(/\s+/).length > MAX_TERM_WORDS) return false;
  // `**Term:** text` is a definition label, made into a card by the definition extractor.
  if (/:\s*$/.test(term) || sentence.slice(span.to).startsWith(':')) return false;
  if (!/\s/.test(term) && STRESS_WORDS.has(term.toLowerCase().replace(/[^\p{L}]/gu, ''))) return false;
  // `r**ely on**` is a stray marker inside a word, not a term.
  if (/[\p{L}\p{N}]/u.test(sentence[span.from - 1] ?? '') || /[\p{L}\p{N}]/u.test(sentence[span.to] ?? '')) return false;
  // Variables in a formula (`[*Aearliest*, *Alatest*]`, `*A* < *B*`) are not terms either.
  const before = sentence.slice(0, span.from).trimEnd();
  const after = sentence.slice(span.to).trimStart();
  return !MATH_RE.test(before[before.length - 1] ?? '') && !MATH_RE.test(after[0] ?? '');
}

function plainTerm(term: string): string {
  return term.replace(/`/g, '').replace(/\s+/g, ' ').trim();
}

/** Whether text shows the term as a whole word (so a gap for it would give nothing away). */
function mentions(text: string, key: string): boolean {
  const plain = text.replace(/[*`]/g, '').toLowerCase();
  let at = plain.indexOf(key);
  while (at >= 0) {
    const before = at === 0 ? '' : plain[at - 1]!;
    const after = plain[at + key.length] ?? '';
    if (!/[\p{L}\p{N}]/u.test(before) && !/[\p{L}\p{N}]/u.test(after)) return true;
    at = plain.indexOf(key, at + 1);
  }
  return false;
}

function words(text: string): number {
  return text.split(/\s+/).filter((w) => /[\p{L}\p{N}]/u.test(w)).length;
}
