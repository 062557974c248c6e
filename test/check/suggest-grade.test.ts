import { describe, expect, it } from 'vitest';
import { suggestGrade } from '../../src/check/suggest-grade.js';

describe('suggestGrade', () => {
  it('suggests Good when correct, whatever the similarity', () => {
    expect(suggestGrade({ correct: true })).toBe(3);
    expect(suggestGrade({ correct: true, similarity: 0.1 })).toBe(3);
  });

  it('suggests Hard for a near miss from 0.8 similarity on', () => {
    expect(suggestGrade({ correct: false, similarity: 0.8 })).toBe(2);
    expect(suggestGrade({ correct: false, similarity: 0.95 })).toBe(2);
  });

  it('suggests Again below 0.8 or without a similarity', () => {
    expect(suggestGrade({ correct: false, similarity: 0.79 })).toBe(1);
    expect(suggestGrade({ correct: false })).toBe(1);
  });
});
