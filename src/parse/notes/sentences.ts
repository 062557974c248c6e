/**
 * Sentences of a paragraph, for the prose extractors: the paragraph's inline
 * nodes rendered once as one-line markdown (emphasis kept, links as their
 * text, images, html and footnote references left out), the places of its
 * emphasised phrases, and the source line of every offset. Linear in the
 * paragraph's size.
 */
import type { PhrasingContent } from 'mdast';
import { codeSpan } from './node-text.js';

/** One emphasised phrase of a sentence (`*term*`, `_term_`, `**term**`). */
export interface EmphasisSpan {
  /** Offsets in the sentence's text of the phrase including its markers. */
  from: number;
  to: number;
  /** The phrase as markdown without its emphasis markers (`code` kept). */
  term: string;
  /** `**strong**` rather than `*emphasis*`. */
  strong: boolean;
}

/** One sentence of a paragraph. */
export interface Sentence {
  /** Markdown on one line, whitespace collapsed, trimmed. */
  text: string;
  /** Emphasised phrases that lie wholly inside the sentence, in order. */
  emphasis: EmphasisSpan[];
  /** First and last line of the sentence in the parsed (cleaned) text, 1-based. */
  line: number;
  endLine: number;
}

/** A half-open range of a string. */
export interface TextRange {
  from: number;
  to: number;
}

// Tokens ending in a dot that do not end a sentence; compared lower-cased, dot included.
const ABBREVIATIONS = new Set([
  'e.g.', 'i.e.', 'etc.', 'vs.', 'cf.', 'al.', 'fig.', 'figs.', 'no.', 'nos.', 'p.', 'pp.', 'ch.', 'sec.',
  'vol.', 'approx.', 'dr.', 'mr.', 'mrs.', 'ms.', 'prof.', 'st.', 'jr.', 'sr.', 'inc.', 'ltd.', 'co.',
]);
const CLOSERS = new Set([')', ']', '"', '\'', '”', '’', '»']);
const STARTER_RE = /[\p{Lu}\p{N}"'“‘(\[`*_«]/u;
const INITIALS_RE = /^(?:\p{L}\.)+$/u;

/**
 * Splits text into sentences: a sentence ends at `.`, `!` or `?` (with any
 * closing quotes or brackets) followed by whitespace and a capital, a digit,
 * an opening quote, bracket or marker. Abbreviations (e.g., i.e., etc.),
 * initials (A.A.) and offsets inside `keep` ranges (sorted, e.g. code spans
 * and emphasis) never end one.
 * Returns the ranges of the sentences, trimmed, in order; never throws.
 */
export function splitSentences(text: string, keep: readonly TextRange[] = []): TextRange[] {
  const ranges: TextRange[] = [];
  let start = 0;
  let k = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (c !== '.' && c !== '!' && c !== '?') continue;
    while (k < keep.length && keep[k]!.to <= i) k++;
    if (k < keep.length && keep[k]!.from <= i) continue;
    let j = i + 1;
    while (j < text.length && (text[j] === '.' || text[j] === '!' || text[j] === '?')) j++;
    while (j < text.length && CLOSERS.has(text[j]!)) j++;
    if (j >= text.length || !/\s/.test(text[j]!)) continue;
    let next = j;
    while (next < text.length && /\s/.test(text[next]!)) next++;
    if (next >= text.length || !STARTER_RE.test(text[next]!)) continue;
    if (c === '.' && j === i + 1 && !endsSentence(text, start, i)) continue;
    push(ranges, text, start, j);
    start = next;
    i = next - 1;
  }
  push(ranges, text, start, text.length);
  return ranges;
}

/** Whether the dot at `dot` ends a sentence rather than an abbreviation or an initial. */
function endsSentence(text: string, start: number, dot: number): boolean {
  let from = dot;
  while (from > start && !/[\s(“"‘'[]/.test(text[from - 1]!)) from--;
  const token = text.slice(from, dot + 1);
  return !ABBREVIATIONS.has(token.toLowerCase()) && !INITIALS_RE.test(token);
}

function push(ranges: TextRange[], text: string, from: number, to: number): void {
  while (from < to && /\s/.test(text[from]!)) from++;
  while (to > from && /\s/.test(text[to - 1]!)) to--;
  if (to > from) ranges.push({ from, to });
}

/** A paragraph rendered on one line, with its emphasis, code spans and line marks. */
interface Rendered {
  text: string;
  emphasis: EmphasisSpan[];
  code: TextRange[];
  /** Offsets where a source line starts, with that line; offsets ascending. */
  marks: { offset: number; line: number }[];
}

/**
 * Text built from parts: appending to one growing string and reading its end
 * would flatten it on every read, quadratic on a long paragraph.
 */
class TextBuilder {
  parts: string[] = [];
  length = 0;
  last = '';

  append(value: string): void {
    if (value === '') return;
    this.parts.push(value);
    this.length += value.length;
    this.last = value[value.length - 1]!;
  }

  /** Cuts the text back to `length` characters (rare: a trailing space, an empty emphasis). */
  truncate(length: number): void {
    while (this.length > length) {
      const part = this.parts.pop()!;
      this.length -= part.length;
      if (this.length < length) {
        this.parts.push(part.slice(0, length - this.length));
        this.length = length;
      }
    }
    const tail = this.parts[this.parts.length - 1] ?? '';
    this.last = tail[tail.length - 1] ?? '';
  }
}

interface RenderState {
  out: TextBuilder;
  emphasis: EmphasisSpan[];
  code: TextRange[];
  marks: { offset: number; line: number }[];
}

/**
 * The sentences of a run of inline nodes (a paragraph's children), each with
 * its emphasised phrases and its lines in the parsed text. `line` is the line
 * of the first node, used when nodes carry no position.
 * Returns [] for a paragraph without text; never throws.
 */
export function paragraphSentences(nodes: readonly PhrasingContent[], line: number): Sentence[] {
  const rendered = render(nodes, line);
  const keep = [...rendered.code, ...rendered.emphasis].sort((a, b) => a.from - b.from);
  const sentences: Sentence[] = [];
  let e = 0;
  let m = 0;
  for (const range of splitSentences(rendered.text, keep)) {
    while (e < rendered.emphasis.length && rendered.emphasis[e]!.from < range.from) e++;
    const emphasis: EmphasisSpan[] = [];
    for (let x = e; x < rendered.emphasis.length && rendered.emphasis[x]!.from < range.to; x++) {
      const span = rendered.emphasis[x]!;
      if (span.to <= range.to) emphasis.push({ ...span, from: span.from - range.from, to: span.to - range.from });
    }
    while (m + 1 < rendered.marks.length && rendered.marks[m + 1]!.offset <= range.from) m++;
    const first = rendered.marks[m]?.line ?? line;
    let last = m;
    while (last + 1 < rendered.marks.length && rendered.marks[last + 1]!.offset < range.to) last++;
    sentences.push({
      text: rendered.text.slice(range.from, range.to),
      emphasis,
      line: first,
      endLine: Math.max(first, rendered.marks[last]?.line ?? first),
    });
  }
  return sentences;
}

function render(nodes: readonly PhrasingContent[], line: number): Rendered {
  const state: RenderState = { out: new TextBuilder(), emphasis: [], code: [], marks: [{ offset: 0, line }] };
  for (const node of nodes) renderNode(node, state);
  // Whitespace at the end was collapsed but not dropped; spans never reach past the text.
  if (state.out.last === ' ') state.out.truncate(state.out.length - 1);
  return { text: state.out.parts.join(''), emphasis: state.emphasis, code: state.code, marks: state.marks };
}

function mark(state: RenderState, line: number | undefined): void {
  if (line === undefined) return;
  const last = state.marks[state.marks.length - 1]!;
  if (last.line === line) return;
  if (last.offset === state.out.length) last.line = Math.max(last.line, line);
  else state.marks.push({ offset: state.out.length, line });
}

/** Appends text with every whitespace run, also across nodes, collapsed to one space. */
function put(state: RenderState, value: string, line: number | undefined): void {
  const pieces = value.split('\n');
  for (let p = 0; p < pieces.length; p++) {
    if (p > 0) {
      if (line !== undefined) mark(state, line + p);
      // A line that opens with punctuation lost a citation before it ("idea\n[[7](…)]." cleaned).
      if (!/^\s*[.,;:!?)]/.test(pieces[p]!)) appendSpace(state);
    }
    const piece = pieces[p]!.replace(/\s+/g, ' ');
    if (piece.startsWith(' ')) {
      appendSpace(state);
      state.out.append(piece.slice(1));
    } else state.out.append(piece);
  }
}

function appendSpace(state: RenderState): void {
  if (state.out.length > 0 && state.out.last !== ' ') state.out.append(' ');
}

function renderNode(node: PhrasingContent, state: RenderState): void {
  const out = state.out;
  mark(state, node.position?.start.line);
  switch (node.type) {
    case 'text':
      put(state, node.value, node.position?.start.line);
      return;
    case 'inlineCode': {
      const from = out.length;
      out.append(codeSpan(node.value.replace(/\s+/g, ' ')));
      state.code.push({ from, to: out.length });
      return;
    }
    case 'emphasis':
    case 'strong': {
      const marker = node.type === 'strong' ? '**' : '*';
      const from = out.length;
      const at = state.emphasis.length;
      out.append(marker);
      const inner = out.parts.length;
      for (const child of node.children) renderNode(child, state);
      if (out.last === ' ') out.truncate(out.length - 1);
      state.emphasis.length = at; // phrases nested inside a term are not terms of their own
      if (out.length === from + marker.length) {
        out.truncate(from); // empty emphasis shows nothing
        return;
      }
      const term = out.parts.slice(inner).join('').replace(/\*+/g, '').trim();
      out.append(marker);
      state.emphasis.push({ from, to: out.length, term, strong: node.type === 'strong' });
      return;
    }
    case 'delete':
    case 'link':
    case 'linkReference':
      for (const child of node.children) renderNode(child, state);
      return;
    case 'break':
      appendSpace(state);
      return;
    default:
      // images, html (anchors, <sup>), footnote references: no text on a card
      return;
  }
}

