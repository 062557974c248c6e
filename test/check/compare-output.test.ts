import { describe, expect, it } from 'vitest';
import { compareOutput, outputLines, spacingKey } from '../../src/check/compare-output.js';

const ordered = { unordered: false };
const unordered = { unordered: true };

describe('compareOutput', () => {
  it('matches identical output, every line same', () => {
    expect(compareOutput('a\nb', 'a\nb', ordered)).toEqual({
      match: true,
      similarity: 1,
      diff: [
        { op: 'same', text: 'a' },
        { op: 'same', text: 'b' },
      ],
    });
  });

  it('ignores \\r\\n against \\n', () => {
    expect(compareOutput('a\r\nb\r\n', 'a\nb', ordered).match).toBe(true);
  });

  it('ignores trailing whitespace on each line', () => {
    expect(compareOutput('a  \nb\t', 'a\nb   ', ordered).match).toBe(true);
  });

  it('ignores trailing blank lines on either side', () => {
    expect(compareOutput('a\n\n\n', 'a', ordered).match).toBe(true);
    expect(compareOutput('a', 'a\n  \n', ordered).match).toBe(true);
  });

  it('takes a prediction typed as the pane shows it: padding and runs of spaces do not count (uniq -c)', () => {
    expect(compareOutput('1 a\n2 b', '      1 a\n      2 b\n', ordered)).toEqual({
      match: true,
      similarity: 1,
      diff: [
        { op: 'same', text: '      1 a' },
        { op: 'same', text: '      2 b' },
      ],
    });
    expect(compareOutput('      1 a', '      1 a', ordered).match).toBe(true);
    expect(compareOutput('x  =\t1', 'x = 1', ordered).match).toBe(true);
    expect(compareOutput(' a', 'a', ordered).match).toBe(true);
    expect(compareOutput('b\n1 a', '      1 a\nb', unordered)).toMatchObject({ match: true, diff: [{ op: 'same', text: '      1 a' }, { op: 'same', text: 'b' }] });
  });

  it('counts spaces that split or join words, leading blank lines and blank lines between', () => {
    expect(compareOutput('ab', 'a b', ordered).match).toBe(false);
    expect(compareOutput('\na', 'a', ordered).match).toBe(false);
    expect(compareOutput('a\nb', 'a\n\nb', ordered).match).toBe(false);
  });

  it('shows a wrong line against the output as printed, padding kept', () => {
    expect(compareOutput('2 a', '      1 a', ordered).diff).toEqual([
      { op: 'missing', text: '      1 a' },
      { op: 'extra', text: '2 a' },
    ]);
  });

  it('lists a line the prediction lacked as missing and a wrong one as extra', () => {
    expect(compareOutput('1\n3\nx', '1\n2\n3', ordered)).toEqual({
      match: false,
      similarity: 4 / 6,
      diff: [
        { op: 'same', text: '1' },
        { op: 'missing', text: '2' },
        { op: 'same', text: '3' },
        { op: 'extra', text: 'x' },
      ],
    });
  });

  it('puts the missing lines of a changed stretch before the extra ones', () => {
    expect(compareOutput('a\nX\nY\nd', 'a\nb\nc\nd', ordered).diff.map((d) => `${d.op} ${d.text}`)).toEqual([
      'same a',
      'missing b',
      'missing c',
      'extra X',
      'extra Y',
      'same d',
    ]);
  });

  it('counts order in ordered mode', () => {
    expect(compareOutput('b\na', 'a\nb', ordered).match).toBe(false);
  });

  it('compares lines as multisets in unordered mode', () => {
    expect(compareOutput('b\na\na', 'a\nb\na', unordered)).toEqual({
      match: true,
      similarity: 1,
      diff: [
        { op: 'same', text: 'a' },
        { op: 'same', text: 'b' },
        { op: 'same', text: 'a' },
      ],
    });
  });

  it('counts copies in unordered mode: actual order first, then extra predicted lines', () => {
    expect(compareOutput('a\nc\na\na', 'a\nb\na', unordered)).toEqual({
      match: false,
      similarity: 4 / 7,
      diff: [
        { op: 'same', text: 'a' },
        { op: 'missing', text: 'b' },
        { op: 'same', text: 'a' },
        { op: 'extra', text: 'c' },
        { op: 'extra', text: 'a' },
      ],
    });
  });

  it('matches an empty prediction only against empty output', () => {
    expect(compareOutput('', '\n', ordered)).toEqual({ match: true, similarity: 1, diff: [] });
    expect(compareOutput('', 'x', ordered)).toEqual({ match: false, similarity: 0, diff: [{ op: 'missing', text: 'x' }] });
  });

  it('falls back to a positional diff on huge outputs (speed is measured in bench/, not here)', () => {
    const actual = Array.from({ length: 5000 }, (_, i) => `a${i}`).join('\n');
    const predicted = Array.from({ length: 5000 }, (_, i) => (i % 2 ? `a${i}` : `b${i}`)).join('\n');
    const { match, diff } = compareOutput(predicted, actual, ordered);
    expect(match).toBe(false);
    expect(diff.slice(0, 3)).toEqual([
      { op: 'missing', text: 'a0' },
      { op: 'extra', text: 'b0' },
      { op: 'same', text: 'a1' },
    ]);
    expect(diff).toHaveLength(7500);
  });
});

describe('outputLines and spacingKey', () => {
  it('splits, right-trims and drops trailing blank lines', () => {
    expect(outputLines(' a \r\n\r\nb\t\n\n \n')).toEqual([' a', '', 'b']);
  });

  it('compares a line with its runs of spaces and tabs as one space, none at the ends', () => {
    expect(['      1 a', '\tx \t y ', 'ab', ''].map(spacingKey)).toEqual(['1 a', 'x y', 'ab', '']);
  });
});
