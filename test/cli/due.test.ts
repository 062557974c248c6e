import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openStore } from '../../src/store/open-store.js';
import { cliEnv, md, type CliEnv } from './cli-env.js';
import { LIBRARY, writeLibrary } from './sample-library.js';
import { cardsByFront, deckFile, importFiles, numbered, type DueCardJson, type DueJson } from './study-fixtures.js';

/** Fronts and ids of the queue, in order. */
const fronts = (due: DueJson): string[] => due.cards.map((c) => c.front);
const decksOf = (due: DueJson): string[] => due.cards.map((c) => c.deck);

/** Decks `a` (1 card), `a/b` (2), `ab` (1): `a` takes in `a/b` but not `ab`. */
function nestedDecks(): CliEnv {
  const env = cliEnv();
  importFiles(env, {
    'a.md': deckFile('a', ['Top card']),
    'ab.md': deckFile('a/b', ['Nested one', 'Nested two']),
    'abx.md': deckFile('ab', ['Sibling-named deck card']),
  });
  return env;
}

describe('engram due --json', () => {
  it('lists the new cards of a small library in queue order, one card per sibling group', () => {
    const env = cliEnv();
    writeLibrary(env);
    expect(env.run(['import', LIBRARY.folder]).status).toBe(0);

    const r = env.json<DueJson>(['due']);
    expect(r.status).toBe(0);
    expect(r.stderr).toBe('');
    // 13 cards, but the reversed side of "Spain" and of "Opposite of hot" and the
    // second gap of the Berlin cloze are siblings of a card shown today: 10.
    expect(r.data.counts).toEqual({ new: 10, learning: 0, review: 0 });
    const ids = cardsByFront(env);
    const row = (deck: string, kind: DueCardJson['kind'], front: string, path: string, line: number): DueCardJson => ({
      id: ids.get(front)!.id,
      deck,
      kind,
      phase: 'new',
      due: null,
      front,
      source: { path: join(env.work, path), line },
    });
    expect(r.data.cards).toEqual([
      row('Geography', 'basic', 'What is the capital of France?', LIBRARY.geography, 7),
      row('Geography', 'basic', 'Capital of Italy', LIBRARY.geography, 10),
      row('Geography', 'basic', 'Capital of Spain', LIBRARY.geography, 12),
      row('Geography', 'cloze', 'The capital of **[...]** is Berlin.', LIBRARY.geography, 14),
      row('notes', 'basic', 'Boiling point of water at sea level', LIBRARY.notes, 1),
      row('notes', 'basic', 'Opposite of hot', LIBRARY.notes, 3),
      // The folder's own files are imported before its subfolders'.
      row('chemistry', 'basic', 'What is the formula of water?', LIBRARY.chemistry, 5),
      row('chemistry', 'cloze', 'The symbol of gold is **[...]**.', LIBRARY.chemistry, 13),
      row('chemistry', 'cloze', "Sodium's symbol is **[two letters]**.", LIBRARY.chemistry, 15),
      row('chemistry', 'basic', 'Noble gas\nwith atomic number 2', LIBRARY.chemistry, 17),
    ]);
    // Queue order is import order: ids ascend.
    const queueIds = r.data.cards.map((c) => c.id);
    expect(queueIds).toEqual([...queueIds].sort((a, b) => a - b));
  });

  it('gives at most 20 new cards a day by default: the first 20 of a 25-card deck', () => {
    const env = cliEnv();
    importFiles(env, { 'big.md': deckFile('Big', numbered('Big card', 25)) });
    const r = env.json<DueJson>(['due']);
    expect(r.status).toBe(0);
    expect(r.data.counts).toEqual({ new: 20, learning: 0, review: 0 });
    expect(fronts(r.data)).toEqual(numbered('Big card', 20));
    expect(r.data.cards.every((c) => c.deck === 'Big' && c.kind === 'basic' && c.phase === 'new' && c.due === null)).toBe(true);
    expect(r.data.cards.map((c) => c.source?.line)).toEqual(Array.from({ length: 20 }, (_, i) => 5 + 2 * i));
  });

  it('with a deck name lists only that deck', () => {
    const env = cliEnv();
    importFiles(env, {
      'one.md': deckFile('One', ['One first', 'One second']),
      'two.md': deckFile('Two', ['Two first', 'Two second', 'Two third']),
    });
    const all = env.json<DueJson>(['due']);
    expect(all.data.counts.new).toBe(5);
    const r = env.json<DueJson>(['due', 'Two']);
    expect(r.status).toBe(0);
    expect(r.data.counts).toEqual({ new: 3, learning: 0, review: 0 });
    expect(fronts(r.data)).toEqual(['Two first', 'Two second', 'Two third']);
  });

  it('a deck takes in the decks under it (a takes a/b) but not a deck that only starts with its name (ab)', () => {
    const env = nestedDecks();
    const a = env.json<DueJson>(['due', 'a']);
    expect(a.status).toBe(0);
    expect(decksOf(a.data)).toEqual(['a', 'a/b', 'a/b']);
    expect(fronts(a.data)).toEqual(['Top card', 'Nested one', 'Nested two']);
    expect(a.data.counts.new).toBe(3);

    const ab = env.json<DueJson>(['due', 'a/b']);
    expect(fronts(ab.data)).toEqual(['Nested one', 'Nested two']);

    const both = env.json<DueJson>(['due', 'ab', 'a/b']);
    expect(fronts(both.data)).toEqual(['Nested one', 'Nested two', 'Sibling-named deck card']);
  });

  it('a parent deck that holds no cards of its own still names the decks under it', () => {
    const env = nestedDecks();
    importFiles(env, { 'pq.md': deckFile('p/q', ['Deep card']), 'pr.md': deckFile('p/r/s', ['Deeper card']) });
    expect(fronts(env.json<DueJson>(['due', 'p']).data)).toEqual(['Deep card', 'Deeper card']);
    expect(fronts(env.json<DueJson>(['due', 'p/r']).data)).toEqual(['Deeper card']);
  });

  it('imports a path argument first, creating the store, and lists only the decks its files fill', () => {
    const env = cliEnv();
    env.write('first.md', deckFile('First', ['First card']));
    expect(env.run(['import', 'first.md']).status).toBe(0);
    env.write('notes/second.md', deckFile('Second', ['Second card one', 'Second card two']));

    const r = env.json<DueJson>(['due', 'notes']);
    expect(r.status).toBe(0);
    expect(fronts(r.data)).toEqual(['Second card one', 'Second card two']);
    expect(r.data.cards[0]!.source).toEqual({ path: join(env.work, 'notes/second.md'), line: 5 });
    // It was imported for good: the whole store now has both decks.
    expect(fronts(env.json<DueJson>(['due']).data)).toEqual(['First card', 'Second card one', 'Second card two']);
  });

  it('creates the store when a path is given and there is none yet', () => {
    const env = cliEnv();
    env.write('fresh.md', deckFile('Fresh', ['Fresh card']));
    expect(existsSync(env.defaultStore)).toBe(false);
    const r = env.json<DueJson>(['due', 'fresh.md']);
    expect(r.status).toBe(0);
    expect(fronts(r.data)).toEqual(['Fresh card']);
    expect(existsSync(env.defaultStore)).toBe(true);
  });

  it('a path and a deck name together list both', () => {
    const env = nestedDecks();
    env.write('extra.md', deckFile('Extra', ['Extra card']));
    const r = env.json<DueJson>(['due', 'extra.md', 'ab']);
    expect(r.status).toBe(0);
    expect(fronts(r.data)).toEqual(['Sibling-named deck card', 'Extra card']);
  });
});

describe('engram due errors and empty days', () => {
  it('exits 4 (nothing matched) for an unknown deck, listing the decks there are, in text and JSON alike', () => {
    const env = nestedDecks();
    for (const args of [['due', 'nope'], ['due', 'nope', '--json'], ['due', 'a', 'nope']]) {
      const r = env.run(args);
      expect(r.status).toBe(4);
      expect(r.stdout).toBe('');
      expect(r.stderr).toBe('engram: no deck or file named "nope". Decks: a, a/b, ab.\n');
    }
  });

  it('a path that does not exist is taken for a deck name', () => {
    const env = nestedDecks();
    const r = env.run(['due', 'missing.md']);
    expect(r).toEqual({ status: 4, stdout: '', stderr: 'engram: no deck or file named "missing.md". Decks: a, a/b, ab.\n' });
  });

  it('exits 4 when the paths given hold no cards: an empty folder', () => {
    const env = nestedDecks();
    mkdirSync(join(env.work, 'empty-folder'));
    expect(env.run(['due', 'empty-folder'])).toEqual({ status: 4, stdout: '', stderr: 'engram: no cards in empty-folder.\n' });
  });

  it('exits 4 when the paths given hold no cards: a markdown file of prose only, like an empty folder', () => {
    const env = nestedDecks();
    // Prose without a heading or an emphasised term: no written cards, and none derived from notes either.
    env.write('prose.md', md('No cards here.', 'Just two lines of plain prose.'));
    const r = env.run(['due', 'prose.md']);
    expect(r.status).toBe(4);
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe('engram: no cards in prose.md.\n');
  });

  it('a deck name is matched exactly, not by case or as a partial name', () => {
    const env = nestedDecks();
    for (const name of ['A', 'a/', 'a/b/c']) {
      const r = env.run(['due', name]);
      expect(r.status).toBe(4);
      expect(r.stderr).toBe(`engram: no deck or file named "${name}". Decks: a, a/b, ab.\n`);
    }
  });

  it('without a store exits 2 and says to import first, creating nothing', () => {
    const env = cliEnv();
    for (const args of [['due'], ['due', '--json']]) {
      const r = env.run(args);
      expect(r.status).toBe(2);
      expect(r.stdout).toBe('');
      expect(r.stderr).toBe(`engram: no store at ${env.defaultStore} yet. Import some cards first, e.g. engram import decks/\n`);
    }
    expect(existsSync(env.defaultStore)).toBe(false);
  });

  it('with an empty store says nothing is due and exits 0; an unknown deck then says there are none yet', () => {
    const env = cliEnv();
    openStore(env.defaultStore, { create: true }).close();
    const text = env.run(['due']);
    expect(text).toEqual({ status: 0, stdout: 'Nothing is due today.\n', stderr: '' });
    const json = env.json<DueJson>(['due']);
    expect(json.status).toBe(0);
    expect(json.data).toEqual({ counts: { new: 0, learning: 0, review: 0 }, cards: [], limits: [] });

    const unknown = env.run(['due', 'Geo']);
    expect(unknown.status).toBe(4);
    expect(unknown.stderr).toBe('engram: no deck or file named "Geo". Decks: none yet (engram import <files> first).\n');
  });

  it('says nothing is due, exit 0, when every card is suspended', () => {
    const env = cliEnv();
    importFiles(env, { 'd.md': deckFile('D', ['Only one', 'Only two']) });
    const ids = [...cardsByFront(env).values()].map((c) => String(c.id));
    expect(env.run(['suspend', ...ids]).status).toBe(0);
    expect(env.run(['due'])).toEqual({ status: 0, stdout: 'Nothing is due today.\n', stderr: '' });
    // The deck still exists, so naming it is no error either.
    expect(env.run(['due', 'D'])).toEqual({ status: 0, stdout: 'Nothing is due today.\n', stderr: '' });
    expect(env.json<DueJson>(['due']).data).toEqual({ counts: { new: 0, learning: 0, review: 0 }, cards: [], limits: [] });
  });

  it('prints a table with a summary line', () => {
    const env = nestedDecks();
    const ids = cardsByFront(env);
    const r = env.run(['due', 'a']);
    expect(r.status).toBe(0);
    const lines = r.stdout.trimEnd().split('\n');
    expect(lines.map((l) => l.trim().split(/ {2,}/))).toEqual([
      ['id', 'deck', 'phase', 'front', 'source'],
      [String(ids.get('Top card')!.id), 'a', 'new', 'Top card', 'a.md:5'],
      [String(ids.get('Nested one')!.id), 'a/b', 'new', 'Nested one', 'ab.md:5'],
      [String(ids.get('Nested two')!.id), 'a/b', 'new', 'Nested two', 'ab.md:7'],
      ['Due today: 3 new cards, 0 learning cards, 0 reviews.'],
    ]);
  });
});

describe('engram due: daily limits from engram config', () => {
  function twoDecks(): CliEnv {
    const env = cliEnv();
    importFiles(env, {
      'x.md': deckFile('X', numbered('X card', 5)),
      'y.md': deckFile('Y', numbered('Y card', 5)),
    });
    return env;
  }

  it('config set new-per-day 3 gives 3 new cards in all', () => {
    const env = twoDecks();
    expect(env.run(['config', 'set', 'new-per-day', '3'])).toEqual({ status: 0, stdout: 'new-per-day = 3\n', stderr: '' });
    const r = env.json<DueJson>(['due']);
    expect(r.data.counts).toEqual({ new: 3, learning: 0, review: 0 });
    expect(fronts(r.data)).toEqual(['X card 1', 'X card 2', 'X card 3']);
    // Per deck the global limit applies too.
    expect(fronts(env.json<DueJson>(['due', 'Y']).data)).toEqual(['Y card 1', 'Y card 2', 'Y card 3']);
  });

  it('config set new-per-day 1 --deck X limits X to 1 while Y still gets the global 3', () => {
    const env = twoDecks();
    expect(env.run(['config', 'set', 'new-per-day', '3']).status).toBe(0);
    expect(env.run(['config', 'set', 'new-per-day', '1', '--deck', 'X'])).toEqual({
      status: 0,
      stdout: 'new-per-day (deck X) = 1\n',
      stderr: '',
    });
    expect(fronts(env.json<DueJson>(['due', 'X']).data)).toEqual(['X card 1']);
    expect(fronts(env.json<DueJson>(['due', 'Y']).data)).toEqual(['Y card 1', 'Y card 2', 'Y card 3']);
    // Together: X's one card, then Y fills the global 3.
    const all = env.json<DueJson>(['due']);
    expect(all.data.counts.new).toBe(3);
    expect(fronts(all.data)).toEqual(['X card 1', 'Y card 1', 'Y card 2']);
  });

  it('a deck limit above the global one does not raise it', () => {
    const env = twoDecks();
    env.run(['config', 'set', 'new-per-day', '2']);
    env.run(['config', 'set', 'new-per-day', '4', '--deck', 'Y']);
    expect(fronts(env.json<DueJson>(['due', 'Y']).data)).toEqual(['Y card 1', 'Y card 2']);
  });

  it('new-per-day 0 shows no new cards', () => {
    const env = twoDecks();
    env.run(['config', 'set', 'new-per-day', '0']);
    expect(env.run(['due'])).toEqual({
      status: 0,
      stdout: [
        'Nothing is due today.',
        "Today's new-card limit is 0; 10 new cards wait.",
        '  Study more today: engram review --more 10',
        '  Or raise the limit: engram config set new-per-day N',
        '',
      ].join('\n'),
      stderr: '',
    });
  });

  it('config unset restores the deck value to the global one and the global one to the default', () => {
    const env = twoDecks();
    env.run(['config', 'set', 'new-per-day', '3']);
    env.run(['config', 'set', 'new-per-day', '1', '--deck', 'X']);

    expect(env.run(['config', 'unset', 'new-per-day', '--deck', 'X'])).toEqual({
      status: 0,
      stdout: 'new-per-day (deck X) unset\n',
      stderr: '',
    });
    expect(fronts(env.json<DueJson>(['due', 'X']).data)).toEqual(['X card 1', 'X card 2', 'X card 3']);

    expect(env.run(['config', 'unset', 'new-per-day'])).toEqual({ status: 0, stdout: 'new-per-day unset\n', stderr: '' });
    const all = env.json<DueJson>(['due']);
    expect(all.data.counts.new).toBe(10);
    expect(fronts(all.data)).toEqual([...numbered('X card', 5), ...numbered('Y card', 5)]);
  });
});
