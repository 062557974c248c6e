import { describe, expect, it } from 'vitest';
import { parseText } from '../../src/parse/parse-source.js';
// @ts-expect-error: plain JS shared with the benchmark, which times these inputs
import { PATHOLOGICAL } from '../../bench/pathological-inputs.js';

// How fast these parse is the benchmark's business (npm run bench); here they
// must finish (the test timeout catches a hang), never throw, and give the
// exact cards and problems.
const cases = PATHOLOGICAL as Record<string, () => string>;

describe('pathological input', () => {
  it('a 10 MB line of prose gives no card and no problem but "no cards"', () => {
    const r = parseText(cases['10 MB single line of prose']!(), 'x.md');
    expect(r.cards).toEqual([]);
    expect(r.problems.map((p) => p.message)).toEqual(['has no cards.']);
  });

  it('a 10 MB single-line card is refused with a message at its line', () => {
    const r = parseText(cases['10 MB single line card (front::back)']!(), 'x.md');
    expect(r.cards).toEqual([]);
    expect(r.problems).toHaveLength(1);
    expect(r.problems[0]!.line).toBe(1);
    expect(r.problems[0]!.message).toMatch(/^starts a card of 10,485,768 characters/);
  });

  it('lines full of unbalanced markers give no card', () => {
    for (const name of ['10 MB line of unbalanced backticks', '10 MB line of {{c1:: without }}', '10 MB line of HTML comment openers']) {
      expect(parseText(cases[name]!(), 'x.md').cards, name).toEqual([]);
    }
  });

  it('a 10 MB heading with a run of inner spaces becomes the context of the card below', () => {
    const r = parseText(cases['10 MB heading with a run of inner spaces']!(), 'x.md');
    expect(r.cards).toHaveLength(1);
    expect(r.cards[0]!.headingPath[0]).toHaveLength(10 * 1024 * 1024 + 2);
  });

  it('a list nested 3,000 levels deep is read line by line', () => {
    const r = parseText(cases['list nested 3,000 levels deep']!(), 'x.md');
    expect(r.cards).toEqual([]);
  });

  it('a quote nested 3,000 levels deep still gives its card, without the quote marks', () => {
    const r = parseText(cases['quote nested 3,000 levels deep']!(), 'x.md');
    expect(r.cards.map((c) => [c.front, c.back])).toEqual([['deep', 'quote']]);
  });

  it('50,000 cards in one file are all read', () => {
    const r = parseText(cases['50,000 cards in one file']!(), 'x.md');
    expect(r.cards).toHaveLength(50000);
    expect(r.cards[49999]!.front).toBe('Question 49999');
    expect(r.problems).toEqual([]);
  });

  it('150,000 copies of one card give one card and a warning per copy, without overflowing the stack', () => {
    const r = parseText(cases['150,000 copies of one card']!(), 'x.md');
    expect(r.cards).toHaveLength(1);
    expect(r.problems).toHaveLength(149999);
    expect(r.problems[149998]!.line).toBe(150000);
  });

  it('a megabyte of comment openers before a card is read in linear time and keeps the card', () => {
    const r = parseText(cases['1 MB of unclosed engram-id comment openers']!(), 'x.md');
    expect(r.cards.map((c) => [c.front, c.back, c.explicitId])).toEqual([['one', 'two', null]]);
  });

  it('20,000 unclosed answers each give a card and an error at their line', () => {
    const r = parseText(cases['20,000 unclosed ??x answers']!(), 'x.md');
    expect(r.cards).toHaveLength(20000);
    expect(r.problems).toHaveLength(20000);
    expect(r.problems[1]!.line).toBe(6);
  });

  it('2,000 fences that never close are all reported', () => {
    const r = parseText(cases['2,000 fences of falling length, none closed']!(), 'x.md');
    expect(r.problems.filter((p) => p.message.includes('never closed'))).toHaveLength(2000);
  });
});
