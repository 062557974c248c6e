import type { List, ListItem } from 'mdast';
import { textWidth } from '../terminal/text-width.js';
import { prefixLines, spaces } from './indent-lines.js';
import { MIN_CONTENT_WIDTH, type RenderChildren, type RenderContext } from './render-context.js';
import { takeCells } from './take-cells.js';
import { segment, type StyledLine } from './styled-line.js';

/** Bullets by nesting level; deeper levels start over. */
export const BULLETS = ['•', '◦', '▪'] as const;

/** The check box of an open task item, drawn in place of the bullet. */
export const TASK_OPEN = '☐';
/** The check box of a done task item. */
export const TASK_DONE = '☑';

/**
 * Returns the marker each item of `list` starts with: the level's bullet or
 * the item's number (right-aligned so the texts of all items line up), and
 * a check box for task items, which replaces the bullet of unordered lists.
 */
export function listMarkers(list: List, depth: number): string[] {
  const start = list.start ?? 1;
  const numbers = list.children.map((_, i) => `${start + i}.`);
  const numberWidth = Math.max(0, ...numbers.map((n) => n.length));
  const bullet = BULLETS[depth % BULLETS.length]!;
  return list.children.map((item, i) => {
    const box = item.checked === true ? TASK_DONE : item.checked === false ? TASK_OPEN : undefined;
    if (!list.ordered) return box ?? bullet;
    const number = numbers[i]!.padStart(numberWidth);
    return box ? `${number} ${box}` : number;
  });
}

/**
 * Returns the lines of a list. Each item's first line starts with its
 * marker; its other lines, nested lists included, are indented under the
 * item's text (two cells per level for bullets). Loose lists (blank lines
 * between items in the source) keep a blank line between items and between
 * the blocks inside an item; tight lists have none.
 */
export function renderList(
  list: List,
  width: number,
  ctx: RenderContext,
  renderChildren: RenderChildren,
): StyledLine[] {
  const loose = Boolean(list.spread) || list.children.some((item) => item.spread);
  const markers = listMarkers(list, ctx.listDepth);
  const inner: RenderContext = { ...ctx, listDepth: ctx.listDepth + 1 };
  const out: StyledLine[] = [];
  list.children.forEach((item, i) => {
    if (i > 0 && loose) out.push([]);
    out.push(...renderItem(item, markers[i]!, width, inner, loose, renderChildren));
  });
  return out;
}

function renderItem(
  item: ListItem,
  marker: string,
  width: number,
  ctx: RenderContext,
  loose: boolean,
  renderChildren: RenderChildren,
): StyledLine[] {
  const indent = textWidth(marker) + 1;
  if (width - indent < MIN_CONTENT_WIDTH) {
    // No room to indent: the marker gets a line of its own and the content the full width.
    const markerLine = takeCells([segment(marker)], width, true).head;
    return [markerLine, ...renderChildren(item.children, width, ctx, loose)];
  }
  const content = renderChildren(item.children, width - indent, ctx, loose);
  if (content.length === 0) return [[segment(marker)]];
  return prefixLines(content, { first: [segment(`${marker} `)], rest: [segment(spaces(indent))] });
}
