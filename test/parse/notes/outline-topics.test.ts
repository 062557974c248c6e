import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { describe, expect, it } from 'vitest';
import { MAX_ANSWER_CHARS } from '../../../src/parse/notes/derived-card.js';
import { extractOutlineTopics } from '../../../src/parse/notes/outline-topics.js';

// Folders test/fixtures/notes/outline-*: input.md and expected.json (the exact
// cards). Regenerate only on purpose with UPDATE_FIXTURES=1, then read them.
const root = fileURLToPath(new URL('../../fixtures/notes', import.meta.url));
const update = process.env['UPDATE_FIXTURES'] === '1';

const parse = (text: string) => unified().use(remarkParse).use(remarkGfm).parse(text);
const cardsOf = (text: string) => extractOutlineTopics(parse(text), (line) => line);

describe('outline topic fixtures', () => {
  for (const name of readdirSync(root).filter((n) => n.startsWith('outline-')).sort()) {
    it(name, () => {
      const cards = cardsOf(readFileSync(join(root, name, 'input.md'), 'utf8'));
      const expectedPath = join(root, name, 'expected.json');
      if (update) writeFileSync(expectedPath, `${JSON.stringify(cards, null, 2)}\n`);
      expect(cards).toEqual(JSON.parse(readFileSync(expectedPath, 'utf8')));
    });
  }
});

describe('extractOutlineTopics', () => {
  it('gives topic -> the Description bullets, with no wiki markup left', () => {
    const cards = cardsOf('- [[Raft]]\n\t- Description\n\t\t- Elects a [[leader|Leader]] ![[raft.png]]\n\t\t- Replicates a log\n');
    expect(cards).toEqual([
      {
        kind: 'basic',
        syntax: 'note-outline',
        front: 'Raft',
        back: '- Elects a Leader\n- Replicates a log',
        context: null,
        headingPath: [],
        line: 1,
        endLine: 4,
      },
    ]);
  });

  it('makes no card from a Description bullet with nothing under it', () => {
    expect(cardsOf('- Raft\n\t- Description\n')).toEqual([]);
  });

  it('splits a long description at bullet boundaries', () => {
    const bullets = Array.from({ length: 8 }, (_, i) => `\t\t- Point ${i} ${'text '.repeat(25).trim()}`);
    const cards = cardsOf(`- Topic\n\t- Description\n${bullets.join('\n')}\n`);
    expect(cards.map((c) => c.front)).toEqual(['Topic (1/2)', 'Topic (2/2)']);
    for (const card of cards) expect(card.back.length).toBeLessThanOrEqual(MAX_ANSWER_CHARS);
    expect(cards.flatMap((c) => c.back.split('\n'))).toEqual(bullets.map((b) => b.replace('\t\t', '')));
  });

  it('leaves plain bullets with children alone unless they are a [[link]]', () => {
    expect(cardsOf('- Notes\n\t- a child\n- [[Linked]] and more\n\t- another child\n')).toEqual([]);
  });
});
