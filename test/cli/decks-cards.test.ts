import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cliEnv, type CardJson, type CliEnv, type DeckJson } from './cli-env.js';
import { LIBRARY, writeLibrary } from './sample-library.js';

function importedLibrary(): CliEnv {
  const env = cliEnv();
  writeLibrary(env);
  const r = env.run(['import', LIBRARY.folder]);
  if (r.status !== 0) throw new Error(`import failed (${r.status}): ${r.stderr}`);
  return env;
}

/** A deck right after import: everything new; `newToday` is one card per sibling group. */
const deck = (name: string, total: number, newToday: number, extra: Partial<DeckJson> = {}): DeckJson => ({
  name,
  total,
  new: total,
  newToday,
  due: 0,
  learning: 0,
  suspended: 0,
  dropped: 0,
  archived: 0,
  ...extra,
});

describe('engram decks', () => {
  it('--json counts every card of each deck as new right after importing', () => {
    const env = importedLibrary();
    const r = env.json<DeckJson[]>(['decks']);
    expect(r.status).toBe(0);
    // Sorted by name, byte order: capitals first.
    // Geography's two-way card and two-gap cloze, and notes' two-way card, show one card a day each.
    expect(r.data).toEqual([deck('Geography', 6, 4), deck('chemistry', 4, 4), deck('notes', 3, 2)]);
  });

  it('prints a table with one row per deck', () => {
    const env = importedLibrary();
    const r = env.run(['decks']);
    expect(r.status).toBe(0);
    expect(r.stdout.trimEnd().split('\n').map((l) => l.trim().split(/\s+/))).toEqual([
      ['deck', 'total', 'new', 'new', 'today', 'due', 'learning', 'suspended'],
      ['Geography', '6', '6', '4', '0', '0', '0'],
      ['chemistry', '4', '4', '4', '0', '0', '0'],
      ['notes', '3', '3', '2', '0', '0', '0'],
    ]);
  });

  it('counts the cards of a deleted file as archived, not in the total', () => {
    const env = importedLibrary();
    rmSync(join(env.work, LIBRARY.chemistry));
    env.run(['import']);
    const r = env.json<DeckJson[]>(['decks']);
    expect(r.data).toEqual([deck('Geography', 6, 4), deck('chemistry', 0, 0, { archived: 4 }), deck('notes', 3, 2)]);
  });
});

describe('engram cards', () => {
  it('--deck --json gives only that deck, in file order, with the text of each card', () => {
    const env = importedLibrary();
    const r = env.json<CardJson[]>(['cards', '--deck', 'Geography']);
    expect(r.status).toBe(0);
    expect(r.data.map((c) => [c.deck, c.kind, c.syntax, c.front, c.back, c.source?.line])).toEqual([
      ['Geography', 'basic', 'qa', 'What is the capital of France?', 'Paris', 7],
      ['Geography', 'basic', 'inline', 'Capital of Italy', 'Rome', 10],
      ['Geography', 'basic', 'inline-both', 'Capital of Spain', 'Madrid', 12],
      ['Geography', 'reversed', 'inline-both', 'Madrid', 'Capital of Spain', 12],
      // One card per gap: the gap shows as **[...]** in front, the answer in bold on the back.
      ['Geography', 'cloze', 'qa-cloze', 'The capital of **[...]** is Berlin.', 'The capital of **Germany** is Berlin.', 14],
      ['Geography', 'cloze', 'qa-cloze', 'The capital of Germany is **[...]**.', 'The capital of Germany is **Berlin**.', 14],
    ]);
  });

  it('--json gives every field of a card, its source path absolute', () => {
    const env = importedLibrary();
    const cards = env.json<CardJson[]>(['cards', '--deck', 'chemistry']).data;
    expect(cards).toHaveLength(4);
    expect(cards[0]).toEqual({
      id: expect.any(Number) as number,
      deck: 'chemistry',
      kind: 'basic',
      syntax: 'title-block',
      derived: false,
      rule: null,
      front: 'What is the formula of water?',
      back: 'H2O',
      title: 'Water',
      context: 'Water is a molecule.',
      headingPath: ['Elements'],
      // The card starts at its #### title.
      source: { path: join(env.work, LIBRARY.chemistry), line: 5, endLine: 11 },
      archived: false,
      suspended: false,
      dropped: false,
      droppedAt: null,
    });
    expect(cards.slice(1).map((c) => [c.syntax, c.front, c.back])).toEqual([
      ['highlight-cloze', 'The symbol of gold is **[...]**.', 'The symbol of gold is **Au**.'],
      ['anki-cloze', "Sodium's symbol is **[two letters]**.", "Sodium's symbol is **Na**."],
      ['multiline', 'Noble gas\nwith atomic number 2', 'Helium'],
    ]);
  });

  it('without --deck lists every deck, with distinct ids', () => {
    const env = importedLibrary();
    const cards = env.json<CardJson[]>(['cards']).data;
    expect(cards).toHaveLength(13);
    expect(new Set(cards.map((c) => c.id)).size).toBe(13);
    expect(cards.filter((c) => c.deck === 'notes').map((c) => [c.kind, c.front, c.back])).toEqual([
      ['basic', 'Boiling point of water at sea level', '100 °C'],
      ['basic', 'Opposite of hot', 'cold'],
      ['reversed', 'cold', 'Opposite of hot'],
    ]);
  });

  it('prints a table whose header starts with id, one row per card with its source file:line', () => {
    const env = importedLibrary();
    const r = env.run(['cards', '--deck', 'Geography']);
    expect(r.status).toBe(0);
    const lines = r.stdout.trimEnd().split('\n');
    expect(lines[0]!.split(/\s+/)).toEqual(['id', 'deck', 'kind', 'front', 'back', 'context', 'source']);
    expect(lines).toHaveLength(7);
    expect(lines[1]).toMatch(/^\s*\d+ {2}Geography {2}basic +What is the capital of France\? +Paris +Capitals +library\/geography\.md:7$/);
    expect(lines[6]).toMatch(/library\/geography\.md:14$/);
  });

  it('--archived includes archived cards, marked archived: true', () => {
    const env = importedLibrary();
    rmSync(join(env.work, LIBRARY.chemistry));
    env.run(['import']);

    const active = env.json<CardJson[]>(['cards']).data;
    expect(active).toHaveLength(9);
    expect(active.some((c) => c.deck === 'chemistry')).toBe(false);

    const all = env.json<CardJson[]>(['cards', '--archived']).data;
    expect(all).toHaveLength(13);
    const archived = all.filter((c) => c.archived);
    expect(archived.map((c) => c.deck)).toEqual(['chemistry', 'chemistry', 'chemistry', 'chemistry']);
    expect(archived.map((c) => c.front)[0]).toBe('What is the formula of water?');

    const text = env.run(['cards', '--deck', 'chemistry']);
    expect(text.status).toBe(0);
    expect(text.stdout).toBe('No cards.\n(4 archived cards not shown; --archived lists them.)\n');
    const withArchived = env.run(['cards', '--deck', 'chemistry', '--archived']);
    expect(withArchived.stdout.trimEnd().split('\n').slice(1).every((l) => l.includes('(archived)'))).toBe(true);
  });

  it('exits 4 (nothing matched) for an unknown deck, naming the decks there are', () => {
    const env = importedLibrary();
    for (const args of [['cards', '--deck', 'Nope'], ['cards', '--deck', 'Nope', '--json']]) {
      const r = env.run(args);
      expect(r.status).toBe(4);
      expect(r.stdout).toBe('');
      expect(r.stderr).toBe('engram: no deck named "Nope". Decks: Geography, chemistry, notes.\n');
    }
  });
});
