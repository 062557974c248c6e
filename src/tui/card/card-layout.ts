import type { Card } from '../../model/card.js';
import { renderMarkdown } from '../markdown/render-markdown.js';
import type { StyledLine } from '../markdown/styled-line.js';
import { breadcrumb } from './breadcrumb.js';

/** A card laid out for the screen: its lines and the images it refers to. */
export interface CardLayout {
  lines: StyledLine[];
  images: string[];
}

/**
 * The card body as styled lines of `width`: where it comes from (its
 * breadcrumb, dim, one line, without the file's `titleHeading`), its title
 * (bold) and context paragraph, then the question; once answered, a rule and
 * the answer. A cloze shows only its filled text once answered, since that
 * text already holds the question.
 */
export function cardLayout(card: Card, revealed: boolean, width: number, color: boolean, titleHeading: string | null = null): CardLayout {
  // Memoised per card object: the next card is laid out ahead, while the user reads.
  const key = `${revealed}|${width}|${color}|${titleHeading ?? ''}`;
  let byKey = layouts.get(card);
  if (!byKey) layouts.set(card, (byKey = new Map()));
  let layout = byKey.get(key);
  if (!layout) byKey.set(key, (layout = computeLayout(card, revealed, width, color, titleHeading)));
  return layout;
}

const layouts = new WeakMap<Card, Map<string, CardLayout>>();

function computeLayout(card: Card, revealed: boolean, width: number, color: boolean, titleHeading: string | null): CardLayout {
  const lines: StyledLine[] = [];
  const images: string[] = [];
  const add = (markdown: string, style?: { dim?: boolean; bold?: boolean }): void => {
    const r = renderMarkdown(markdown, { width, color });
    images.push(...r.images);
    for (const line of r.lines) lines.push(style ? line.map((s) => ({ ...s, ...style })) : line);
  };
  // Plain text, not markdown: a heading such as "8.2 Networks" or "1. Intro" is no list.
  const crumbs = breadcrumb(card.headingPath, titleHeading, width);
  if (crumbs !== null) lines.push([{ text: crumbs, dim: true }]);
  if (card.title) add(card.title, { bold: true });
  if (card.context) add(card.context, { dim: true });
  if (lines.length > 0) lines.push([]);
  if (revealed && card.kind === 'cloze') {
    add(card.back);
  } else {
    add(card.front);
    if (revealed) {
      lines.push([], [{ text: '─'.repeat(width), dim: true }], []);
      add(card.back);
    }
  }
  return { lines, images };
}
