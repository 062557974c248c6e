import { describe, expect, it } from 'vitest';
import { deckFileName } from '../../src/export/deck-file-name.js';

describe('deckFileName', () => {
  it('keeps a deck name readable, nests a/b, and never hides or climbs out', () => {
    expect(deckFileName('SQL joins')).toBe('SQL joins.md');
    expect(deckFileName('lang/python')).toBe('lang/python.md');
    expect(deckFileName('a:b*c?')).toBe('a-b-c-.md');
    expect(deckFileName('../up/.hidden')).toBe('_../up/_.hidden.md');
    expect(deckFileName('x', new Set(['x.md', 'x (2).md']))).toBe('x (3).md');
  });
});
