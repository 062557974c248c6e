import type { Problem } from '../model/problem.js';
import type { ParseMode } from '../model/parse-mode.js';
import { missingPathProblem, readSourceFile } from './read-source-file.js';
import { expandPaths } from './walk-paths.js';

/** What `engram check` found in one file. */
export interface CheckReport {
  path: string;
  deck: string | null;
  cards: number;
  problems: Problem[];
  /** The path does not exist (its one problem says so). */
  missing?: true;
}

/**
 * Parses the given files and folders exactly as an import would (in `mode`,
 * default auto), writing nothing anywhere.
 * @returns one report per file (and per path that does not exist), in path order
 */
export function checkPaths(paths: readonly string[], cwd: string, onProgress?: (done: number, total: number) => void, mode?: ParseMode): CheckReport[] {
  const { files, missing } = expandPaths(paths, cwd);
  const reports: CheckReport[] = missing.map((path) => ({ path, deck: null, cards: 0, problems: [missingPathProblem()], missing: true }));
  files.forEach((path, i) => {
    onProgress?.(i, files.length);
    const read = readSourceFile(path, undefined, true, mode);
    if (read.kind === 'parsed') reports.push({ path, deck: read.file.deck, cards: read.file.cards.length, problems: read.file.problems });
    else if (read.kind === 'skipped') reports.push({ path, deck: null, cards: 0, problems: read.problems });
  });
  onProgress?.(files.length, files.length);
  return reports;
}
