/**
 * The sentences of a bullet's paragraph as the prose extractors read them
 * (sentences.ts: split and tagged by the English model once per paragraph,
 * shared by every extractor), with a leading label cut off: "**Term:** A
 * lease is …" reads "A lease is …".
 */
import type { Paragraph } from 'mdast';
import { paragraphSentences, type Sentence } from './sentences.js';

/**
 * The sentences of `paragraph`, the text `prefix` matches at its start (a
 * bold term, "Idea:") cut from the first, its tokens and emphasis moved to
 * match. A first sentence that was only the prefix is left out. Never throws.
 */
export function bulletSentences(paragraph: Paragraph, prefix: RegExp | null = null): Sentence[] {
  const all = paragraphSentences(paragraph.children, paragraph.position?.start.line ?? 1);
  const [first, ...rest] = all;
  if (first === undefined) return [];
  const match = prefix === null ? null : prefix.exec(first.text);
  if (match === null || match.index !== 0 || match[0].length === 0) return [...all];
  const cut = match[0].length;
  const text = first.text.slice(cut).trim();
  if (text === '') return rest;
  const from = first.text.length - first.text.slice(cut).trimStart().length;
  return [
    {
      ...first,
      text,
      tokens: first.tokens.filter((t) => t.from >= from).map((t) => ({ ...t, from: t.from - from, to: t.to - from })),
      emphasis: first.emphasis.filter((e) => e.from >= from).map((e) => ({ ...e, from: e.from - from, to: e.to - from })),
    },
    ...rest,
  ];
}
