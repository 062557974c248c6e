/**
 * Sentences of a paragraph, for the prose extractors: the paragraph's inline
 * nodes rendered once as one-line markdown (emphasis kept, links as their
 * text, images, html and footnote references left out), the places of its
 * emphasised phrases, and the source line of every offset. Linear in the
 * paragraph's size.
 */
import type { PhrasingContent } from 'mdast';
import { analyse, maskForNlp, type Token } from '../../nlp/english.js';
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
  /** Its words and punctuation with their tags and lemmas; offsets in `text`. */
  tokens: Token[];
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

/**
 * Splits text into sentences with the English model (src/nlp): code spans,
 * URLs and emphasis markers are masked first, so a dot inside
 * `System.currentTimeMillis()` or a link never ends a sentence. Returns each
 * sentence's range and tokens (offsets relative to the sentence), in order;
 * never throws.
 */
export function splitSentences(text: string): (TextRange & { tokens: Token[] })[] {
  const masked = maskForNlp(text);
  return analyse(masked).map((s) => {
    // Emphasis markers were masked as spaces: a sentence takes back those at its ends.
    let from = s.from;
    let to = s.to;
    while (from > 0 && masked[from - 1] === ' ' && text[from - 1] !== ' ') from--;
    while (to < text.length && masked[to] === ' ' && text[to] !== ' ') to++;
    // The tokens are this call's own: moved to the sentence's offsets in place, not copied (a copy of every token is garbage).
    for (const t of s.tokens) {
      t.from -= from;
      t.to -= from;
    }
    return { from, to, tokens: s.tokens };
  });
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
 * Returns [] for a paragraph without text; never throws. The result is
 * shared by every caller that asks about the same nodes: read it, never change it.
 */
export function paragraphSentences(nodes: readonly PhrasingContent[], line: number): readonly Sentence[] {
  // Several extractors read the same paragraph; the English model is the costly part, so it runs once per paragraph.
  const cached = analysed.get(nodes);
  if (cached !== undefined && cached.line === line) return cached.sentences;
  const sentences = sentencesOf(nodes, line);
  analysed.set(nodes, { line, sentences });
  return sentences;
}

/**
 * {@link paragraphSentences} for the last extractor to read a paragraph (the
 * prose walk, which runs after the bullet extractors): the sentences are taken
 * out of the shared cache rather than kept in it, so a file's tokens die as
 * its paragraphs are read instead of living, all of them, until the file is
 * done (surviving, they were copied twice by the garbage collector and marked
 * again and again while the file was read).
 */
export function lastParagraphSentences(nodes: readonly PhrasingContent[], line: number): readonly Sentence[] {
  const cached = analysed.get(nodes);
  if (cached !== undefined && cached.line === line) {
    analysed.delete(nodes);
    return cached.sentences;
  }
  return sentencesOf(nodes, line);
}

/** The sentences of each paragraph already read, by its children (dropped with the tree). */
const analysed = new WeakMap<readonly PhrasingContent[], { line: number; sentences: readonly Sentence[] }>();

function sentencesOf(nodes: readonly PhrasingContent[], line: number): Sentence[] {
  const rendered = render(nodes, line);
  const sentences: Sentence[] = [];
  let e = 0;
  let m = 0;
  for (const range of joinBrokenSentences(rendered.text, splitSentences(rendered.text))) {
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
      tokens: range.tokens,
      emphasis,
      line: first,
      endLine: Math.max(first, rendered.marks[last]?.line ?? first),
    });
  }
  return sentences;
}

/**
 * The model's sentences, with one repair: it ends a sentence at "!" or "?"
 * before a lower-case word ("fine!) and", "“I’m not dead!” —but"), which in
 * notes is a quotation or an aside inside the sentence, so such a break is undone.
 */
function joinBrokenSentences(text: string, ranges: (TextRange & { tokens: Token[] })[]): (TextRange & { tokens: Token[] })[] {
  const out: (TextRange & { tokens: Token[] })[] = [];
  for (const range of ranges) {
    const last = out[out.length - 1];
    if (last !== undefined && /^[\p{Ll}—–,;)]/u.test(text.slice(range.from, range.from + 1))) {
      const shift = range.from - last.from;
      // Pushed, not concatenated: a paragraph of thousands of such breaks would copy its tokens each time.
      // The ranges and tokens are splitSentences' fresh ones, so they are moved in place.
      for (const t of range.tokens) {
        t.from += shift;
        t.to += shift;
        last.tokens.push(t);
      }
      last.to = range.to;
    } else out.push(range);
  }
  return out;
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
/** Whitespace that collapsing changes: any but a space, or two spaces in a row. */
const UNCOLLAPSED_RE = /[^\S ]| {2}/;

function put(state: RenderState, value: string, line: number | undefined): void {
  const pieces = value.split('\n');
  for (let p = 0; p < pieces.length; p++) {
    if (p > 0) {
      if (line !== undefined) mark(state, line + p);
      // A line that opens with punctuation lost a citation before it ("idea\n[[7](…)]." cleaned).
      if (!/^\s*[.,;:!?)]/.test(pieces[p]!)) appendSpace(state);
    }
    // Most text is already single-spaced: copying it through the replace would only make garbage.
    const piece = UNCOLLAPSED_RE.test(pieces[p]!) ? pieces[p]!.replace(/\s+/g, ' ') : pieces[p]!;
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

