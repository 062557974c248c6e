import { existsSync, mkdirSync, readdirSync, readFileSync, realpathSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { ExportRequest } from '../../../src/app/export/export-request.js';
import type { ExportSummary, WrittenFile } from '../../../src/app/export/export-context.js';
import { runExport } from '../../../src/app/export/run-export.js';
import { importPaths } from '../../../src/library/import-sources.js';
import { openStore, type Store } from '../../../src/store/open-store.js';
import { tempDir } from '../../helpers/temp-dir.js';
import { rejectedError } from '../../helpers/engram-errors.js';

const NOW = Date.UTC(2026, 2, 2, 9);
const stores: Store[] = [];
afterEach(() => {
  while (stores.length) stores.pop()!.close();
});

/** A store holding deck geo (cards 1-2) and deck sql (cards 3-4), imported from `notes/`. */
function world(): { root: string; store: Store } {
  const root = realpathSync(tempDir('engram-export-'));
  mkdirSync(join(root, 'notes'));
  writeFileSync(join(root, 'notes', 'geo.md'), '---\ndeck: geo\n---\n\nFrance::Paris\nSpain::Madrid\n');
  writeFileSync(join(root, 'notes', 'sql.md'), '---\ndeck: sql\n---\n\nq1::a1\nq2::a2\n');
  const store = openStore(join(root, 'engram.db'), { create: true });
  stores.push(store);
  importPaths(store, ['notes'], { cwd: root, now: NOW });
  return { root, store };
}

const request = (r: Partial<ExportRequest> & Pick<ExportRequest, 'what'>): ExportRequest => ({
  format: r.what === 'deck' ? 'markdown' : 'csv',
  output: null,
  force: false,
  archived: false,
  decks: [],
  ...r,
});

/** Runs an export in `root`, gathering what it sends to `out` and what it tells as it goes. */
async function exported(w: { root: string; store: Store }, r: ExportRequest) {
  const out: string[] = [];
  const told: (WrittenFile | string)[] = [];
  const summary: ExportSummary = await runExport(w.store, r, {
    now: NOW,
    cwd: w.root,
    configPath: join(w.root, 'no-config.json'),
    out: (text) => void out.push(text),
    describePath: (p) => p.slice(w.root.length + 1),
    written: (file) => told.push(file),
    leftOut: (f) => told.push(`left out ${f.card.id}: ${f.reason}`),
  });
  return { out: out.join(''), told, summary };
}

describe('runExport: decks', () => {
  it('writes one deck to the output stream, and tells of no file', async () => {
    const r = await exported(world(), request({ what: 'deck', decks: ['geo'] }));
    expect(r.out).toBe('---\ndeck: geo\n---\n\nFrance::Paris\nSpain::Madrid\n');
    expect(r.summary).toEqual({ written: [], leftOut: [] });
    expect(r.told).toEqual([]);
  });

  it('writes every deck to a folder, a file each, and returns what it wrote', async () => {
    const w = world();
    const r = await exported(w, request({ what: 'deck', output: 'out' }));
    const written = [
      { path: join(w.root, 'out', 'geo.md'), what: 'deck', deck: 'geo', count: 2 },
      { path: join(w.root, 'out', 'sql.md'), what: 'deck', deck: 'sql', count: 2 },
    ];
    expect(r.summary).toEqual({ written, leftOut: [] });
    expect(r.told).toEqual(written);
    expect(readdirSync(join(w.root, 'out'))).toEqual(['geo.md', 'sql.md']);
    expect(readFileSync(join(w.root, 'out', 'sql.md'), 'utf8')).toBe('---\ndeck: sql\n---\n\nq1::a1\nq2::a2\n');
  });

  it('refuses before writing anything when one of the files exists, and overwrites with force', async () => {
    const w = world();
    mkdirSync(join(w.root, 'out'));
    writeFileSync(join(w.root, 'out', 'sql.md'), 'mine\n');
    const err = await rejectedError(exported(w, request({ what: 'deck', output: 'out' })));
    expect([err.kind, err.message, err.fix]).toEqual(['usage', 'out/sql.md already exists.', { kind: 'overwrite' }]);
    expect(readdirSync(join(w.root, 'out'))).toEqual(['sql.md']);
    expect(readFileSync(join(w.root, 'out', 'sql.md'), 'utf8')).toBe('mine\n');

    const forced = await exported(w, request({ what: 'deck', output: 'out', force: true }));
    expect(forced.summary.written.map((f) => f.path)).toEqual([join(w.root, 'out', 'geo.md'), join(w.root, 'out', 'sql.md')]);
    expect(readFileSync(join(w.root, 'out', 'sql.md'), 'utf8')).toBe('---\ndeck: sql\n---\n\nq1::a1\nq2::a2\n');
  });

  it('leaves out a card markdown cannot hold, tells of it, and writes the rest', async () => {
    const w = world();
    w.store.db.prepare("UPDATE cards SET front = 'two\nlines' WHERE id = 4").run();
    const r = await exported(w, request({ what: 'deck', decks: ['sql'], output: 'sql-out.md' }));
    expect(r.told).toEqual(['left out 4: a front::back card must fit on one line', { path: join(w.root, 'sql-out.md'), what: 'deck', deck: 'sql', count: 1 }]);
    expect(r.summary.leftOut.map((f) => [f.card.id, f.card.sourcePath, f.card.line])).toEqual([[4, join(w.root, 'notes', 'sql.md'), 6]]);
    expect(readFileSync(join(w.root, 'sql-out.md'), 'utf8')).toBe('---\ndeck: sql\n---\n\nq1::a1\n');
  });

  it('asks for a folder when several decks have none, or their output is a file', async () => {
    const w = world();
    const noFolder = await rejectedError(exported(w, request({ what: 'deck' })));
    expect([noFolder.kind, noFolder.message, noFolder.fix]).toEqual([
      'usage',
      '2 decks are selected and a markdown file holds one deck.',
      { kind: 'output-folder-or-deck', decks: ['geo', 'sql'] },
    ]);
    writeFileSync(join(w.root, 'all.md'), 'mine\n');
    const aFile = await rejectedError(exported(w, request({ what: 'deck', output: 'all.md', force: true })));
    expect([aFile.kind, aFile.message, aFile.fix]).toEqual(['usage', 'all.md is a file.', { kind: 'output-folder', count: 2 }]);
    expect(readFileSync(join(w.root, 'all.md'), 'utf8')).toBe('mine\n');
  });

  it('has nothing to write for decks of archived cards only', async () => {
    const w = world();
    w.store.db.prepare('UPDATE cards SET archived_at = ? WHERE id IN (3, 4)').run(NOW);
    const err = await rejectedError(exported(w, request({ what: 'deck', decks: ['sql'] })));
    expect([err.kind, err.message]).toEqual(['notFound', 'sql has only archived cards; there is nothing to write.']);
  });
});

describe('runExport: records', () => {
  it('streams cards as CSV to the output stream, and counts them into a file', async () => {
    const w = world();
    const r = await exported(w, request({ what: 'cards', format: 'jsonl', decks: ['geo'] }));
    expect(r.out.trimEnd().split('\n').map((l) => (JSON.parse(l) as { id: number; front: string }).front)).toEqual(['France', 'Spain']);
    const toFile = await exported(w, request({ what: 'cards', output: 'cards.csv' }));
    expect(toFile.summary.written).toEqual([{ path: join(w.root, 'cards.csv'), what: 'cards', count: 4 }]);
    expect(readFileSync(join(w.root, 'cards.csv'), 'utf8').trimEnd().split('\n')).toHaveLength(5);
  });

  it('writes the revlog header alone for a store without reviews, and refuses an unknown deck first', async () => {
    const w = world();
    expect((await exported(w, request({ what: 'reviews' }))).out).toBe('card_id,review_time,review_rating,review_state,review_duration\n');
    const err = await rejectedError(exported(w, request({ what: 'reviews', decks: ['nope'], output: 'x.csv' })));
    expect([err.kind, err.message]).toEqual(['notFound', 'no deck named "nope". Decks: geo, sql.']);
    expect(existsSync(join(w.root, 'x.csv'))).toBe(false);
  });
});
