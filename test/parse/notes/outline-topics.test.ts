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

  it('reads the points a speaker nested under the spoken notes with the sentence rules, not the spoken notes themselves', () => {
    const cards = cardsOf(
      [
        '- Process Pauses Part 2',
        '\t- Description',
        '\t\t- A process can be paused by another process for many seconds at a time, and it does not notice.',
        '\t- This is pretty lazy of me, but here is a photo. Client 1 wants a lock.',
        '\t\t- Client 1 is going to grab a lock service',
        '\t\t\t- It has this thing called a [[lease]] which is just a given amount of time after it grabs the lock.',
      ].join('\n'),
    );
    expect(cards.map((c) => [c.front, c.back])).toEqual([
      ['What are process pauses?', 'A process can be paused by another process for many seconds at a time, and it does not notice.'],
      ['What is a lease?', 'A given amount of time after it grabs the lock.'],
    ]);
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

  it('asks how a topic works when its description is two or three instructions, the steps numbered; four give no card', () => {
    const cards = cardsOf(
      [
        '- [[Write-Through Caching]]',
        '\t- Description',
        '\t\t- How it works: Write the value to the cache. Write the value to the database, and then acknowledge the client.',
        '- [[Cache Warming]]',
        '\t- Description',
        '\t\t- Steps: Record the hottest keys. Replay them against the new cache. Compare hit rates. Switch traffic over.',
      ].join('\n'),
    );
    expect(cards.map((c) => [c.front, c.back, c.context])).toEqual([
      ['How does write-through caching work, in three steps?', '1. Write the value to the cache.\n2. Write the value to the database.\n3. Acknowledge the client.', null],
    ]);
  });

  it('asks when the topic is a problem, its nested bullets shown as examples and no card of their own', () => {
    const cards = cardsOf(
      [
        '- [[Split Votes]]',
        '\t- Description',
        '\t\t- A split vote is an election in which no candidate wins a majority of the votes.',
        '\t\t- This can be a problem when many followers time out at the same moment',
        '\t\t\t- Five nodes started together',
        '\t\t\t- A network blip that every follower notices at once',
        '- [[Cache Invalidation]]',
        '\t- Description',
        '\t\t- Cache invalidation is removing or updating cached entries when the source data changes.',
        '\t\t- Invalidation mistakes are especially dangerous when the cached value is a permission or a price',
      ].join('\n'),
    );
    expect(cards.map((c) => [c.front, c.back, c.context])).toEqual([
      ['What are split votes?', 'A split vote is an election in which no candidate wins a majority of the votes.', null],
      [
        'When are split votes a problem?',
        'When many followers time out at the same moment.\n\nFor example:\n- Five nodes started together\n- A network blip that every follower notices at once',
        'Split Votes',
      ],
      // "Invalidation mistakes" are not cache invalidation: no "When is cache invalidation a problem?".
      ['What is cache invalidation?', 'Cache invalidation is removing or updating cached entries when the source data changes.', null],
    ]);
  });

  it('asks how the topic leads to a case\'s outcome when the case names it, else what leads to the outcome', () => {
    const cards = cardsOf(
      [
        '- Process Pause Significance',
        '\t- Description',
        '\t\t- A paused process could have its lease expire, and then process a few more requests while it thinks it is holding the lease.',
        '\t\t- Another case is where the other nodes in a cluster assume that a paused node is dead, and when it comes back, it still thinks it is a leader and now we have a split brain situation!',
        '- Cache Stampede Significance',
        '\t- Description',
        '\t\t- When a popular entry expires, many requests miss at once and all of them hit the database.',
        '\t\t- Another case is where a cold cache starts after a deploy, and then there is a flood of database queries.',
      ].join('\n'),
    );
    expect(cards.map((c) => [c.front, c.back, c.context])).toEqual([
      ['Why does a process pause matter?', 'A paused process could have its lease expire, and then process a few more requests while it thinks it is holding the lease.', null],
      [
        'How can a process pause lead to a split brain situation?',
        'The other nodes in a cluster assume that a paused node is dead, and when it comes back, it still thinks it is a leader.',
        'Process Pause Significance',
      ],
      ['Why does a cache stampede matter?', 'When a popular entry expires, many requests miss at once and all of them hit the database.', null],
      ['What can lead to a flood of database queries?', 'A cold cache starts after a deploy.', 'Cache Stampede Significance'],
    ]);
  });

  it('asks why of a claim its point gives a reason for (a leading cause, a dash), under a topic whose label asks nothing', () => {
    const cards = cardsOf(
      [
        '- Fencing Tokens Conclusion',
        '\t- Description',
        '\t\t- Due to process pauses, or possibly even just unreliable client nodes, we can only trust any decisions made by a majority of nodes in our cluster - any single node can be faulty (possibly without it even realizing!)',
        '\t\t- Since we have no shared memory, implementations may use something called a lease.',
        '\t\t- Leases expire - nobody renews them.',
      ].join('\n'),
    );
    expect(cards.map((c) => [c.front, c.back, c.context])).toEqual([
      [
        'Why can we only trust any decisions made by a majority of nodes in our cluster?',
        'Due to process pauses, or possibly even just unreliable client nodes, any single node can be faulty (possibly without it even realizing!)',
        'Fencing Tokens Conclusion',
      ],
    ]);
  });

  it('asks what the topic guards against only when the topic is what guards', () => {
    const cards = cardsOf(
      [
        '- [[Fencing Tokens]] Conclusion',
        '\t- Description',
        '\t\t- As a result, using something like fencing tokens is easy to implement and guards against things like multiple lock holders and split brain in single leader replication, and is an important part of any distributed system that requires consensus',
        '\t\t- Without fencing tokens, nothing prevents a paused node from writing to the storage.',
        '\t\t- Request coalescing guards against stampedes of requests, and costs little.',
      ].join('\n'),
    );
    expect(cards.map((c) => [c.front, c.back, c.context])).toEqual([
      ['What do fencing tokens guard against?', 'Multiple lock holders and split brain in single leader replication.', 'Fencing Tokens Conclusion'],
    ]);
  });
});
