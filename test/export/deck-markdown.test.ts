import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { asWrittenCard } from '../../src/export/written-card.js';
import type { ParsedCard } from '../../src/model/card.js';
import { deckMarkdown } from '../../src/export/deck-markdown.js';
import type { DeckCard } from '../../src/export/deck-notes.js';
import { parseText } from '../../src/parse/parse-source.js';

/** Cards as the store would hand them over: numbered, in file order, from `files` in order. */
function deckCards(deck: string, files: Record<string, string>): DeckCard[] {
  const cards: DeckCard[] = [];
  for (const [name, text] of Object.entries(files)) {
    const parsed = parseText(text, name);
    expect(parsed.problems.filter((p) => p.severity === 'error'), name).toEqual([]);
    for (const c of parsed.cards) cards.push({ ...c, id: cards.length + 1, deck, sourcePath: `/decks/${name}` });
  }
  return cards;
}

/** What a card says, for comparing the cards of two imports. */
function said(c: Pick<ParsedCard, 'kind' | 'syntax' | 'front' | 'back' | 'title' | 'context' | 'headingPath'>) {
  return { kind: c.kind, syntax: c.syntax, front: c.front, back: c.back, title: c.title, context: c.context, headingPath: c.headingPath };
}

const bySaid = (a: object, b: object) => (JSON.stringify(a) < JSON.stringify(b) ? -1 : 1);

/** Exports the cards of `files` as deck `deck`, imports the markdown again, and expects the same cards. */
function expectRoundTrip(files: Record<string, string>, deck = 'Test deck'): string {
  const cards = deckCards(deck, files);
  expect(cards.length).toBeGreaterThan(0);
  const out = deckMarkdown(deck, cards);
  expect(out.failures.map((f) => `${f.card.id}: ${f.reason}`)).toEqual([]);
  const back = parseText(out.text, 'export.md');
  expect(back.problems).toEqual([]);
  expect(back.deck).toBe(deck);
  expect(back.cards.map(said).sort(bySaid)).toEqual(cards.map(asWrittenCard).map(said).sort(bySaid));
  expect(out.cards).toBe(cards.length);
  return out.text;
}

const md = (...lines: string[]) => `${lines.join('\n')}\n`;

describe('deck → markdown round trip, per syntax', () => {
  it('title blocks: title, context, code in the answer, and one without a title', () => {
    const text = expectRoundTrip({
      'a.md': md(
        '# Caching',
        '',
        '#### Write-through',
        'A write-through cache writes to both.',
        '',
        ':p What does a write-through cache do on a write?',
        '??x',
        'It writes to both before reporting success.',
        '```java',
        'cache.put(k, v);',
        '',
        '    store.put(k, v);',
        '```',
        'x??',
        '',
        '---',
        '',
        ':p An untitled question',
        'over two lines?',
        '??x',
        '- one',
        '',
        '- two',
        'x??',
      ),
    });
    expect(text).toBe(
      md(
        '---',
        'deck: Test deck',
        '---',
        '',
        '# Caching',
        '',
        '## Write-through',
        '',
        'A write-through cache writes to both.',
        '',
        ':p What does a write-through cache do on a write?',
        '??x',
        'It writes to both before reporting success.',
        '```java',
        'cache.put(k, v);',
        '',
        '    store.put(k, v);',
        '```',
        'x??',
        '',
        '---',
        '',
        ':p An untitled question',
        'over two lines?',
        '??x',
        '- one',
        '',
        '- two',
        'x??',
      ),
    );
  });

  it('Q/A cards with multi-line answers and code, and a list after an answer', () => {
    expectRoundTrip({
      'a.md': md(
        'Q: What does TCP add on top of IP?',
        'A: Ordered, reliable byte streams.',
        '',
        'Q: Which customers have never ordered?',
        'A:',
        '```sql',
        'SELECT 1;',
        '```',
        'The left join keeps them.',
        '',
        '- and this list belongs to the answer',
        '',
        'Some prose.',
        '',
        '- a list item that is a card::its answer',
      ),
    });
  });

  it('C: clozes: several gaps, repeated words, links and escapes, two lines', () => {
    expectRoundTrip({ 'a.md': readFileSync(fixture('qa-cloze'), 'utf8') });
    expectRoundTrip({ 'b.md': md('C: A single [gap].', '', 'C: [**bold**] and [`code`] gaps, with a [link](https://x.y).') });
  });

  it('Anki clozes: hints, shared numbers, code that is not a gap', () => {
    expectRoundTrip({ 'a.md': readFileSync(fixture('anki-cloze'), 'utf8') });
    expectRoundTrip({ 'b.md': md('{{c2::Second}} before {{c1::first::a hint}}, and {{c1::again}}.', '', 'Only {{c1::one}} card.') });
  });

  it('Anki clozes nested and on several cards: written back as Anki writes them', () => {
    const text = expectRoundTrip({
      'a.md': md(
        'Water boils at {{c1::100 {{c2::degrees Celsius}}::temperature}} at sea level.',
        '',
        '{{c1,2::Lisbon}} is the capital of {{c1::Portugal}}, and {{c2::the Tagus}} flows through it.',
        '',
        '{{c0::Zero}} shows on the {{c2::only}} card.',
      ),
    });
    expect(text).toContain('Water boils at {{c1::100 {{c2::degrees Celsius}}::temperature}} at sea level.');
    expect(text).toContain('{{c1,2::Lisbon}} is the capital of {{c1::Portugal}}, and {{c2::the Tagus}} flows through it.');
    expect(text).toContain('Zero shows on the {{c1::only}} card.');
  });

  it('highlight clozes', () => {
    expectRoundTrip({ 'a.md': readFileSync(fixture('highlight-cloze'), 'utf8') });
  });

  it('inline cards, one and both ways, one after another', () => {
    expectRoundTrip({ 'a.md': readFileSync(fixture('osr-inline'), 'utf8') });
    expectRoundTrip({ 'b.md': md('- Print the working directory::`pwd`', '- Hydrogen:::H', 'a::b::c') });
  });

  it('multi-line cards, one and both ways, with code', () => {
    expectRoundTrip({ 'a.md': readFileSync(fixture('osr-multiline'), 'utf8') });
  });

  it('cloze notes whose text holds stars, brackets and hint-like text', () => {
    expectRoundTrip({
      'a.md': md(
        'C: **[not a gap]** stays, [this] is one, and **so** is [**bold**].',
        '',
        'C: A gap [[x]] is a wiki link, but [a**b] and [**] are gaps; **[...]** is text.',
        '',
        'The ==**stars**== and ==[brackets]== and ==x]**y== here.',
        '',
        '{{c1::[x]}} then **[...]** then {{c2::**}} and {{c1::y::**[h]**}}.',
      ),
    });
  });

  it('a C: cloze whose text starts with a code block, and a Q: whose question does', () => {
    expectRoundTrip({ 'a.md': md('C:', '```js', 'let a = 1;', '```', 'Here [a] is one.', '', 'Q:', '```', 'code', '```', 'A: an answer') });
  });

  it('a rule keeps a list-like note from running on into the Q:/A: answer above it', () => {
    const text = expectRoundTrip({ 'a.md': md('Q: q', 'A: a'), 'b.md': md('- The ==gap== in a list.'), 'c.md': md('C: a [gap]'), 'd.md': md('> quoted', '?', 'answer') });
    expect(text).toBe(md('---', 'deck: Test deck', '---', '', 'Q: q', 'A: a', '', '---', '', '- The ==gap== in a list.', '', 'C: a [gap]', '', '---', '', '> quoted', '?', 'answer'));
  });

  it('cards from several files with different headings', () => {
    expectRoundTrip({
      'a.md': md('# A', '', '## B', '', 'Q: q1', 'A: a1', '', '# C', '', 'x::y'),
      'b.md': md('no::heading', '', '## Deep', '', '#### T', ':p titled', '??x', 'answer', 'x??', '', '---', '', 'after::title'),
      'c.md': md('# A', '', 'Q: q2', 'A: a2', '', '## B', '', 'Q: q3', 'A: a3'),
    });
  });

  it('every fixture of the parser that gives cards', () => {
    for (const name of readdirSync(FIXTURES)) {
      const input = readdirSync(join(FIXTURES, name)).find((f) => f.startsWith('input.'))!;
      const text = readFileSync(join(FIXTURES, name, input), 'latin1');
      const parsed = parseText(text, input);
      if (parsed.cards.length === 0 || parsed.problems.some((p) => p.severity === 'error')) continue;
      const out = deckMarkdown(parsed.deck, parsed.cards.map((c, i) => ({ ...c, id: i + 1, deck: parsed.deck, sourcePath: null })));
      expect(out.failures.map((f) => `${name} card ${f.card.id}: ${f.reason}`)).toEqual([]);
      expect(parseText(out.text, 'x.md').cards.map(said).sort(bySaid), name).toEqual(parsed.cards.map(said).sort(bySaid));
    }
  });

  it('cards derived from notes: written as the Q:/A: and C: cards they ask', () => {
    const text = expectRoundTrip({
      'notes.md': md(
        '# Storage',
        '',
        '- **B-tree:** pages updated in place.',
        '- **LSM-tree:** sorted runs merged in the background.',
        '- **SSTable:** a sorted file of keys and values.',
      ),
      'chapter.md': md('# Encoding', '', 'Turning objects into bytes is called *encoding*, and back *decoding*.'),
    });
    expect(text).toContain('Q: What is a B-tree?\nA: Pages updated in place.');
    expect(text).toContain('C: Turning objects into bytes is called [encoding], and back *decoding*.');
  });

  it('the bundled decks/ folder, deck by deck', () => {
    const byDeck = new Map<string, Record<string, string>>();
    for (const f of readdirSync(DECKS).filter((f) => f.endsWith('.md'))) {
      const text = readFileSync(join(DECKS, f), 'utf8');
      const deck = parseText(text, f).deck;
      byDeck.set(deck, { ...byDeck.get(deck), [f]: text });
    }
    expect(byDeck.size).toBeGreaterThan(0);
    for (const [deck, files] of byDeck) expectRoundTrip(files, deck);
  });
});

describe('deck → markdown round trip, mixed decks', () => {
  it('random mixes of the parser fixtures and bundled decks come back the same, but for unclosed code blocks', () => {
    const texts = [
      ...readdirSync(FIXTURES).map((name) => readFileSync(fixture(name), 'latin1')),
      ...readdirSync(DECKS).map((f) => readFileSync(join(DECKS, f), 'utf8')),
    ];
    let seed = 7;
    const random = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    for (let round = 0; round < 100; round++) {
      // A store holds each card key once, so a mix does too.
      const keys = new Set<string>();
      const cards: DeckCard[] = [];
      for (let file = 0, n = 1 + Math.floor(random() * 5); file < n; file++) {
        for (const c of parseText(texts[Math.floor(random() * texts.length)]!, 'x.md').cards) {
          if (keys.has(c.key)) continue;
          keys.add(c.key);
          cards.push({ ...c, id: cards.length + 1, deck: 'mix', sourcePath: `/f${file}.md` });
        }
      }
      const out = deckMarkdown('mix', cards);
      for (const f of out.failures) expect(f.reason).toBe('its text opens a code block ``` that it never closes');
      const left = new Set(out.failures.map((f) => f.card.id));
      const kept = cards.filter((c) => !left.has(c.id));
      expect(parseText(out.text, 'x.md').cards.map(said).sort(bySaid), `round ${round}`).toEqual(kept.map(asWrittenCard).map(said).sort(bySaid));
    }
  });
});

describe('cards that cannot be written back', () => {
  const card = (id: number, over: Partial<DeckCard>): DeckCard => ({
    id,
    deck: 'd',
    sourcePath: '/d.md',
    line: id,
    kind: 'basic',
    syntax: 'qa',
    sibling: null,
    front: `question ${id}`,
    back: `answer ${id}`,
    title: null,
    context: null,
    headingPath: [],
    ...over,
  });

  it('are left out with a reason, and the rest is written', () => {
    const cards = [
      card(1, {}),
      card(2, { syntax: 'inline', front: 'two\nlines' }),
      card(3, { syntax: 'qa-cloze', kind: 'cloze', front: 'A **[hint]** gap', back: 'A **x** gap' }),
      card(4, { back: 'answer\nQ: a question with no answer' }),
      card(5, { syntax: 'inline-both', kind: 'reversed', sibling: 'pair', front: 'back side', back: 'front side' }),
      card(6, { headingPath: ['1', '2', '3', '4', '5', '6'], syntax: 'title-block', title: 'seventh' }),
      card(7, { syntax: 'made-up' as DeckCard['syntax'] }),
      card(8, {}),
    ];
    const out = deckMarkdown('d', cards);
    expect(out.failures.map((f) => [f.card.id, f.reason])).toEqual([
      [2, 'a front::back card must fit on one line'],
      [3, 'a qa-cloze gap has no hint, and one of these shows one'],
      [7, 'its syntax "made-up" is not one this engram writes'],
      [6, 'it sits under more than 6 levels of headings'],
      [4, 'importing it back would change its back'],
      [5, 'importing it back would give 2 cards instead of 1'],
    ]);
    expect(out.text).toBe(md('---', 'deck: d', '---', '', 'Q: question 1', 'A: answer 1', '', 'Q: question 8', 'A: answer 8'));
    expect(out.cards).toBe(2);
  });

  it('a card with a code block it never closes is left out, not the cards after it', () => {
    const cards = [
      card(1, { back: 'text:\n```js\nnever closed' }),
      card(2, { back: 'code:\n```\nx\n```' }),
      card(3, {}),
    ];
    const out = deckMarkdown('d', cards);
    expect(out.failures.map((f) => [f.card.id, f.reason])).toEqual([[1, 'its text opens a code block ``` that it never closes']]);
    expect(out.cards).toBe(2);
  });

  it('a deck name that frontmatter cannot carry leaves every card out', () => {
    const out = deckMarkdown('a::b', [card(1, {})]);
    expect(out).toEqual({ text: '', cards: 0, failures: [{ card: card(1, {}), reason: 'the deck name "a::b" cannot be written as a frontmatter deck: line' }] });
  });

  it('quotes deck names YAML would read as something else', () => {
    for (const deck of ['true', '1.0', 'a: b', 'x #y', '-x', 'Ünïcode']) {
      expect(parseText(deckMarkdown(deck, [card(1, {})]).text, 'x.md').deck).toBe(deck);
    }
  });
});

const FIXTURES = fileURLToPath(new URL('../fixtures/parse', import.meta.url));
const DECKS = fileURLToPath(new URL('../../decks', import.meta.url));
function fixture(name: string): string {
  const input = readdirSync(join(FIXTURES, name)).find((f) => f.startsWith('input.'))!;
  return join(FIXTURES, name, input);
}
