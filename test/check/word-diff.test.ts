import { describe, expect, it } from 'vitest';
import { compareTyped } from '../../src/check/word-diff.js';

describe('compareTyped', () => {
  it('matches ignoring case, whitespace runs and punctuation at word ends', () => {
    expect(compareTyped('  the  CAPITAL is\nparis ', '"The capital is Paris."')).toEqual({
      match: true,
      similarity: 1,
      parts: [
        { op: 'same', text: '"The' },
        { op: 'same', text: 'capital' },
        { op: 'same', text: 'is' },
        { op: 'same', text: 'Paris."' },
      ],
    });
  });

  it('keeps punctuation inside words and symbols that carry meaning', () => {
    expect(compareTyped('dont', "don't").match).toBe(false);
    expect(compareTyped('don’t', "don't").match).toBe(true);
    expect(compareTyped('C', 'C#').match).toBe(false);
    expect(compareTyped('c++', 'C++').match).toBe(true);
  });

  it('leaves out words that are only punctuation', () => {
    expect(compareTyped('a b', 'a — b').match).toBe(true);
    expect(compareTyped('1', '-1').match).toBe(false);
  });

  it('requires an answer that is only punctuation to be typed as is', () => {
    expect(compareTyped('', '?')).toEqual({ match: false, similarity: 0, parts: [{ op: 'missing', text: '?' }] });
    expect(compareTyped(' ? ', '?').match).toBe(true);
  });

  it('scores 2 × common words over all words, with the word diff', () => {
    expect(compareTyped('a quick fox', 'the quick brown fox')).toEqual({
      match: false,
      similarity: (2 * 2) / 7,
      parts: [
        { op: 'missing', text: 'the' },
        { op: 'extra', text: 'a' },
        { op: 'same', text: 'quick' },
        { op: 'missing', text: 'brown' },
        { op: 'same', text: 'fox' },
      ],
    });
  });

  it('counts word order', () => {
    expect(compareTyped('b a', 'a b')).toMatchObject({ match: false, similarity: 0.5 });
  });

  it('matches two empty texts and scores an empty answer 0', () => {
    expect(compareTyped('', '')).toEqual({ match: true, similarity: 1, parts: [] });
    expect(compareTyped('   ', 'x')).toMatchObject({ match: false, similarity: 0 });
  });
});
