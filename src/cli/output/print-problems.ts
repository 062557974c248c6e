import { formatProblem, type Problem } from '../../model/problem.js';
import { sanitizeText } from '../../tui/markdown/sanitize-text.js';
import { displayPath } from './display-path.js';
import { plural } from './plural.js';

/** Problems as JSON objects with a display path. */
export function problemsJson(path: string, problems: readonly Problem[]): object[] {
  return problems.map((p) => ({ path: displayPath(path), line: p.line, severity: p.severity, message: p.message, fix: p.fix }));
}

/** Writes `file:line: severity: message fix` lines, at most `limit` per file. */
export function printProblems(stream: NodeJS.WritableStream, path: string, problems: readonly Problem[], limit = Infinity): void {
  const shown = problems.slice(0, limit);
  for (const p of shown) stream.write(`${sanitizeText(formatProblem({ ...p, path: displayPath(path) }))}\n`);
  if (problems.length > shown.length) {
    stream.write(`${displayPath(path)}: … and ${problems.length - shown.length} more problems (engram check ${displayPath(path)} lists them all).\n`);
  }
}

/** "1 error, 2 warnings" for a list of problems (or "no problems"). */
export function problemTally(problems: readonly Problem[]): string {
  const errors = problems.filter((p) => p.severity === 'error').length;
  const warnings = problems.length - errors;
  if (problems.length === 0) return 'no problems';
  const parts: string[] = [];
  if (errors) parts.push(plural(errors, 'error'));
  if (warnings) parts.push(plural(warnings, 'warning'));
  return parts.join(', ');
}
