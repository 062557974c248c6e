import { describe, expect, it } from 'vitest';
import { cardTableJson, cardTableLines } from '../../../src/cli/output/card-table.js';
import type { Card } from '../../../src/model/card.js';

const T0 = Date.UTC(2026, 2, 2);

function card(fields: Partial<Card>): Card {
  return {
    id: 12,
    key: 'k12',
    sibling: null,
    kind: 'basic',
    syntax: 'qa',
    front: 'What does the three-way handshake of TCP establish?',
    back: 'A connection: both sides agree on initial sequence numbers.',
    title: null,
    context: null,
    headingPath: ['Networking'],
    line: 42,
    endLine: 43,
    deck: '003-notes',
    sourcePath: '/data/vault-real/library/networking/seeds/003-notes.md',
    archived: false,
    suspended: false,
    droppedAt: null,
    createdAt: T0,
    updatedAt: T0,
    ...fields,
  };
}

describe('engram cards: the source column', () => {
  it('cuts a long path from the left at 80 columns, keeping the file name and line', () => {
    expect(cardTableLines({ cards: [card({})], hiddenArchived: 0, hiddenDropped: 0 }, 80)).toEqual([
      'id  deck       kind   front           back         context     source',
      '12  003-notes  basic  What does the…  A connecti…  Networking  …/003-notes.md:42',
    ]);
  });

  it('prints the path the file was given by (through a symlink), not the real one', () => {
    const shown = card({ shownPath: '/home/ana/notes/003-notes.md' });
    expect(cardTableLines({ cards: [shown], hiddenArchived: 0, hiddenDropped: 0 }, 200)[1]).toMatch(/ \/home\/ana\/notes\/003-notes\.md:42$/);
    expect(JSON.parse(cardTableJson({ cards: [shown], hiddenArchived: 0, hiddenDropped: 0 }))[0].source).toEqual({
      path: '/home/ana/notes/003-notes.md',
      line: 42,
      endLine: 43,
    });
  });
});

describe('engram cards --from notes: the rule column', () => {
  const derived = (id: number, syntax: Card['syntax'], front: string) =>
    card({ id, syntax, front, back: 'A number the lock service increases with every grant, so stale holders are refused.', headingPath: ['Distributed systems', 'Locks'] });

  it('fits 80 columns beside a 4-digit id (the rule cut at its end) and names each rule below the table', () => {
    const list = { cards: [derived(1042, 'note-prose-definition', 'What is a fencing token?'), derived(1043, 'note-why', 'Why can a node not trust its own clock?')], hiddenArchived: 0, hiddenDropped: 2 };
    expect(cardTableLines(list, 80, 'notes')).toEqual([
      '  id  deck    kind   rule    front           back        con…  source',
      '1042  003-n…  basic  prose…  What is a fen…  A number …  Loc…  …/003-notes.md:42',
      '1043  003-n…  basic  why     Why can a nod…  A number …  Loc…  …/003-notes.md:42',
      '',
      'Rules:',
      '  prose definition  definitions in prose (X is ... -> What is X?)',
      '  why               causal sentences (because ... -> Why ...?)',
      '(2 dropped cards not shown; --dropped lists them.)',
    ]);
    expect(cardTableLines(list, 200, 'notes')[1]).toMatch(/^1042 {2}003-notes {2}basic {2}prose definition {2}What is a fencing token\? {2}/);
  });

  it('--json names the rule and what it reads; a written card has none', () => {
    const list = { cards: [derived(7, 'note-emphasis', 'A [...] stops a paused client'), card({})], hiddenArchived: 0, hiddenDropped: 0 };
    expect(JSON.parse(cardTableJson(list)).map((c: { rule: unknown }) => c.rule)).toEqual([{ name: 'emphasis', madeBy: 'emphasised terms (cloze on the term)' }, null]);
  });

  it('--dropped lists what was dropped, by which rule, when, and where; and says when there is none', () => {
    const dropped = { ...derived(1042, 'note-section', 'Locks: key points'), droppedAt: Date.UTC(2026, 2, 1, 9, 30) };
    expect(cardTableLines({ cards: [dropped], hiddenArchived: 1, hiddenDropped: 0 }, 80, 'dropped')).toEqual([
      '  id  deck      rule     front           dropped               source',
      '1042  003-not…  section  Locks: key po…  2026-03-01 09:30 UTC  …/003-notes.md:42',
      '',
      'Rules:',
      '  section  section key points (heading -> points)',
      '(1 archived card not shown; --archived lists them.)',
    ]);
    expect(cardTableLines({ cards: [], hiddenArchived: 0, hiddenDropped: 0 }, 80, 'dropped')).toEqual(['No dropped cards.']);
  });
});
