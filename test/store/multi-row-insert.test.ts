import { describe, expect, it } from 'vitest';
import { MultiRowInsert } from '../../src/store/multi-row-insert.js';

describe('MultiRowInsert', () => {
  it('gives the head and one row of placeholders a row, comma-separated', () => {
    const insert = new MultiRowInsert('INSERT INTO t (a, b) VALUES ', '(?, 1)');
    expect(insert.text(1)).toBe('INSERT INTO t (a, b) VALUES (?, 1)');
    expect(insert.text(3)).toBe('INSERT INTO t (a, b) VALUES (?, 1), (?, 1), (?, 1)');
    // Asked again, the same text: the store's statement cache finds the statement prepared for it.
    expect(insert.text(3)).toBe(insert.text(3));
  });
});
