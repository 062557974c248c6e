import { describe, expect, it } from 'vitest';
import { diffSequences, sameCount } from '../../src/check/sequence-diff.js';

describe('diffSequences', () => {
  it('finds a longest common subsequence between a shared start and end', () => {
    const steps = diffSequences(['s', 'a', 'b', 'c', 'e'], ['s', 'b', 'x', 'c', 'e']);
    expect(steps).toEqual([
      { op: 'same', at: 0 },
      { op: 'missing', at: 1 },
      { op: 'same', at: 2 },
      { op: 'extra', at: 2 },
      { op: 'same', at: 3 },
      { op: 'same', at: 4 },
    ]);
    expect(sameCount(steps)).toBe(4);
  });

  it('handles empty sides', () => {
    expect(diffSequences([], ['a'])).toEqual([{ op: 'extra', at: 0 }]);
    expect(diffSequences(['a'], [])).toEqual([{ op: 'missing', at: 0 }]);
    expect(diffSequences([], [])).toEqual([]);
  });

  it('compares past the size limit position by position', () => {
    const a = Array.from({ length: 2500 }, (_, i) => `${i}`);
    const b = ['x', ...a.slice(1, -1), 'y'];
    const steps = diffSequences(a, b);
    expect(sameCount(steps)).toBe(2498);
    expect(steps[0]).toEqual({ op: 'missing', at: 0 });
    expect(steps[1]).toEqual({ op: 'extra', at: 0 });
  });
});
