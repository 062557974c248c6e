import { describe, expect, it } from 'vitest';
import { wrapSegments } from '../../../src/tui/markdown/wrap-segments.js';
import { takeCells } from '../../../src/tui/markdown/take-cells.js';
import { plain, renderPlain } from './helpers.js';

describe('paragraph wrapping', () => {
  it('wraps words greedily at width 20', () => {
    expect(renderPlain('The quick brown fox jumps over the lazy dog and keeps running far away.', 20)).toEqual([
      'The quick brown fox',
      'jumps over the lazy',
      'dog and keeps',
      'running far away.',
    ]);
  });

  it('joins soft line breaks with a space and keeps a blank line between paragraphs', () => {
    expect(renderPlain('one\ntwo\n\nthree', 20)).toEqual(['one two', '', 'three']);
  });

  it('honours hard line breaks (two spaces and backslash)', () => {
    expect(renderPlain('line one  \nline two\\\nthree', 20)).toEqual(['line one', 'line two', 'three']);
  });

  it('breaks a word longer than the width, starting where the line ends', () => {
    expect(renderPlain('supercalifragilisticexpialidocious', 20)).toEqual(['supercalifragilistic', 'expialidocious']);
    expect(renderPlain('a supercalifragilisticexpialidocious', 20)).toEqual(['a supercalifragilist', 'icexpialidocious']);
  });

  it('counts wide characters as two cells and breaks CJK text anywhere', () => {
    expect(renderPlain('漢字かな交じり文です', 10)).toEqual(['漢字かな交', 'じり文です']);
    expect(renderPlain('ab 日本語テキスト cd', 10)).toEqual(['ab 日本語', 'テキスト', 'cd']);
  });

  it('counts emoji as two cells', () => {
    expect(renderPlain('hi 😀😀😀 there', 8)).toEqual(['hi 😀😀', '😀 there']);
  });

  it('keeps combining marks with their letter', () => {
    const e = 'e\u0301';
    expect(renderPlain(e.repeat(12), 5)).toEqual([e.repeat(5), e.repeat(5), e.repeat(2)]);
  });

  it('moves a word that changes style midway as one word', () => {
    const lines = wrapSegments([{ text: 'aaaa ' }, { text: 'bb', bold: true }, { text: 'cc' }], 7);
    expect(lines).toEqual([[{ text: 'aaaa' }], [{ text: 'bb', bold: true }, { text: 'cc' }]]);
  });

  it('keeps the style of the space between two styled words', () => {
    const lines = wrapSegments([{ text: 'two words', underline: true }], 20);
    expect(lines).toEqual([[{ text: 'two words', underline: true }]]);
  });

  it('turns tabs between words into one space', () => {
    expect(plain(wrapSegments([{ text: 'a\tb' }], 10))).toEqual(['a b']);
  });

  it('returns no lines for empty text', () => {
    expect(wrapSegments([], 10)).toEqual([]);
    expect(wrapSegments([{ text: '   ' }], 10)).toEqual([]);
  });
});

describe('takeCells', () => {
  it('cuts at a cell count without splitting a wide character', () => {
    const split = takeCells([{ text: 'a日本' }], 4);
    expect(split.head).toEqual([{ text: 'a日' }]);
    expect(split.rest).toEqual([{ text: '本' }]);
    expect(split.width).toBe(3);
  });

  it('takes one character anyway when forced and nothing fits', () => {
    expect(takeCells([{ text: '日本' }], 1).head).toEqual([]);
    expect(takeCells([{ text: '日本' }], 1, true).head).toEqual([{ text: '日' }]);
  });
});
