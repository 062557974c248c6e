import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { insertCards, listCards, type CardFields } from '../../src/store/cards.js';
import { ensureDeck } from '../../src/store/decks.js';
import { openStore, type Store } from '../../src/store/open-store.js';
import { tempDir } from '../helpers/temp-dir.js';

const NOW = Date.UTC(2026, 2, 2, 10);

let store: Store;

beforeEach(() => {
  store = openStore(join(tempDir(), 'engram.db'), { create: true });
});

afterEach(() => {
  store.close();
});

function card(n: number): CardFields {
  return {
    key: `k${n}`,
    sibling: n % 2 === 0 ? `pair${n}` : null,
    kind: n % 3 === 0 ? 'cloze' : 'basic',
    syntax: 'qa',
    front: `Question ${n}`,
    back: `Answer ${n}`,
    title: n === 5 ? 'A title' : null,
    context: n === 5 ? 'Some context' : null,
    headingPath: n < 20 ? ['Part one'] : ['Part two', 'Chapter'],
    line: n * 2 + 1,
    endLine: n * 2 + 2,
  };
}

describe('insertCards', () => {
  it('writes every card with its own deck and every column, in the order given, past whole batches of rows', () => {
    const a = ensureDeck(store, 'a', NOW);
    const b = ensureDeck(store, 'b', NOW);
    // 37 cards: two full batches of 16 rows and 5 written one at a time.
    const cards = Array.from({ length: 37 }, (_, i) => card(i));
    insertCards(store, cards, cards.map((_, i) => (i % 4 === 0 ? b : a)), cards.map(() => null), NOW);
    const stored = listCards(store, { includeArchived: true }).sort((x, y) => x.id - y.id);
    expect(stored.map((c) => c.key)).toEqual(cards.map((c) => c.key));
    expect(stored.map((c) => c.id)).toEqual(Array.from({ length: 37 }, (_, i) => i + 1));
    expect(stored.map((c) => c.deck)).toEqual(cards.map((_, i) => (i % 4 === 0 ? 'b' : 'a')));
    expect(stored[5]).toMatchObject({
      key: 'k5', sibling: null, kind: 'basic', syntax: 'qa', front: 'Question 5', back: 'Answer 5', title: 'A title', context: 'Some context',
      headingPath: ['Part one'], line: 11, endLine: 12, createdAt: NOW, updatedAt: NOW, archived: false, sourcePath: null,
    });
    expect(stored[36]).toMatchObject({ key: 'k36', sibling: 'pair36', kind: 'cloze', headingPath: ['Part two', 'Chapter'], line: 73, endLine: 74 });
  });

  it('writes nothing for no cards', () => {
    insertCards(store, [], [], [], NOW);
    expect(listCards(store, { includeArchived: true })).toEqual([]);
  });
});
