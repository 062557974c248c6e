import type { Code } from 'mdast';
import { breakCodeLine } from './break-code-line.js';
import { highlightCode } from './highlight-code.js';
import { spaces } from './indent-lines.js';
import { MIN_CONTENT_WIDTH, type RenderContext } from './render-context.js';
import { takeCells } from './take-cells.js';
import { segment, type StyledLine } from './styled-line.js';

/** Code blocks sit this many cells in from the text around them. */
export const CODE_INDENT = 2;

/** A tab's width depends on the terminal; a fixed four spaces keeps line widths measurable. */
export const TAB_SPACES = '    ';

/**
 * Returns the lines of a fenced or indented code block: a dim first line
 * with the language name when one is given, then the code, highlighted when
 * the language is known, indented by two cells. Long lines are broken with
 * a `↪ ` marker, never reflowed by words; tabs become four spaces; blank
 * code lines are empty lines.
 */
export function renderCodeBlock(node: Code, width: number, ctx: RenderContext): StyledLine[] {
  const indent = width - CODE_INDENT >= MIN_CONTENT_WIDTH ? CODE_INDENT : 0;
  const room = Math.max(1, width - indent);
  const pad = indent > 0 ? [segment(spaces(indent))] : [];
  const lang = node.lang?.replace(/\s+/g, ' ').trim() ?? '';
  const out: StyledLine[] = [];
  if (lang !== '') out.push([...pad, ...takeCells([segment(lang, { dim: true })], room, true).head]);
  if (node.value === '') return out;
  const code = node.value.replace(/\t/g, TAB_SPACES);
  for (const sourceLine of highlightCode(code, lang || null, ctx.color)) {
    if (sourceLine.length === 0) {
      out.push([]);
      continue;
    }
    for (const line of breakCodeLine(sourceLine, room)) out.push([...pad, ...line]);
  }
  return out;
}
