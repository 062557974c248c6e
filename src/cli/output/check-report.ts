import type { CheckSummary } from '../../app/import/check-files.js';
import { sanitizeText } from '../../tui/markdown/sanitize-text.js';
import { displayPath } from './display-path.js';
import { plural } from './plural.js';
import { printProblems, problemsJson, problemTally } from './print-problems.js';

/** Writes what `engram check` found to `stream`: per file its cards and every problem, then the totals. */
export function printCheckReport(stream: NodeJS.WritableStream, summary: CheckSummary): void {
  for (const r of summary.reports) {
    if (r.deck !== null) stream.write(sanitizeText(`${displayPath(r.path)}: ${plural(r.cards, 'card')} for deck "${r.deck}"\n`));
    printProblems(stream, r.path, r.problems);
  }
  const problems = summary.reports.flatMap((r) => r.problems);
  stream.write(`Checked ${plural(summary.reports.length, 'file')}: ${plural(summary.cards, 'card')}, ${problemTally(problems)}.\n`);
}

/** `engram check --json`: each file's deck, cards and problems, then the totals. */
export function checkJson(summary: CheckSummary): string {
  const files = summary.reports.map((r) => ({ path: displayPath(r.path), deck: r.deck, cards: r.cards, problems: problemsJson(r.path, r.problems) }));
  return JSON.stringify({ files, cards: summary.cards, errors: summary.errors, warnings: summary.warnings }, null, 2);
}
