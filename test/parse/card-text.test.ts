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

  it('removes comments and tags of a line in column order, whichever it finds first', () => {
    // The comment is found before the tag that stands left of it: the edits are put in column order.
    const r = parseText('Q: #flashcards/x What <!-- note --> is it?\nA: It <!-- a --> is #flashcards/y this.\n', 'cards.md', 'cards');
    expect(r.cards.map((c) => [c.front, c.back])).toEqual([['What is it?', 'It is this.']]);
  });

  it('fills the gaps of a cloze line in order, with code-span escapes around them', () => {
    const r = parseText('C: The `\\[x]` [first] and [second] gap\n', 'cards.md', 'cards');
    expect(r.cards.map((c) => [c.front, c.back])).toEqual([
      ['The `[x]` **[...]** and second gap', 'The `[x]` **first** and second gap'],
      ['The `[x]` first and **[...]** gap', 'The `[x]` first and **second** gap'],
    ]);
  });

  it('gives the cards of an Anki cloze note in its card numbers\' order, whatever order the gaps come in', () => {
    const r = parseText('{{c2::Paris}} is the capital of {{c1::France}}.\n', 'cards.md', 'cards');
    expect(r.cards.map((c) => c.front)).toEqual(['Paris is the capital of **[...]**.', '**[...]** is the capital of France.']);
  });
});
