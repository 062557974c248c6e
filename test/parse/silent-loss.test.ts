import { describe, expect, it } from 'vitest';
import { parseText } from '../../src/parse/parse-source.js';

/** Each card's hidden text (the bold part of its back) or its back, and each problem as "line: severity". */
function said(text: string, fileName = 'cards.md'): { decks: string[]; answers: string[]; problems: string[] } {
  const r = parseText(text, fileName, 'cards');
  return {
    decks: r.cards.map((c) => c.deck ?? r.deck),
    answers: r.cards.map((c) => (c.kind === 'cloze' ? /\*\*(.+?)\*\*/.exec(c.back)![1]! : c.back)),
    problems: r.problems.map((p) => `${p.line}: ${p.severity}`),
  };
}

// Issue 16: what a user wrote as a gap or a deck either ends up in a card or is
// reported at its line; before, each of these was dropped without a word.
describe('nothing written as a gap or a deck is dropped silently', () => {
  it('a C: gap in the paragraph after a blank line is a card (it was dropped)', () => {
    expect(said('C:\nEnglish: [fire]\n\nFrench: [feu]\n')).toEqual({ decks: ['cards', 'cards'], answers: ['fire', 'feu'], problems: [] });
  });

  it('gaps after a blank line that follows C: are cards (the C: had none, and was refused)', () => {
    expect(said('C:\n\nThe [heart] has four [chambers].\n').answers).toEqual(['heart', 'chambers']);
  });

  it('a gap after prose inside C: text is a card, the prose stays in the text, and prose after the last gap is not taken', () => {
    const r = parseText('C: Water boils at [100 °C].\n\nAt sea level, that is.\n\nAnd freezes at [0 °C].\n\nUnrelated notes.\n', 'cards.md', 'cards');
    expect(r.cards.map((c) => [c.back, c.endLine])).toEqual([
      ['Water boils at **100 °C**.\n\nAt sea level, that is.\n\nAnd freezes at 0 °C.', 5],
      ['Water boils at 100 °C.\n\nAt sea level, that is.\n\nAnd freezes at **0 °C**.', 5],
    ]);
  });

  it('a paragraph that is a card of its own ends the C: text before it', () => {
    expect(said('C: The [sun] is a star.\n\nMoon::a satellite [of Earth]\n').answers).toEqual(['sun', 'a satellite [of Earth]']);
  });

  it('===secret=== makes no gap and says so, with the fix', () => {
    const r = parseText('This is a cloze with ===secret=== text.\n', 'cards.md', 'cards');
    expect(r.cards).toEqual([]);
    expect(r.problems.map((p) => [p.line, p.message, p.fix])).toEqual([
      [1, 'has ===secret=== at column 22: a highlight gap takes two = on each side, so it was not made a gap.', 'Write ==secret== to hide "secret".'],
    ]);
  });

  it('a ==highlight== in a note of {{c1::…}} gaps is reported, since it stays text there', () => {
    expect(said('Brazilians speak {{c1::Portuguese}}, ==mostly==.\n')).toEqual({ decks: ['cards'], answers: ['Portuguese'], problems: ['1: warning'] });
  });

  it('[a][b] in C: text with no reference [b] defined is reported: markdown reads it as a link, so neither is a gap', () => {
    const r = parseText('C: The [capital][of France] is [Paris].\n', 'cards.md', 'cards');
    expect(r.cards.map((c) => c.back)).toEqual(['The [capital][of France] is **Paris**.']);
    expect(r.problems.map((p) => [p.line, p.fix])).toEqual([[1, 'Write "[capital] [of France]" for two gaps, or define the reference with a line "[of France]: <url>".']]);
    expect(said('C: See [the docs][docs] for [this].\n\n[docs]: https://example.org\n')).toEqual({ decks: ['cards'], answers: ['this'], problems: [] });
  });

  it('==gaps== in a heading of a card file are reported (a heading is no card); in notes they are left be', () => {
    expect(said('# The ==cell== theory\n\nCell::the unit of life\n').problems).toEqual(['1: warning']);
    expect(parseText('# The ==cell== theory\n\nNotes about cells.\n', 'notes.md').problems.filter((p) => p.line === 1)).toEqual([]);
  });

  it("hashcards' TOML frontmatter names the deck (the name was ignored)", () => {
    expect(said('---\nname = "Medicine"\n---\n\nC: The mitochondria is the [powerhouse] of the cell.\n').decks).toEqual(['Medicine']);
  });

  it('frontmatter never closed is reported, since the deck it names is not used', () => {
    expect(said('---\ndeck: Spanish\ntags: [flashcards]\n\nperro::dog\n')).toEqual({ decks: ['cards'], answers: ['dog'], problems: ['1: warning'] });
  });

  it('TOML frontmatter that does not parse is reported at its line', () => {
    expect(said('---\nname = Custom Deck Name (missing quotes)\n---\n\nQ: What is Rust?\nA: A language.\n').problems).toEqual(['2: warning']);
  });

  it('a tag on a card line puts that card in its deck, and only that card', () => {
    expect(said('#flashcards/test\nQ1::A1\n#flashcards/exam Q2::A2\nQ3::A3\n').decks).toEqual(['test', 'exam', 'test']);
  });
});
