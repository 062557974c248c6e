import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { describe, expect, it } from 'vitest';
import { extractDefinitionBullets } from '../../../src/parse/notes/definition-bullets.js';

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
  it('asks the question a term names, answered by its definition, under its headings', () => {
    expect(cardsOf('# A\n\n## B\n\n- **Lease:** A lock with a timeout.\n')).toEqual([
      {
        kind: 'basic',
        syntax: 'note-definition',
        front: 'What is a lease?',
        back: 'A lock with a timeout.',
        context: null,
        headingPath: ['A', 'B'],
        note: 'Lease: A lock with a timeout.',
        line: 5,
        endLine: 5,
      },
    ]);
  });

  it('answers with what follows "which" when the definition opens by naming the term again', () => {
    const shared = '- **Shared-Nothing Systems:** The distributed systems we study are shared-nothing systems, which are composed of machines connected through a network. Each machine has its own disk.\n';
    expect(cardsOf(shared).map((c) => [c.front, c.back])).toEqual([['What are shared-nothing systems?', 'Systems composed of machines connected through a network.']]);
    // An opening that names something else keeps the whole sentence.
    const lease = '- **Lease:** A lease is a kind of lock, which is released after a timeout.\n';
    expect(cardsOf(lease).map((c) => [c.front, c.back])).toEqual([['What is a lease?', 'A lease is a kind of lock, which is released after a timeout.']]);
  });

  it('maps lines through lineOf', () => {
    const [card] = cardsOf('\n- **Lease:** A lock with a timeout.\n', (line) => line + 10);
    expect([card?.line, card?.endLine]).toEqual([12, 12]);
  });

  it('gives no card for a vague label, a lead-in answer or an answer about the document', () => {
    const cards = cardsOf(
      [
        '- **Other Reasons:** Execution can be suspended for reasons like closing a laptop lid.',
        '- **Realistic Approach:**',
        '\t- The previously covered content remains optimistic.',
        '- **Future Discussion:** Chapter 9 examines several algorithms that can provide these guarantees.',
        '- **Part 1 (1/2):** Often a process is paused.',
        '- **End-to-End Argument:** Upper layers can make the remaining errors easier to handle. This concept is explored more deeply in the paper.',
      ].join('\n'),
    );
    expect(cards.map((c) => c.front)).toEqual([]);
  });

  it('asks a set by its members\' names, but not when each member is a requirement its name alone misstates', () => {
    const properties = [
      '- **Properties of Fencing Tokens:**',
      '  - **Uniqueness:** No two fencing tokens have the same value, so a stale holder is always told apart.',
      '  - **Monotonic Sequence:** A token granted later is always greater, so storage can order the writes it gets.',
      '  - **Availability:** A node that requests a token and does not crash eventually gets one back.',
    ].join('\n');
    expect(cardsOf(properties).map((c) => [c.front, c.back])[0]).toEqual([
      'What are the three properties of fencing tokens?',
      '- Uniqueness\n- Monotonic Sequence\n- Availability',
    ]);
    const elements = [
      '- **Elements Required for Real-Time Guarantees in Systems:**',
      '  - **RTOS (Real-Time Operating System):** Must guarantee CPU time for processes within specified intervals.',
      '  - **Library Functions:** Should document their worst-case execution times in the manual.',
      '  - **Dynamic Memory Allocation:** May be restricted or disallowed entirely in such a system.',
      '  - **Software Stack:** Must be designed and tested to meet the specified time guarantees.',
    ].join('\n');
    expect(cardsOf(elements).map((c) => c.front)).not.toContain('What are the four elements required for real-time guarantees in systems?');
  });

  it('answers "examples of" with the examples a sentence sets in bold, counted', () => {
    const cards = cardsOf('- **Examples of Partial Failure:** **Network partition**, **Switch failure**, and **Data Center outage** are examples of failures that occur unpredictably.\n');
    expect(cards.map((c) => [c.front, c.back])).toEqual([['What are three examples of partial failure?', '- Network partition\n- Switch failure\n- Data Center outage']]);
  });

  it('keeps an answer to one fact: a long definition gives its first sentences, within 250 characters', () => {
    const long = `Alpha ${'beta '.repeat(30).trim()}.`;
    const [card] = cardsOf(`- **Fencing Tokens:** A fencing token is a number the lock service returns each time it grants a lock or a lease. ${Array(4).fill(long).join(' ')}\n`);
    expect(card?.front).toBe('What are fencing tokens?');
    expect(card?.back).toBe('A fencing token is a number the lock service returns each time it grants a lock or a lease.');
  });

  it('never ends an answer on a sentence cut short', () => {
    const [card] = cardsOf('- **NTP Clients**: NTP clients can be configured with multiple server addresses. If most servers are reasonable, any mis\n\nconfigured server is an outlier.\n');
    expect(card?.back).toBe('NTP clients can be configured with multiple server addresses.');
  });

  it('asks a group for its children by number, and each child in the light of its group', () => {
    const cards = cardsOf(
      [
        '- **Causes of Delay:**',
        '  - **Switch Queues:** When switches become full, packets are dropped and sent again.',
        '  - **TCP Flow Control:** TCP limits its sending rate, which queues data on the sender.',
      ].join('\n'),
    );
    expect(cards.map((c) => [c.front, c.back, c.context])).toEqual([
      ['What are two causes of delay?', '- Switch Queues\n- TCP Flow Control', null],
      ['How can switch queues cause delay?', 'When switches become full, packets are dropped and sent again.', 'Causes of Delay'],
      ['How can TCP flow control cause delay?', 'TCP limits its sending rate, which queues data on the sender.', 'Causes of Delay'],
    ]);
  });

  it('asks what a bold term inside a definition is when the sentence defines it', () => {
    const cards = cardsOf('- **Challenges of Distributed Systems:** In distributed systems, we face the physical world, leading to various issues. **Partial Failure** refers to situations where some parts of the system fail.\n');
    expect(cards.map((c) => [c.front, c.back])).toEqual([['What is a partial failure?', 'Situations where some parts of the system fail.']]);
  });

  it('asks a contrast only when the answer speaks of both sides', () => {
    const cards = cardsOf(
      [
        '- **Telephone Networks vs. TCP Connections:** Telephone networks allocate a fixed bandwidth. In contrast, TCP connections use whatever bandwidth is free.',
        '- **Circuit Switching vs. Packet Switching:** Data center networks use packet switching.',
      ].join('\n'),
    );
    expect(cards.map((c) => c.front)).toEqual(['How do telephone networks differ from TCP connections?']);
  });

  it('turns wiki links into text and drops tags in terms and answers', () => {
    const [card] = cardsOf('- **[[Quorum]]:** A majority of [[node|nodes]] #todo\n');
    expect([card?.front, card?.back]).toEqual(['What is a quorum?', 'A majority of nodes']);
  });

  it('needs a colon when a bold term starts text, and children when it stands alone', () => {
    expect(cardsOf('- **Bold** words in a sentence.\n- **Alone**\n\n**Lead** paragraph.\n')).toEqual([]);
  });

  it('stays fast on a line that only looks like a term', () => {
    const cards = cardsOf(`- **${'a'.repeat(100_000)}\n- ${'*'.repeat(50_000)}\n`);
    expect(cards).toEqual([]);
  });
});
