import { describe, expect, it } from 'vitest';
import { parseText } from '../../src/parse/parse-source.js';

describe('the text of a card', () => {
  it('leaves out lines of nothing but tags (Obsidian reads them as tags, hashcards as comments) but keeps a line indented as code', () => {
    const r = parseText('Q: What is a question?\n#Center #flashcards/x\nA:\n\n    #if DEBUG\n    #endif\n', 'cards.md', 'cards');
    expect(r.cards.map((c) => [c.front, c.back])).toEqual([['What is a question?', '#if DEBUG\n#endif']]);
  });

  it('ends before an Obsidian block id that ends its block, and keeps a caret inside a line', () => {
    const r = parseText('A::B ^d7cee0\nHydrogen:::H ^blk3\nE = mc ^2 is whose?::Einstein\n\nQ: x ^2\nA: y ^abc\n', 'cards.md', 'cards');
    expect(r.cards.map((c) => [c.front, c.back])).toEqual([
      ['A', 'B'],
      ['Hydrogen', 'H'],
      ['H', 'Hydrogen'],
      ['E = mc ^2 is whose?', 'Einstein'],
      ['x ^2', 'y'],
    ]);
  });
});
