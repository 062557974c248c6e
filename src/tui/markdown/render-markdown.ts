import type { Nodes, Root } from 'mdast';
import { markdownEngine } from './load-markdown-engine.js';
import { needsPlainFallback, renderPlainText } from './plain-fallback.js';
import { isPlainProse, renderPlainProse } from './plain-prose.js';
import { renderBlocks } from './render-blocks.js';
import type { RenderContext } from './render-context.js';
import { sanitizeText } from './sanitize-text.js';
import { mergeSegments, type StyledLine } from './styled-line.js';

/** How to lay out a card. */
export interface RenderOptions {
  /** Terminal cells per line; no returned line is wider. */
  width: number;
  /** False under NO_COLOR: no segment carries a colour. */
  color: boolean;
}

/** A card laid out for the terminal. */
export interface RenderedMarkdown {
  /** The lines, top to bottom, with no leading or trailing blank line. */
  lines: StyledLine[];
  /** Urls of the images the card shows, in order (drawn as `[image: url]`); empty for plain-text fallbacks. */
  images: string[];
}

/** Wider than any terminal; keeps `'─'.repeat(width)` and friends finite for odd inputs. */
const MAX_WIDTH = 1_000;

/**
 * Lays out a card's markdown as styled terminal lines no wider than
 * `options.width`, and lists the urls of its images. Pure: no IO, no escape
 * codes; the caller draws the segments. Never throws. Text that is too
 * large or too deeply nested to parse safely (see `plainFallbackReason`),
 * or that makes the parser fail, is shown as plain wrapped text instead.
 */
export function renderMarkdown(markdown: string, options: RenderOptions): RenderedMarkdown {
  const text = sanitizeText(typeof markdown === 'string' ? markdown : '');
  // Plain prose gives the parser's lines without the parser (see plain-prose.ts).
  if (isPlainProse(text)) return { lines: finish(renderPlainProse(text, normalizeWidth(options?.width))), images: [] };
  return renderParsed(text, options);
}

/**
 * {@link renderMarkdown} always through the parser, also for the plain prose
 * that renderMarkdown lays out without it: test/tui/markdown/plain-prose.test.ts
 * holds the two to the same lines.
 */
export function renderMarkdownByParser(markdown: string, options: RenderOptions): RenderedMarkdown {
  return renderParsed(sanitizeText(typeof markdown === 'string' ? markdown : ''), options);
}

function renderParsed(text: string, options: RenderOptions): RenderedMarkdown {
  const width = normalizeWidth(options?.width);
  const ctx: RenderContext = { color: options?.color === true, images: [], definitions: new Map(), listDepth: 0 };
  let lines: StyledLine[];
  try {
    lines = needsPlainFallback(text) ? renderPlainText(text, width) : renderTree(markdownEngine().parseMarkdown(text), width, ctx);
  } catch {
    ctx.images.length = 0;
    lines = renderPlainText(text, width);
  }
  return { lines: finish(lines), images: ctx.images };
}

function normalizeWidth(width: unknown): number {
  if (typeof width !== 'number' || Number.isNaN(width)) return 80;
  return Math.min(MAX_WIDTH, Math.max(1, Math.floor(width)));
}

function renderTree(root: Root, width: number, ctx: RenderContext): StyledLine[] {
  return renderBlocks(root.children, width, { ...ctx, definitions: collectDefinitions(root) });
}

/** Reference-style links may be defined anywhere, after their use too, so look first; the first definition wins. */
function collectDefinitions(root: Root): Map<string, string> {
  const definitions = new Map<string, string>();
  const stack: Nodes[] = [root];
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (node.type === 'definition' && !definitions.has(node.identifier)) definitions.set(node.identifier, node.url);
    if (!('children' in node)) continue;
    const children = node.children as Nodes[];
    for (let i = children.length - 1; i >= 0; i--) stack.push(children[i]!);
  }
  return definitions;
}

function finish(lines: readonly StyledLine[]): StyledLine[] {
  const out = lines.map(mergeSegments);
  while (out.length > 0 && out[out.length - 1]!.length === 0) out.pop();
  while (out.length > 0 && out[0]!.length === 0) out.shift();
  return out;
}
