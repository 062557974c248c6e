import { describe, expect, it } from 'vitest';
import { pathDeckName } from '../../src/parse/path-deck-name.js';
import { parseText } from '../../src/parse/parse-source.js';

describe('pathDeckName', () => {
  it('is a file name without its extension', () => {
    expect(pathDeckName('vocab.md')).toBe('vocab');
    expect(pathDeckName('notes.v2.markdown')).toBe('notes.v2');
    expect(pathDeckName('.hidden')).toBe('.hidden');
    expect(pathDeckName('README')).toBe('README');
  });

  it("keeps the folders of a path below the folder imported, '/'-separated whatever the OS wrote", () => {
    expect(pathDeckName('spanish/vocab.md')).toBe('spanish/vocab');
    expect(pathDeckName('langs\\german\\vocab.md')).toBe('langs/german/vocab');
    expect(pathDeckName('./a//b.txt')).toBe('a/b');
  });
});

describe('the deck of a parsed file', () => {
  it('is the one its frontmatter or tag names, else the one its path names', () => {
    expect(parseText('Q::A\n', 'spanish/vocab.md').deck).toBe('spanish/vocab');
    expect(parseText('---\ndeck: Spanish\n---\nQ::A\n', 'spanish/vocab.md').deck).toBe('Spanish');
    expect(parseText('#flashcards/es\n\nQ::A\n', 'spanish/vocab.md').deck).toBe('es');
  });
});
