import type { FootnoteDefinition } from 'mdast';
import { textWidth } from '../terminal/text-width.js';
import { prefixLines, spaces } from './indent-lines.js';
import { MIN_CONTENT_WIDTH, type RenderChildren, type RenderContext } from './render-context.js';
import { takeCells } from './take-cells.js';
import { segment, type StyledLine } from './styled-line.js';

/**
 * Returns the lines of a GFM footnote definition: a dim `[label]` and the
 * footnote's blocks hanging beside it, matching how references show inline.
 */
export function renderFootnote(
  node: FootnoteDefinition,
  width: number,
  ctx: RenderContext,
  renderChildren: RenderChildren,
): StyledLine[] {
  const marker = segment(`[${(node.label ?? node.identifier).replace(/\s+/g, ' ')}]`, { dim: true });
  const indent = textWidth(marker.text) + 1;
  if (width - indent < MIN_CONTENT_WIDTH) {
    return [takeCells([marker], width, true).head, ...renderChildren(node.children, width, ctx, true)];
  }
  const content = renderChildren(node.children, width - indent, ctx, true);
  if (content.length === 0) return [[marker]];
  return prefixLines(content, { first: [marker, segment(' ')], rest: [segment(spaces(indent))] });
}
