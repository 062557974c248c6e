import { describe, expect, it } from 'vitest';
import { importPaths } from '../../src/library/import-sources.js';
import { isDerivedSyntax, type Card } from '../../src/model/card.js';
import { appendReview, reviewsOfCard } from '../../src/store/reviews.js';
import { setDropped } from '../../src/store/study-queries.js';
import { DAY, library, T0, type Library } from './library-fixture.js';

/** Notes (no written card in them): every card of this file is derived. */
const NOTES = `# Distributed systems

## Locks

- **Fencing token:** a number the lock service increases with every grant.
- **Quorum:** a majority of nodes whose decision counts.
- **Lease:** a lock that expires after a fixed time.
`;

/** The one active derived card whose text mentions `word` (whichever rule made it, however it asks). */
function derivedAbout(lib: Library, word: string): Card {
  const found = lib.cards().filter((c) => !c.archived && isDerivedSyntax(c.syntax) && `${c.front} ${c.back}`.toLowerCase().includes(word.toLowerCase()));
  if (found.length !== 1) throw new Error(`expected one derived card about ${word}, found ${found.length}`);
  return found[0]!;
}

/** Imports the notes, answers the card about Quorum once and drops it; returns its id. */
function droppedQuorum(lib: Library): number {
  lib.write('locks.md', NOTES);
  lib.importNow(['locks.md'], T0);
  const id = derivedAbout(lib, 'Quorum').id;
  appendReview(lib.store, { cardId: id, reviewedAt: T0 + 3_600_000, rating: 3, durationMs: 5000, sessionId: 's', device: null });
  expect(setDropped(lib.store, id, T0 + 2 * 3_600_000)).toBe(true);
  return id;
}

/** Where the dropped card stands now: its id, whether it is archived, when it was dropped, how many reviews it has. */
function standing(lib: Library, id: number): [number, boolean, number | null, number] {
  const card = lib.cards().find((c) => c.id === id)!;
  return [card.id, card.archived, card.droppedAt, reviewsOfCard(lib.store, id).length];
}

describe('a dropped derived card across re-imports', () => {
  it('stays dropped when the unchanged notes are imported again, and when a re-sync reads them', () => {
    const lib = library();
    const id = droppedQuorum(lib);
    lib.importNow(['locks.md'], T0 + DAY);
    lib.importNow(null, T0 + 2 * DAY);
    expect(standing(lib, id)).toEqual([id, false, T0 + 2 * 3_600_000, 1]);
  });

  it('stays dropped when a new version of the parser reads the notes again', () => {
    const lib = library();
    const id = droppedQuorum(lib);
    lib.store.db.prepare('UPDATE sources SET parser_version = 0').run();
    expect(lib.importNow(['locks.md'], T0 + DAY).map((r) => r.status)).toEqual(['imported']);
    expect(standing(lib, id)).toEqual([id, false, T0 + 2 * 3_600_000, 1]);
  });

  it('stays dropped when the notes are read again in another mode', () => {
    const lib = library();
    const id = droppedQuorum(lib);
    // As `engram import --mode notes` asks: a file read in another mode is parsed again.
    expect(importPaths(lib.store, ['locks.md'], { cwd: lib.notes, now: T0 + DAY, mode: 'notes' }).map((r) => r.status)).toEqual(['imported']);
    expect(standing(lib, id)).toEqual([id, false, T0 + 2 * 3_600_000, 1]);
  });

  it('stays dropped, with its history, when the notes are edited elsewhere', () => {
    const lib = library();
    const id = droppedQuorum(lib);
    lib.write('locks.md', `${NOTES}\n## Clocks\n\n- **Lamport clock:** a counter that orders events across processes.\n`.replace('a fixed time', 'a fixed time, unless renewed'));
    const report = lib.importNow(['locks.md'], T0 + DAY);
    expect(report.map((r) => r.status)).toEqual(['imported']);
    expect(report[0]!.counts.added).toBeGreaterThan(0);
    expect(standing(lib, id)).toEqual([id, false, T0 + 2 * 3_600_000, 1]);
    // Everything else of the file is studied as before: only the one card was dropped.
    expect(lib.cards().filter((c) => c.droppedAt !== null).map((c) => c.id)).toEqual([id]);
  });

  it('stays dropped when its line leaves the notes (archived) and comes back (restored)', () => {
    const lib = library();
    const id = droppedQuorum(lib);
    lib.write('locks.md', NOTES.replace(/^- \*\*Quorum:\*\*.*\n/m, ''));
    lib.importNow(['locks.md'], T0 + DAY);
    expect(standing(lib, id)).toEqual([id, true, T0 + 2 * 3_600_000, 1]);
    lib.write('locks.md', NOTES);
    expect(lib.importNow(['locks.md'], T0 + 2 * DAY)[0]!.counts.restored).toBe(1);
    expect(standing(lib, id)).toEqual([id, false, T0 + 2 * 3_600_000, 1]);
  });
});

describe('derived cards after a new version of the rules', () => {
  it('keep their id and history when the question is unchanged though the answer, the rule and the key changed', () => {
    const lib = library();
    const id = droppedQuorum(lib);
    setDropped(lib.store, id, null);
    const now = derivedAbout(lib, 'Quorum');
    // As an older version of the rules left it: another rule, another answer, so another key.
    lib.store.db.prepare("UPDATE cards SET key = 'from-older-rules', syntax = 'note-section', back = 'majority' WHERE id = ?").run(id);
    lib.store.db.prepare('UPDATE sources SET parser_version = 0').run();
    const report = lib.importNow(['locks.md'], T0 + DAY);
    expect(report[0]!.counts).toMatchObject({ added: 0, updated: 1, archived: 0 });
    const after = lib.cards().find((c) => c.id === id)!;
    expect([after.key, after.syntax, after.back, after.archived]).toEqual([now.key, now.syntax, now.back, false]);
    expect(reviewsOfCard(lib.store, id)).toHaveLength(1);
  });
});
