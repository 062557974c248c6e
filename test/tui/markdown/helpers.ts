import { renderMarkdown, type RenderedMarkdown } from '../../../src/tui/markdown/render-markdown.js';
import type { Segment, StyledLine } from '../../../src/tui/markdown/styled-line.js';
import { textWidth } from '../../../src/tui/terminal/text-width.js';

/** Each line as the plain text it shows. */
export function plain(lines: readonly StyledLine[]): string[] {
  return lines.map((line) => line.map((seg) => seg.text).join(''));
}

/** Renders with colours on unless told otherwise. */
export function render(markdown: string, width = 80, color = true): RenderedMarkdown {
  return renderMarkdown(markdown, { width, color });
}

/** The plain lines of a rendering. */
export function renderPlain(markdown: string, width = 80, color = true): string[] {
  return plain(render(markdown, width, color).lines);
}

/** Every segment whose text is exactly `text`. */
export function segmentsWithText(lines: readonly StyledLine[], text: string): Segment[] {
  return lines.flat().filter((seg) => seg.text === text);
}

/** The one segment whose text is exactly `text`; throws when there is not exactly one. */
export function segmentWithText(lines: readonly StyledLine[], text: string): Segment {
  const found = segmentsWithText(lines, text);
  if (found.length !== 1) throw new Error(`expected one segment "${text}", found ${found.length}`);
  return found[0]!;
}

/** The widest line's width in cells. */
export function widestLine(lines: readonly StyledLine[]): number {
  return Math.max(0, ...lines.map((line) => textWidth(line.map((seg) => seg.text).join(''))));
}
