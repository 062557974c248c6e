/**
 * "Heading -> key points" cards from prose: a short section (a few
 * paragraphs or list items under a heading) is summed up by its bold phrases,
 * or else by the first sentence of each paragraph and item.
 */
import type { Heading, ListItem, Paragraph, Root, RootContent } from 'mdast';
import { isFigureCaption } from './clean-capture.js';
import { type DerivedCard, MAX_ANSWER_CHARS } from './derived-card.js';
import { plainText } from './node-text.js';
import { paragraphSentences } from './sentences.js';

/** Most paragraphs, list items and other blocks a section may hold and still be a card. */
export const MAX_SECTION_BLOCKS = 5;
/** A section needs this many key points to make a card. */
export const MIN_POINTS = 2;

// Side boxes and admonitions: their heading names the box, not a topic.
const BOX_HEADING_RE = /^(?:note|notes|tip|tips|warning|caution|important|sidebar|hint|aside|info)$/i;
// "8.2.1 Network Faults" asks about "Network Faults"; the heading path keeps the number.
const NUMBER_RE = /^(?:\d+(?:\.\d+)*\.?|[IVX]+\.)\s+/;

/**
 * The section cards of a parsed note: for each heading whose own text (up to
 * the next heading of any level) has 1 to MAX_SECTION_BLOCKS blocks and at
 * least MIN_POINTS key points, the
 * front "<heading>: key points" (section number left out) and the back a
 * `- ` list of the section's distinct bold phrases when it has two or more,
 * otherwise of the first sentence of each paragraph and top-level list item.
 * Sections whose list would pass MAX_ANSWER_CHARS, note boxes ("Note",
 * "Tip"), figure captions and code are left out. The heading path ends with
 * the section's own heading; there is no context.
 * Returns the cards in document order; never throws.
 */
export function extractSectionPoints(tree: Root, lineOf: (cleanedLine: number) => number): DerivedCard[] {
  const cards: DerivedCard[] = [];
  const path: string[] = [];
  const depths: number[] = [];
  const children = tree.children;
  for (let i = 0; i < children.length; i++) {
    const node = children[i]!;
    if (node.type !== 'heading') continue;
    const title = plainText(node);
    if (title === '') continue;
    while (depths.length > 0 && depths[depths.length - 1]! >= node.depth) {
      depths.pop();
      path.pop();
    }
    depths.push(node.depth);
    path.push(title);
    let end = i + 1;
    while (end < children.length && children[end]!.type !== 'heading') end++;
    const card = sectionCard(node, title, children.slice(i + 1, end), [...path], lineOf);
    if (card) cards.push(card);
  }
  return cards;
}

function sectionCard(
  heading: Heading,
  title: string,
  body: readonly RootContent[],
  headingPath: string[],
  lineOf: (cleanedLine: number) => number,
): DerivedCard | null {
  if (BOX_HEADING_RE.test(title) || isFigureCaption(title)) return null;
  const firsts: string[] = [];
  const bold: string[] = [];
  let blocks = 0;
  let lastLine = heading.position?.end.line ?? 1;
  for (const node of body) {
    if (node.type === 'html' || node.type === 'definition' || node.type === 'thematicBreak') continue;
    lastLine = node.position?.end.line ?? lastLine;
    if (node.type === 'paragraph') {
      if (!collect(node, firsts, bold)) continue;
      blocks++;
    } else if (node.type === 'list') {
      for (const item of node.children) {
        blocks++;
        collectItem(item, firsts, bold);
      }
    } else {
      blocks++; // code, quotes and tables make a section long but give no point
    }
    if (blocks > MAX_SECTION_BLOCKS) return null;
  }
  const points = distinct(bold).length >= 2 ? distinct(bold) : firsts;
  // One point is a paragraph to recite, not key points: such a section gives no card.
  if (blocks === 0 || points.length < MIN_POINTS) return null;
  const back = points.map((point) => `- ${point}`).join('\n');
  if (back.length > MAX_ANSWER_CHARS) return null;
  const line = heading.position?.start.line ?? 1;
  return {
    kind: 'basic',
    syntax: 'note-section',
    front: `${title.replace(NUMBER_RE, '') || title}: key points`,
    back,
    context: null,
    headingPath,
    line: lineOf(line),
    endLine: lineOf(Math.max(line, lastLine)),
  };
}

/**
 * Adds a paragraph's first sentence and bold phrases; returns false for a
 * paragraph that is no point of its own (a figure caption, or one bold phrase
 * standing as a heading).
 */
function collect(node: Paragraph, firsts: string[], bold: string[]): boolean {
  const sentences = paragraphSentences(node.children, node.position?.start.line ?? 1);
  const first = sentences[0];
  if (!first || isFigureCaption(first.text)) return false;
  const only = sentences.length === 1 && first.emphasis.length === 1 ? first.emphasis[0]! : null;
  if (only && only.from === 0 && only.to >= first.text.replace(/[.:]$/, '').length) return false;
  firsts.push(first.text);
  for (const sentence of sentences) {
    for (const span of sentence.emphasis) if (span.strong) bold.push(span.term);
  }
  return true;
}

function collectItem(item: ListItem, firsts: string[], bold: string[]): void {
  let first = true;
  for (const child of item.children) {
    if (child.type !== 'paragraph') continue;
    const before = firsts.length;
    collect(child, firsts, bold);
    // Only the item's first paragraph stands for it; later ones add bold phrases only.
    if (!first) firsts.length = before;
    first = false;
  }
}

function distinct(phrases: readonly string[]): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const phrase of phrases) {
    const key = phrase.toLowerCase();
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(phrase);
  }
  return out;
}
