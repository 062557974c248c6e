/**
 * The markdown tree the note extractors read: the text made safe for remark
 * (over-long or marker-laden lines emptied, deep nesting flattened) and
 * parsed in chunks, so that remark's time grows with the length of the text
 * whatever its shape. Line numbers are those of the text given.
 */
import type { Nodes, Root, RootContent } from 'mdast';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { fastMarkdown } from './fast-markdown.js';

const plainMarkdown = unified().use(remarkParse);
const githubMarkdown = unified().use(remarkParse).use(remarkGfm);
/** A table's delimiter row, strikethrough or a footnote: the GitHub extensions notes may use. */
const GFM_RE = /^ {0,3}\|?[ \t]*:?-+:?[ \t]*\|[ \t:|-]*$|~~|\[\^/m;

/**
 * A line that may open an HTML block (`<` after indentation and quote or list
 * markers): some HTML blocks run on over blank lines, so a chunk holding one
 * is read by remark whole.
 */
const HTML_LINE_RE = /^[ \t>*+\-\d.)]*</m;

/**
 * The blocks of lines [start, end) (one chunk), with the chunk's line numbers
 * shifted to the text's and offsets from the chunk's start. Most blocks are
 * read by {@link fastMarkdown}; the groups of blocks it leaves, and chunks
 * using the GitHub extensions (which more than double remark's time, so they
 * are on only where used), definitions or HTML, are read by remark, giving
 * the same tree either way.
 */
function parseChunk(lines: readonly string[], start: number, end: number): RootContent[] {
  const text = lines.slice(start, end).join('\n');
  // Every GitHub extension needs a `|`, `~~` or `[^`: most chunks have none, and the multiline pattern is tried at every line.
  const gfm = (text.includes('|') || text.includes('~~') || text.includes('[^')) && GFM_RE.test(text);
  // A definition ([label]: url) is seen by every block of its chunk, and some HTML blocks run over blank lines.
  // (remark also drops a byte-order mark, which moves every offset after it.)
  if (gfm || text.includes(']:') || HTML_LINE_RE.test(text) || text.startsWith('\uFEFF')) {
    const tree = (gfm ? githubMarkdown : plainMarkdown).parse(text);
    if (start > 0) shiftPositions(tree, start, 0);
    return tree.children;
  }
  const out: RootContent[] = [];
  let from = start;
  let offset = 0;
  let fromOffset = 0;
  let fence: string | null = null;
  const group = (to: number): void => {
    const fast = fastMarkdown(lines, from, to, fromOffset);
    if (fast !== null) out.push(...fast);
    else {
      const tree = plainMarkdown.parse(lines.slice(from, to).join('\n'));
      shiftPositions(tree, from, fromOffset);
      out.push(...tree.children);
    }
  };
  for (let i = start; i < end; i++) {
    const line = lines[i]!;
    // Blocks after a blank line and a line at the margin that opens no list item stand alone: each such group is read on its own.
    if (i > from && fence === null && /^\S/.test(line) && !LIST_ITEM_RE.test(line) && lines[i - 1]!.trim() === '') {
      group(i);
      from = i;
      fromOffset = offset;
    }
    const marker = FENCE_RE.exec(line)?.[1];
    if (marker && (fence === null || (marker[0] === fence[0] && marker.length >= fence.length))) fence = fence === null ? marker : null;
    offset += line.length + 1;
  }
  if (end > from) group(end);
  return out;
}

/** A line opening a list item at the margin (it may go on the list above it). */
const LIST_ITEM_RE = /^(?:[-*+]|\d{1,9}[.)])(?:[ \t]|$)/;

/** A chunk ends at the first blank line before a top-level block after this many lines. */
const CHUNK_LINES = 200;
/** ...and at this many lines in any case: some shapes (thousands of setext headings) cost remark time that grows faster than their length. */
const MAX_CHUNK_LINES = 1_000;
/**
 * A chunk also ends at such a blank line once its text holds this many inline
 * markers (see {@link inlineMarkers}), and after any line at four times as many:
 * remark matches emphasis and brackets by walking back over every marker before
 * them in the paragraph, so a paragraph of unmatched markers costs the square
 * of their number (100 KB of `*a_` took minutes). Bounding the markers of a
 * chunk bounds every paragraph; notes hold a few per sentence.
 */
const CHUNK_MARKERS = 500;
const MAX_CHUNK_MARKERS = 4 * CHUNK_MARKERS;
const FENCE_RE = /^ {0,3}(`{3,}|~{3,})/;

/**
 * The mdast of `text`, parsed in chunks that end between top-level blocks
 * (outside code fences) and joined into one tree with the real line numbers:
 * remark's time then grows with the length of the text, whatever its shape.
 */
export function parseMarkdown(text: string): Root {
  const lines = text.split('\n');
  const root: Root = { type: 'root', children: [] };
  let start = 0;
  let fence: string | null = null;
  let markers = 0;
  const flush = (end: number): void => {
    if (end <= start) return;
    root.children.push(...parseChunk(lines, start, end));
    start = end;
    markers = 0;
  };
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    const marker = FENCE_RE.exec(line)?.[1];
    if (marker && (fence === null || (marker[0] === fence[0] && marker.length >= fence.length))) fence = fence === null ? marker : null;
    // Code is not scanned for inline markers, so its markers cost nothing.
    else if (fence === null) markers += inlineMarkers(line);
    const size = i + 1 - start;
    const between = fence === null && line.trim() === '' && i + 1 < lines.length && /^\S/.test(lines[i + 1]!);
    if (((size >= CHUNK_LINES || markers >= CHUNK_MARKERS) && between) || size >= MAX_CHUNK_LINES || markers >= MAX_CHUNK_MARKERS) flush(i + 1);
  }
  flush(lines.length);
  return root;
}

/** Moves every position in `tree` down by `lines` lines and on by `offset` characters. */
function shiftPositions(tree: Nodes, lines: number, offset: number): void {
  const stack: Nodes[] = [tree];
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (node.position) {
      node.position.start.line += lines;
      node.position.end.line += lines;
      if (offset !== 0) {
        if (node.position.start.offset !== undefined) node.position.start.offset += offset;
        if (node.position.end.offset !== undefined) node.position.end.offset += offset;
      }
    }
    if ('children' in node) stack.push(...(node.children as Nodes[]));
  }
}

/**
 * Lines longer than this are not read for notes: no sentence that long makes
 * a card (answers stay under 600 characters), and remark would spend seconds
 * on a generated or minified line.
 */
export const MAX_NOTE_LINE = 20_000;

/**
 * Lines holding more inline markers than this are not read for notes either:
 * a thousand unmatched markers in one paragraph cost remark seconds (see
 * {@link CHUNK_MARKERS}), and nest emphasis deeper than a tree walk's stack.
 */
export const MAX_NOTE_LINE_MARKERS = 1_000;

/**
 * Leading indentation, quote markers and list markers (`> - > - 1. `) are cut
 * to their last this many characters: remark's work per line grows with the depth of
 * nesting, so a list nested thousands of levels deep would take minutes, and
 * the tree walks (remark's own, then the extractors') would overflow the
 * stack; past this depth the nesting says nothing a card needs.
 */
export const MAX_NOTE_INDENT = 64;

/** The block prefix of a line: indentation, quote markers and list markers nested on it. */
const BLOCK_PREFIX_RE = /^(?:[ \t>]|[-*+](?=[ \t])|\d{1,9}[.)](?=[ \t]))+/;

/**
 * How many of remark's inline markers a line holds: emphasis (`*`, `_`, `~`),
 * brackets of links and images, backticks of code spans and `<` of autolinks
 * and HTML. Linear.
 */
function inlineMarkers(line: string): number {
  let n = 0;
  for (let i = 0; i < line.length; i++) {
    const c = line.charCodeAt(i);
    // * _ ~ [ ] ` <
    if (c === 42 || c === 95 || c === 126 || c === 91 || c === 93 || c === 96 || c === 60) n++;
  }
  return n;
}

/** `text` as the note extractors read it: over-long or marker-laden lines emptied, deep nesting flattened (line numbers stay). */
export function readableForNotes(text: string): string {
  const lines = text.split('\n');
  let changed = false;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    if (line.length > MAX_NOTE_LINE || inlineMarkers(line) > MAX_NOTE_LINE_MARKERS) {
      lines[i] = '';
      changed = true;
      continue;
    }
    const prefix = line.length > MAX_NOTE_INDENT ? BLOCK_PREFIX_RE.exec(line)?.[0] : undefined;
    if (prefix !== undefined && prefix.length > MAX_NOTE_INDENT) {
      // The innermost markers are kept: they make the line what it is (a bullet, a quote).
      lines[i] = prefix.slice(prefix.length - MAX_NOTE_INDENT) + line.slice(prefix.length);
      changed = true;
    }
  }
  return changed ? lines.join('\n') : text;
}

