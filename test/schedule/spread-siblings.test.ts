import { describe, expect, it } from 'vitest';
import { spreadSiblings } from '../../src/schedule/spread-siblings.js';

// Each letter is an item's sibling group, '-' an item without one; the digit
// tells items of one group apart, so the tests see which item went where.
function spread(order: string): string {
  const items = order === '' ? [] : order.split(' ');
  return spreadSiblings(items, (item) => (item.startsWith('-') ? null : item[0]!)).join(' ');
}

describe('spreadSiblings', () => {
  it('keeps an order without neighbouring siblings as it is', () => {
    expect(spread('a1 b1 a2 -1 -2 b2')).toBe('a1 b1 a2 -1 -2 b2');
    expect(spread('-1 -2 -3')).toBe('-1 -2 -3');
    expect(spread('')).toBe('');
  });

  it('moves the earliest item that does not clash between two siblings, keeping the rest in order', () => {
    expect(spread('a1 a2 a3 b1 c1 d1')).toBe('a1 b1 a2 c1 a3 d1');
    expect(spread('x1 a1 a2 -1 -2')).toBe('x1 a1 -1 a2 -2');
  });

  it('takes a crowded group first when the rest could not keep it apart otherwise', () => {
    // Earliest-first would give b1 a1 c1 a2 a3: three a's need places 1, 3 and 5.
    expect(spread('b1 c1 a1 a2 a3')).toBe('a1 b1 a2 c1 a3');
    expect(spread('a1 a2 b1 b2')).toBe('a1 b1 a2 b2');
  });

  it('puts as few siblings side by side as it can when one group is more than half', () => {
    expect(spread('a1 a2 a3 b1')).toBe('a1 b1 a2 a3');
    expect(spread('a1 a2')).toBe('a1 a2');
  });

  it('leaves its input untouched and gives the same order for the same input', () => {
    const items = ['a1', 'a2', 'b1'];
    const first = spreadSiblings(items, (item) => item[0]!);
    expect(items).toEqual(['a1', 'a2', 'b1']);
    expect(first).toEqual(['a1', 'b1', 'a2']);
    expect(spreadSiblings(items, (item) => item[0]!)).toEqual(first);
  });
});
