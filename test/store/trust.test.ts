import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { insertCard } from '../../src/store/cards.js';
import { ensureDeck } from '../../src/store/decks.js';
import { openStore, type Store } from '../../src/store/open-store.js';
import { deckContentHash, isDeckTrusted, trustDeck, trustedDecks, untrustDeck } from '../../src/store/trust.js';
import { tempDir } from '../helpers/temp-dir.js';
import { thrownError } from '../helpers/engram-errors.js';

const NOW = Date.UTC(2026, 0, 5, 10);

let store: Store;
let counter = 0;

beforeEach(() => {
  store = openStore(join(tempDir(), 'engram.db'), { create: true });
});

afterEach(() => {
  store.close();
});

function addCard(deck: string, front: string, back: string, line = ++counter): number {
  return insertCard(
    store,
    {
      key: `key-${++counter}`,
      sibling: null,
      deckId: ensureDeck(store, deck, NOW),
      sourceId: null,
      line,
      endLine: line + 2,
      kind: 'basic',
      syntax: 'qa',
      front,
      back,
      title: null,
      context: null,
      headingPath: [],
    },
    NOW,
  );
}

const sql = (text: string, ...params: unknown[]) => store.db.prepare(text).run(...params);

describe('deckContentHash', () => {
  it('is a sha256 that ignores lines, order of insertion and archived cards, and sees any text change', () => {
    const a = addCard('D', 'Q1', '```js\nconsole.log(1)\n```');
    addCard('D', 'Q2', 'A2');
    const first = deckContentHash(store, 'D');
    expect(first).toMatch(/^[0-9a-f]{64}$/);

    sql('UPDATE cards SET line = line + 40, end_line = end_line + 40');
    expect(deckContentHash(store, 'D')).toBe(first);

    const archived = addCard('D', 'Gone', 'rm -rf');
    sql('UPDATE cards SET archived_at = ? WHERE id = ?', NOW, archived);
    expect(deckContentHash(store, 'D')).toBe(first);
    // Suspending is not a change of content.
    sql('UPDATE cards SET suspended_at = ? WHERE id = ?', NOW, a);
    expect(deckContentHash(store, 'D')).toBe(first);

    sql("UPDATE cards SET back = '```js\nconsole.log(2)\n```' WHERE id = ?", a);
    const edited = deckContentHash(store, 'D');
    expect(edited).not.toBe(first);
    addCard('D', 'Q3', 'A3');
    expect(deckContentHash(store, 'D')).not.toBe(edited);
  });

  it('does not depend on the order cards were added, and not on other decks', () => {
    addCard('D', 'x', 'y');
    addCard('D', 'p', 'q');
    addCard('E', 'x', 'y');
    addCard('F', 'p', 'q');
    addCard('F', 'x', 'y');
    expect(deckContentHash(store, 'D')).toBe(deckContentHash(store, 'F'));
    expect(deckContentHash(store, 'D')).not.toBe(deckContentHash(store, 'E'));
  });

  it('keeps front and back apart: moving text across the split changes it', () => {
    addCard('D', 'ab', 'c');
    addCard('E', 'a', 'bc');
    expect(deckContentHash(store, 'D')).not.toBe(deckContentHash(store, 'E'));
  });
});

describe('trust', () => {
  it('a deck is untrusted until trusted, and untrusted again when its content changes', () => {
    const id = addCard('D', 'Q', '```bash\necho hi\n```');
    expect(isDeckTrusted(store, 'D')).toBe(false);
    trustDeck(store, 'D', NOW);
    expect(isDeckTrusted(store, 'D')).toBe(true);
    expect(trustedDecks(store)).toEqual([{ deck: 'D', trustedAt: NOW, current: true }]);

    sql("UPDATE cards SET back = '```bash\necho bye\n```' WHERE id = ?", id);
    expect(isDeckTrusted(store, 'D')).toBe(false);
    expect(trustedDecks(store)).toEqual([{ deck: 'D', trustedAt: NOW, current: false }]);

    // Trusting again records the new content and time.
    trustDeck(store, 'D', NOW + 5);
    expect(isDeckTrusted(store, 'D')).toBe(true);
    expect(trustedDecks(store)).toEqual([{ deck: 'D', trustedAt: NOW + 5, current: true }]);
  });

  it('untrustDeck forgets it and says whether there was anything to forget', () => {
    addCard('D', 'Q', 'A');
    addCard('E', 'Q', 'A');
    trustDeck(store, 'D', NOW);
    trustDeck(store, 'E', NOW);
    expect(untrustDeck(store, 'D')).toBe(true);
    expect(untrustDeck(store, 'D')).toBe(false);
    expect(isDeckTrusted(store, 'D')).toBe(false);
    expect(isDeckTrusted(store, 'E')).toBe(true);
    expect(trustedDecks(store).map((t) => t.deck)).toEqual(['E']);
  });

  it('lists trusted decks by name', () => {
    for (const d of ['b', 'a', 'c']) addCard(d, 'Q', 'A');
    trustDeck(store, 'c', NOW);
    trustDeck(store, 'a', NOW);
    expect(trustedDecks(store).map((t) => t.deck)).toEqual(['a', 'c']);
  });

  it('an unknown deck is an error (nothing matched: exit 4) saying how to list decks, for every call', () => {
    addCard('D', 'Q', 'A');
    for (const fn of [
      () => deckContentHash(store, 'Nope'),
      () => isDeckTrusted(store, 'Nope'),
      () => trustDeck(store, 'Nope', NOW),
      () => untrustDeck(store, 'Nope'),
    ]) {
      const err = thrownError(fn);
      expect(err.message).toBe('no deck called "Nope". List decks with engram decks.');
      expect(err.kind).toBe('notFound');
    }
    expect(trustedDecks(store)).toEqual([]);
  });
});
