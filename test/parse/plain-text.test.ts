import { describe, expect, it } from 'vitest';
import { plainTextOf } from '../../src/parse/plain-text.js';

describe('plainTextOf', () => {
  it('drops emphasis and strikethrough markers', () => {
    expect(plainTextOf('**bold**, *it*, _it_, __b__, ***both***, ~~gone~~')).toBe('bold, it, it, b, both, gone');
  });

  it('keeps unpaired and spaced markers, snake_case and a single tilde', () => {
    expect(plainTextOf('a * b, 2*3, snake_case_name, ~5 min')).toBe('a * b, 2*3, snake_case_name, ~5 min');
  });

  it('drops code span ticks and keeps their content untouched', () => {
    expect(plainTextOf('use `a*b*c` and `` x`y `` then **`z`**')).toBe('use a*b*c and x`y then z');
  });

  it('keeps an unclosed backtick run as text', () => {
    expect(plainTextOf('a `` b ` c')).toBe('a `` b ` c');
  });

  it('turns escapes into the character they escape, never into markup', () => {
    expect(plainTextOf('\\*not\\* \\[x](y)')).toBe('*not* [x](y)');
  });

  it('turns links into their text and images into their alt text', () => {
    expect(plainTextOf('[Paris](https://x.org/p) ![map](m.png) [ref][1] [[Page|alias]] [[Other]] <https://a.b>')).toBe(
      'Paris map ref alias Other https://a.b',
    );
  });

  it('drops list bullets, task boxes, quote markers, heading hashes and rules', () => {
    expect(plainTextOf('# Title #\n> quoted\n- one\n* two\n3. three\n- [x] done\n\n---\n\nend')).toBe(
      'Title\nquoted\none\ntwo\nthree\ndone\n\nend',
    );
  });

  it('keeps fenced code as written', () => {
    expect(plainTextOf('Run:\n\n```sh\n- not a bullet **x**\n```')).toBe('Run:\n\n- not a bullet **x**');
  });

  it('collapses blank runs and drops blank edges', () => {
    expect(plainTextOf('\n\n a  \n\n\n\nb\n\n')).toBe('a\n\nb');
  });

  it('finishes on pathological lines, keeping their text', () => {
    const line = `${'`'.repeat(1)}${' ``'.repeat(20000)}${'*a'.repeat(20000)}${'['.repeat(20000)}`;
    const plain = plainTextOf(line);
    expect(plain.endsWith('['.repeat(20000))).toBe(true);
  });
});
