/**
 * Cards from outliner notes (Logseq, Obsidian bullets): a topic bullet with
 * a `Description` child gives topic -> the description's bullets as a list,
 * and a bullet that is only a `[[Topic]]` link gives topic -> its child
 * bullets. Wiki links read as text; embeds, images and tags are dropped.
 */
import type { List, ListItem, Nodes, Paragraph, Root } from 'mdast';
import { nodeEnd, nodeStart, partCards, type AnswerUnit } from './answer-parts.js';
import type { DerivedCard } from './derived-card.js';
import { blockMarkdown, eachBlockUnderHeadings, inlineMarkdown, listItemLines, type NodeTextOptions } from './node-text.js';
import { wikiText } from './wiki-text.js';

const TEXT: NodeTextOptions = { text: (value) => wikiText(value) };
const DESCRIPTION = /^description\s*:?\s*/i;
const LINK_ONLY = /^\s*\[\[[^\[\]\n]+\]\]\s*$/;

/**
 * The outline cards of a parsed note, in document order: one per topic
 * (split into "Topic (1/2)" … cards at bullet boundaries when the answer is
 * longer than MAX_ANSWER_CHARS). `lineOf` maps a cleaned-text line to the
 * original file's line. Returns [] when no bullet is a topic; never throws.
 */
export function extractOutlineTopics(tree: Root, lineOf: (cleanedLine: number) => number): DerivedCard[] {
  const cards: DerivedCard[] = [];
  eachBlockUnderHeadings(
    tree,
    (block, headingPath) => {
      if (block.type === 'list') visitList(block, { headingPath, parentTopic: null, lineOf, cards });
    },
    TEXT,
  );
  return cards;
}

interface Scope {
  headingPath: string[];
  parentTopic: string | null;
  lineOf: (cleanedLine: number) => number;
  cards: DerivedCard[];
}

function visitList(list: List, scope: Scope): void {
  for (const item of list.children) visitItem(item, scope);
}

function visitItem(item: ListItem, scope: Scope): void {
  const [first] = item.children;
  const topic = first?.type === 'paragraph' ? inlineMarkdown(first.children, TEXT) : '';
  const description = topic === '' ? undefined : descriptionOf(item);
  if (description !== undefined) {
    emit(topic, descriptionUnits(description, scope), item, description, scope);
  } else if (first?.type === 'paragraph' && topic !== '' && isLinkOnly(first) && hasChildBullets(item)) {
    emit(topic, childUnits(item, scope), item, item, scope);
    return;
  }
  const inner = topic === '' ? scope : { ...scope, parentTopic: topic };
  for (const child of item.children) {
    if (child.type !== 'list') continue;
    // The description was just turned into a card; its bullets are not topics of their own.
    for (const grandchild of child.children) if (grandchild !== description) visitItem(grandchild, inner);
  }
}

/** The first child bullet reading `Description` (with or without a colon and text after it). */
function descriptionOf(item: ListItem): ListItem | undefined {
  for (const child of item.children) {
    if (child.type !== 'list') continue;
    for (const bullet of child.children) {
      const [first] = bullet.children;
      if (first?.type === 'paragraph' && DESCRIPTION.test(inlineMarkdown(first.children, TEXT))) {
        const text = inlineMarkdown(first.children, TEXT);
        // "Descriptions of the protocol" is a topic, not the description label.
        if (/^description\s*(?::|$)/i.test(text) && (bullet.children.length > 1 || text.replace(DESCRIPTION, '') !== '')) {
          return bullet;
        }
      }
    }
  }
  return undefined;
}

function isLinkOnly(paragraph: Paragraph): boolean {
  const [only] = paragraph.children;
  return paragraph.children.length === 1 && only?.type === 'text' && LINK_ONLY.test(only.value);
}

function hasChildBullets(item: ListItem): boolean {
  return item.children.some((child) => child.type === 'list' && child.children.length > 0);
}

/** Text after `Description:` on its own line, then each of its child bullets and blocks. */
function descriptionUnits(description: ListItem, scope: Scope): AnswerUnit[] {
  const [first] = description.children;
  const units: AnswerUnit[] = [];
  if (first?.type === 'paragraph') {
    const after = inlineMarkdown(first.children, TEXT).replace(DESCRIPTION, '');
    if (after !== '') units.push(unit(after, first, scope));
  }
  return units.concat(childUnits(description, scope));
}

/** Each child bullet (with its own children) and each other block after the item's first line. */
function childUnits(item: ListItem, scope: Scope): AnswerUnit[] {
  const units: AnswerUnit[] = [];
  for (const block of item.children.slice(1)) {
    if (block.type === 'list') {
      for (const child of block.children) {
        const lines = listItemLines(child, '-', TEXT);
        if (lines.length > 0) units.push(unit(lines.join('\n'), child, scope));
      }
    } else {
      const text = blockMarkdown(block, TEXT);
      if (text !== '') units.push(unit(text, block, scope));
    }
  }
  return units;
}

function unit(text: string, node: Nodes, scope: Scope): AnswerUnit {
  return { text, line: startLine(node, scope), endLine: endLine(node, scope) };
}

function emit(topic: string, units: AnswerUnit[], item: ListItem, last: ListItem, scope: Scope): void {
  const span = { line: startLine(item, scope), endLine: endLine(last, scope) };
  scope.cards.push(...partCards(topic, units, span, { syntax: 'note-outline', context: scope.parentTopic, headingPath: scope.headingPath }));
}

function startLine(node: Nodes, scope: Scope): number {
  return nodeStart(node, scope.lineOf);
}

function endLine(node: Nodes, scope: Scope): number {
  return nodeEnd(node, scope.lineOf);
}
