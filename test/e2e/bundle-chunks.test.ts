import { readFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

// What each command loads from the bundle (dist/bundle, which `npm test`
// builds first), read from the import statements esbuild writes: start-up
// and every other command must not load the HTML stats page and its chart
// library, only `engram export --what stats --format html` does.

const BUNDLE = fileURLToPath(new URL('../../dist/bundle/', import.meta.url));

interface Imports {
  static: string[];
  dynamic: string[];
}

const cache = new Map<string, { text: string; imports: Imports }>();

/** A bundle file's text and the files it imports (paths relative to the bundle folder). */
function bundleFile(name: string): { text: string; imports: Imports } {
  let file = cache.get(name);
  if (!file) {
    const text = readFileSync(join(BUNDLE, name), 'utf8');
    const resolve = (spec: string) => relative(BUNDLE, join(BUNDLE, dirname(name), spec));
    file = {
      text,
      imports: {
        static: [...text.matchAll(/(?:\bfrom|\bimport)\s*"(\.{1,2}\/[^"]+)"/g)].map((m) => resolve(m[1]!)),
        dynamic: [...text.matchAll(/\bimport\(\s*"(\.{1,2}\/[^"]+)"\s*\)/g)].map((m) => resolve(m[1]!)),
      },
    };
    cache.set(name, file);
  }
  return file;
}

/** Every file loaded with `start`: its static imports, theirs, and (with `dynamic`) what any of them may import later. */
function closure(start: string, dynamic: boolean): Set<string> {
  const seen = new Set<string>();
  const queue = [start];
  while (queue.length) {
    const name = queue.pop()!;
    if (seen.has(name)) continue;
    seen.add(name);
    const { imports } = bundleFile(name);
    queue.push(...imports.static, ...(dynamic ? imports.dynamic : []));
  }
  return seen;
}

describe('the bundle', () => {
  it('keeps the HTML stats page and d3 in a chunk that only the stats export loads', () => {
    const reachable = [...closure('main.js', true)];
    const pages = reachable.filter((f) => bundleFile(f).text.includes('Study progress'));
    expect(pages).toHaveLength(1);
    const page = pages[0]!;
    expect(page).toMatch(/^chunks\/stats-page-\w+\.js$/);
    // d3-scale's band scale is in no other file.
    expect(reachable.filter((f) => bundleFile(f).text.includes('paddingInner'))).toEqual([page]);
    // Loaded on demand, by the stats export alone.
    const importers = reachable.filter((f) => bundleFile(f).imports.static.includes(page) || bundleFile(f).imports.dynamic.includes(page));
    expect(importers).toHaveLength(1);
    expect(importers[0]).toMatch(/^chunks\/export-stats-\w+\.js$/);
    expect(bundleFile(importers[0]!).imports.static).not.toContain(page);
    // Start-up and the other stats and export code never load it.
    expect(closure('main.js', false).has(page)).toBe(false);
    for (const other of reachable.filter((f) => /^chunks\/(stats-dashboard|load-stats|export-records|export-decks|run-export)-/.test(f))) {
      expect(closure(other, false).has(page), other).toBe(false);
    }
  });

  it('keeps the parser out of what engram import loads until a file has changed', () => {
    const reachable = [...closure('main.js', true)];
    // A message of the card scanner: the parser's code is in exactly one file.
    const parsers = reachable.filter((f) => bundleFile(f).text.includes('repeats the card at line'));
    expect(parsers).toHaveLength(1);
    const importFiles = reachable.filter((f) => /^chunks\/import-files-\w+\.js$/.test(f));
    expect(importFiles).toHaveLength(1);
    // A re-sync that finds every file unchanged loads the import's code without it; an import that parses loads it.
    expect(closure(importFiles[0]!, false).has(parsers[0]!)).toBe(false);
    expect(closure(importFiles[0]!, true).has(parsers[0]!)).toBe(true);
  });

  it('loads no markdown parser or code highlighter with the review and quiz screens: their engine is a file of its own, read on first use', () => {
    // Messages of mdast-util-from-markdown and of highlight.js's core.
    const engineCode = (f: string) => bundleFile(f).text.includes('Cannot close document') || bundleFile(f).text.includes('Could not find the language');
    for (const screen of ['run-review.js', 'run-quiz.js']) {
      expect([...closure(screen, true)].filter(engineCode), screen).toEqual([]);
    }
    const engine = readFileSync(join(BUNDLE, 'markdown-engine.cjs'), 'utf8');
    expect(engine.includes('Cannot close document') && engine.includes('Could not find the language')).toBe(true);
    // The loader that reads it is reachable from both screens.
    const loaders = [...closure('main.js', true)].filter((f) => bundleFile(f).text.includes('markdown-engine.cjs'));
    expect(loaders).toHaveLength(1);
    expect(closure('run-review.js', false).has(loaders[0]!)).toBe(true);
    expect(closure('run-quiz.js', false).has(loaders[0]!)).toBe(true);
  });

  it("loads Node's built-in modules with require(), not import, and holds better-sqlite3's JS itself", () => {
    // An import of a built-in runs every lazy getter of its exports (node:crypto loads WebCrypto); better-sqlite3 from
    // node_modules is 14 CommonJS files (and an import of it first scans its source for export names).
    const files = [...closure('main.js', true)];
    expect(files.length).toBeGreaterThan(50);
    const imported = files.filter((f) => /(?:\bfrom|\bimport)\s*"node:[\w/]+"/.test(bundleFile(f).text));
    expect(imported).toEqual([]);
    expect(files.filter((f) => /require\("better-sqlite3"\)|\bfrom\s*"better-sqlite3"|import\("better-sqlite3"\)/.test(bundleFile(f).text))).toEqual([]);
    // better-sqlite3's Database, in one file.
    const sqlite = files.filter((f) => bundleFile(f).text.includes('Misspelled option "readOnly"'));
    expect(sqlite).toHaveLength(1);
    // node:child_process (which loads node:net and node:dgram) only when a program is started, but for execFile.
    const eager = files.filter((f) => /require\("node:child_process"\)(?!\.\w+\(\.\.\.a\))/.test(bundleFile(f).text));
    expect(eager.map((f) => bundleFile(f).text.match(/require\("node:child_process"\),[\w$]+=__m\d+\.(\w+)/)?.[1])).toEqual(['execFile']);
    // The built-ins are required first after the banner (which defines require), as imports are hoisted.
    const bannerEnd = 'writable:true});';
    for (const f of files.filter((f) => bundleFile(f).text.includes('require("node:fs")'))) {
      const text = bundleFile(f).text;
      expect(text.slice(text.indexOf(bannerEnd) + bannerEnd.length), f).toMatch(/^const [\w$]+=(?:\(\.\.\.a\)=>)?require\("node:[\w/]+"\)/);
    }
  });

  it('has a package.json in each of its folders, so that Node need not look for one up the tree at every import', () => {
    for (const folder of ['', 'chunks/']) expect(JSON.parse(readFileSync(join(BUNDLE, folder, 'package.json'), 'utf8'))).toEqual({ type: 'module' });
  });

  it('creates no Intl object when the screens load (the first initialises ICU, ~15 ms): Ink\'s tokenizers get the lazy segmenter', () => {
    for (const screen of ['run-review.js', 'run-quiz.js']) {
      const eager = [...closure(screen, false)].filter((f) => /new Intl\.Segmenter\(void 0,\{granularity:"grapheme"\}\)[,;]/.test(bundleFile(f).text));
      expect(eager, screen).toEqual([]);
    }
  });
});
