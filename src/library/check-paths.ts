import { readFileSync } from 'node:fs';
import type { Problem } from '../model/problem.js';
import { parseSource } from '../parse/parse-source.js';
import { expandPaths } from './walk-paths.js';

/** What `engram check` found in one file. */
export interface CheckReport {
  path: string;
  deck: string | null;
  cards: number;
  problems: Problem[];
}

/**
 * Parses the given files and folders without writing anything anywhere.
 * @returns one report per file (and per path that does not exist), in path order
 */
export function checkPaths(paths: readonly string[], cwd: string, onProgress?: (done: number, total: number) => void): CheckReport[] {
  const { files, missing } = expandPaths(paths, cwd);
  const reports: CheckReport[] = missing.map((path) => ({
    path,
    deck: null,
    cards: 0,
    problems: [{ line: 0, severity: 'error', message: 'does not exist.', fix: 'Check the path.' }],
  }));
  files.forEach((path, i) => {
    onProgress?.(i, files.length);
    let bytes: Buffer;
    try {
      bytes = readFileSync(path);
    } catch (err) {
      reports.push({
        path,
        deck: null,
        cards: 0,
        problems: [{ line: 0, severity: 'error', message: `cannot be read (${(err as NodeJS.ErrnoException).code ?? 'error'}).`, fix: 'Check its permissions.' }],
      });
      return;
    }
    const result = parseSource(bytes, path);
    reports.push({ path, deck: result.readable ? result.deck : null, cards: result.cards.length, problems: result.problems });
  });
  onProgress?.(files.length, files.length);
  return reports;
}
