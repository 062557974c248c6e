import { describe, expect, it } from 'vitest';
import { fit, formatTable } from '../../../src/cli/output/format-table.js';

describe('fit', () => {
  it('cuts the end of a cell too wide by default, keeping its start', () => {
    expect(fit('abcdefghij', 6)).toBe('abcde…');
  });

  it('cuts the start of a path, keeping its file name and line', () => {
    expect(fit('/home/ana/notes/seeds/003-notes.md:42', 23, 'start')).toBe('…/seeds/003-notes.md:42');
  });

  it('leaves a cell that fits as it is, either way', () => {
    expect(fit('notes.md:3', 10, 'start')).toBe('notes.md:3');
    expect(fit('notes.md:3', 10, 'end')).toBe('notes.md:3');
  });

  it('counts wide characters as two cells when cutting the start', () => {
    // '…' + '日本.md' is 1 + 4 + 3 cells; one more wide character would make 10.
    expect(fit('/x/日本日本.md', 8, 'start')).toBe('…日本.md');
  });
});

describe('formatTable', () => {
  it("cuts a 'start' column from the left and others from the right when the table must shrink", () => {
    const columns = [
      { header: 'front', min: 8 },
      { header: 'source', min: 12, cut: 'start' as const },
    ];
    const rows = [['What does a TCP handshake open?', '/home/ana/notes/seeds/003-notes.md:42']];
    expect(formatTable(columns, rows, 40)).toEqual([
      'front                 source',
      'What does a TCP han…  …s/003-notes.md:42',
    ]);
  });
});
