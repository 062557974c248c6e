import { describe, expect, it } from 'vitest';
import { wikiText } from '../../../src/parse/notes/wiki-text.js';

describe('wikiText', () => {
  it('shows a link as its name and an aliased link as its alias', () => {
    expect(wikiText('see [[Fencing tokens]] and [[Garbage collection|GC]]')).toBe('see Fencing tokens and GC');
  });

  it('falls back to the link when the alias is empty', () => {
    expect(wikiText('[[Raft|]]')).toBe('Raft');
  });

  it('drops embeds, or shows them as a path', () => {
    expect(wikiText('before ![[Screenshot 2024-09-24 at 11.02.39 AM.png]] after')).toBe('before after');
    expect(wikiText('![[shot.png|200]]', { embeds: 'path' })).toBe('[embed: shot.png]');
  });

  it('removes #tag and #[[tag]] tokens but keeps C#, #1 and a full stop', () => {
    expect(wikiText('#comment Seems to refer to [[preemptive scheduling]]')).toBe(' Seems to refer to preemptive scheduling');
    expect(wikiText('Topic #[[to review]] done #todo.')).toBe('Topic done.');
    expect(wikiText('C# and issue #1 stay')).toBe('C# and issue #1 stay');
  });

  it('leaves text without wiki markup untouched, spaces included', () => {
    expect(wikiText('a  b [single] (x)')).toBe('a  b [single] (x)');
  });

  it('is linear on unclosed brackets', () => {
    const text = '[['.repeat(100_000);
    expect(wikiText(text)).toBe(text);
  });
});
