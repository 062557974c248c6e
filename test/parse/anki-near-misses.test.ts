import { describe, expect, it } from 'vitest';
import { ankiNearMisses } from '../../src/parse/anki-near-misses.js';
import { scanLines } from '../../src/parse/scan-lines.js';

const misses = (text: string) => ankiNearMisses(scanLines([text]).lines[0]!, 0).map((p) => `${p.message} ${p.fix}`);

describe('ankiNearMisses', () => {
  it('names what is wrong with each near-miss and the cloze it most likely meant', () => {
    expect(misses('{{1::x}}')).toEqual(['has {{1::x}} at column 1, which is no cloze: the "c" before the number is missing; it was left as text. Did you mean {{c1::x}}?']);
    expect(misses('Learn {{Portuguese::language}} now')).toEqual([
      'has {{Portuguese::language}} at column 7, which is no cloze: it has no cloze number; it was left as text. Did you mean {{c1::Portuguese::language}}?',
    ]);
    expect(misses('{{C1::x}}')).toEqual(['has {{C1::x}} at column 1, which is no cloze: the "c" of a cloze is lower-case; it was left as text. Did you mean {{c1::x}}?']);
    expect(misses('{{c2:x}}')).toEqual(['has {{c2:x}} at column 1, which is no cloze: a cloze number is followed by two colons; it was left as text. Did you mean {{c2::x}}?']);
    expect(misses('{{ c1::x}}')).toEqual(['has {{ c1::x}} at column 1, which is no cloze: a cloze opener has no spaces in it; it was left as text. Did you mean {{c1::x}}?']);
    expect(misses('{{c::x}}')).toEqual(['has {{c::x}} at column 1, which is no cloze: the number after the "c" is missing; it was left as text. Did you mean {{c1::x}}?']);
    expect(misses('a {c3::x}} b')).toEqual(['has {c3::x}} at column 3, which is no cloze: a cloze opens with two braces; it was left as text. Did you mean {{c3::x}}?']);
  });

  it('says nothing of real clozes, of code, or of braces that are no cloze', () => {
    expect(misses('{{c1::x}} {{c1,2::y}} {{c1:::z}} {{{c1::w}}')).toEqual([]);
    expect(misses('`{{1::x}}` and <!-- {{Portuguese::language}} -->')).toEqual([]);
    expect(misses('{{ name }} {a: 1} {{ std::vector }} {{Word::no close')).toEqual([]);
  });

  it('finds every near-miss of a line', () => {
    expect(misses('{{1::a}} and {{2::b}}')).toHaveLength(2);
  });
});
