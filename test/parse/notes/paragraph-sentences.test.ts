import type { Paragraph } from 'mdast';
import { describe, expect, it } from 'vitest';
import { parseMarkdown } from '../../../src/parse/notes/notes-markdown.js';
import { lastParagraphSentences, paragraphSentences } from '../../../src/parse/notes/sentences.js';

function paragraphOf(markdown: string): Paragraph {
  const node = parseMarkdown(markdown).children[0];
  if (node?.type !== 'paragraph') throw new Error('expected a paragraph');
  return node;
}

describe('paragraph sentences, shared by the extractors', () => {
  it('keeps a paragraph’s sentences for the next reader, and gives them to its last reader without keeping them', () => {
    const { children } = paragraphOf('Clocks drift apart. A lease expires.\n');
    const first = paragraphSentences(children, 1);
    expect(first.map((s) => s.text)).toEqual(['Clocks drift apart.', 'A lease expires.']);
    // Read again: the same sentences, not analysed twice.
    expect(paragraphSentences(children, 1)).toBe(first);
    // The last reader takes them out of the cache…
    expect(lastParagraphSentences(children, 1)).toBe(first);
    // …so a later read analyses the paragraph anew, to the same sentences.
    const again = paragraphSentences(children, 1);
    expect(again).not.toBe(first);
    expect(again).toEqual(first);
  });

  it('analyses a paragraph no one read before for its last reader, and keeps nothing', () => {
    const { children } = paragraphOf('Quorums vote. Leaders lead.\n');
    const taken = lastParagraphSentences(children, 1);
    expect(taken.map((s) => s.text)).toEqual(['Quorums vote.', 'Leaders lead.']);
    expect(paragraphSentences(children, 1)).not.toBe(taken);
  });
});
