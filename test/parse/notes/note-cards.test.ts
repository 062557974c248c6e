import { describe, expect, it } from 'vitest';
import { hashKey, normaliseForKey } from '../../../src/parse/card-key.js';
import { noteCards } from '../../../src/parse/notes/note-cards.js';
import { parseText } from '../../../src/parse/parse-source.js';

const md = (...lines: string[]): string => `${lines.join('\n')}\n`;

// A bullet summary in the shape of a study summary (not any real document).
const SUMMARY = md(
  '## Caches',
  '',
  '- **Write-through:** every write goes to the cache and the store before it is acknowledged.',
  '- **Write-back:** a write goes to the cache only; the store is updated later, when the line is evicted.',
  '- **Eviction policies:**',
  '\t- LRU drops the line used least recently.',
  '\t- LFU drops the line used least often.',
  '',
  'A *dirty line* must be written back before it is dropped.',
);

// A chapter in prose with emphasised terms.
const CHAPTER = md(
  '# Replication',
  '',
  'Keeping a copy of the same data on several machines is called *replication*.',
  'Each node that stores a copy of the database is called a *replica*.',
  '',
  '## Leaders',
  '',
  'One of the replicas is designated the *leader*, and the others are *followers*.',
);

describe('cards from notes', () => {
  it('gives the written cards of a card file, and derived ones only for notes', () => {
    const cards = parseText(md('Q: What is a replica?', 'A: A node holding a copy.'), 'x.md');
    expect(cards.fromNotes).toBe(false);
    expect(cards.cards.map((c) => c.syntax)).toEqual(['qa']);
    const notes = parseText(SUMMARY, 'summary.md');
    expect(notes.fromNotes).toBe(true);
    expect(notes.problems).toEqual([]);
  });

  it('reads bullet-shaped notes for their terms only: the question a term names -> its definition, a bold group -> its children', () => {
    const { cards, counts } = noteCards(SUMMARY);
    expect(counts).toMatchObject({ 'note-definition': 3, 'note-outline': 0, 'note-section': 0, 'note-emphasis': 0, 'note-why': 0 });
    expect(cards.map((c) => [c.kind, c.front, c.back, c.headingPath, c.line])).toEqual([
      ['basic', 'What is a write-through?', 'Every write goes to the cache and the store before it is acknowledged.', ['Caches'], 3],
      ['basic', 'What is a write-back?', 'A write goes to the cache only; the store is updated later, when the line is evicted.', ['Caches'], 4],
      ['basic', 'What are eviction policies?', '- LRU drops the line used least recently.\n- LFU drops the line used least often.', ['Caches'], 5],
    ]);
  });

  it('withholds what a label asks vaguely or in several facts, and says which rule', () => {
    const notes = md(
      '## Networks',
      '',
      '- **Reliability of Networks:** Networks are inherently unreliable.',
      '- **Handling Network Faults:** Software must handle faults. Showing an error can be a valid response.',
      '- **Network Partitions:** A network partition cuts one part of the network off from the rest.',
      '- **Timeouts:** A long timeout waits long. A short timeout declares nodes dead too soon.',
    );
    const { cards, withheld } = noteCards(notes);
    expect(cards.map((c) => c.front)).toEqual(['What are network partitions?']);
    expect(withheld.map((w) => [w.line, w.rule, w.front])).toEqual([
      [3, 'label-front', 'How reliable are networks?'],
      [4, 'multi-fact-answer', 'How do you handle network faults?'],
      [6, 'multi-fact-answer', 'What are timeouts?'],
    ]);
  });

  it('reads prose for its sentences: a term the text names is a cloze, the answer being the sentence with the term filled in', () => {
    const { cards, counts } = noteCards(CHAPTER);
    expect(counts).toMatchObject({ 'note-prose-definition': 2, 'note-emphasis': 1 });
    expect(cards[0]).toMatchObject({
      kind: 'cloze',
      syntax: 'note-prose-definition',
      front: 'Keeping a copy of the same data on several machines is called **[...]**.',
      back: 'Keeping a copy of the same data on several machines is called **replication**.',
      headingPath: ['Replication'],
      line: 3,
    });
    expect(cards.map((c) => [c.syntax, c.front])).toEqual([
      ['note-prose-definition', 'Keeping a copy of the same data on several machines is called **[...]**.'],
      ['note-prose-definition', 'Each node that stores a copy of the database is called a **[...]**.'],
      // Under the heading "Leaders", a gap on "leader" is given away: the cloze hides the other term.
      ['note-emphasis', 'One of the replicas is designated the *leader*, and the others are **[...]**.'],
    ]);
  });

  it('keys a derived card on its text: a card elsewhere or a change of emphasis marks keeps every key', () => {
    const before = noteCards(CHAPTER).cards.map((c) => c.key);
    const edited = CHAPTER.replace('called *replica*', 'called **replica**') + md('', '## Appendix', '', 'A *witness* votes but keeps no copy of the data.');
    const after = noteCards(edited).cards.map((c) => c.key);
    expect(after.slice(0, before.length)).toEqual(before);
    expect(after.length).toBeGreaterThan(before.length);
    expect(new Set(before).size).toBe(before.length);
  });

  it('makes one card of a sentence: names of one thing are hidden together, never one by one as siblings that give each other away', () => {
    const tcp = md(
      '# Transport',
      '',
      'TCP finds out how fast it may send: this is called *congestion control*, *flow control* or *backpressure*.',
      'A lost packet is sent again by *retransmission* after a timeout.',
    );
    const { cards } = noteCards(tcp);
    expect(cards.map((c) => [c.front, c.back, c.sibling])).toEqual([
      [
        'TCP finds out how fast it may send: this is called **[3 names]**.',
        'TCP finds out how fast it may send: this is called **congestion control, flow control or backpressure**.',
        null,
      ],
      ['A lost packet is sent again by **[...]** after a timeout.', 'A lost packet is sent again by **retransmission** after a timeout.', null],
    ]);
    // Other emphasis marks or line breaks in the sentence keep the keys.
    const edited = noteCards(tcp.replace('*flow control*', '**flow control**').replace('send: this', 'send:\nthis')).cards;
    expect(edited.map((c) => c.key)).toEqual(cards.map((c) => c.key));
    expect(cards[1]!.key).toBe(hashKey(['note', 'note-emphasis', normaliseForKey(cards[1]!.front), 'retransmission']));
  });

  it('follows the mode: cards gives none from notes, notes derives from a card file too', () => {
    const asCards = parseText(SUMMARY, 'summary.md', 'cards');
    expect(asCards.cards).toEqual([]);
    expect(asCards.problems.map((p) => p.message)).toEqual(['has no cards.']);
    const mixed = md('# Terms', '', '- **Quorum:** a majority of the nodes.', '- **Lease:** a lock with a timeout.', '- **Token:** a number that only grows.', '', 'Q: Why fence?', 'A: Zombies.');
    expect(parseText(mixed, 'm.md', 'auto').cards.map((c) => c.syntax)).toEqual(['qa']);
    expect(parseText(mixed, 'm.md', 'notes').cards.map((c) => c.front)).toEqual(['What is a quorum?', 'What is a lease?', 'What is a token?']);
    expect(parseText(md('Just a line of text.'), 'n.md', 'notes').problems.map((p) => p.message)).toEqual(['has no notes engram can make cards from.']);
  });

  it('keeps a broken card file a card file: its problems are reported, nothing is derived', () => {
    const broken = parseText(md('# Notes', '', 'Some *term* here in a sentence that is long enough.', '', 'Q: A question without its answer'), 'b.md');
    expect(broken.fromNotes).toBe(false);
    expect(broken.cards).toEqual([]);
    expect(broken.problems.map((p) => [p.line, p.message])).toEqual([[5, 'has a Q: question with no A: answer below it; the card was skipped.']]);
  });

  it('drops capture noise before reading: gutter lines, page chrome and citation markers never reach a card', () => {
    const capture = [
      'mirror of',
      'https://example.org/book.git',
      '120 lines',
      '8 KiB',
      'Markdown',
      '# Consensus',
      '|',
      '||',
      'Getting several nodes to agree on something is called *consensus* [[4](/en/ch10#Lamport1998)].',
      '|',
      '||',
      'A node that keeps running after it was declared dead is a *zombie*.',
      '',
    ].join('\n');
    const { cards } = noteCards(capture);
    expect(cards.map((c) => [c.front, c.line])).toEqual([
      ['Getting several nodes to agree on something is called **[...]**.', 9],
      ['A node that keeps running after it was declared dead is a **[...]**.', 12],
    ]);
    for (const c of cards) expect(`${c.front}\n${c.back}`).not.toMatch(/\|\||mirror of|\[\[|\]\(/);
  });
});

// Shapes the fuzzer (test/reliability/fuzz-parse.test.ts) found: each threw or
// ran for minutes in remark or in the tree walks before notes were bounded.
describe('cards from notes of pathological shape', () => {
  const QUORUM = 'A *quorum* is a majority of the nodes that must agree before a write counts.';

  it('reads list markers nested thousands deep on one line without overflowing the stack', () => {
    expect(parseText(md(`${'- '.repeat(4000)}**Quorum:** a majority of the nodes.`), 'n.md', 'notes').cards.map((c) => [c.front, c.back, c.line])).toEqual([
      ['What is a quorum?', 'A majority of the nodes.', 1],
    ]);
    // GitHub extensions on (the ~~) walk the tree once more, recursively.
    const quoted = parseText(`- ~~\n${'> - '.repeat(2151)}x`, 'n.md', 'notes');
    expect(quoted.problems.map((p) => [p.line, p.message])).toEqual([[0, 'has no notes engram can make cards from.']]);
  });

  it('ends lines at a lone CR as remark does, so deep nesting after one is bounded too', () => {
    const r = parseText(`TCP::TCP\r${'- > '.repeat(2152)}[[TCP]]\n~~::TCP\n`, 'n.md', 'notes');
    expect(r.problems.map((p) => [p.line, p.message])).toEqual([[0, 'has no notes engram can make cards from.']]);
    expect(parseText('Q: one\rA: two\r\rQ: three\r\nA: four', 'c.md').cards.map((c) => [c.front, c.back, c.line, c.endLine])).toEqual([
      ['one', 'two', 1, 2],
      ['three', 'four', 4, 5],
    ]);
  });

  it('leaves out a line of 16,000 nested strong markers and reads the rest', () => {
    const r = parseText(md(`${'**'.repeat(4000)}x${'**'.repeat(4000)}`, '', QUORUM), 'n.md', 'notes');
    expect(r.cards.map((c) => [c.front, c.back, c.line])).toEqual([['What is a quorum?', 'A majority of the nodes that must agree before a write counts.', 3]]);
  });

  it('reads a paragraph of thousands of unmatched emphasis markers in bounded time (it took minutes), and the prose after it', () => {
    const r = parseText(`${`${'*a_ '.repeat(25)}\n`.repeat(700)}\n${QUORUM}\n`, 'n.md', 'notes');
    expect(r.cards.map((c) => [c.front, c.line])).toEqual([['What is a quorum?', 702]]);
    // Seconds on a busy machine (remark's own work on 17,500 markers); minutes if the bound were lost.
  }, 120_000);
});
