import type { Nodes, PhrasingContent } from 'mdast';
import { paint, type RenderContext } from './render-context.js';
import { lineText, segment, withStyle, type Segment, type Style } from './styled-line.js';

/**
 * Returns text fit for one terminal line: soft line breaks and tabs become
 * single spaces (a tab's width depends on the terminal, so it cannot be
 * measured).
 */
export function cleanInlineText(text: string): string {
  return text.replace(/[ \t]*\n[ \t]*/g, ' ').replace(/\t/g, ' ');
}

/**
 * Returns the segments for inline (phrasing) markdown, each carrying `style`
 * plus what its own markup adds. A hard line break becomes a `\n` in the
 * text for `wrapSegments` to honour. Images are listed in `ctx.images`.
 */
export function renderInline(nodes: readonly Nodes[], style: Style, ctx: RenderContext): Segment[] {
  const out: Segment[] = [];
  for (const node of nodes) renderNode(node, style, ctx, out);
  return out;
}

function renderNode(node: Nodes, style: Style, ctx: RenderContext, out: Segment[]): void {
  switch (node.type) {
    case 'text':
      out.push(segment(cleanInlineText(node.value), style));
      return;
    case 'strong':
      out.push(...renderInline(node.children, withStyle(style, { bold: true }), ctx));
      return;
    case 'emphasis':
      out.push(...renderInline(node.children, withStyle(style, { italic: true }), ctx));
      return;
    case 'delete':
      out.push(...renderInline(node.children, withStyle(style, { strikethrough: true }), ctx));
      return;
    case 'inlineCode':
      out.push(segment(cleanInlineText(node.value), withStyle(style, paint(ctx, 'yellow'))));
      return;
    case 'break':
      out.push(segment('\n', style));
      return;
    case 'link':
      out.push(...renderLink(node.children, node.url, style, ctx));
      return;
    case 'linkReference': {
      const url = ctx.definitions.get(node.identifier);
      if (url === undefined) out.push(...renderInline(node.children, style, ctx));
      else out.push(...renderLink(node.children, url, style, ctx));
      return;
    }
    case 'image':
      out.push(renderImage(node.url, style, ctx));
      return;
    case 'imageReference': {
      const url = ctx.definitions.get(node.identifier);
      if (url === undefined) out.push(segment(cleanInlineText(node.alt ?? ''), style));
      else out.push(renderImage(url, style, ctx));
      return;
    }
    case 'footnoteReference':
      out.push(segment(`[${cleanInlineText(node.label ?? node.identifier)}]`, withStyle(style, { dim: true })));
      return;
    case 'html':
      // Raw HTML cannot be drawn in a terminal; text between tags is its own node and stays.
      return;
    default:
      if ('children' in node) out.push(...renderInline(node.children as PhrasingContent[], style, ctx));
      else if ('value' in node && typeof node.value === 'string') out.push(segment(cleanInlineText(node.value), style));
  }
}

/**
 * True when showing `url` after `text` would only repeat it: autolinks, and
 * GFM literal links whose url merely adds the scheme (`www.x.org`,
 * `me@x.org`).
 */
function repeatsText(url: string, text: string): boolean {
  return url === text || url === `http://${text}` || url === `https://${text}` || url === `mailto:${text}`;
}

function renderLink(children: readonly PhrasingContent[], rawUrl: string, style: Style, ctx: RenderContext): Segment[] {
  const url = cleanInlineText(rawUrl).trim();
  const text = renderInline(children, withStyle(style, { underline: true }), ctx);
  const shown = lineText(text).trim();
  if (shown === '') return url === '' ? [] : [segment(url, withStyle(style, { underline: true }))];
  if (url === '' || repeatsText(url, shown)) return text;
  return [...text, segment(` (${url})`, style)];
}

function renderImage(rawUrl: string, style: Style, ctx: RenderContext): Segment {
  const url = cleanInlineText(rawUrl).trim();
  const imageStyle = withStyle(style, paint(ctx, 'magenta'));
  if (url === '') return segment('[image]', imageStyle);
  ctx.images.push(url);
  return segment(`[image: ${url}]`, imageStyle);
}
