import { describe, expect, it } from 'vitest';
import { ankiDeletions, bracketDeletions, highlightDeletions, type UnclosedCloze } from '../../src/parse/cloze-deletions.js';
import { scanLines } from '../../src/parse/scan-lines.js';

const line = (text: string) => scanLines(text.split('\n')).lines[0]!;
const texts = (ds: { text: string }[]) => ds.map((d) => d.text);

describe('bracketDeletions', () => {
  it('finds each [gap] after the start column', () => {
    expect(texts(bracketDeletions(line('C: [a] b [c d]'), 0, 2))).toEqual(['a', 'c d']);
  });

  it('skips escapes, links, images, wiki links, footnotes and empty pairs', () => {
    const l = line('\\[x] [l](u) [r][1] ![i](p) [[w]] [^1] [] [ ] [yes]');
    expect(texts(bracketDeletions(l, 0, 0))).toEqual(['yes']);
  });

  it('ignores brackets inside inline code', () => {
    expect(texts(bracketDeletions(line('`[no]` [yes]'), 0, 0))).toEqual(['yes']);
  });

  it('gives every gap its own group, across lines too', () => {
    const a = bracketDeletions(line('[a] [b]'), 0, 0);
    const b = bracketDeletions(line('[c]'), 1, 0);
    expect(new Set([...a, ...b].map((d) => d.group)).size).toBe(3);
  });
});

describe('highlightDeletions', () => {
  it('finds ==text== and rejects spaced, empty and triple delimiters', () => {
    expect(texts(highlightDeletions(line('==a== x == y == ==== z === w ==b c=='), 0))).toEqual(['a', 'b c']);
  });
});

describe('ankiDeletions', () => {
  it('groups by cN and splits off the hint', () => {
    const ds = ankiDeletions(line('{{c1::a}} {{c2::b::hint}} {{c1::c}}'), 0, []);
    expect(ds.map((d) => [d.group, d.text, d.hint])).toEqual([
      ['c1', 'a', null],
      ['c2', 'b', 'hint'],
      ['c1', 'c', null],
    ]);
  });

  it('reports an opener without }} and stops there', () => {
    const unclosed: UnclosedCloze[] = [];
    expect(ankiDeletions(line('{{c1::a}} then {{c2::never closed'), 4, unclosed)).toHaveLength(1);
    expect(unclosed).toEqual([{ line: 4, column: 15 }]);
  });
});
