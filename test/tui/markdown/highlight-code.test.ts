import { describe, expect, it } from 'vitest';
import { GRAMMAR_NAMES, highlightCode, isKnownLanguage } from '../../../src/tui/markdown/highlight-code.js';
import { grammarNames } from '../../../src/tui/markdown/markdown-engine.js';

describe('highlightCode and the markdown engine', () => {
  it('know the same grammars: the layout names them without loading the engine', () => {
    expect([...GRAMMAR_NAMES].sort()).toEqual(grammarNames().sort());
  });

  it('colours code of a known language or alias, whatever its case', () => {
    const colours = (lang: string) => highlightCode('const x = "a";', lang, true).flat().filter((s) => s.color !== undefined).length;
    expect(colours('javascript')).toBeGreaterThan(0);
    expect(colours('JS')).toBeGreaterThan(0);
    expect(colours('tsx')).toBeGreaterThan(0);
  });

  it('leaves code of an unknown language plain, names that are object properties too', () => {
    for (const lang of ['cobol', 'constructor', 'toString', '__proto__', '']) {
      expect(isKnownLanguage(lang)).toBe(false);
      expect(highlightCode('const x = 1;', lang, true)).toEqual([[{ text: 'const x = 1;' }]]);
    }
  });
});
