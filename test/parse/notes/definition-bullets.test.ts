import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { describe, expect, it } from 'vitest';
import { extractDefinitionBullets } from '../../../src/parse/notes/definition-bullets.js';
import { MAX_ANSWER_CHARS } from '../../../src/parse/notes/derived-card.js';

// Folders test/fixtures/notes/bullets-*: input.md and expected.json (the exact
// cards). Regenerate only on purpose with UPDATE_FIXTURES=1, then read them.
const root = fileURLToPath(new URL('../../fixtures/notes', import.meta.url));
const update = process.env['UPDATE_FIXTURES'] === '1';

const parse = (text: string) => unified().use(remarkParse).use(remarkGfm).parse(text);
const cardsOf = (text: string, lineOf = (line: number) => line) => extractDefinitionBullets(parse(text), lineOf);

describe('definition bullet fixtures', () => {
  for (const name of readdirSync(root).filter((n) => n.startsWith('bullets-')).sort()) {
    it(name, () => {
      const cards = cardsOf(readFileSync(join(root, name, 'input.md'), 'utf8'));
      const expectedPath = join(root, name, 'expected.json');
      if (update) writeFileSync(expectedPath, `${JSON.stringify(cards, null, 2)}\n`);
      expect(cards).toEqual(JSON.parse(readFileSync(expectedPath, 'utf8')));
    });
  }
});

describe('extractDefinitionBullets', () => {
  it('reads a term and its definition, without the colon, under its headings', () => {
    expect(cardsOf('# A\n\n## B\n\n- **Lease:** A lock with a timeout.\n')).toEqual([
      {
        kind: 'basic',
        syntax: 'note-definition',
        front: 'Lease',
        back: 'A lock with a timeout.',
        context: null,
        headingPath: ['A', 'B'],
        line: 5,
        endLine: 5,
      },
    ]);
  });

  it('maps lines through lineOf', () => {
    const [card] = cardsOf('\n- **Lease:** A lock with a timeout.\n', (line) => line + 10);
    expect([card?.line, card?.endLine]).toEqual([12, 12]);
  });

  it('splits a long list at item boundaries into numbered cards that each fit', () => {
    const items = Array.from({ length: 12 }, (_, i) => `\t- Item ${i} ${'word '.repeat(20).trim()}.`);
    const cards = cardsOf(`- **Long List:**\n${items.join('\n')}\n`);
    expect(cards.map((c) => c.front)).toEqual(['Long List (1/3)', 'Long List (2/3)', 'Long List (3/3)']);
    for (const card of cards) expect(card.back.length).toBeLessThanOrEqual(MAX_ANSWER_CHARS);
    expect(cards.flatMap((c) => c.back.split('\n'))).toEqual(items.map((item) => item.replace('\t', '')));
    expect(cards.map((c) => c.line)).toEqual([1, 7, 12]);
    expect(cards[2]?.endLine).toBe(13);
  });

  it('cuts a single long definition between sentences', () => {
    const sentence = `${'alpha '.repeat(30).trim()}.`;
    const cards = cardsOf(`- **Wall:** ${Array(5).fill(sentence).join(' ')}\n`);
    expect(cards.map((c) => c.front)).toEqual(['Wall (1/2)', 'Wall (2/2)']);
    expect(cards.map((c) => c.back)).toEqual([Array(3).fill(sentence).join(' '), Array(2).fill(sentence).join(' ')]);
  });

  it('turns wiki links into text and drops tags in terms and answers', () => {
    const [card] = cardsOf('- **[[Quorum]]:** A majority of [[node|nodes]] #todo\n');
    expect([card?.front, card?.back]).toEqual(['Quorum', 'A majority of nodes']);
  });

  it('needs a colon when a bold term starts text, and children when it stands alone', () => {
    expect(cardsOf('- **Bold** words in a sentence.\n- **Alone**\n\n**Lead** paragraph.\n')).toEqual([]);
  });

  it('stays fast on a line that only looks like a term', () => {
    const cards = cardsOf(`- **${'a'.repeat(100_000)}\n- ${'*'.repeat(50_000)}\n`);
    expect(cards).toEqual([]);
  });
});
