import { checkPaths, type CheckReport } from '../../library/check-paths.js';
import { EngramError } from '../../model/engram-error.js';
import type { ParseMode } from '../../model/parse-mode.js';

/** What a check of card files found, in all. */
export interface CheckSummary {
  /** One report per file (and per path that does not exist), in path order. */
  reports: CheckReport[];
  cards: number;
  errors: number;
  warnings: number;
  /** None of the paths given exists. */
  nothingFound: boolean;
}

/**
 * Parses the given files and folders as an import would (in `o.mode`, default
 * auto) and writes nothing anywhere.
 * @throws EngramError 'notFound' when the paths hold no card file
 */
export function checkFiles(
  paths: readonly string[],
  o: { cwd: string; mode?: ParseMode; progress?: (done: number, total: number) => void },
): CheckSummary {
  const reports = checkPaths(paths, o.cwd, o.progress, o.mode);
  if (reports.length === 0) throw new EngramError('notFound', `no card files (.md, .markdown, .txt) found in ${paths.join(', ')}.`);
  const problems = reports.flatMap((r) => r.problems);
  const errors = problems.filter((p) => p.severity === 'error').length;
  return { reports, cards: reports.reduce((a, r) => a + r.cards, 0), errors, warnings: problems.length - errors, nothingFound: reports.every((r) => r.missing) };
}
