import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

/**
 * The parts of src/ and their order (docs/architecture.md): a file may import
 * only from its own part, a part of the same rank, or a lower rank.
 */
const RANK: Readonly<Record<string, number>> = {
  model: 0,
  parse: 1,
  nlp: 1,
  quality: 1,
  schedule: 1,
  run: 1,
  store: 1,
  sync: 1,
  anki: 1,
  check: 2,
  library: 2,
  stats: 2,
  export: 2,
  app: 3,
  tui: 4,
  cli: 5,
};

const SRC = resolve(dirname(fileURLToPath(import.meta.url)), '../../src');

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const path = join(dir, e.name);
    if (e.isDirectory()) return sourceFiles(path);
    return /\.tsx?$/.test(e.name) ? [path] : [];
  });
}

/** Every module specifier a file names in an import, export-from or import(). */
function specifiers(source: string): string[] {
  // Comments first: prose such as "an Anki import's" must not read as an import.
  const text = source.replace(/\/\*[\s\S]*?\*\//g, '').replace(/^\s*\/\/.*$/gm, '');
  const found: string[] = [];
  for (const m of text.matchAll(/(?:^|[\s;])(?:import|export)\s[^'"`;]*?from\s*['"]([^'"]+)['"]/g)) found.push(m[1]!);
  for (const m of text.matchAll(/(?:^|[\s;])import\s*['"]([^'"]+)['"]/g)) found.push(m[1]!);
  for (const m of text.matchAll(/\bimport\(\s*['"]([^'"]+)['"]\s*\)/g)) found.push(m[1]!);
  return found;
}

/** The part (top folder under src/) a path belongs to. */
function partOf(path: string): string {
  return relative(SRC, path).split(/[\\/]/)[0]!;
}

const files = sourceFiles(SRC).map((path) => ({ path, name: relative(SRC, path), part: partOf(path), text: readFileSync(path, 'utf8') }));

describe('the parts of src/', () => {
  it('are all known, so none escapes the rules below', () => {
    const unknown = [...new Set(files.map((f) => f.part))].filter((p) => !(p in RANK) && !p.includes('.'));
    expect(unknown).toEqual([]);
  });

  it('import only from their own rank or lower ones', () => {
    const upward: string[] = [];
    for (const f of files) {
      for (const spec of specifiers(f.text)) {
        if (!spec.startsWith('.')) continue;
        const target = partOf(resolve(dirname(f.path), spec));
        if (target === f.part || !(target in RANK) || !(f.part in RANK)) continue;
        if (RANK[target]! > RANK[f.part]!) upward.push(`${f.name} -> ${target}/ (${spec})`);
      }
    }
    expect(upward).toEqual([]);
  });

  it('keep store/ on model/ alone, besides node and better-sqlite3', () => {
    const outside: string[] = [];
    for (const f of files.filter((x) => x.part === 'store')) {
      for (const spec of specifiers(f.text)) {
        if (spec.startsWith('node:') || spec === 'better-sqlite3') continue;
        if (spec.startsWith('.') && ['store', 'model'].includes(partOf(resolve(dirname(f.path), spec)))) continue;
        outside.push(`${f.name} -> ${spec}`);
      }
    }
    expect(outside).toEqual([]);
  });

  it('leave argv, the environment, stdout/stderr, exit and exit codes to cli/', () => {
    const pattern = /\bprocess\.(argv|env|stdout|stderr|stdin|exit|exitCode)\b|\bexitCode\b/;
    const offenders = files
      .filter((f) => f.part !== 'cli')
      .flatMap((f) =>
        f.text
          .split('\n')
          .map((line, i) => ({ line, at: `${f.name}:${i + 1}` }))
          // Comments may speak of these; code may not use them.
          .filter(({ line }) => pattern.test(line.replace(/\/\/.*$|^\s*\*.*$|\/\*.*?\*\//g, '')))
          .map(({ at }) => at),
      );
    expect(offenders).toEqual([]);
  });

  it('keep SQL in store/: no statement prepared, run or written outside it', () => {
    // store.sql(...), db.prepare('...'), db.exec('...'), db.pragma('...'), or a string that starts as a statement.
    const pattern = /\.sql\(|\.(prepare|exec|pragma)\(\s*['"`]|['"`]\s*(SELECT|INSERT|UPDATE|DELETE|REPLACE|CREATE|DROP|ALTER|PRAGMA)\s/;
    const offenders = files
      .filter((f) => f.part !== 'store')
      .flatMap((f) =>
        f.text
          .split('\n')
          .map((line, i) => ({ line, at: `${f.name}:${i + 1}` }))
          .filter(({ line }) => pattern.test(line.replace(/\/\/.*$|^\s*\*.*$|\/\*.*?\*\//g, '')))
          .map(({ at }) => at),
      );
    expect(offenders).toEqual([]);
  });

  it('leave ink and react to tui/ and cli/', () => {
    const offenders = files
      .filter((f) => f.part !== 'tui' && f.part !== 'cli')
      .filter((f) => specifiers(f.text).some((s) => s === 'ink' || s === 'react' || s.startsWith('ink/') || s.startsWith('react/')))
      .map((f) => f.name);
    expect(offenders).toEqual([]);
  });

  it('give each file a name of its own', () => {
    const byName = new Map<string, string[]>();
    for (const f of files) {
      const base = f.name.split(/[\\/]/).pop()!;
      byName.set(base, [...(byName.get(base) ?? []), f.name]);
    }
    const twice = [...byName.values()].filter((paths) => paths.length > 1);
    expect(twice).toEqual([]);
  });
});
