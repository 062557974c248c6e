import { describe, expect, it } from 'vitest';
import {
  backOf,
  cardNumbers,
  frontOf,
  hasAnkiCloze,
  hiddenTexts,
  isCloze,
  MAX_ANKI_NESTING,
  parseAnkiLine,
  type AnkiCloze,
} from '../../src/parse/anki-clozes.js';
import { scanLines } from '../../src/parse/scan-lines.js';

const line = (text: string) => scanLines([text]).lines[0]!;

/** A line's cards as number, front and back, laid over the line the way scan-cards lays them. */
function cards(text: string): [number, string, string][] {
  const { clozes } = parseAnkiLine(line(text));
  const side = (show: (c: AnkiCloze) => string): string => {
    let out = '';
    let at = 0;
    for (const c of clozes) {
      out += text.slice(at, c.from) + show(c);
      at = c.to;
    }
    return out + text.slice(at);
  };
  return cardNumbers(clozes).map((n) => [n, side((c) => frontOf(c, n, text)), side((c) => backOf(c, n, text))]);
}

describe('parseAnkiLine', () => {
  it('reads a deletion with its numbers, text and hint, and where it starts and ends', () => {
    const [c] = parseAnkiLine(line('x {{c2,1,2::text::a hint}} y')).clozes;
    expect(c).toMatchObject({ from: 2, to: 26, numbers: [1, 2], hint: 'a hint', text: 'text' });
  });

  it('nests a deletion inside another, the hint after it belonging to the outer one', () => {
    const [outer] = parseAnkiLine(line('foo {{c1::bar {{c2::baz}}::qux}}')).clozes;
    expect(outer!.numbers).toEqual([1]);
    expect(outer!.hint).toBe('qux');
    expect(outer!.text).toBe('bar baz');
    const inner = outer!.pieces.filter(isCloze);
    expect(inner.map((c) => [c.numbers, c.text, c.from, c.to])).toEqual([[[2], 'baz', 14, 25]]);
  });

  it('trims a hint, and reads an empty one as none (Anki would show [])', () => {
    expect(parseAnkiLine(line('{{c1::a:: b }} {{c2::c::}}')).clozes.map((c) => c.hint)).toEqual(['b', null]);
  });

  it('skips numbers that do not parse, and reads an opener left with none as text', () => {
    expect(parseAnkiLine(line('{{c1,,3::a}}')).clozes[0]!.numbers).toEqual([1, 3]);
    expect(parseAnkiLine(line('{{c,::a}} {{c::b}} {{c70000::c}}')).clozes).toEqual([]);
  });

  it('closes at the first }} and leaves a stray }} as text', () => {
    const { clozes } = parseAnkiLine(line('}} {{c1::{a}}} b}}'));
    expect(clozes.map((c) => [c.text, c.from, c.to])).toEqual([['{a', 3, 13]]);
  });

  it('keeps an unclosed opener as text, and the deletions closed inside it as deletions', () => {
    const parsed = parseAnkiLine(line('a {{c1::b {{c2::c}} d'));
    expect(parsed.unclosed).toEqual([2]);
    expect(parsed.clozes.map((c) => [c.numbers, c.text])).toEqual([[[2], 'c']]);
  });

  it(`reads no deletion nested deeper than ${MAX_ANKI_NESTING}, as Anki`, () => {
    const deep = `${'{{c1::'.repeat(MAX_ANKI_NESTING + 1)}x${'}}'.repeat(MAX_ANKI_NESTING + 1)}`;
    const parsed = parseAnkiLine(line(deep));
    expect(parsed.tooDeep).toEqual([MAX_ANKI_NESTING * 6]);
    expect(parsed.unclosed).toEqual([]);
  });

  it('finds no marker inside inline code', () => {
    expect(parseAnkiLine(line('`{{c1::code}}` and {{c1::real}}')).clozes.map((c) => c.text)).toEqual(['real']);
  });
});

describe('hasAnkiCloze', () => {
  it('is true for an opener with a number, also among commas', () => {
    expect(['{{c1::x}}', '{{c0::x}}', '{{c1,2::x}}', '{{c,2::x}}'].map(hasAnkiCloze)).toEqual([true, true, true, true]);
    expect(['{{c::x}}', '{{1::x}}', '{{c1:x}}', 'c1::x'].map(hasAnkiCloze)).toEqual([false, false, false, false]);
  });
});

describe('the cards of a line', () => {
  it('hide a nested deletion with its outer one on the outer card, alone on its own', () => {
    expect(cards('foo {{c1::bar {{c2::baz}}}}')).toEqual([
      [1, 'foo **[...]**', 'foo **bar baz**'],
      [2, 'foo bar **[...]**', 'foo bar **baz**'],
    ]);
  });

  it('bold an answer once when a deletion of the card sits inside another', () => {
    expect(cards('{{c1::outer {{c1::inner}}}}')).toEqual([[1, '**[...]**', '**outer inner**']]);
  });

  it('put a deletion of several numbers on each of their cards', () => {
    expect(cards('{{c1,2::shared}} word and {{c1::first}} vs {{c2::second}}')).toEqual([
      [1, '**[...]** word and **[...]** vs second', '**shared** word and **first** vs second'],
      [2, '**[...]** word and first vs **[...]**', '**shared** word and first vs **second**'],
    ]);
  });

  it('show c0 plainly and make no card of it', () => {
    expect(cards('{{c0::zero}} and {{c2::two}}')).toEqual([[2, 'zero and **[...]**', 'zero and **two**']]);
    expect(cards('{{c0::zero}}')).toEqual([]);
  });

  it('leave out an empty deletion', () => {
    expect(cards('{{c1::}} {{c1:: }} {{c2::x}}')).toEqual([[2, '   **[...]**', '   **x**']]);
  });
});

describe('hiddenTexts', () => {
  it('lists the outermost deletions of a card, filled in, in order', () => {
    const { clozes } = parseAnkiLine(line('{{c1::a {{c1::b}}}} {{c2::c {{c1::d}}}}'));
    expect(hiddenTexts(clozes, 1)).toEqual(['a b', 'd']);
    expect(hiddenTexts(clozes, 2)).toEqual(['c d']);
  });
});
