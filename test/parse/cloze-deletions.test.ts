import { describe, expect, it } from 'vitest';
import { bracketDeletions, groupPlan, highlightDeletions } from '../../src/parse/cloze-deletions.js';
import { scanLines } from '../../src/parse/scan-lines.js';

const line = (text: string) => scanLines(text.split('\n')).lines[0]!;
const texts = (ds: { text: string }[]) => ds.map((d) => d.text);

describe('bracketDeletions', () => {
  it('finds each [gap] after the start column', () => {
    expect(texts(bracketDeletions(line('C: [a] b [c d]'), 0, 2))).toEqual(['a', 'c d']);
  });

  it('skips escapes, links, images, wiki links, footnotes and empty pairs', () => {
    const l = line('\\[x] [l](u) [r][1] ![i](p) [[w]] [^1] [] [ ] [yes]');
    expect(texts(bracketDeletions(l, 0, 0))).toEqual(['yes']);
  });

  it('ignores brackets inside inline code', () => {
    expect(texts(bracketDeletions(line('`[no]` [yes]'), 0, 0))).toEqual(['yes']);
  });

  it('gives every gap its own group, across lines too', () => {
    const a = bracketDeletions(line('[a] [b]'), 0, 0);
    const b = bracketDeletions(line('[c]'), 1, 0);
    expect(new Set([...a, ...b].map((d) => d.group)).size).toBe(3);
  });
});

describe('highlightDeletions', () => {
  it('finds ==text== and rejects spaced, empty and triple delimiters', () => {
    expect(texts(highlightDeletions(line('==a== x == y == ==== z === w ==b c=='), 0))).toEqual(['a', 'b c']);
  });
});

describe('groupPlan', () => {
  it('makes one card a group, in the order the groups first appear, each hiding its own gaps', () => {
    const ds = highlightDeletions(line('==a== and ==b=='), 0);
    const plan = groupPlan(ds);
    expect(plan.plain.map((e) => e.insert)).toEqual(['a', 'b']);
    expect(plan.cards.map((c) => [c.front.map((e) => e.insert), c.back.map((e) => e.insert), c.hidden, c.order])).toEqual([
      [['**[...]**', 'b'], ['**a**', 'b'], ['a'], 0],
      [['a', '**[...]**'], ['a', '**b**'], ['b'], 1],
    ]);
  });
});
