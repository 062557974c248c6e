import { existsSync, mkdirSync, realpathSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { importFiles, type ImportResult } from '../../../src/app/import/import-files.js';
import { tempDir } from '../../helpers/temp-dir.js';
import { rejectedError } from '../../helpers/engram-errors.js';
import { openStore } from '../../../src/store/open-store.js';

const NOW = Date.UTC(2026, 2, 2, 9);
const GEO = '---\ndeck: geo\n---\n\nParis:::France\n\nQ: The capital of Spain?\nA: Madrid\n';
const PROSE = 'Just a line of prose, with nothing to ask.\n';
const ZERO = { added: 0, updated: 0, unchanged: 0, archived: 0, restored: 0 };

/** A folder with card files under `notes/` and a store path (not yet made) under `data/`. */
function world(files: Record<string, string>): { notes: string; storePath: string } {
  const root = realpathSync(tempDir('engram-import-'));
  const notes = join(root, 'notes');
  mkdirSync(notes);
  for (const [name, text] of Object.entries(files)) writeFileSync(join(notes, name), text);
  return { notes, storePath: join(root, 'data', 'engram.db') };
}

async function run(
  w: { notes: string; storePath: string },
  paths: string[],
  extra: { explain?: boolean; now?: number; stopAt?: (done: number, stage: string) => boolean; configPath?: string } = {},
) {
  const progress: [number, number, string, string | undefined][] = [];
  const warnings: string[] = [];
  const stop = new AbortController();
  const result = await importFiles(
    { storePath: w.storePath, paths, cwd: w.notes, now: extra.now ?? NOW, explain: extra.explain ?? false, configPath: extra.configPath },
    {
      warn: (m) => warnings.push(m),
      progress: (done, total, stage, path) => {
        progress.push([done, total, stage, path]);
        if (extra.stopAt?.(done, stage)) stop.abort();
      },
      signal: stop.signal,
    },
  );
  return { result, progress, warnings };
}

/** Every row of the store at `path`, to tell that an interrupted import changed nothing. */
function storeRows(path: string): string {
  const store = openStore(path, { create: false });
  try {
    const tables = store.db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name").pluck().all() as string[];
    return JSON.stringify(tables.map((t) => store.db.prepare(`SELECT * FROM "${t}" ORDER BY 1`).raw().all()));
  } finally {
    store.close();
  }
}

describe('importFiles', () => {
  it('imports the files, sums them up, and says which syntax made how many cards of each', async () => {
    const w = world({ 'geo.md': GEO, 'prose.md': PROSE });
    const { result, progress, warnings } = await run(w, ['.'], { explain: true });
    expect(result.outcome).toBe('problems');
    expect(result.store).toBe(w.storePath);
    expect(result.totals).toEqual({ files: 2, cards: 3, added: 3, updated: 0, unchanged: 0, archived: 0, restored: 0, problems: 1 });
    expect(result.reports.map((r) => [r.path, r.status, r.deck, r.cards, r.counts, r.problems.map((p) => p.message)])).toEqual([
      [join(w.notes, 'geo.md'), 'imported', 'geo', 3, { ...ZERO, added: 3 }, []],
      [join(w.notes, 'prose.md'), 'imported', 'prose', 0, ZERO, ['has no cards.']],
    ]);
    expect(result.madeBy).toEqual(
      new Map([
        [join(w.notes, 'geo.md'), { mode: 'auto', counts: new Map([['inline-both', 2], ['qa', 1]]), withheld: [] }],
        [join(w.notes, 'prose.md'), { mode: 'auto', counts: new Map(), withheld: [] }],
      ]),
    );
    expect(progress).toEqual([
      [0, 2, 'reading', join(w.notes, 'geo.md')],
      [1, 2, 'reading', join(w.notes, 'prose.md')],
      [2, 2, 'writing', undefined],
    ]);
    expect(result.interruptedWhileWriting).toBe(false);
    expect(warnings).toEqual([]);
  });

  it('says, when asked to explain, which derived cards the card-quality rules left out and why', async () => {
    const chapter = '# Consensus\n\nNodes agree by *consensus* when a majority votes for one value.\nWe will discuss *linearizability* in Chapter 10.\n';
    const w = world({ 'chapter.md': chapter });
    const withheld = [{ line: 4, front: 'We will discuss **[...]** in Chapter 10.', rule: 'about-the-document' }];
    const { result } = await run(w, ['.'], { explain: true });
    expect(result.reports[0]!.status).toBe('imported');
    expect(result.madeBy!.get(join(w.notes, 'chapter.md'))!.withheld).toEqual(withheld);
    // Unchanged the next time, the file is not parsed by the import: --explain reads it again for this list.
    const again = (await run(w, ['.'], { explain: true })).result;
    expect(again.reports[0]!.status).toBe('unchanged');
    expect(again.madeBy!.get(join(w.notes, 'chapter.md'))!.withheld).toEqual(withheld);
  });

  it('is clean when nothing had a problem, and finds every file unchanged on a re-sync', async () => {
    const w = world({ 'geo.md': GEO });
    expect((await run(w, ['geo.md'])).result.outcome).toBe('clean');
    const again: ImportResult = (await run(w, [], { now: NOW + 60_000 })).result;
    expect(again.outcome).toBe('clean');
    expect(again.madeBy).toBeNull();
    expect(again.totals).toEqual({ files: 1, cards: 3, added: 0, updated: 0, unchanged: 3, archived: 0, restored: 0, problems: 0 });
  });

  it('removes a store it created and could put nothing in, with its folder; keeps a store that was there', async () => {
    const w = world({ 'geo.md': GEO });
    const nothing = (await run(w, ['gone.md'])).result;
    expect(nothing.outcome).toBe('nothing');
    expect(nothing.reports.map((r) => [r.path, r.status])).toEqual([['gone.md', 'skipped']]);
    expect(nothing.store).toBeNull();
    expect(existsSync(w.storePath)).toBe(false);
    expect(existsSync(join(w.storePath, '..'))).toBe(false);

    expect((await run(w, ['geo.md'])).result.outcome).toBe('clean');
    const kept = (await run(w, ['gone.md'])).result;
    expect(kept.outcome).toBe('nothing');
    expect(kept.store).toBe(w.storePath);
    expect(existsSync(w.storePath)).toBe(true);
  });

  it('refuses paths that hold no card file, and a re-sync with nothing imported before', async () => {
    const w = world({});
    mkdirSync(join(w.notes, 'empty'));
    const none = await rejectedError(run(w, ['empty']));
    expect([none.kind, none.message]).toEqual(['notFound', 'no card files (.md, .markdown, .txt) found in empty.']);
    const resync = await rejectedError(run(w, []));
    expect([resync.kind, resync.message]).toEqual(['notFound', 'nothing to re-sync: no file was imported yet. Give files or folders, e.g. engram import decks/']);
    // Never removed after an error: another engram may have written to it meanwhile.
    expect(existsSync(w.storePath)).toBe(true);
  });

  it('stops between files when the signal comes (Ctrl-C): nothing written, a store it made removed again', async () => {
    const w = world({ 'a.md': GEO.replace('geo', 'a'), 'b.md': GEO.replace('geo', 'b'), 'c.md': GEO.replace('geo', 'c') });
    const stopped = await rejectedError(run(w, ['.'], { stopAt: (done) => done === 1 }));
    expect([stopped.kind, stopped.message]).toEqual([
      'interrupted',
      'import interrupted; nothing was changed (an import is written whole or not at all). Run it again to import.',
    ]);
    expect(existsSync(w.storePath)).toBe(false);
    expect(existsSync(join(w.storePath, '..'))).toBe(false);

    // A store that was there is left row for row as it was.
    expect((await run(w, ['a.md'])).result.outcome).toBe('clean');
    const before = storeRows(w.storePath);
    writeFileSync(join(w.notes, 'a.md'), GEO.replace('geo', 'a').replace('Madrid', 'Madrid!'));
    const again = await rejectedError(run(w, ['.'], { stopAt: (done, stage) => stage === 'reading' && done === 2 }));
    expect(again.kind).toBe('interrupted');
    expect(storeRows(w.storePath)).toBe(before);
  });

  it('writes the import whole when the signal comes only while it is being written, and says so', async () => {
    const w = world({ 'geo.md': GEO });
    const { result } = await run(w, ['geo.md'], { stopAt: (_, stage) => stage === 'writing' });
    expect([result.outcome, result.totals.added, result.interruptedWhileWriting]).toEqual(['clean', 3, true]);
  });

  it("counts an unchanged file's known warnings apart, and drops repeats a deck accepts (duplicates allow)", async () => {
    const w = world({ 'a.md': GEO.replace('geo', 'a'), 'b.md': GEO.replace('geo', 'b') });
    const first = (await run(w, ['.'])).result;
    expect([first.outcome, first.reports.map((r) => r.problems.map((p) => p.code))]).toEqual(['problems', [[], ['duplicate', 'duplicate', 'duplicate']]]);
    const again = (await run(w, ['.'])).result;
    expect([again.outcome, again.reports.map((r) => [r.status, r.problems.length])]).toEqual(['clean', [['unchanged', 0], ['unchanged', 3]]]);

    const configPath = join(w.notes, '..', 'config.json');
    writeFileSync(configPath, JSON.stringify({ decks: { b: { duplicates: 'allow' } } }));
    const accepted = (await run(w, ['.'], { configPath })).result;
    expect([accepted.outcome, accepted.totals.problems, accepted.reports.map((r) => r.problems.length)]).toEqual(['clean', 0, [0, 0]]);

    // A settings file that cannot be read is said, and every repeat is warned about.
    writeFileSync(configPath, '{ not json');
    const { result, warnings } = await run(w, ['.'], { configPath });
    expect(result.totals.problems).toBe(3);
    expect(warnings).toEqual([expect.stringMatching(/^the settings file .* is not valid JSON .* Every repeated card is warned about until it is fixed\.$/)]);
  });
});
