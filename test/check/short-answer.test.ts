import { describe, expect, it } from 'vitest';
import { firstSentence, SHORT_ANSWER_CHARS, shortAnswerOf } from '../../src/check/short-answer.js';

const fence = '```';
const back = (text: string) => shortAnswerOf({ front: 'Q?', back: text });

describe('shortAnswerOf', () => {
  it('takes an answer block, or a block marked typed, as written, over everything else', () => {
    expect(back(`Lookups take\n\n${fence}answer\nO(log n)\n${fence}\n\nbecause the tree is balanced.`)).toBe('O(log n)');
    expect(back(`Run this. It lists commits.\n\n${fence}sh typed\ngit log --oneline\n${fence}`)).toBe('git log --oneline');
  });

  it('takes the gaps of a cloze card', () => {
    expect(shortAnswerOf({ front: '**[...]** is the capital of **[country]**.', back: '**Canberra** is the capital of **Australia**.' })).toBe('Canberra, Australia');
  });

  it('takes the first sentence of the first paragraph, leaving the explanation out', () => {
    expect(back('GET, HEAD, PUT, DELETE, OPTIONS, TRACE.\n\nThese are idempotent because repeating one changes nothing more.')).toBe('GET, HEAD, PUT, DELETE, OPTIONS, TRACE.');
    expect(back('Paris. It has been the capital since 987.')).toBe('Paris.');
    expect(back('**Paris** is the capital,\nsee [the map](http://x). More follows.')).toBe('Paris is the capital, see the map.');
    expect(back('No. It is not thread-safe.')).toBe('No.');
    expect(back('Paris')).toBe('Paris');
  });

  it('takes a first list’s top-level items, and a list that a paragraph ending in ":" introduces', () => {
    expect(back('- GET\n- HEAD\n  (no body)\n- PUT\n  - nested\n\nAll safe to repeat.')).toBe('GET, HEAD, PUT');
    expect(back('Pick two of:\n\n- consistency\n- availability\n- partition tolerance')).toBe('consistency, availability, partition tolerance');
    expect(back('Three steps:\n1. **fetch**\n2) merge\n3. push')).toBe('fetch, merge, push');
  });

  it('has none for an answer that starts with code or a table, a colon with no list after it, or a first sentence past the limit', () => {
    expect(back(`${fence}js\nconsole.log(1)\n${fence}\n\nIt logs 1.`)).toBeNull();
    expect(back('| a | b |\n| - | - |\n| 1 | 2 |')).toBeNull();
    expect(back('Note:\n\nsomething else entirely.')).toBeNull();
    const long = `It is crucial because ${'clocks drift and '.repeat(7)}nobody notices.`;
    expect(long.length).toBeGreaterThan(SHORT_ANSWER_CHARS);
    expect(back(`${long} Second sentence.`)).toBeNull();
    expect(back('   \n\n')).toBeNull();
  });
});

describe('firstSentence', () => {
  it('ends at . ! ? before a space and a word not in lower case', () => {
    expect(firstSentence('It is O(n). Because each item is seen once.')).toBe('It is O(n).');
    expect(firstSentence('Really?! Yes.')).toBe('Really?!');
    expect(firstSentence('Wait... Then go.')).toBe('Wait...');
    expect(firstSentence('"Done." Then more.')).toBe('"Done."');
    expect(firstSentence('Pi is about 3.14. It never ends.')).toBe('Pi is about 3.14.');
  });

  it('goes on past abbreviations, initials, a lower-case next word and brackets', () => {
    expect(firstSentence('Use a B-tree, e.g. PostgreSQL does. Then index.')).toBe('Use a B-tree, e.g. PostgreSQL does.');
    expect(firstSentence('TCP (e.g. HTTP. Or SMTP) uses it. Next.')).toBe('TCP (e.g. HTTP. Or SMTP) uses it.');
    expect(firstSentence('Written by J. R. R. Tolkien in 1954. Long.')).toBe('Written by J. R. R. Tolkien in 1954.');
    expect(firstSentence('Call it. then return.')).toBe('Call it. then return.');
    expect(firstSentence('One sentence only')).toBe('One sentence only');
  });
});
