import { describe, expect, it } from 'vitest';
import { hashKey, normaliseForKey } from '../../src/parse/card-key.js';

describe('normaliseForKey', () => {
  it('ignores case, markup and whitespace runs', () => {
    expect(normaliseForKey('  The **Quick**\n`brown`   _fox_ ')).toBe('the quick brown fox');
  });

  it('applies NFKC so composed and decomposed accents agree', () => {
    expect(normaliseForKey('Cafe\u0301')).toBe(normaliseForKey('Café'));
    expect(normaliseForKey('ﬁle')).toBe('file');
  });

  it('drops markup next to punctuation instead of leaving a space', () => {
    expect(normaliseForKey('What is **TCP**?')).toBe(normaliseForKey('What is TCP?'));
  });

  it('gives what all three replaces always gave, for text it skips a replace of and text it does not', () => {
    // The rule as it was written before the replaces that cannot change the text were skipped.
    const markup = /`+|\*+|~~|==|(?<![\p{L}\p{N}])_+|_+(?![\p{L}\p{N}])/gu;
    const always = (t: string) => (/[^\x00-\x7f]/.test(t) ? t.normalize('NFKC') : t).toLowerCase().replace(markup, '').replace(/\s+/g, ' ').trim();
    const pieces = ['a', 'B', '_', '__', '*', '`', '~', '=', ' ', '  ', '\t', '\n', '\r', '\u00a0', '\u3000', '\u2028', 'é', 'ﬁ', 'x_y', '1', 'İ', 'Σ'];
    let seed = 7;
    const next = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
    const texts = ['plain words only', 'a  b', 'a\tb', ' edge ', '**bold**', 'snake_case', 'a == b', '~~gone~~'];
    for (let i = 0; i < 20_000; i++) {
      let t = '';
      for (let k = Math.floor(next() * 10); k > 0; k--) t += pieces[Math.floor(next() * pieces.length)];
      texts.push(t);
    }
    expect(texts.filter((t) => normaliseForKey(t) !== always(t))).toEqual([]);
  });

  it('still tells different words apart', () => {
    expect(normaliseForKey('clock skew')).not.toBe(normaliseForKey('clock drift'));
  });
});

describe('hashKey', () => {
  it('is 32 hex digits, stable and sensitive to every part', () => {
    const k = hashKey(['basic', 'a', 'b']);
    expect(k).toMatch(/^[0-9a-f]{32}$/);
    expect(hashKey(['basic', 'a', 'b'])).toBe(k);
    expect(hashKey(['basic', 'ab', ''])).not.toBe(k);
    expect(hashKey(['reversed', 'a', 'b'])).not.toBe(k);
  });
});
