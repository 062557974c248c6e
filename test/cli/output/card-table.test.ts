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
