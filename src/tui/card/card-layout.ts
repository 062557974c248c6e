import type { Card } from '../../model/card.js';
import { renderMarkdown } from '../markdown/render-markdown.js';
import type { StyledLine } from '../markdown/styled-line.js';

/** A card laid out for the screen: its lines and the images it refers to. */
export interface CardLayout {
  lines: StyledLine[];
  images: string[];
}

/**
 * The card body as styled lines of `width`: where it comes from (headings, dim),
 * its title (bold) and context paragraph, then the question; once answered,
 * a rule and the answer. A cloze shows only its filled text once answered,
 * since that text already holds the question.
 */
export function cardLayout(card: Card, revealed: boolean, width: number, color: boolean): CardLayout {
  // Memoised per card object: the next card is laid out ahead, while the user reads.
  const key = `${revealed}|${width}|${color}`;
  let byKey = layouts.get(card);
  if (!byKey) layouts.set(card, (byKey = new Map()));
  let layout = byKey.get(key);
  if (!layout) byKey.set(key, (layout = computeLayout(card, revealed, width, color)));
  return layout;
}

const layouts = new WeakMap<Card, Map<string, CardLayout>>();

function computeLayout(card: Card, revealed: boolean, width: number, color: boolean): CardLayout {
  const lines: StyledLine[] = [];
  const images: string[] = [];
  const add = (markdown: string, style?: { dim?: boolean; bold?: boolean }): void => {
    const r = renderMarkdown(markdown, { width, color });
    images.push(...r.images);
    for (const line of r.lines) lines.push(style ? line.map((s) => ({ ...s, ...style })) : line);
  };
  if (card.headingPath.length > 0) add(card.headingPath.join(' › '), { dim: true });
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
