/**
 * The markdown tree the note extractors read: the text made safe for remark
 * (over-long or marker-laden lines emptied, deep nesting flattened) and
 * parsed in chunks, so that remark's time grows with the length of the text
 * whatever its shape. Line numbers are those of the text given.
 */
import type { Nodes, Root } from 'mdast';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified } from 'unified';

const plainMarkdown = unified().use(remarkParse);
const githubMarkdown = unified().use(remarkParse).use(remarkGfm);
/** A table's delimiter row, strikethrough or a footnote: the GitHub extensions notes may use. */
const GFM_RE = /^ {0,3}\|?[ \t]*:?-+:?[ \t]*\|[ \t:|-]*$|~~|\[\^/m;

/** The mdast of one chunk. The GitHub extensions more than double remark's time: on only where used. */
function parseChunk(text: string): Root {
  return (GFM_RE.test(text) ? githubMarkdown : plainMarkdown).parse(text);
}

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
    const tree = parseChunk(lines.slice(start, end).join('\n'));
    if (start > 0) shiftLines(tree, start);
    root.children.push(...tree.children);
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

/** Moves every position in `tree` down by `by` lines. */
function shiftLines(tree: Nodes, by: number): void {
  const stack: Nodes[] = [tree];
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (node.position) {
      node.position.start.line += by;
      node.position.end.line += by;
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

