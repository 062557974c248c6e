import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { sharedFirstHeading } from '../../src/store/cards.js';
import { openStore, type Store } from '../../src/store/open-store.js';
import { saveSource } from '../../src/store/sources.js';
import { tempDir } from '../helpers/temp-dir.js';
import { writtenCard } from '../helpers/written-card.js';

const NOW = Date.UTC(2026, 2, 2, 10);

let store: Store;

beforeEach(() => {
  store = openStore(join(tempDir(), 'engram.db'), { create: true });
});

afterEach(() => {
  store.close();
});

/** The source at `path` (made on first use), holding a card under each heading path given. */
function file(path: string, ...headingPaths: string[][]): number[] {
  const sourceId = saveSource(store, {
    path, shownPath: null, namedDeck: 'd', deckNaming: 'file', contentHash: 'h', size: 1, mtimeMs: NOW,
    parserVersion: 1, importedAt: NOW, problems: [], skippedKeys: [], mode: 'auto',
  });
  return headingPaths.map((headingPath) => writtenCard(store, { deck: 'd', at: NOW, sourceId, headingPath }));
}

describe('sharedFirstHeading', () => {
  it("gives the outermost heading every active card of a file sits under, quotes, backslashes and emoji included", () => {
    const title = 'Say "hi" \\ 👋, then: [go]';
    file('/a.md', [title], [title, 'Part, one'], [title, 'Part ]two', 'deeper']);
    expect(sharedFirstHeading(store, '/a.md')).toBe(title);
  });

  it('gives null when the outermost headings differ, even by a prefix, or a card has none, or the file has no active card', () => {
    file('/b.md', ['T'], ['T', 'x'], ['T2']);
    expect(sharedFirstHeading(store, '/b.md')).toBeNull();
    file('/c.md', ['T'], ['T,'], ['T', 'y']);
    expect(sharedFirstHeading(store, '/c.md')).toBeNull();
    file('/d.md', ['T'], []);
    expect(sharedFirstHeading(store, '/d.md')).toBeNull();
    file('/e.md', [], []);
    expect(sharedFirstHeading(store, '/e.md')).toBeNull();
    expect(sharedFirstHeading(store, '/none.md')).toBeNull();
  });

  it('leaves archived cards out, and reads a path written as other JSON (spaces, escapes) by its value', () => {
    const [, archived] = file('/f.md', ['Title'], ['Other'], ['Title', 'b']);
    store.db.prepare('UPDATE cards SET archived_at = ? WHERE id = ?').run(NOW, archived);
    expect(sharedFirstHeading(store, '/f.md')).toBe('Title');
    const [spaced] = file('/g.md', ['Title'], ['Title', 'c']);
    store.db.prepare(`UPDATE cards SET heading_path = '[ "Titl\\u0065" ]' WHERE id = ?`).run(spaced);
    expect(sharedFirstHeading(store, '/g.md')).toBe('Title');
    store.db.prepare(`UPDATE cards SET heading_path = '[ "Other" ]' WHERE id = ?`).run(spaced);
    expect(sharedFirstHeading(store, '/g.md')).toBeNull();
  });
});
