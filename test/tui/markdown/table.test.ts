import { describe, expect, it } from 'vitest';
import { fitColumns } from '../../../src/tui/markdown/fit-columns.js';
import { render, renderPlain } from './helpers.js';

const TABLE = ['| Name | Qty | Note |', '|:-----|----:|:----:|', '| apple | 3 | red |', '| banana | 12 | yellow fruit |'].join('\n');

describe('tables', () => {
  it('aligns columns as the delimiter row says when the table fits', () => {
    expect(renderPlain(TABLE, 40)).toEqual([
      'Name   │ Qty │     Note',
      `${'─'.repeat(7)}┼${'─'.repeat(5)}┼${'─'.repeat(13)}`,
      'apple  │   3 │     red',
      'banana │  12 │ yellow fruit',
    ]);
  });

  it('draws the header bold and the rule and gaps dim', () => {
    const { lines } = render(TABLE, 40);
    expect(lines[0]).toEqual([
      { text: 'Name', bold: true },
      { text: '  ' },
      { text: ' │ ', dim: true },
      { text: 'Qty', bold: true },
      { text: ' │ ', dim: true },
      { text: '    ' },
      { text: 'Note', bold: true },
    ]);
    expect(lines[1]).toEqual([{ text: `${'─'.repeat(7)}┼${'─'.repeat(5)}┼${'─'.repeat(13)}`, dim: true }]);
  });

  it('shrinks the widest columns and wraps their cells when the table is too wide', () => {
    expect(renderPlain(TABLE, 20)).toEqual([
      'Name   │ Qty │ Note',
      `${'─'.repeat(7)}┼${'─'.repeat(5)}┼${'─'.repeat(6)}`,
      'apple  │   3 │  red',
      'banana │  12 │ yello',
      '       │     │   w',
      '       │     │ fruit',
    ]);
  });

  it('wraps several cells of one row side by side', () => {
    const md = '| Term | Meaning |\n|---|---|\n| idempotent operation | same result however often applied |';
    // Natural widths 20 and 33 in 27 cells: both capped at 13, the spare cell goes to the first.
    expect(renderPlain(md, 30)).toEqual([
      `Term${' '.repeat(11)}│ Meaning`,
      `${'─'.repeat(15)}┼${'─'.repeat(14)}`,
      `idempotent${' '.repeat(5)}│ same result`,
      `operation${' '.repeat(6)}│ however often`,
      `${' '.repeat(15)}│ applied`,
    ]);
  });

  it('right-aligns wrapped cells line by line', () => {
    const md = '| k | v |\n|---|--:|\n| a | one two three |';
    expect(renderPlain(md, 13)).toEqual([`k │ ${' '.repeat(8)}v`, `──┼${'─'.repeat(10)}`, 'a │   one two', '  │     three']);
  });

  it('lists rows as Header: value lines when the columns cannot fit', () => {
    expect(renderPlain(TABLE, 10)).toEqual([
      'Name:',
      'apple',
      'Qty: 3',
      'Note: red',
      '',
      'Name:',
      'banana',
      'Qty: 12',
      'Note:',
      'yellow',
      'fruit',
    ]);
  });

  it('fills rows that have fewer cells than the header', () => {
    expect(renderPlain('| a | b |\n|---|---|\n| 1 |')).toEqual(['a │ b', '──┼──', '1 │']);
  });
});

describe('fitColumns', () => {
  it('keeps natural widths that fit', () => {
    expect(fitColumns([3, 5], 20)).toEqual([3, 5]);
  });

  it('caps the widest columns first and hands spare cells back left to right', () => {
    expect(fitColumns([6, 3, 12], 14)).toEqual([6, 3, 5]);
    expect(fitColumns([10, 10, 2], 15)).toEqual([7, 6, 2]);
  });

  it('gives up when three cells per column do not fit', () => {
    expect(fitColumns([5, 5, 5], 8)).toBeUndefined();
  });
});
