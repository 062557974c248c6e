import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { describe, expect, it } from 'vitest';
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
  it('asks what a topic is, answered by its Description of short points, with no wiki markup left', () => {
    const cards = cardsOf('- [[Raft]]\n\t- Description\n\t\t- Elects a [[leader|Leader]] ![[raft.png]]\n\t\t- Replicates a log\n');
    expect(cards).toEqual([
      {
        kind: 'basic',
        syntax: 'note-outline',
        front: 'What is a raft?',
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

  it('answers from the first point only; the spoken notes beside the description give nothing', () => {
    const cards = cardsOf(
      [
        '- Process Pauses Part 1',
        '\t- Description',
        '\t\t- A process can be paused by another process for many seconds at a time, and it does not notice.',
        '\t\t- Want to make sure there is only one of something in a distributed system, whatever happens.',
        '\t- In order to present this issue, lets talk about process pauses. What are some examples?',
      ].join('\n'),
    );
    expect(cards.map((c) => [c.front, c.back])).toEqual([['What are process pauses?', 'A process can be paused by another process for many seconds at a time, and it does not notice.']]);
  });

  it('asks for Examples by number, and a "Problem: …?" point as its own question', () => {
    const cards = cardsOf(
      [
        '- Process Pauses',
        '\t- Description',
        '\t\t- Examples',
        '\t\t\t- [[Garbage collection]]',
        '\t\t\t- A user closes their laptop lid',
        '\t\t- Problem: How can a paused node be stopped from writing? Fencing tokens',
      ].join('\n'),
    );
    expect(cards.map((c) => [c.front, c.back])).toEqual([
      ['What are two examples of process pauses?', '- Garbage collection\n- A user closes their laptop lid'],
      ['How can a paused node be stopped from writing?', 'Fencing tokens.'],
    ]);
  });

  it('gives nothing for a topic whose only child is a lead-in, nor for #comment bullets', () => {
    const cards = cardsOf(
      [
        '- [[Fencing tokens]]',
        '\t- Before we start to talk about fencing tokens, we should get some consensus.',
        '- [[Leases]]',
        '\t- #comment Seems to refer to [[preemptive scheduling]]',
      ].join('\n'),
    );
    expect(cards).toEqual([]);
  });

  it('leaves plain bullets with children alone unless they are a [[link]]', () => {
    expect(cardsOf('- Notes\n\t- a child\n- [[Linked]] and more\n\t- another child\n')).toEqual([]);
  });
});
