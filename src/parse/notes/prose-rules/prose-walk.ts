/**
 * The walk of prose the sentence rules share: every sentence of every
 * paragraph and list item (not headings, code, tables or block quotes, whose
 * text is a quotation's own), with the headings above it and the sentence
 * before it in its section; and every list that a sentence ending in a colon
 * announces. Linear in the tree.
 */
import type { Heading, List, ListItem, Paragraph, Root, RootContent } from 'mdast';
import { isFigureCaption } from '../clean-capture.js';
import { plainText } from '../node-text.js';
import { lastParagraphSentences, paragraphSentences } from '../sentences.js';
import type { ProseSentence } from './prose-sentence.js';

/** What the walk calls. */
export interface ProseVisitor {
  sentence(s: ProseSentence): void;
  /** A list whose lead sentence ends in a colon, with its items' first paragraphs' sentences. */
  announcedList?(lead: ProseSentence, items: ProseSentence[][], list: List): void;
  /** Called after the last sentence of each paragraph (a rule that reads on across sentences stops there). */
  paragraphEnd?(): void;
}

interface WalkState {
  visitor: ProseVisitor;
  path: string[];
  /** A copy of `path` that the sentences under the current heading share (made when first needed, dropped at the next heading). */
  shared: string[] | null;
  depths: number[];
  /** The last sentence seen in this section: the context of a sentence that points back. */
  before: string | null;
  /** The last sentence seen in this section, as read (null after a caption or heading). */
  previous: ProseSentence | null;
  /** A figure caption directly above the current paragraph. */
  caption: string | null;
  /** The last sentence of the block just before, when it ends in a colon. */
  lead: ProseSentence | null;
  lineOf: (cleanedLine: number) => number;
}

/** Walks the prose of `tree`, calling `visitor` in document order. */
export function walkProse(tree: Root, lineOf: (cleanedLine: number) => number, visitor: ProseVisitor): void {
  const state: WalkState = { visitor, path: [], shared: null, depths: [], before: null, previous: null, caption: null, lead: null, lineOf };
  for (const node of tree.children) block(node, state);
}

function block(node: RootContent, state: WalkState): void {
  const lead = state.lead;
  state.lead = null;
  if (node.type === 'heading') {
    enterHeading(node, state);
    state.caption = null;
    state.before = null;
    state.previous = null;
  } else if (node.type === 'paragraph') {
    paragraph(node, state);
  } else if (node.type === 'list') {
    if (lead !== null && state.visitor.announcedList) state.visitor.announcedList(lead, node.children.map((item) => itemSentences(item, state)), node);
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
  state.shared = null;
}

function list(node: List, state: WalkState): void {
  for (const item of node.children) {
    let lead: ProseSentence | null = null;
    for (const child of item.children) {
      if (child.type === 'paragraph') lead = paragraph(child, state);
      else if (child.type === 'list') {
        if (lead !== null && state.visitor.announcedList) state.visitor.announcedList(lead, child.children.map((i) => itemSentences(i, state)), child);
        list(child, state);
        lead = null;
      }
    }
  }
}

/** The sentences of a list item's first paragraph, read without visiting them. */
function itemSentences(item: ListItem, state: WalkState): ProseSentence[] {
  const first = item.children[0];
  if (first?.type !== 'paragraph') return [];
  return sentencesOf(first, state, null, null, paragraphSentences);
}

/** The prose sentences of a paragraph; `read` reads its sentences: kept in the shared cache, or taken out by their last reader. */
function sentencesOf(node: Paragraph, state: WalkState, before: string | null, previous: ProseSentence | null, read: typeof paragraphSentences): ProseSentence[] {
  const out: ProseSentence[] = [];
  for (const s of read(node.children, node.position?.start.line ?? 1)) {
    const sentence: ProseSentence = {
      text: s.text,
      tokens: s.tokens,
      emphasis: s.emphasis,
      headingPath: (state.shared ??= [...state.path]),
      before,
      previous,
      line: state.lineOf(s.line),
      endLine: state.lineOf(s.endLine),
    };
    out.push(sentence);
    before = s.text;
    previous = sentence;
  }
  return out;
}

/** Visits a paragraph's sentences; returns its last sentence when it ends in a colon (a list's lead). */
function paragraph(node: Paragraph, state: WalkState): ProseSentence | null {
  const caption = state.caption;
  state.caption = null;
  // The walk visits each paragraph once, after every other read of it (the bullet extractors run first, an
  // announced list's items are read just before it): the last reader takes its sentences out of the cache.
  const sentences = sentencesOf(node, state, caption ?? state.before, caption === null ? state.previous : null, lastParagraphSentences);
  if (sentences.length === 0) return null;
  if (isFigureCaption(sentences[0]!.text)) {
    state.caption = sentences.map((s) => s.text).join(' ');
    return null;
  }
  for (const s of sentences) state.visitor.sentence(s);
  state.visitor.paragraphEnd?.();
  // Only the sentence just before is ever read back: drop the links so a long file's sentences are not all kept alive.
  for (const s of sentences) s.previous = null;
  const last = sentences[sentences.length - 1]!;
  state.before = last.text;
  state.previous = last;
  const lead = /:\s*$/.test(last.text) ? last : null;
  state.lead = lead;
  return lead;
}
