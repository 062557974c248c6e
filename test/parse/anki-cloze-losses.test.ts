import { describe, expect, it } from 'vitest';
import { parseText } from '../../src/parse/parse-source.js';

// Each of these once lost a cloze the user wrote without a word (issue 16): a
// garbled card, raw markup on a front, an empty card, or "has no cards". Now
// every deletion is on a card or reported at its line.
const read = (text: string) => {
  const r = parseText(text, 'deck.md');
  return {
    cards: r.cards.map((c) => [c.front, c.back]),
    problems: r.problems.map((p) => `${p.line}: ${p.severity}`),
    fromNotes: r.fromNotes,
  };
};

describe('Anki clozes that were lost without a word', () => {
  it('a nested cloze makes its own card, and the outer card hides all of it, with no stray }}', () => {
    expect(read('foo {{c1::bar {{c2::baz}}}}\n')).toEqual({
      cards: [
        ['foo **[...]**', 'foo **bar baz**'],
        ['foo bar **[...]**', 'foo bar **baz**'],
      ],
      problems: [],
      fromNotes: false,
    });
  });

  it('a cloze on several cards hides its text on each, never showing the answer on a front', () => {
    const { cards } = read('{{c1,2::shared}} word and {{c1::first}} vs {{c2::second}}\n');
    expect(cards.map(([front]) => front)).toEqual(['**[...]** word and **[...]** vs second', '**[...]** word and first vs **[...]**']);
    expect(read('{{c1,2,3::x}}\n').cards).toHaveLength(3);
  });

  it('an empty cloze makes no empty card and is reported', () => {
    expect(read('A {{c1::}} gap.\n')).toEqual({ cards: [], problems: ['1: warning'], fromNotes: false });
  });

  it('an unclosed cloze is reported at its line, and the note still gives its other cards', () => {
    expect(read('Intro.\n\n{{c1::a}} and {{c2::b\n')).toEqual({
      cards: [['**[...]** and {{c2::b', '**a** and {{c2::b']],
      problems: ['3: error'],
      fromNotes: false,
    });
  });

  it('a cloze with no c, or no number, is reported with the cloze it meant instead of "has no cards"', () => {
    expect(read('# Notes\n\nThe capital is {{1::Rome}}.\n')).toEqual({ cards: [], problems: ['3: error'], fromNotes: false });
    expect(read('They speak {{Portuguese::language}}.\n')).toEqual({ cards: [], problems: ['1: error'], fromNotes: false });
  });

  it('a near-miss in notes that give cards leaves them notes: their cards come, the near-miss is a warning', () => {
    const notes = '# Fencing\n\nA fencing token is a number that increases every time the lock service grants a lock.\n\n';
    expect(read(`${notes}In templates, {{Portuguese::language}} is a helper call.\n`)).toEqual({
      cards: [['What is a fencing token?', 'A number that increases every time the lock service grants a lock.']],
      problems: ['5: warning'],
      fromNotes: true,
    });
    expect(read(`${notes}The score was ===high=== today.\n`)).toEqual({
      cards: [['What is a fencing token?', 'A number that increases every time the lock service grants a lock.']],
      problems: ['5: warning'],
      fromNotes: true,
    });
    // Asked to read notes, the file is notes whatever it holds.
    expect(parseText(`${notes}The score was ===high=== today.\n`, 'deck.md', 'notes').problems).toEqual([]);
  });

  it('an Anki cloze inside another kind of card is said to be no gap there, once a card, not in code', () => {
    expect(read('Q: What is the capital of {{c1::Italy}}?\nA: Rome\n')).toEqual({ cards: [['What is the capital of {{c1::Italy}}?', 'Rome']], problems: ['1: warning'], fromNotes: false });
    expect(read('C: The [capital] of Italy is {{c1::Rome}}.\n').problems).toEqual(['1: warning']);
    // A C: block of two gaps is two cards on the same lines: one warning.
    expect(read('C: The [capital] of [Italy] is {{c1::Rome}}.\n').problems).toEqual(['1: warning']);
    expect(read('Q: How is a cloze written?\nA: Like this:\n\n```\n{{c1::text}}\n```\n').problems).toEqual([]);
    expect(read('Q: How is a cloze written?\nA: As `{{c1::text}}` on a line.\n').problems).toEqual([]);
  });

  it('a c0 cloze makes no card, and a note of c0 only says so', () => {
    expect(read('{{c0::x}} and {{c1::y}}\n').cards).toEqual([['x and **[...]**', 'x and **y**']]);
    expect(read('{{c0::x}} alone\n')).toEqual({ cards: [], problems: ['1: warning'], fromNotes: false });
  });
});
