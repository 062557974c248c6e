import type { Nodes } from 'mdast';
import type { SegmentColor, Style, StyledLine } from './styled-line.js';

/** What block renderers share while walking one card. */
export interface RenderContext {
  /** False under NO_COLOR: no segment may carry a colour. */
  color: boolean;
  /** Image urls in document order; renderers append to it. */
  images: string[];
  /** Link and image reference definitions by normalized identifier. */
  definitions: ReadonlyMap<string, string>;
  /** How many lists enclose the node being rendered (picks the bullet). */
  listDepth: number;
}

/** Renders child blocks at a width; passed down so block renderers need not import each other. */
export type RenderChildren = (
  nodes: readonly Nodes[],
  width: number,
  ctx: RenderContext,
  separated: boolean,
) => StyledLine[];

/**
 * Below this many cells a container (list item, quote, code block) stops
 * indenting its content: a readable narrow column beats a perfectly nested
 * one that no longer fits.
 */
export const MIN_CONTENT_WIDTH = 6;

/** Returns a style with `color` when colours are on, and an empty style otherwise. */
export function paint(ctx: Pick<RenderContext, 'color'>, color: SegmentColor): Style {
  return ctx.color ? { color } : {};
}
