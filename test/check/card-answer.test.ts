import { describe, expect, it } from 'vitest';
import { answerMarkdown, clozeGapsOf } from '../../src/check/card-answer.js';

describe('clozeGapsOf', () => {
  it('reads the filled-in text of a gap, with or without a hint', () => {
    expect(clozeGapsOf({ front: '**[...]** is the capital of Australia.', back: '**Canberra** is the capital of Australia.' })).toEqual(['Canberra']);
    expect(clozeGapsOf({ front: 'Capital of **[country]**.', back: 'Capital of **Australia**.' })).toEqual(['Australia']);
  });

  it('reads every gap of a card that hides several', () => {
    expect(clozeGapsOf({ front: '**[...]** and **[...]** share one card.', back: '**Ottawa** and **Canada** share one card.' })).toEqual([
      'Ottawa',
      'Canada',
    ]);
  });

  it('keeps other bold text out of the gap', () => {
    expect(clozeGapsOf({ front: '**[...]** is **big**', back: '**Canberra** is **big**' })).toEqual(['Canberra']);
  });

  it('is null for a card without gaps or whose answer is not its question filled in', () => {
    expect(clozeGapsOf({ front: 'Capital of France?', back: 'Paris' })).toBeNull();
    expect(clozeGapsOf({ front: 'What does **[...]** mean?', back: 'An elided gap.' })).toBeNull();
    expect(clozeGapsOf({ front: 'A **[...]** b', back: 'A **** b' })).toBeNull();
  });
});

describe('answerMarkdown', () => {
  it('is the gaps of a cloze card and the answer side of any other', () => {
    expect(answerMarkdown({ front: '**[...]** and **[...]**', back: '**x** and **y**' })).toBe('x, y');
    expect(answerMarkdown({ front: 'Q', back: '*A*' })).toBe('*A*');
  });

  it('asks once for a text every gap hides, as Anki does for a typed cloze', () => {
    expect(answerMarkdown({ front: '**[...]**, **[...]**, **[...]**', back: '**foo**, **foo**, **foo**' })).toBe('foo');
    expect(answerMarkdown({ front: '**[...]**, **[...]**, **[...]**', back: '**foo**, **bar**, **foo**' })).toBe('foo, bar, foo');
  });
});
