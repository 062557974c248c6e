import type { Blockquote } from 'mdast';
import { prefixLines } from './indent-lines.js';
import { MIN_CONTENT_WIDTH, type RenderChildren, type RenderContext } from './render-context.js';
import { segment, type StyledLine } from './styled-line.js';

/** Starts every line of a block quote. */
export const QUOTE_PREFIX = '│ ';

/**
 * Returns the lines of a block quote: its blocks wrapped to the width left
 * after a dim `│ ` bar, which starts every line, blank ones included, so
 * nested quotes show one bar per level. When the width is too small for
 * another bar the content is drawn without it.
 */
export function renderBlockquote(
  node: Blockquote,
  width: number,
  ctx: RenderContext,
  renderChildren: RenderChildren,
): StyledLine[] {
  if (width - QUOTE_PREFIX.length < MIN_CONTENT_WIDTH) return renderChildren(node.children, width, ctx, true);
  const content = renderChildren(node.children, width - QUOTE_PREFIX.length, ctx, true);
  const bar = segment(QUOTE_PREFIX, { dim: true });
  return prefixLines(content, { first: [bar], rest: [bar], blank: [segment(QUOTE_PREFIX.trimEnd(), { dim: true })] });
}
