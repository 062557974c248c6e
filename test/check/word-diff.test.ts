import { describe, expect, it } from 'vitest';
import { compareTyped, nearWord } from '../../src/check/word-diff.js';

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
    expect(compareTyped('man bites dog', 'dog bites man')).toMatchObject({ match: false });
  });

  it('takes the items of a listed answer in any order; a partial list scores its items in common', () => {
    expect(compareTyped('head get put delete trace options', 'GET, HEAD, PUT, DELETE, OPTIONS, TRACE.')).toEqual({
      match: true,
      similarity: 1,
      parts: ['GET,', 'HEAD,', 'PUT,', 'DELETE,', 'OPTIONS,', 'TRACE.'].map((text) => ({ op: 'same', text })),
    });
    expect(compareTyped('PUT; GET', 'GET; PUT')).toMatchObject({ match: true });
    expect(compareTyped('HEAD GET PUT DELETE', 'GET, HEAD, PUT, DELETE, OPTIONS, TRACE')).toMatchObject({ match: false, similarity: (2 * 4) / 10 });
  });

  it('counts a word typed with a slip as common for the similarity, never as a match', () => {
    expect(compareTyped('Pariss', 'Paris')).toMatchObject({ match: false, similarity: 1, parts: [{ op: 'missing', text: 'Paris' }, { op: 'extra', text: 'Pariss' }] });
    expect(compareTyped('the planet jupyter', 'the planet Jupiter')).toMatchObject({ match: false, similarity: 1 });
    expect(compareTyped('consistancy avialability', 'consistency availability')).toMatchObject({ match: false, similarity: 1 });
    // Numbers and short words must be exact: these are other answers.
    expect(compareTyped('1025', '1024')).toMatchObject({ similarity: 0 });
    expect(compareTyped('car', 'cat')).toMatchObject({ similarity: 0 });
    expect(compareTyped('Berlin', 'Paris')).toMatchObject({ similarity: 0 });
  });

  it('matches two empty texts and scores an empty answer 0', () => {
    expect(compareTyped('', '')).toEqual({ match: true, similarity: 1, parts: [] });
    expect(compareTyped('   ', 'x')).toMatchObject({ match: false, similarity: 0 });
  });
});

describe('nearWord', () => {
  it('allows one edit in a word of 4 to 7 characters, two from 8 on; none below 4 or with a digit', () => {
    expect([nearWord('paris', 'pariss'), nearWord('paris', 'prais'), nearWord('consistency', 'consistancy'), nearWord('availability', 'avialability')]).toEqual([true, false, true, true]);
    expect([nearWord('cat', 'car'), nearWord('http2', 'http3'), nearWord('london', 'berlin'), nearWord('availability', 'avbilabilities')]).toEqual([false, false, false, false]);
  });
});
