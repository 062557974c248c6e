import type { ParsedCard } from '../model/card.js';
import type { Problem } from '../model/problem.js';
import type { ParseMode } from '../model/parse-mode.js';
import { parseSource } from '../parse/parse-source.js';
import { missingPathProblem, readSourceFile } from './read-source-file.js';
import { expandPaths } from './walk-paths.js';

/** What `engram check` found in one file. */
export interface CheckReport {
  /** Absolute as the user gave it (through symlinks), or as given when it does not exist. */
  path: string;
  deck: string | null;
  cards: number;
  /** The cards themselves, as an import would read them (for `engram check --quality`). */
  parsed: ParsedCard[];
  problems: Problem[];
  /** The path does not exist (its one problem says so). */
  missing?: true;
}

/**
 * Parses the given files and folders as an import of new files would (in
 * `mode`, default auto), writing nothing anywhere. `cwd` is the working
 * folder as the shell names it.
 * @returns one report per file (and per path that does not exist), in path order
 */
export function checkPaths(paths: readonly string[], cwd: string, onProgress?: (done: number, total: number) => void, mode?: ParseMode): CheckReport[] {
  const { files, missing } = expandPaths(paths, cwd);
  const reports: CheckReport[] = missing.map((path) => ({ path, deck: null, cards: 0, parsed: [], problems: [missingPathProblem()], missing: true }));
  files.forEach((file, i) => {
    onProgress?.(i, files.length);
    const read = readSourceFile(file.path, file.named, undefined, true, mode, parseSource);
    const path = file.shown;
    if (read.kind === 'parsed') reports.push({ path, deck: read.file.deck, cards: read.file.cards.length, parsed: read.file.cards, problems: read.file.problems });
    else if (read.kind === 'skipped') reports.push({ path, deck: null, cards: 0, parsed: [], problems: read.problems });
  });
  onProgress?.(files.length, files.length);
  return reports;
}
