import { describe, expect, it } from 'vitest';
import { analyse, maskForNlp } from '../../src/nlp/english.js';
import { nounPhrases } from '../../src/nlp/noun-phrases.js';

/** The sentences of `text` as written. */
function sentences(text: string): string[] {
  return analyse(maskForNlp(text)).map((s) => text.slice(s.from, s.to));
}

describe('analyse', () => {
  it('splits sentences, keeping abbreviations, decimals, code spans and URLs whole', () => {
    expect(sentences('Clocks drift, e.g. by 1.5 seconds. Call `System.currentTimeMillis()` to read one. See https://example.org/a.b. Done!')).toEqual([
      'Clocks drift, e.g. by 1.5 seconds.',
      'Call `System.currentTimeMillis()` to read one.',
      'See https://example.org/a.b.',
      'Done!',
    ]);
  });

  it('gives each token its tag, lemma and offsets in the text', () => {
    const text = 'The lease expired.';
    const [s] = analyse(text);
    expect(s!.tokens.map((t) => [t.text, t.pos, t.lemma, text.slice(t.from, t.to)])).toEqual([
      ['The', 'DET', 'the', 'The'],
      ['lease', 'NOUN', 'lease', 'lease'],
      ['expired', 'VERB', 'expire', 'expired'],
      ['.', 'PUNCT', '.', '.'],
    ]);
  });

  it('lower-cases every lemma, capitals and letters beyond ASCII included', () => {
    const text = 'Spanner waits. ZooKeeper orders writes in Zürich, and Ωmega Clocks drift.';
    const lemmas = analyse(text).flatMap((s) => s.tokens.map((t) => t.lemma));
    expect(lemmas).toContain('spanner');
    expect(lemmas).toContain('zookeeper');
    expect(lemmas).toContain('zürich');
    expect(lemmas.every((l) => l === l.toLowerCase())).toBe(true);
  });

  it('gives nothing for blank text', () => {
    expect(analyse('  \n ')).toEqual([]);
  });
});

describe('maskForNlp', () => {
  it('keeps the length and hides code, URLs and emphasis markers', () => {
    const text = 'A **term** and `a.b()` at https://x.org/p.';
    const masked = maskForNlp(text);
    expect(masked.length).toBe(text.length);
    expect(masked).toBe('A   term   and xxxxxxx at xxxxxxxxxxxxxxx.');
  });

  it('masks each kind alone, and leaves text without any as it is', () => {
    expect(maskForNlp('see www.example.org/a for more')).toBe('see xxxxxxxxxxxxxxxxx for more');
    expect(maskForNlp('a _snake_case_ word')).toBe('a  snake_case  word');
    expect(maskForNlp('call `f()` twice')).toBe('call xxxxx twice');
    const plain = 'Nothing here is marked up.';
    expect(maskForNlp(plain)).toBe(plain);
  });
});

describe('nounPhrases', () => {
  it('finds determiners, modifiers, hyphenated words, names and numbers', () => {
    const text = "The node's time-of-day clock drifted by 1.5 seconds, whereas Leslie Lamport disagreed.";
    const [s] = analyse(text);
    expect(nounPhrases(s!.tokens).map((p) => text.slice(s!.tokens[p.first]!.from, s!.tokens[p.last]!.to))).toEqual([
      "node's time-of-day clock",
      '1.5 seconds',
      'Leslie Lamport',
    ]);
  });
});
