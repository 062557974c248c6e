import { parseSource } from '../parse/parse-source.js';
import type { Store } from '../store/open-store.js';
import { startImport, type FileReport, type ImportOptions } from './import-job.js';

export { startImport, type FileReport, type ImportJob, type ImportOptions } from './import-job.js';

/**
 * Imports the given files and folders into the store, or re-syncs every source
 * imported before when `paths` is null. Unchanged files are skipped by size and
 * mtime, then by content hash. Two kinds of files outside the request are read
 * too, so that cards follow the user's edits: a changed file holding a card
 * that a requested file now has (the card moved), and a file that skipped a
 * card as a copy when the file holding it lets go of it. All changes are
 * written in one transaction: an import is applied whole or not at all.
 * Loads the parser with this module; `engram import` itself takes the steps
 * of {@link startImport} and loads it only when a file has changed.
 * @returns one report per file, in path order
 */
export function importPaths(store: Store, paths: readonly string[] | null, options: ImportOptions): FileReport[] {
  const job = startImport(store, paths, { ...options, parse: options.parse ?? parseSource });
  while (job.readNext());
  return job.write();
}
