import { rmSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { appendReview, reviewsOfCard } from '../../src/store/reviews.js';
import { allSources } from '../../src/store/sources.js';
import { DAY, library, T0, ZERO, type Library } from './library-fixture.js';

const FRANCE = 'What is the capital of France';
const SPAIN = 'What is the capital of Spain';
const GEO = `${FRANCE}::Paris\n${SPAIN}::Madrid\n`;

function totalChanges(lib: Library): number {
  return (lib.store.db.prepare('SELECT total_changes() AS n').get() as { n: number }).n;
}

function review(lib: Library, cardId: number, rating: 1 | 2 | 3 | 4, at: number): void {
  appendReview(lib.store, { cardId, reviewedAt: at, rating, durationMs: 4000, sessionId: 'session-1', device: 'test' });
}

describe('importPaths: first import', () => {
  it('imports a file into the deck named after it, with integer ids and the import time', () => {
    const lib = library();
    const path = lib.write('geo.md', GEO);
    expect(lib.importNow(['geo.md'], T0)).toEqual([
      { path, status: 'imported', deck: 'geo', cards: 2, counts: { ...ZERO, added: 2 }, problems: [] },
    ]);
    const cards = lib.cards();
    expect(cards.map((c) => [c.front, c.back, c.deck, c.sourcePath, c.line, c.archived, c.createdAt, c.updatedAt])).toEqual([
      [FRANCE, 'Paris', 'geo', path, 1, false, T0, T0],
      [SPAIN, 'Madrid', 'geo', path, 2, false, T0, T0],
    ]);
    expect(cards.every((c) => Number.isInteger(c.id) && c.id > 0)).toBe(true);
    expect(new Set(cards.map((c) => c.id)).size).toBe(2);
    expect(allSources(lib.store).map((s) => [s.path, s.importedAt, s.missingSince, s.problems])).toEqual([[path, T0, null, []]]);
  });
});

describe('importPaths: unchanged files', () => {
  it('reports every file unchanged on a second run and writes nothing', () => {
    const lib = library();
    const path = lib.write('geo.md', GEO);
    lib.write('sub/more.md', 'Q: What is a fencing token?\nA: A number that only goes up\n');
    lib.importNow(['.'], T0);
    const before = lib.cards();
    const sourcesBefore = allSources(lib.store);
    const changes = totalChanges(lib);

    const again = lib.importNow(['.'], T0 + DAY);
    expect(again).toEqual([
      { path, status: 'unchanged', deck: 'geo', cards: 2, counts: { ...ZERO, unchanged: 2 }, problems: [] },
      { path: lib.at('sub/more.md'), status: 'unchanged', deck: 'sub/more', cards: 1, counts: { ...ZERO, unchanged: 1 }, problems: [] },
    ]);
    expect(lib.importNow(null, T0 + 2 * DAY).map((r) => [r.status, r.counts])).toEqual([
      ['unchanged', { ...ZERO, unchanged: 2 }],
      ['unchanged', { ...ZERO, unchanged: 1 }],
    ]);
    expect(totalChanges(lib)).toBe(changes);
    expect(lib.cards()).toEqual(before);
    expect(lib.cards().map((c) => c.updatedAt)).toEqual([T0, T0, T0]);
    expect(allSources(lib.store)).toEqual(sourcesBefore);
  });

  it('treats a touched file with the same content as unchanged, remembering its new mtime', () => {
    const lib = library();
    const path = lib.write('geo.md', GEO);
    lib.importNow(['geo.md'], T0);
    const before = lib.cards();
    lib.write('geo.md', GEO); // same bytes, new mtime
    expect(lib.importNow(['geo.md'], T0 + DAY)).toEqual([
      { path, status: 'unchanged', deck: 'geo', cards: 2, counts: { ...ZERO, unchanged: 2 }, problems: [] },
    ]);
    expect(lib.cards()).toEqual(before);
    const [source] = allSources(lib.store);
    expect(source!.importedAt).toBe(T0);
    // The next run finds it by size and mtime and does not even hash it.
    const changes = totalChanges(lib);
    expect(lib.importNow(['geo.md'], T0 + 2 * DAY)[0]!.status).toBe('unchanged');
    expect(totalChanges(lib)).toBe(changes);
  });

  it('re-reads a file recorded by an older parser without rewriting its unchanged cards', () => {
    const lib = library();
    const path = lib.write('geo.md', GEO);
    lib.importNow(['geo.md'], T0);
    const before = lib.cards();
    lib.store.db.prepare('UPDATE sources SET parser_version = 0').run();
    expect(lib.importNow(['geo.md'], T0 + DAY)).toEqual([
      { path, status: 'imported', deck: 'geo', cards: 2, counts: { ...ZERO, unchanged: 2 }, problems: [] },
    ]);
    expect(lib.cards()).toEqual(before);
  });

  it('keeps the ids and history of derived cards an older parser made, when their question is unchanged', () => {
    const lib = library();
    const path = lib.write('tcp.md', '# TCP\n\nTCP limits its sending rate by *flow control* in every connection.\nA lost segment is resent by *retransmission*.\n');
    lib.importNow(['tcp.md'], T0);
    const before = lib.cards();
    expect(before).toHaveLength(2);
    review(lib, before[0]!.id, 3, T0 + 1000);
    lib.store.db.prepare('UPDATE sources SET parser_version = 3').run();
    expect(lib.importNow(['tcp.md'], T0 + DAY)).toEqual([
      { path, status: 'imported', deck: 'tcp', cards: 2, counts: { ...ZERO, unchanged: 2 }, problems: [] },
    ]);
    const after = lib.cards();
    expect(after.map((c) => [c.id, c.key])).toEqual(before.map((c) => [c.id, c.key]));
    expect(reviewsOfCard(lib.store, before[0]!.id).map((r) => r.rating)).toEqual([3]);
  });

  it('leaves out a derived card that another file words a little differently, and says where the kept one is', () => {
    const lib = library();
    const first = lib.write('ch9.md', '# Leases\n\nOnly one node is allowed to be the leader for a database shard, to avoid split brain.\n');
    const second = lib.write('ch8.md', '# Leases\n\nOnly one node is allowed to be the leader for a database partition, to avoid split brain.\n');
    const reports = lib.importNow(['ch8.md', 'ch9.md'], T0);
    expect(reports.map((r) => [r.path, r.cards, r.counts.added])).toEqual([
      [second, 1, 1],
      [first, 0, 0],
    ]);
    expect(reports[1]!.problems).toEqual([
      {
        line: 3,
        severity: 'warning',
        message: `gives a card that asks what the card derived from ${second}:3 asks, in other words; it was left out.`,
        fix: 'Nothing to do if the two files are editions of one text; to silence this: engram config set duplicates allow --deck ch9',
        code: 'duplicate',
      },
    ]);
    // Imported alone later, the repeat is still left out: the stored card holds.
    lib.write('ch10.md', '# Leases\n\nOnly one node is allowed to be the leader for a database range, to avoid split brain.\n');
    expect(lib.importNow(['ch10.md'], T0 + DAY)[0]!.cards).toBe(0);
  });

  it('re-reports the problems of an unchanged file', () => {
    const lib = library();
    const path = lib.write('code.md', 'What does ls do::It lists a folder\n\n```sh\nls -la\n');
    const unclosed = {
      line: 3,
      severity: 'warning',
      message: 'opens a code block with ``` that is never closed; it was read as plain text.',
      fix: 'Close the code block with a line ```.',
    };
    expect(lib.importNow(['code.md'], T0)).toEqual([
      { path, status: 'imported', deck: 'code', cards: 1, counts: { ...ZERO, added: 1 }, problems: [unclosed] },
    ]);
    expect(lib.importNow(['code.md'], T0 + DAY)).toEqual([
      { path, status: 'unchanged', deck: 'code', cards: 1, counts: { ...ZERO, unchanged: 1 }, problems: [unclosed] },
    ]);
    lib.write('code.md', 'What does ls do::It lists a folder\n\n```sh\nls -la\n'); // touched only
    expect(lib.importNow(null, T0 + 2 * DAY)).toEqual([
      { path, status: 'unchanged', deck: 'code', cards: 1, counts: { ...ZERO, unchanged: 1 }, problems: [unclosed] },
    ]);
  });

  it('re-reports a duplicate warning while the file is unchanged', () => {
    const lib = library();
    const a = lib.write('a.md', 'Shared question::Shared answer\n');
    lib.importNow(['a.md'], T0);
    const b = lib.write('b.md', 'Own question::Own answer\nShared question::Shared answer\n');
    const first = lib.importNow(['b.md'], T0 + DAY);
    const warning = {
      line: 2,
      severity: 'warning',
      message: `repeats a card already imported from ${a}:1; this copy was skipped.`,
      fix: expect.stringContaining('Remove one of the two'),
      code: 'duplicate',
    };
    expect(first).toEqual([{ path: b, status: 'imported', deck: 'b', cards: 1, counts: { ...ZERO, added: 1 }, problems: [warning] }]);
    expect(lib.importNow(['b.md'], T0 + 2 * DAY)).toEqual([
      { path: b, status: 'unchanged', deck: 'b', cards: 1, counts: { ...ZERO, unchanged: 1 }, problems: [warning] },
    ]);
  });
});

describe('importPaths: card identity across edits', () => {
  it('keeps the id and the reviews of a card whose typo was fixed, and reports it updated', () => {
    const lib = library();
    const path = lib.write('geo.md', GEO);
    lib.importNow(['geo.md'], T0);
    const france = lib.card(FRANCE);
    const spain = lib.card(SPAIN);
    review(lib, france.id, 3, T0 + 1000);
    review(lib, france.id, 1, T0 + 2000);
    const history = reviewsOfCard(lib.store, france.id);

    lib.write('geo.md', `What is the capitol of France::Paris\n${SPAIN}::Madrid\n`);
    expect(lib.importNow(['geo.md'], T0 + DAY)).toEqual([
      { path, status: 'imported', deck: 'geo', cards: 2, counts: { ...ZERO, updated: 1, unchanged: 1 }, problems: [] },
    ]);
    const fixed = lib.card('What is the capitol of France');
    expect(fixed.id).toBe(france.id);
    expect(fixed.archived).toBe(false);
    expect(fixed.key).not.toBe(france.key);
    expect(fixed.createdAt).toBe(T0);
    expect(fixed.updatedAt).toBe(T0 + DAY);
    expect(reviewsOfCard(lib.store, fixed.id)).toEqual(history);
    expect(lib.card(SPAIN)).toEqual(spain);
    expect(lib.cards()).toHaveLength(2);
  });

  it('keeps the ids of every card of a large file when the same typo is fixed in all of them', () => {
    const lib = library();
    const n = 250;
    const deck = (word: string): string =>
      Array.from({ length: n }, (_, i) => `What is the ${word} of country number ${i}::It is city number ${i}\n`).join('');
    const path = lib.write('countries.md', deck('capitol'));
    lib.importNow(['countries.md'], T0);
    const ids = lib.cards().map((c) => [c.line, c.id]);

    lib.write('countries.md', deck('capital'));
    expect(lib.importNow(['countries.md'], T0 + DAY)).toEqual([
      { path, status: 'imported', deck: 'countries', cards: n, counts: { ...ZERO, updated: n }, problems: [] },
    ]);
    expect(lib.cards().map((c) => [c.line, c.id])).toEqual(ids);
  });

  it('keeps the id of a card whose answer was reworded slightly', () => {
    const lib = library();
    lib.write('net.md', 'Q: Why can a network packet arrive late?\nA: Queueing in switches and the receiving host\n');
    lib.importNow(['net.md'], T0);
    const before = lib.card('Why can a network packet arrive late?');
    lib.write('net.md', 'Q: Why can a network packet arrive late?\nA: Queueing in switches and in the receiving host\n');
    expect(lib.importNow(['net.md'], T0 + DAY)[0]!.counts).toEqual({ ...ZERO, updated: 1 });
    const after = lib.card('Why can a network packet arrive late?');
    expect(after.id).toBe(before.id);
    expect(after.back).toBe('Queueing in switches and in the receiving host');
  });

  it('treats a rewritten card as a new card and archives the old one', () => {
    const lib = library();
    lib.write('geo.md', GEO);
    lib.importNow(['geo.md'], T0);
    const france = lib.card(FRANCE);
    lib.write('geo.md', `Which river flows through Vienna::The Danube\n${SPAIN}::Madrid\n`);
    expect(lib.importNow(['geo.md'], T0 + DAY)[0]!.counts).toEqual({ ...ZERO, added: 1, unchanged: 1, archived: 1 });
    expect(lib.card(FRANCE)).toMatchObject({ id: france.id, archived: true });
    expect(lib.card('Which river flows through Vienna').id).not.toBe(france.id);
  });

  it('keeps the id of a card moved to another line, updating its line', () => {
    const lib = library();
    const path = lib.write('geo.md', `${FRANCE}::Paris\n${SPAIN}::Madrid\nWhat is the capital of Italy::Rome\n`);
    lib.importNow(['geo.md'], T0);
    const ids = new Map(lib.cards().map((c) => [c.front, c.id]));

    lib.write('geo.md', `# Capitals\n\nWhat is the capital of Italy::Rome\n\n${SPAIN}::Madrid\n\n${FRANCE}::Paris\n`);
    const reports = lib.importNow(['geo.md'], T0 + DAY);
    // The heading is new context for all three: they count as updated, not added.
    expect(reports).toEqual([{ path, status: 'imported', deck: 'geo', cards: 3, counts: { ...ZERO, updated: 3 }, problems: [] }]);
    expect(lib.cards().map((c) => [c.front, c.id, c.line, c.archived])).toEqual([
      ['What is the capital of Italy', ids.get('What is the capital of Italy'), 3, false],
      [SPAIN, ids.get(SPAIN), 5, false],
      [FRANCE, ids.get(FRANCE), 7, false],
    ]);
  });

  it('keeps the id of a card moved to another line without other changes, counting it unchanged', () => {
    const lib = library();
    const path = lib.write('geo.md', GEO);
    lib.importNow(['geo.md'], T0);
    const france = lib.card(FRANCE);
    lib.write('geo.md', `${SPAIN}::Madrid\n\n\n${FRANCE}::Paris\n`);
    expect(lib.importNow(['geo.md'], T0 + DAY)).toEqual([
      { path, status: 'imported', deck: 'geo', cards: 2, counts: { ...ZERO, unchanged: 2 }, problems: [] },
    ]);
    expect(lib.card(FRANCE)).toMatchObject({ id: france.id, line: 4, endLine: 4, archived: false });
    expect(lib.card(SPAIN).line).toBe(1);
  });

  it('keeps the id and reviews of a card moved to another file imported in the same run, changing its deck', () => {
    const lib = library();
    const geo = lib.write('geo.md', GEO);
    lib.importNow(['geo.md'], T0);
    const france = lib.card(FRANCE);
    review(lib, france.id, 4, T0 + 1000);
    const history = reviewsOfCard(lib.store, france.id);

    lib.write('geo.md', `${SPAIN}::Madrid\n`);
    const europe = lib.write('europe.md', `Which river flows through Vienna::The Danube\n${FRANCE}::Paris\n`);
    expect(lib.importNow(['geo.md', 'europe.md'], T0 + DAY)).toEqual([
      { path: europe, status: 'imported', deck: 'europe', cards: 2, counts: { ...ZERO, added: 1, updated: 1 }, problems: [] },
      { path: geo, status: 'imported', deck: 'geo', cards: 1, counts: { ...ZERO, unchanged: 1 }, problems: [] },
    ]);
    const moved = lib.card(FRANCE);
    expect(moved).toMatchObject({ id: france.id, deck: 'europe', sourcePath: europe, line: 2, archived: false });
    expect(reviewsOfCard(lib.store, moved.id)).toEqual(history);
    expect(lib.cards()).toHaveLength(3);
  });

  it('follows a card moved into another file when the folder holding both is imported', () => {
    const lib = library();
    lib.write('geo.md', GEO);
    lib.importNow(['.'], T0);
    const spain = lib.card(SPAIN);
    lib.write('geo.md', `${FRANCE}::Paris\n`);
    lib.write('deeper/iberia.md', `${SPAIN}::Madrid\n`);
    const reports = lib.importNow(['.'], T0 + DAY);
    expect(reports.map((r) => [r.path, r.deck, r.counts, r.problems])).toEqual([
      [lib.at('deeper/iberia.md'), 'deeper/iberia', { ...ZERO, updated: 1 }, []],
      [lib.at('geo.md'), 'geo', { ...ZERO, unchanged: 1 }, []],
    ]);
    expect(lib.card(SPAIN)).toMatchObject({ id: spain.id, deck: 'deeper/iberia', archived: false });
  });

  it('keeps the ids and reviews of the cards of a file renamed inside an imported folder', () => {
    const lib = library();
    const old = lib.write('geo.md', GEO);
    lib.importNow(['.'], T0);
    const ids = lib.cards().map((c) => c.id);
    review(lib, lib.card(FRANCE).id, 3, T0 + 1000);

    rmSync(old);
    const renamed = lib.write('capitals.md', GEO);
    const reports = lib.importNow(['.'], T0 + DAY);
    // Every card followed the rename, so nothing was archived and nothing needs saying.
    expect(reports.map((r) => [r.path, r.status, r.cards, r.counts.archived, r.problems])).toEqual([
      [renamed, 'imported', 2, 0, []],
      [old, 'missing', 0, 0, []],
    ]);
    expect(lib.cards().map((c) => [c.id, c.deck, c.sourcePath, c.archived])).toEqual([
      [ids[0], 'capitals', renamed, false],
      [ids[1], 'capitals', renamed, false],
    ]);
    expect(reviewsOfCard(lib.store, lib.card(FRANCE).id)).toHaveLength(1);
  });

  it('follows a card moved into another file when only the new file is imported', () => {
    const lib = library();
    const geo = lib.write('geo.md', GEO);
    lib.importNow(['geo.md'], T0);
    const france = lib.card(FRANCE);
    review(lib, france.id, 3, T0 + 1000);

    // geo.md changed since its import, so it is read again and lets go of the card.
    lib.write('geo.md', `${SPAIN}::Madrid\n`);
    const europe = lib.write('europe.md', `${FRANCE}::Paris\n`);
    const reports = lib.importNow(['europe.md'], T0 + DAY);
    expect(reports.map((r) => [r.path, r.status, r.counts, r.problems])).toEqual([
      [europe, 'imported', { ...ZERO, updated: 1 }, []],
      [geo, 'imported', { ...ZERO, unchanged: 1 }, []],
    ]);
    const moved = lib.card(FRANCE);
    expect(moved).toMatchObject({ id: france.id, deck: 'europe', sourcePath: europe, archived: false });
    expect(reviewsOfCard(lib.store, moved.id)).toHaveLength(1);
  });

  it('lets a copy skipped as a duplicate take over, with the history, when the original is removed', () => {
    const lib = library();
    lib.write('geo.md', GEO);
    lib.importNow(['geo.md'], T0);
    const france = lib.card(FRANCE);
    review(lib, france.id, 3, T0 + 1000);
    const europe = lib.write('europe.md', `${FRANCE}::Paris\n`);
    expect(lib.importNow(['europe.md'], T0 + DAY)[0]!.problems).toHaveLength(1);

    // Only geo.md is imported; europe.md is unchanged but is read again to take the card.
    lib.write('geo.md', `${SPAIN}::Madrid\n`);
    lib.importNow(['geo.md'], T0 + 2 * DAY);
    const moved = lib.card(FRANCE);
    expect(moved).toMatchObject({ id: france.id, deck: 'europe', sourcePath: europe, archived: false });
    expect(reviewsOfCard(lib.store, moved.id)).toHaveLength(1);
    // And the copy's warning is gone for good: europe.md re-imports clean.
    expect(lib.importNow(['europe.md'], T0 + 3 * DAY)[0]!.problems).toEqual([]);
  });
});

describe('importPaths: archive and restore', () => {
  it('archives a removed card with its history and restores the same id when it comes back', () => {
    const lib = library();
    const path = lib.write('geo.md', GEO);
    lib.importNow(['geo.md'], T0);
    const france = lib.card(FRANCE);
    review(lib, france.id, 2, T0 + 1000);
    const history = reviewsOfCard(lib.store, france.id);

    lib.write('geo.md', `${SPAIN}::Madrid\n`);
    expect(lib.importNow(['geo.md'], T0 + DAY)).toEqual([
      { path, status: 'imported', deck: 'geo', cards: 1, counts: { ...ZERO, unchanged: 1, archived: 1 }, problems: [] },
    ]);
    expect(lib.card(FRANCE)).toMatchObject({ id: france.id, archived: true, updatedAt: T0 + DAY });
    expect(reviewsOfCard(lib.store, france.id)).toEqual(history);
    expect(lib.store.db.prepare('SELECT archived_at FROM cards WHERE id = ?').get(france.id)).toEqual({ archived_at: T0 + DAY });

    lib.write('geo.md', GEO);
    expect(lib.importNow(['geo.md'], T0 + 2 * DAY)).toEqual([
      { path, status: 'imported', deck: 'geo', cards: 2, counts: { ...ZERO, unchanged: 1, restored: 1 }, problems: [] },
    ]);
    expect(lib.card(FRANCE)).toMatchObject({ id: france.id, archived: false, updatedAt: T0 + 2 * DAY });
    expect(reviewsOfCard(lib.store, france.id)).toEqual(history);
    expect(lib.cards()).toHaveLength(2);
  });

  it('restores an archived card when its text comes back in another file', () => {
    const lib = library();
    lib.write('geo.md', GEO);
    lib.importNow(['geo.md'], T0);
    const france = lib.card(FRANCE);
    lib.write('geo.md', `${SPAIN}::Madrid\n`);
    lib.importNow(['geo.md'], T0 + DAY);
    const europe = lib.write('europe.md', `${FRANCE}::Paris\n`);
    expect(lib.importNow(['europe.md'], T0 + 2 * DAY)).toEqual([
      { path: europe, status: 'imported', deck: 'europe', cards: 1, counts: { ...ZERO, restored: 1 }, problems: [] },
    ]);
    expect(lib.card(FRANCE)).toMatchObject({ id: france.id, archived: false, deck: 'europe', sourcePath: europe });
  });

  it('archives the cards of a deleted file on re-sync, reports it missing, and restores them when it returns', () => {
    const lib = library();
    const geo = lib.write('geo.md', GEO);
    const net = lib.write('net.md', 'Q: What is a fencing token?\nA: A number that only goes up\n');
    lib.importNow(['geo.md', 'net.md'], T0);
    const ids = lib.cards().map((c) => c.id);
    review(lib, lib.card(FRANCE).id, 3, T0 + 1000);

    rmSync(geo);
    expect(lib.importNow(null, T0 + DAY)).toEqual([
      {
        path: geo,
        status: 'missing',
        deck: null,
        cards: 0,
        counts: { ...ZERO, archived: 2 },
        problems: [
          {
            line: 0,
            severity: 'warning',
            message: 'is gone; its 2 cards were archived with their history.',
            fix: 'They come back if the file does; nothing was deleted.',
          },
        ],
      },
      { path: net, status: 'unchanged', deck: 'net', cards: 1, counts: { ...ZERO, unchanged: 1 }, problems: [] },
    ]);
    expect(lib.cards().map((c) => [c.front, c.archived])).toEqual([
      [FRANCE, true],
      [SPAIN, true],
      ['What is a fencing token?', false],
    ]);
    expect(allSources(lib.store).find((s) => s.path === geo)!.missingSince).toBe(T0 + DAY);
    expect(reviewsOfCard(lib.store, lib.card(FRANCE).id)).toHaveLength(1);

    lib.write('geo.md', GEO);
    expect(lib.importNow(null, T0 + 2 * DAY)).toEqual([
      { path: geo, status: 'imported', deck: 'geo', cards: 2, counts: { ...ZERO, restored: 2 }, problems: [] },
      { path: net, status: 'unchanged', deck: 'net', cards: 1, counts: { ...ZERO, unchanged: 1 }, problems: [] },
    ]);
    expect(lib.cards().map((c) => c.id)).toEqual(ids);
    expect(lib.cards().every((c) => !c.archived)).toBe(true);
    expect(allSources(lib.store).find((s) => s.path === geo)!.missingSince).toBe(null);
  });

  it('notices a file deleted inside a folder when the folder is imported again', () => {
    const lib = library();
    const keep = lib.write('keep.md', GEO);
    const gone = lib.write('topics/net/gone.md', 'Q: What is a fencing token?\nA: A number that only goes up\n');
    lib.importNow(['.'], T0);
    rmSync(lib.at('topics'), { recursive: true });
    const reports = lib.importNow(['.'], T0 + DAY);
    expect(reports.map((r) => [r.path, r.status, r.cards, r.counts])).toEqual([
      [keep, 'unchanged', 2, { ...ZERO, unchanged: 2 }],
      [gone, 'missing', 0, { ...ZERO, archived: 1 }],
    ]);
    expect(lib.card('What is a fencing token?').archived).toBe(true);
  });

  it('notices a deleted file named explicitly', () => {
    const lib = library();
    const path = lib.write('geo.md', GEO);
    lib.importNow(['geo.md'], T0);
    rmSync(path);
    expect(lib.importNow(['geo.md'], T0 + DAY).map((r) => [r.path, r.status, r.counts])).toEqual([
      [path, 'missing', { ...ZERO, archived: 2 }],
    ]);
    expect(lib.cards().every((c) => c.archived)).toBe(true);
  });

  it('does not touch files outside the imported folder', () => {
    const lib = library();
    lib.write('a/one.md', GEO);
    const other = lib.write('b/two.md', 'Q: What is a fencing token?\nA: A number that only goes up\n');
    lib.importNow(['.'], T0);
    rmSync(other);
    expect(lib.importNow(['a'], T0 + DAY).map((r) => [r.path, r.status])).toEqual([[lib.at('a/one.md'), 'unchanged']]);
    expect(lib.card('What is a fencing token?').archived).toBe(false);
  });
});

describe('importPaths: duplicates across files', () => {
  it('skips a card already owned by a file imported earlier, naming that file and line', () => {
    const lib = library();
    const a = lib.write('a.md', `Intro::Text\n\n${FRANCE}::Paris\n`);
    lib.importNow(['a.md'], T0);
    const france = lib.card(FRANCE);
    const b = lib.write('b.md', `${SPAIN}::Madrid\n${FRANCE}::Paris\n`);
    expect(lib.importNow(['b.md'], T0 + DAY)).toEqual([
      {
        path: b,
        status: 'imported',
        deck: 'b',
        cards: 1,
        counts: { ...ZERO, added: 1 },
        problems: [
          {
            line: 2,
            severity: 'warning',
            message: `repeats a card already imported from ${a}:3; this copy was skipped.`,
            fix: 'Remove one of the two or make them differ (if the other goes, this one takes its place and its history); or accept repeats in this deck: engram config set duplicates allow --deck b',
            code: 'duplicate',
          },
        ],
      },
    ]);
    expect(lib.card(FRANCE)).toEqual(france);
  });

  it('keeps the card in its own file when both files are imported again together', () => {
    const lib = library();
    const a = lib.write('a.md', `${FRANCE}::Paris\n`);
    lib.importNow(['a.md'], T0);
    const france = lib.card(FRANCE);
    // "0.md" sorts (and is read) before a.md, yet a.md keeps the card.
    const zero = lib.write('0.md', `${SPAIN}::Madrid\n${FRANCE}::Paris\n`);
    const reports = lib.importNow(['.'], T0 + DAY);
    expect(reports.map((r) => [r.path, r.status, r.counts, r.problems.map((p) => [p.line, p.severity, p.message])])).toEqual([
      [zero, 'imported', { ...ZERO, added: 1 }, [[2, 'warning', `repeats a card already imported from ${a}:1; this copy was skipped.`]]],
      [a, 'unchanged', { ...ZERO, unchanged: 1 }, []],
    ]);
    expect(lib.card(FRANCE)).toEqual(france);
  });

  it('reports a file that cannot be read once, even when it skipped a copy of a card its holder let go of', () => {
    const lib = library();
    const a = lib.write('a.md', `${FRANCE}::Paris\n`);
    const b = lib.write('b.md', `${SPAIN}::Madrid\n${FRANCE}::Paris\n`);
    lib.importNow(['.'], T0);
    lib.write('a.md', `${SPAIN}::Madrid\n`);
    lib.write('b.md', Uint8Array.from([67, 58, 32, 0, 32]));
    // a.md lets the card go, so b.md, which skipped it as a copy, is read again to take it.
    expect(lib.importNow(['.'], T0 + DAY).map((r) => [r.path, r.status, r.counts, r.problems.map((p) => p.message)])).toEqual([
      [a, 'imported', { ...ZERO, archived: 1 }, [`repeats a card already imported from ${b}:1; this copy was skipped.`]],
      [b, 'skipped', ZERO, ['is a binary file (it holds NUL bytes), skipped.']],
    ]);
  });

  it('imports a card that two new files share once, warning about the second file', () => {
    const lib = library();
    const a = lib.write('a.md', `${FRANCE}::Paris\n`);
    const b = lib.write('b.md', `${SPAIN}::Madrid\n${FRANCE}::Paris\n`);
    const reports = lib.importNow(['.'], T0);
    expect(reports.map((r) => [r.path, r.status, r.cards, r.counts, r.problems.map((p) => [p.line, p.severity, p.message])])).toEqual([
      [a, 'imported', 1, { ...ZERO, added: 1 }, []],
      [b, 'imported', 1, { ...ZERO, added: 1 }, [[2, 'warning', `repeats a card already imported from ${a}:1; this copy was skipped.`]]],
    ]);
    expect(lib.card(FRANCE)).toMatchObject({ sourcePath: a, deck: 'a' });
  });
});

describe('importPaths: what gets read', () => {
  it('walks folders for .md, .markdown and .txt, skipping other files, hidden folders and node_modules', () => {
    const lib = library();
    lib.write('a.md', 'A question::an answer\n');
    lib.write('b.markdown', 'B question::an answer\n');
    lib.write('c.txt', 'C question::an answer\n');
    lib.write('deep/er/d.md', 'D question::an answer\n');
    lib.write('e.MD', 'E question::an answer\n');
    lib.write('script.py', 'Py question::an answer\n');
    lib.write('data.json', 'Json question::an answer\n');
    lib.write('README', 'Readme question::an answer\n');
    lib.write('.hidden/h.md', 'Hidden question::an answer\n');
    lib.write('deep/.obsidian/o.md', 'Obsidian question::an answer\n');
    lib.write('node_modules/pkg/readme.md', 'Module question::an answer\n');
    lib.write('deep/node_modules/x.md', 'Nested module question::an answer\n');

    const reports = lib.importNow(['.'], T0);
    expect(reports.map((r) => [r.path, r.status, r.deck, r.cards])).toEqual([
      [lib.at('a.md'), 'imported', 'a', 1],
      [lib.at('b.markdown'), 'imported', 'b', 1],
      [lib.at('c.txt'), 'imported', 'c', 1],
      [lib.at('deep/er/d.md'), 'imported', 'deep/er/d', 1],
      [lib.at('e.MD'), 'imported', 'e', 1],
    ]);
    expect(lib.cards().map((c) => c.front)).toEqual(['A question', 'B question', 'C question', 'D question', 'E question']);
  });

  it('reads a file named explicitly whatever its extension, even in a hidden folder', () => {
    const lib = library();
    const py = lib.write('script.py', 'Py question::an answer\n');
    const hidden = lib.write('.hidden/h.md', 'Hidden question::an answer\n');
    expect(lib.importNow(['script.py', '.hidden/h.md'], T0).map((r) => [r.path, r.status, r.deck, r.cards])).toEqual([
      [hidden, 'imported', 'h', 1],
      [py, 'imported', 'script', 1],
    ]);
  });

  it('resolves relative paths against cwd and reads a file reached twice only once', () => {
    const lib = library();
    const path = lib.write('sub/geo.md', GEO);
    expect(lib.importNow(['sub/geo.md', 'sub', './sub/../sub/geo.md'], T0)).toEqual([
      { path, status: 'imported', deck: 'geo', cards: 2, counts: { ...ZERO, added: 2 }, problems: [] },
    ]);
  });

  it('skips a binary file with a problem and no cards', () => {
    const lib = library();
    const path = lib.write('picture.md', Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d]));
    const text = lib.write('geo.md', GEO);
    expect(lib.importNow(['.'], T0)).toEqual([
      { path: text, status: 'imported', deck: 'geo', cards: 2, counts: { ...ZERO, added: 2 }, problems: [] },
      {
        path,
        status: 'skipped',
        deck: null,
        cards: 0,
        counts: ZERO,
        problems: [
          {
            line: 0,
            severity: 'error',
            message: 'is a binary file (it holds NUL bytes), skipped.',
            fix: 'engram reads markdown and plain text; leave binary files out of the import.',
          },
        ],
      },
    ]);
    expect(lib.cards()).toHaveLength(2);
    expect(allSources(lib.store).map((s) => s.path)).toEqual([text]);
  });

  it('gives a "does not exist" problem for a missing path, reported as given', () => {
    const lib = library();
    const path = lib.write('geo.md', GEO);
    const notFound = { line: 0, severity: 'error', message: 'does not exist.', fix: 'Check the path.' };
    expect(lib.importNow(['nope.md', 'geo.md', 'no/such/folder'], T0)).toEqual([
      { path, status: 'imported', deck: 'geo', cards: 2, counts: { ...ZERO, added: 2 }, problems: [] },
      { path: 'no/such/folder', status: 'skipped', deck: null, cards: 0, counts: ZERO, problems: [notFound] },
      { path: 'nope.md', status: 'skipped', deck: null, cards: 0, counts: ZERO, problems: [notFound] },
    ]);
    expect(allSources(lib.store).map((s) => s.path)).toEqual([path]);
  });

  it('returns nothing to re-sync in an empty store', () => {
    const lib = library();
    expect(lib.importNow(null, T0)).toEqual([]);
    expect(lib.importNow(['.'], T0)).toEqual([]);
  });
});
