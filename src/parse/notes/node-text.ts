/**
 * Text of mdast nodes for derived cards: markdown that keeps emphasis and
 * `code` but shows links as their text and leaves images out, or plain text
 * for heading paths. Every function visits each node once, so it is linear.
 */
import type { List, ListItem, Nodes, PhrasingContent, Root, RootContent, Table } from 'mdast';

/** How text is rendered; every field is optional. */
export interface NodeTextOptions {
  /**
   * Rewrites the value of each text node (never `code`), e.g. to turn
   * `[[link]]` into text. Defaults to leaving it as is.
   */
  text?: (value: string) => string;
  /** Shows an image as its alt text or path (`[image: a.png]`) instead of dropping it. */
  images?: 'drop' | 'path';
}

const keep = (value: string): string => value;

/**
 * Markdown of a run of inline (phrasing) nodes, on one line unless a hard
 * break or a newline in the source splits it.
 * Returns the text with outer whitespace trimmed; never throws.
 */
export function inlineMarkdown(nodes: readonly PhrasingContent[], options: NodeTextOptions = {}): string {
  return nodes.map((node) => phrasing(node, options)).join('').trim();
}

function phrasing(node: PhrasingContent, options: NodeTextOptions): string {
  switch (node.type) {
    case 'text':
      return (options.text ?? keep)(node.value);
    case 'inlineCode':
      return codeSpan(node.value);
    case 'emphasis':
      return wrap('*', inlineMarkdown(node.children, options));
    case 'strong':
      return wrap('**', inlineMarkdown(node.children, options));
    case 'delete':
      return wrap('~~', inlineMarkdown(node.children, options));
    case 'link':
    case 'linkReference':
      return node.children.map((child) => phrasing(child, options)).join('');
    case 'image':
    case 'imageReference':
      return options.images === 'path' ? imagePath(node) : '';
    case 'break':
      return '\n';
    case 'footnoteReference':
    case 'html':
      return '';
    default:
      return '';
  }
}

/** Emphasis around empty or blank text would show stray asterisks, so it is dropped. */
function wrap(mark: string, inner: string): string {
  return inner === '' ? '' : `${mark}${inner}${mark}`;
}

/** A code span whose fence is longer than any backtick run inside it. */
export function codeSpan(value: string): string {
  let longest = 0;
  for (const run of value.match(/`+/g) ?? []) longest = Math.max(longest, run.length);
  const fence = '`'.repeat(longest + 1);
  const pad = value.startsWith('`') || value.endsWith('`') ? ' ' : '';
  return `${fence}${pad}${value}${pad}${fence}`;
}

function imagePath(node: PhrasingContent): string {
  if (node.type === 'image') return `[image: ${node.alt || node.url}]`;
  if (node.type === 'imageReference') return `[image: ${node.alt || node.identifier}]`;
  return '';
}

/**
 * Markdown of any node: paragraphs and headings as inline markdown, lists as
 * `- item` lines (children indented two spaces), code as a fenced block,
 * table rows as `- cell; cell` lines (a `|` would read as capture noise).
 * Blocks are separated by one newline. Returns '' for nodes without text
 * (images, thematic breaks, html, definitions); never throws.
 */
export function blockMarkdown(node: Nodes, options: NodeTextOptions = {}): string {
  switch (node.type) {
    case 'root':
    case 'blockquote':
    case 'footnoteDefinition':
      return blocks(node.children, options);
    case 'paragraph':
    case 'heading':
    case 'tableCell':
      return inlineMarkdown(node.children, options);
    case 'list':
      return listMarkdown(node, options);
    case 'listItem':
      return blocks(node.children, options);
    case 'code':
      return `\`\`\`${node.lang ?? ''}\n${node.value}\n\`\`\``;
    case 'table':
      return tableMarkdown(node, options);
    case 'tableRow':
      return node.children.map((cell) => blockMarkdown(cell, options)).join('; ');
    case 'thematicBreak':
    case 'html':
    case 'definition':
    case 'yaml':
      return '';
    default:
      return 'children' in node ? inlineMarkdown(node.children as PhrasingContent[], options) : phrasing(node as PhrasingContent, options);
  }
}

function blocks(children: readonly Nodes[], options: NodeTextOptions): string {
  return children
    .map((child) => blockMarkdown(child, options))
    .filter((text) => text !== '')
    .join('\n');
}

/**
 * A list as `- item` lines (ordered lists keep their numbers), nested lists
 * indented two spaces per level; items without text are left out.
 * Returns '' when no item has text; never throws.
 */
export function listMarkdown(list: List, options: NodeTextOptions = {}): string {
  return listLines(list, options).join('\n');
}

/**
 * The lines of one list item rendered as a bullet (`- text`, continuation
 * and child lines indented two spaces). Returns [] when the item has no text.
 */
export function listItemLines(item: ListItem, marker: string, options: NodeTextOptions = {}): string[] {
  const text = blocks(item.children, options);
  if (text === '') return [];
  const [first = '', ...rest] = text.split('\n');
  const indent = ' '.repeat(marker.length + 1);
  return [`${marker} ${first}`, ...rest.map((line) => (line === '' ? line : indent + line))];
}

function listLines(list: List, options: NodeTextOptions): string[] {
  const lines: string[] = [];
  let number = list.start ?? 1;
  for (const item of list.children) {
    const marker = list.ordered ? `${number}.` : '-';
    const itemLines = listItemLines(item, marker, options);
    if (itemLines.length > 0) number += 1;
    lines.push(...itemLines);
  }
  return lines;
}

function tableMarkdown(table: Table, options: NodeTextOptions): string {
  return table.children
    .map((row) => blockMarkdown(row, options))
    .filter((text) => text.replace(/;/g, '').trim() !== '')
    .map((text) => `- ${text}`)
    .join('\n');
}

/**
 * Plain text of a node: the values of its text and code, no markup, links as
 * their text, images left out, whitespace runs collapsed to one space.
 * Used for heading paths. Returns '' for nodes without text; never throws.
 */
export function plainText(node: Nodes, options: Pick<NodeTextOptions, 'text'> = {}): string {
  const parts: string[] = [];
  collect(node, options.text ?? keep, parts);
  return parts.join('').replace(/\s+/g, ' ').trim();
}

function collect(node: Nodes, text: (value: string) => string, parts: string[]): void {
  if (node.type === 'text') parts.push(text(node.value));
  else if (node.type === 'inlineCode' || node.type === 'code') parts.push(node.value);
  else if (node.type === 'break') parts.push(' ');
  else if ('children' in node) {
    for (const child of node.children) collect(child as Nodes, text, parts);
    // Blocks would run together ("TitleBody") without a separator.
    if (node.type === 'paragraph' || node.type === 'heading' || node.type === 'listItem') parts.push(' ');
  }
}

/**
 * Calls `visit` with each top-level block of the tree that is not a heading,
 * and the plain text of the headings above it, outermost first (a heading
 * closes every heading of its depth or deeper). Headings without text are
 * skipped. Returns nothing; never throws.
 */
export function eachBlockUnderHeadings(
  root: Root,
  visit: (block: RootContent, headingPath: string[]) => void,
  options: Pick<NodeTextOptions, 'text'> = {},
): void {
  const open: { depth: number; text: string }[] = [];
  for (const block of root.children) {
    if (block.type === 'heading') {
      const text = plainText(block, options);
      if (text === '') continue;
      while (open.length > 0 && open[open.length - 1]!.depth >= block.depth) open.pop();
      open.push({ depth: block.depth, text });
    } else {
      visit(
        block,
        open.map((heading) => heading.text),
      );
    }
  }
}
