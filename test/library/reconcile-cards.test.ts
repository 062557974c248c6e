import { describe, expect, it } from 'vitest';
import { reconcileCards, type ParsedFile } from '../../src/library/reconcile-cards.js';
import type { Card, CardKind, ParsedCard } from '../../src/model/card.js';

const A = '/notes/a.md';
const B = '/notes/b.md';
const C = '/notes/c.md';
const T = Date.UTC(2026, 0, 5);
const ZERO = { added: 0, updated: 0, unchanged: 0, archived: 0, restored: 0 };

function parsed(key: string, front: string, back: string, line: number, kind: CardKind = 'basic'): ParsedCard {
  return {
    key,
    sibling: null,
    kind,
    syntax: kind === 'cloze' ? 'highlight-cloze' : 'inline',
    front,
    back,
    title: null,
    context: null,
    headingPath: [],
    line,
    endLine: line,
    explicitId: null,
  };
}

function stored(id: number, p: ParsedCard, path: string, deck: string, opts: { archived?: boolean } = {}): Card {
  const { explicitId: _ignored, ...rest } = p;
  return { ...rest, id, deck, sourcePath: path, archived: opts.archived ?? false, suspended: false, droppedAt: null, createdAt: T, updatedAt: T };
}

function file(path: string, deck: string, cards: ParsedCard[]): ParsedFile {
  return { path, deck, cards };
}

const france = parsed('k-france', 'What is the capital of France', 'Paris', 1);
const spain = parsed('k-spain', 'What is the capital of Spain', 'Madrid', 2);

describe('reconcileCards', () => {
  it('plans nothing for an unchanged file', () => {
    const plan = reconcileCards([file(A, 'a', [france, spain])], [stored(1, france, A, 'a'), stored(2, spain, A, 'a')]);
    expect(plan).toEqual({
      inserts: [],
      updates: [],
      archives: [],
      counts: new Map([[A, { ...ZERO, unchanged: 2 }]]),
      problems: new Map(),
      skippedKeys: new Map(),
      foreignHolders: new Set(),
    });
  });

  it('inserts every card of a new file', () => {
    const plan = reconcileCards([file(A, 'a', [france, spain])], []);
    expect(plan).toEqual({
      inserts: [
        { parsed: france, path: A, deck: 'a' },
        { parsed: spain, path: A, deck: 'a' },
      ],
      updates: [],
      archives: [],
      counts: new Map([[A, { ...ZERO, added: 2 }]]),
      problems: new Map(),
      skippedKeys: new Map(),
      foreignHolders: new Set(),
    });
  });

  it('rewrites a card moved to another line silently: an update, counted unchanged', () => {
    const movedFrance = { ...france, line: 7, endLine: 7 };
    const plan = reconcileCards([file(A, 'a', [spain, movedFrance])], [stored(1, france, A, 'a'), stored(2, spain, A, 'a')]);
    expect(plan).toEqual({
      inserts: [],
      updates: [{ parsed: movedFrance, path: A, deck: 'a', id: 1 }],
      archives: [],
      counts: new Map([[A, { ...ZERO, unchanged: 2 }]]),
      problems: new Map(),
      skippedKeys: new Map(),
      foreignHolders: new Set(),
    });
  });

  it('counts a card whose text changed but key did not (reformatting) as updated', () => {
    const bold = { ...france, front: 'What is the **capital** of France' };
    const plan = reconcileCards([file(A, 'a', [bold])], [stored(1, france, A, 'a')]);
    expect(plan.updates).toEqual([{ parsed: bold, path: A, deck: 'a', id: 1 }]);
    expect(plan.counts).toEqual(new Map([[A, { ...ZERO, updated: 1 }]]));
  });

  it('moves a card by key to another file parsed in the same run, into that file\'s deck', () => {
    const inB = { ...france, line: 4, endLine: 4 };
    const plan = reconcileCards(
      [file(A, 'a', [spain]), file(B, 'b', [inB])],
      [stored(1, france, A, 'a'), stored(2, spain, A, 'a')],
    );
    expect(plan).toEqual({
      inserts: [],
      updates: [{ parsed: inB, path: B, deck: 'b', id: 1 }],
      archives: [],
      counts: new Map([
        [A, { ...ZERO, unchanged: 1 }],
        [B, { ...ZERO, updated: 1 }],
      ]),
      problems: new Map(),
      skippedKeys: new Map(),
      foreignHolders: new Set(),
    });
  });

  it('treats a card held by a file outside the run as a duplicate, naming that file and line', () => {
    const inB = { ...france, line: 9, endLine: 9 };
    const plan = reconcileCards([file(B, 'b', [inB])], [stored(1, { ...france, line: 3 }, A, 'a')]);
    expect(plan).toEqual({
      inserts: [],
      updates: [],
      archives: [],
      counts: new Map([[B, { ...ZERO }]]),
      problems: new Map([
        [
          B,
          [
            {
              line: 9,
              severity: 'warning',
              message: `repeats a card already imported from ${A}:3; this copy was skipped.`,
              fix: `Remove one of the two or make them differ (if the other goes, this one takes its place and its history); or accept repeats in this deck: engram config set duplicates allow --deck b`,
              code: 'duplicate',
            },
          ],
        ],
      ]),
      // The library re-reads A if it changed (the card may have moved) and
      // remembers the skipped key for when A lets go of the card.
      skippedKeys: new Map([[B, ['k-france']]]),
      foreignHolders: new Set([A]),
    });
  });

  it('leaves a card in the file it was stored from when another file in the run repeats it, whatever the file order', () => {
    const copy = { ...france, line: 5, endLine: 5 };
    const storedCards = [stored(1, france, A, 'a')];
    for (const files of [
      [file(B, 'b', [copy]), file(A, 'a', [france])],
      [file(A, 'a', [france]), file(B, 'b', [copy])],
    ]) {
      const plan = reconcileCards(files, storedCards);
      expect(plan.inserts).toEqual([]);
      expect(plan.updates).toEqual([]);
      expect(plan.archives).toEqual([]);
      expect(plan.counts.get(A)).toEqual({ ...ZERO, unchanged: 1 });
      expect(plan.counts.get(B)).toEqual({ ...ZERO });
      expect(plan.problems.get(A)).toBeUndefined();
      expect(plan.problems.get(B)).toEqual([
        expect.objectContaining({ line: 5, severity: 'warning', message: `repeats a card already imported from ${A}:1; this copy was skipped.` }),
      ]);
    }
  });

  it('gives a moved card to the first file that claims it and reports the second as a duplicate of the first', () => {
    const inB = { ...france, line: 2, endLine: 2 };
    const inC = { ...france, line: 6, endLine: 6 };
    const plan = reconcileCards([file(A, 'a', []), file(B, 'b', [inB]), file(C, 'c', [inC])], [stored(1, france, A, 'a')]);
    expect(plan.updates).toEqual([{ parsed: inB, path: B, deck: 'b', id: 1 }]);
    expect(plan.inserts).toEqual([]);
    expect(plan.archives).toEqual([]);
    expect(plan.problems).toEqual(
      new Map([[C, [expect.objectContaining({ line: 6, message: `repeats a card already imported from ${B}:2; this copy was skipped.` })]]]),
    );
  });

  it('inserts a card new to two files of one run once, and reports the second copy as a duplicate', () => {
    const inB = { ...france, line: 3, endLine: 3 };
    const plan = reconcileCards([file(A, 'a', [france]), file(B, 'b', [inB])], []);
    expect(plan.inserts).toEqual([{ parsed: france, path: A, deck: 'a' }]);
    expect(plan.counts).toEqual(
      new Map([
        [A, { ...ZERO, added: 1 }],
        [B, { ...ZERO }],
      ]),
    );
    expect(plan.problems).toEqual(
      new Map([[B, [expect.objectContaining({ line: 3, severity: 'warning', message: `repeats a card already imported from ${A}:1; this copy was skipped.` })]]]),
    );
    expect(plan.skippedKeys).toEqual(new Map([[B, ['k-france']]]));
    expect(plan.foreignHolders).toEqual(new Set());
  });

  it('pairs a typo fix with its old card by similarity, keeping the id', () => {
    const fixed = parsed('k-france-fixed', 'What is the capitol of France', 'Paris', 1);
    const plan = reconcileCards([file(A, 'a', [fixed, spain])], [stored(1, france, A, 'a'), stored(2, spain, A, 'a')]);
    expect(plan).toEqual({
      inserts: [],
      updates: [{ parsed: fixed, path: A, deck: 'a', id: 1 }],
      archives: [],
      counts: new Map([[A, { ...ZERO, updated: 1, unchanged: 1 }]]),
      problems: new Map(),
      skippedKeys: new Map(),
      foreignHolders: new Set(),
    });
  });

  it('pairs leftovers best first and one to one, archiving the old card left without a partner', () => {
    const oldExact = parsed('k-1', 'the quick brown fox jumps over the lazy dog', 'yes', 1);
    const oldShort = parsed('k-2', 'the quick brown fox jumps over the dog', 'yes', 2);
    const edited = parsed('k-3', 'the quick brown fox jumps over the lazy dog!', 'yes', 1);
    const plan = reconcileCards([file(A, 'a', [edited])], [stored(1, oldExact, A, 'a'), stored(2, oldShort, A, 'a')]);
    expect(plan).toEqual({
      inserts: [],
      updates: [{ parsed: edited, path: A, deck: 'a', id: 1 }],
      archives: [2],
      counts: new Map([[A, { ...ZERO, updated: 1, archived: 1 }]]),
      problems: new Map(),
      skippedKeys: new Map(),
      foreignHolders: new Set(),
    });
  });

  it('does not pair dissimilar cards: the new one is inserted and the old one archived', () => {
    const other = parsed('k-river', 'Which river flows through Vienna', 'The Danube', 1);
    const plan = reconcileCards([file(A, 'a', [other])], [stored(1, france, A, 'a')]);
    expect(plan).toEqual({
      inserts: [{ parsed: other, path: A, deck: 'a' }],
      updates: [],
      archives: [1],
      counts: new Map([[A, { ...ZERO, added: 1, archived: 1 }]]),
      problems: new Map(),
      skippedKeys: new Map(),
      foreignHolders: new Set(),
    });
  });

  it('pairs only cards of the same kind', () => {
    const oldBasic = parsed('k-b', 'Lamport clocks order events', 'across processes', 1);
    const newCloze = parsed('k-c', 'Lamport clocks order events', 'across processes!', 1, 'cloze');
    const plan = reconcileCards([file(A, 'a', [newCloze])], [stored(1, oldBasic, A, 'a')]);
    expect(plan.inserts).toEqual([{ parsed: newCloze, path: A, deck: 'a' }]);
    expect(plan.updates).toEqual([]);
    expect(plan.archives).toEqual([1]);
  });

  it('pairs by similarity only within one file, never with leftovers of another file', () => {
    const fixedInB = parsed('k-france-fixed', 'What is the capitol of France', 'Paris', 1);
    const plan = reconcileCards([file(A, 'a', []), file(B, 'b', [fixedInB])], [stored(1, france, A, 'a')]);
    expect(plan.inserts).toEqual([{ parsed: fixedInB, path: B, deck: 'b' }]);
    expect(plan.updates).toEqual([]);
    expect(plan.archives).toEqual([1]);
    expect(plan.counts).toEqual(
      new Map([
        [A, { ...ZERO, archived: 1 }],
        [B, { ...ZERO, added: 1 }],
      ]),
    );
  });

  it('archives the stored cards that are gone from a parsed file, but not those of files outside the run', () => {
    const plan = reconcileCards(
      [file(A, 'a', [spain])],
      [stored(1, france, A, 'a'), stored(2, spain, A, 'a'), stored(3, parsed('k-x', 'x', 'y', 1), B, 'b')],
    );
    expect(plan.archives).toEqual([1]);
    expect(plan.counts).toEqual(new Map([[A, { ...ZERO, unchanged: 1, archived: 1 }]]));
  });

  it('does not archive an already archived card again nor pair it by similarity', () => {
    const fixed = parsed('k-france-fixed', 'What is the capitol of France', 'Paris', 1);
    const plan = reconcileCards([file(A, 'a', [fixed])], [stored(1, france, A, 'a', { archived: true })]);
    expect(plan).toEqual({
      inserts: [{ parsed: fixed, path: A, deck: 'a' }],
      updates: [],
      archives: [],
      counts: new Map([[A, { ...ZERO, added: 1 }]]),
      problems: new Map(),
      skippedKeys: new Map(),
      foreignHolders: new Set(),
    });
  });

  it('restores an archived card whose key comes back, in its own file or another', () => {
    const back = { ...france, line: 4, endLine: 4 };
    const own = reconcileCards([file(A, 'a', [back])], [stored(1, france, A, 'a', { archived: true })]);
    expect(own.updates).toEqual([{ parsed: back, path: A, deck: 'a', id: 1 }]);
    expect(own.counts).toEqual(new Map([[A, { ...ZERO, restored: 1 }]]));

    const elsewhere = reconcileCards([file(B, 'b', [back])], [stored(1, france, A, 'a', { archived: true })]);
    expect(elsewhere.updates).toEqual([{ parsed: back, path: B, deck: 'b', id: 1 }]);
    expect(elsewhere.counts).toEqual(new Map([[B, { ...ZERO, restored: 1 }]]));
    expect(elsewhere.problems).toEqual(new Map());
  });
});

/** A card derived from notes by `syntax`, under `headings`. */
function derived(key: string, syntax: ParsedCard['syntax'], front: string, back: string, line: number, headings: string[] = ['Notes']): ParsedCard {
  return { ...parsed(key, front, back, line), syntax, headingPath: headings };
}

describe('reconcileCards: derived cards after a new version of the rules', () => {
  const fencing = derived('k-fencing-v1', 'note-definition', 'What is a fencing token?', 'A number that increases every time a lock is granted.', 3);

  it('keeps the card whose question is unchanged though its answer and rule changed, as an update', () => {
    const reworded = derived('k-fencing-v2', 'note-prose-definition', 'What is a *fencing token*?', 'What a storage service checks to refuse writes from an expired lock holder.', 5);
    const plan = reconcileCards([file(A, 'a', [reworded])], [stored(7, fencing, A, 'a')]);
    expect(plan).toEqual({
      inserts: [],
      updates: [{ parsed: reworded, path: A, deck: 'a', id: 7 }],
      archives: [],
      counts: new Map([[A, { ...ZERO, updated: 1 }]]),
      problems: new Map(),
      skippedKeys: new Map(),
      foreignHolders: new Set(),
    });
  });

  it('pairs the same question before any pairing by similarity', () => {
    // The new card's whole text is closer to the other old card; its question is the first one's.
    const oldA = derived('k-a', 'note-why', 'Why can a node not trust its own clock?', 'Clocks drift.', 1);
    const oldB = derived('k-b', 'note-why', 'Why can a node not trust its own judgement?', 'It may be paused without knowing it, so a quorum decides.', 2);
    const fresh = derived('k-new', 'note-why', 'Why can a node not trust its own clock?', 'It may be paused without knowing it, so a quorum decides!', 1);
    const plan = reconcileCards([file(A, 'a', [fresh])], [stored(1, oldA, A, 'a'), stored(2, oldB, A, 'a')]);
    expect(plan.updates).toEqual([{ parsed: fresh, path: A, deck: 'a', id: 1 }]);
    expect(plan.archives).toEqual([2]);
  });

  it('pairs one to one where several cards ask one question: same headings first, then the closest answer', () => {
    const oldTcp = derived('k-1', 'note-section', 'What are the key points?', 'Ordered streams; retransmission', 1, ['Networking', 'TCP']);
    const oldUdp = derived('k-2', 'note-section', 'What are the key points?', 'No ordering; no retransmission', 5, ['Networking', 'UDP']);
    const newUdp = derived('k-3', 'note-section', 'What are the key points?', 'Datagrams: no ordering, no retransmission', 5, ['Networking', 'UDP']);
    const newTcp = derived('k-4', 'note-section', 'What are the key points?', 'Segments arrive in sequence; lost ones are resent', 1, ['Networking', 'TCP']);
    const newIp = derived('k-5', 'note-section', 'What are the key points?', 'Best effort', 9, ['Networking', 'IP']);
    const plan = reconcileCards([file(A, 'a', [newTcp, newUdp, newIp])], [stored(1, oldTcp, A, 'a'), stored(2, oldUdp, A, 'a')]);
    expect([...plan.updates].sort((x, y) => x.id - y.id)).toEqual([
      { parsed: newTcp, path: A, deck: 'a', id: 1 },
      { parsed: newUdp, path: A, deck: 'a', id: 2 },
    ]);
    expect(plan.inserts).toEqual([{ parsed: newIp, path: A, deck: 'a' }]);
    expect(plan.archives).toEqual([]);
  });

  it('never pairs written cards by their question alone, nor a derived card with a written one', () => {
    const written = { ...parsed('k-w1', 'What is a fencing token?', 'A number.', 1), syntax: 'qa' as const };
    const rewritten = { ...parsed('k-w2', 'What is a fencing token?', 'Something else entirely, unrelated.', 1), syntax: 'qa' as const };
    const plan = reconcileCards([file(A, 'a', [rewritten])], [stored(1, written, A, 'a')]);
    expect(plan.updates).toEqual([]);
    expect(plan.archives).toEqual([1]);

    const fromNotes = derived('k-d', 'note-definition', 'What is a fencing token?', 'Something else entirely, unrelated.', 1);
    const mixed = reconcileCards([file(A, 'a', [fromNotes])], [stored(1, written, A, 'a')]);
    expect(mixed.updates).toEqual([]);
    expect(mixed.inserts).toEqual([{ parsed: fromNotes, path: A, deck: 'a' }]);
  });

  it('pairs a question only within its own file and kind, and leaves archived cards to their keys', () => {
    const sameInB = derived('k-b', 'note-prose-definition', 'What is a fencing token?', 'Another answer altogether.', 1);
    const other = reconcileCards([file(A, 'a', []), file(B, 'b', [sameInB])], [stored(7, fencing, A, 'a')]);
    expect(other.updates).toEqual([]);
    expect(other.archives).toEqual([7]);

    const asCloze = { ...derived('k-c', 'note-emphasis', 'What is a fencing token?', 'A number, as a cloze.', 3), kind: 'cloze' as const };
    expect(reconcileCards([file(A, 'a', [asCloze])], [stored(7, fencing, A, 'a')]).updates).toEqual([]);

    const archived = reconcileCards([file(A, 'a', [sameInB])], [stored(7, fencing, A, 'a', { archived: true })]);
    expect(archived.updates).toEqual([]);
    expect(archived.inserts).toEqual([{ parsed: sameInB, path: A, deck: 'a' }]);
  });
});
