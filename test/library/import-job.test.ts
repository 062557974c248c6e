import { rmSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { startImport, type ImportJob } from '../../src/library/import-job.js';
import type { SourceParser } from '../../src/library/read-source-file.js';
import { parseSource } from '../../src/parse/parse-source.js';
import { DAY, library, T0, ZERO, type Library } from './library-fixture.js';

const GEO = 'What is the capital of France::Paris\nWhat is the capital of Spain::Madrid\n';
const SEA = 'What is the deepest sea::the Philippine Sea\n';

/** A job started without a parser, and the parser it asks for, counting how often it parses. */
function jobWithoutParser(lib: Library, paths: readonly string[] | null, now: number): { job: ImportJob; parses: () => number; wanted: boolean[] } {
  let parses = 0;
  const counting: SourceParser = (bytes, name, mode) => {
    parses++;
    return parseSource(bytes, name, mode);
  };
  const job = startImport(lib.store, paths, { cwd: lib.notes, now });
  const wanted: boolean[] = [];
  // As engram import drives it: a parser only once the job says it needs one.
  do {
    wanted.push(job.parserWanted());
    if (job.parserWanted()) job.useParser(counting);
  } while (job.readNext());
  wanted.push(job.parserWanted());
  if (job.parserWanted()) job.useParser(counting);
  return { job, parses: () => parses, wanted };
}

describe('startImport without a parser', () => {
  it('re-syncs files that are all unchanged without ever asking for the parser', () => {
    const lib = library();
    const geo = lib.write('geo.md', GEO);
    lib.write('sea.md', SEA);
    lib.importNow(['.'], T0);
    const { job, parses, wanted } = jobWithoutParser(lib, null, T0 + DAY);
    expect(wanted).toEqual([false, false, false, false]);
    const reports = job.write();
    expect(parses()).toBe(0);
    expect(reports.map((r) => [r.path, r.status, r.cards])).toEqual([
      [geo, 'unchanged', 2],
      [lib.at('sea.md'), 'unchanged', 1],
    ]);
  });

  it('asks for the parser at the first changed file, then reads it and the rest as importPaths does', () => {
    const lib = library();
    lib.write('geo.md', GEO);
    const sea = lib.write('sea.md', SEA);
    lib.importNow(['.'], T0);
    lib.write('sea.md', `${SEA}What is the saltiest sea::the Dead Sea\n`);
    const { job, parses, wanted } = jobWithoutParser(lib, null, T0 + DAY);
    // Before geo.md, after it (read without one), after sea.md (it asks), after sea.md again (read), at the end.
    expect(wanted).toEqual([false, false, true, false, false]);
    const reports = job.write();
    expect(parses()).toBe(1);
    expect(reports.find((r) => r.path === sea)).toEqual({ path: sea, status: 'imported', deck: 'sea', cards: 2, counts: { ...ZERO, added: 1, unchanged: 1 }, problems: [] });
    expect(lib.cards().map((c) => c.front)).toEqual(['What is the capital of France', 'What is the capital of Spain', 'What is the deepest sea', 'What is the saltiest sea']);
  });

  it('asks for the parser before writing when a file is gone, so a file that skipped its card can take it over', () => {
    const lib = library();
    const a = lib.write('a.md', SEA);
    const b = lib.write('b.md', SEA);
    lib.importNow(['.'], T0);
    rmSync(a);
    const { job, parses, wanted } = jobWithoutParser(lib, null, T0 + DAY);
    // Asked once every file is read: a.md is gone, and b.md, which skipped its card, is read while writing.
    expect(wanted).toEqual([false, false, true, false]);
    const reports = job.write();
    expect(parses()).toBe(1);
    expect(reports.map((r) => [r.path, r.status, r.cards])).toEqual([
      [a, 'missing', 0],
      [b, 'imported', 1],
    ]);
    expect(lib.cards().map((c) => [c.sourcePath, c.archived])).toEqual([[b, false]]);
  });

  it('refuses to read on when the parser it asked for was not given, rather than loop', () => {
    const lib = library();
    lib.write('sea.md', SEA);
    const job = startImport(lib.store, ['sea.md'], { cwd: lib.notes, now: T0 });
    expect(job.readNext()).toBe(true);
    expect(job.parserWanted()).toBe(true);
    expect(() => job.readNext()).toThrow('the import needs a parser before it reads on (see parserWanted)');
  });
});
