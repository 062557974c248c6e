import { describe, expect, it } from 'vitest';
import { clozeNote } from '../../src/export/cloze-note.js';
import { parseText } from '../../src/parse/parse-source.js';

/** The cards a cloze note gives, as the parser cuts them. */
const cardsOf = (markdown: string) => parseText(`${markdown}\n`, 'x.md').cards;

describe('clozeNote', () => {
  it('finds the note text and each gap from the cards of one note', () => {
    const note = clozeNote(cardsOf('{{c1::Canberra}} is the capital of {{c2::Australia::country}}.'));
    expect(note).toEqual({
      plain: 'Canberra is the capital of Australia.',
      gaps: [
        { from: 0, to: 8, text: 'Canberra', hint: null, card: 0 },
        { from: 27, to: 36, text: 'Australia', hint: 'country', card: 1 },
      ],
    });
  });

  it('gives one card several gaps when they share a number', () => {
    const note = clozeNote(cardsOf('{{c1::Ottawa}} and {{c1::Canada}}; {{c2::Toronto}}.'));
    expect(note).toMatchObject({ plain: 'Ottawa and Canada; Toronto.' });
    expect('gaps' in note && note.gaps.map((g) => [g.text, g.card])).toEqual([
      ['Ottawa', 0],
      ['Canada', 0],
      ['Toronto', 1],
    ]);
  });

  it('is not misled by bold text, brackets or stars in the note or in a gap', () => {
    for (const text of [
      'C: **[not a gap]** stays, [this] is one, and **so** is [**bold**].',
      'C: A gap [[x]] is a wiki link, but [a**b] and [**] are gaps; **[...]** is text.',
      'The ==**stars**== and ==[brackets]== and ==x]**y== here.',
      '{{c1::[x]}} then **[...]** then {{c2::**}} and {{c1::y::**[h]**}}.',
    ]) {
      const cards = cardsOf(text);
      expect(cards.length, text).toBeGreaterThan(1);
      const note = clozeNote(cards);
      expect('reason' in note ? note.reason : null, text).toBeNull();
    }
  });

  it('lists a gap inside another after it, and a gap on two cards once for each', () => {
    const nested = clozeNote(cardsOf('foo {{c1::bar {{c2::baz}}::qux}}'));
    expect('gaps' in nested && nested.gaps.map((g) => [g.from, g.to, g.hint, g.card])).toEqual([
      [4, 11, 'qux', 0],
      [8, 11, null, 1],
    ]);
    const shared = clozeNote(cardsOf('{{c1,2::a}} {{c2::b}}'));
    expect('gaps' in shared && shared.gaps.map((g) => [g.from, g.to, g.card])).toEqual([
      [0, 1, 0],
      [0, 1, 1],
      [2, 3, 1],
    ]);
  });

  it('gives a reason when the sides do not line up or the cards disagree', () => {
    expect(clozeNote([{ front: 'A **[...]** b', back: 'A **x** c' }])).toEqual({ reason: 'its gaps cannot be told apart from the rest of its text' });
    expect(clozeNote([{ front: 'same', back: 'same' }])).toEqual({ reason: 'it has no gap' });
    expect(
      clozeNote([
        { front: '**[...]** b', back: '**a** b' },
        { front: 'a **[...]**', back: 'a **c**' },
      ]),
    ).toEqual({ reason: 'the cards of its note disagree about the note text' });
    expect(
      clozeNote([
        { front: '**[...]** c', back: '**a b** c' },
        { front: 'a **[...]**', back: 'a **b c**' },
      ]),
    ).toEqual({ reason: 'two of its gaps overlap' });
  });
});
