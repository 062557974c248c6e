/**
 * Cards from bold-term summaries: `- **Term:** definition` gives
 * Term -> definition, and a bold bullet whose children are bullets gives
 * Term -> those children as a list. The front is the plain term (no colon);
 * the headings above are the card's heading path and an enclosing term its
 * context.
 */
import type { List, ListItem, Nodes, Paragraph, Root, RootContent } from 'mdast';
import { nodeEnd, nodeStart, partCards, type AnswerUnit } from './answer-parts.js';
import type { DerivedCard } from './derived-card.js';
import { blockMarkdown, eachBlockUnderHeadings, inlineMarkdown, listItemLines, type NodeTextOptions } from './node-text.js';
import { wikiText } from './wiki-text.js';

const TEXT: NodeTextOptions = { text: (value) => wikiText(value) };

// `**Term:**`, `**Term**:`, and the broken marks notes really hold
// (`**Term:***`, `*Term:**`). The term is capped so a line that only looks
// like one costs a bounded amount of backtracking.
const TERM = /^(?:\*{1,3}|_{1,2})(?!\s)([^*\n]{1,200}?)\s*(:?)(?:\*{1,3}|_{1,2})\**\s*(:?)\s*/;

// Terms that mean nothing without what they are about ("Definition" of what?).
const GENERIC = new Set([
  'advantages', 'benefits', 'characteristics', 'cons', 'definition', 'description', 'details',
  'disadvantages', 'drawbacks', 'example', 'examples', 'features', 'key points', 'limitations',
  'goal', 'idea', 'implementation', 'importance', 'note', 'notes', 'overview', 'problem', 'properties',
  'pros', 'purpose', 'result', 'solution', 'summary', 'types', 'usage', 'use cases',
]);

/** A paragraph read as a term and what follows it on the same line. */
interface TermLine {
  term: string;
  rest: string;
  hasColon: boolean;
}

/**
 * The definition cards of a parsed note, in document order: one per defined
 * term (split into "Term (1/2)" … cards at item boundaries when the answer
 * is longer than MAX_ANSWER_CHARS). `lineOf` maps a cleaned-text line to the
 * original file's line. Returns [] when the note has no definitions; never throws.
 */
export function extractDefinitionBullets(tree: Root, lineOf: (cleanedLine: number) => number): DerivedCard[] {
  const cards: DerivedCard[] = [];
  eachBlockUnderHeadings(
    tree,
    (block, headingPath) => visitBlock(block, { headingPath, parentTerm: null, lineOf, cards }),
    TEXT,
  );
  return cards;
}

interface Scope {
  headingPath: string[];
  parentTerm: string | null;
  lineOf: (cleanedLine: number) => number;
  cards: DerivedCard[];
}

function visitBlock(block: RootContent, scope: Scope): void {
  if (block.type === 'list') visitList(block, scope);
  else if (block.type === 'blockquote') for (const child of block.children) visitBlock(child, scope);
  else if (block.type === 'paragraph') {
    // A bold term opening a plain paragraph defines it only when a colon says so.
    const found = termLine(block);
    if (found !== null && found.hasColon && found.rest !== '') {
      emit(frontOf(found.term, scope), [unit(found.rest, block, block, scope)], block, scope);
    }
  }
}

function visitList(list: List, scope: Scope): void {
  for (const item of list.children) {
    const found = definitionOf(item);
    const front = found === null ? null : frontOf(found.term, scope);
    const inner = front === null ? scope : { ...scope, parentTerm: front };
    if (found !== null && front !== null) emit(front, answerUnits(item, found, scope), item, scope);
    for (const child of item.children) if (child.type === 'list') visitList(child, inner);
  }
}

/** The item's term when it defines one: a term with text after it, or a term over child bullets. */
function definitionOf(item: ListItem): TermLine | null {
  const [first] = item.children;
  if (first?.type !== 'paragraph') return null;
  const found = termLine(first);
  if (found === null) return null;
  if (found.rest !== '') return found.hasColon ? found : null;
  return item.children.some((child) => child.type === 'list') ? found : null;
}

function termLine(paragraph: Paragraph): TermLine | null {
  const text = inlineMarkdown(paragraph.children, TEXT);
  const match = TERM.exec(text);
  if (match === null) return null;
  const term = match[1]!.trim().replace(/:$/, '').trim();
  if (term === '') return null;
  return { term, rest: text.slice(match[0].length).trim(), hasColon: match[2] === ':' || match[3] === ':' };
}

/** The answer as units: the text after the term, then each child bullet or block. */
function answerUnits(item: ListItem, found: TermLine, scope: Scope): AnswerUnit[] {
  const [first, ...others] = item.children;
  const units: AnswerUnit[] = [];
  if (found.rest !== '' && first !== undefined) units.push(unit(found.rest, first, first, scope));
  for (const block of others) {
    if (block.type === 'list') {
      for (const child of block.children) {
        // A child that defines its own term gets its own card; here it is only named.
        const childTerm = definitionOf(child);
        const lines = childTerm !== null ? [`- ${childTerm.term}`] : listItemLines(child, '-', TEXT);
        if (lines.length > 0) units.push(unit(lines.join('\n'), child, child, scope));
      }
    } else {
      const text = blockMarkdown(block, TEXT);
      if (text !== '') units.push(unit(text, block, block, scope));
    }
  }
  return units;
}

function unit(text: string, from: Nodes, to: Nodes, scope: Scope): AnswerUnit {
  return { text, line: startLine(from, scope), endLine: endLine(to, scope) };
}

/** The term as a question: a generic term ("Definition") says what it is about. */
function frontOf(term: string, scope: Scope): string {
  const about = scope.parentTerm ?? scope.headingPath[scope.headingPath.length - 1];
  return GENERIC.has(term.toLowerCase()) && about !== undefined ? `${about} — ${term}` : term;
}

function emit(front: string, units: AnswerUnit[], node: Nodes, scope: Scope): void {
  const span = { line: startLine(node, scope), endLine: endLine(node, scope) };
  scope.cards.push(...partCards(front, units, span, { syntax: 'note-definition', context: scope.parentTerm, headingPath: scope.headingPath }));
}

function startLine(node: Nodes, scope: Scope): number {
  return nodeStart(node, scope.lineOf);
}

function endLine(node: Nodes, scope: Scope): number {
  return nodeEnd(node, scope.lineOf);
}
