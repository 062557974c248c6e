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
