import type { Heading, Nodes, Parents } from 'mdast';
import { renderBlockquote } from './render-blockquote.js';
import { renderCodeBlock } from './render-code-block.js';
import type { RenderContext } from './render-context.js';
import { renderInline } from './render-inline.js';
import { renderList } from './render-list.js';
import { renderTable } from './render-table.js';
import { stripHtml } from './strip-html.js';
import { renderFootnote } from './render-footnote.js';
import { segment, type Style, type StyledLine } from './styled-line.js';
import { wrapSegments } from './wrap-segments.js';

/**
 * Returns the lines for a sequence of blocks at `width` cells, with a blank
 * line between blocks when `separated` (tight list items pass false). Blocks
 * that draw nothing (definitions, HTML comments) leave no gap behind.
 */
export function renderBlocks(
  nodes: readonly Nodes[],
  width: number,
  ctx: RenderContext,
  separated = true,
): StyledLine[] {
  const out: StyledLine[] = [];
  for (const node of nodes) {
    const lines = renderBlock(node, width, ctx);
    if (lines.length === 0) continue;
    if (separated && out.length > 0) out.push([]);
    out.push(...lines);
  }
  return out;
}

/** Returns the lines for one block node (a phrasing node on its own is wrapped like a paragraph). */
export function renderBlock(node: Nodes, width: number, ctx: RenderContext): StyledLine[] {
  switch (node.type) {
    case 'root':
      return renderBlocks(node.children, width, ctx);
    case 'paragraph':
      return wrapSegments(renderInline(node.children, {}, ctx), width);
    case 'heading':
      return wrapSegments(renderInline(node.children, headingStyle(node), ctx), width);
    case 'thematicBreak':
      return [[segment('─'.repeat(Math.max(1, width)), { dim: true })]];
    case 'code':
      return renderCodeBlock(node, width, ctx);
    case 'blockquote':
      return renderBlockquote(node, width, ctx, renderBlocks);
    case 'list':
      return renderList(node, width, ctx, renderBlocks);
    case 'listItem':
      return renderBlocks(node.children, width, ctx, Boolean(node.spread));
    case 'table':
      return renderTable(node, width, ctx);
    case 'html':
      return stripHtml(node.value)
        .split('\n')
        .flatMap((line) => wrapSegments([segment(line)], width));
    case 'footnoteDefinition':
      return renderFootnote(node, width, ctx, renderBlocks);
    case 'definition':
    case 'yaml':
      return [];
    default:
      if ('children' in node) {
        const children = (node as Parents).children;
        return children.every(isPhrasing)
          ? wrapSegments(renderInline(children, {}, ctx), width)
          : renderBlocks(children, width, ctx);
      }
      return wrapSegments(renderInline([node], {}, ctx), width);
  }
}

function headingStyle(node: Heading): Style {
  return node.depth <= 2 ? { bold: true, underline: true } : { bold: true };
}

const PHRASING = new Set([
  'text', 'emphasis', 'strong', 'delete', 'inlineCode', 'break', 'link', 'linkReference',
  'image', 'imageReference', 'footnoteReference', 'html',
]);

function isPhrasing(node: Nodes): boolean {
  return PHRASING.has(node.type);
}
