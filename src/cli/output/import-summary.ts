import type { ImportResult } from '../../app/import/import-files.js';
import type { FileReport } from '../../library/import-sources.js';
import type { Problem } from '../../model/problem.js';
import { displayPath } from './display-path.js';
import { formatTable } from './format-table.js';
import { explainLines } from './import-explain.js';
import { plural } from './plural.js';
import { printProblems, problemsJson, problemTally } from './print-problems.js';

/** Unchanged files listed one by one up to this many; more are summed up in one line. */
const MAX_UNCHANGED_LISTED = 10;
/** Problems printed per file by import; `engram check` prints them all. */
const MAX_PROBLEMS_PER_FILE = 20;

/**
 * Writes each file's problems as `file:line:` lines to `stream`, at most
 * {@link MAX_PROBLEMS_PER_FILE} a file. The warnings of unchanged files were
 * said at the import that read them: they are counted in one line, not
 * repeated (their errors are, as their cards are still broken).
 */
export function printImportProblems(stream: NodeJS.WritableStream, reports: readonly FileReport[]): void {
  let known = 0;
  const files = new Set<string>();
  for (const r of reports) {
    const quiet = r.status === 'unchanged' ? r.problems.filter((p) => p.severity === 'warning') : [];
    known += quiet.length;
    if (quiet.length > 0) files.add(r.path);
    printProblems(stream, r.shownPath ?? r.path, quiet.length ? r.problems.filter((p) => !quiet.includes(p)) : r.problems, MAX_PROBLEMS_PER_FILE);
  }
  if (known > 0) {
    stream.write(`${plural(known, 'known warning')} in ${plural(files.size, 'unchanged file')}, as at the import that read ${files.size === 1 ? 'it' : 'them'}; not repeated (engram import --json lists them).\n`);
  }
}

/**
 * The text `engram import` prints on stdout: a table of the files (unchanged
 * files summed up in one line when there are many), the totals, the store,
 * and with `--explain` which syntax made each file's cards. Lines fit `width`.
 */
export function importSummaryLines(result: ImportResult, width: number): string[] {
  const { reports, totals: t } = result;
  const quiet = reports.filter((r) => r.status === 'unchanged' && r.problems.length === 0);
  const collapse = quiet.length > MAX_UNCHANGED_LISTED;
  const listed = collapse ? reports.filter((r) => !quiet.includes(r)) : reports;
  const showRestored = reports.some((r) => r.counts.restored > 0);
  const columns = [
    { header: 'file', min: 16, cut: 'start' as const },
    { header: 'deck', min: 8 },
    { header: 'cards', align: 'right' as const },
    { header: 'added', align: 'right' as const },
    { header: 'updated', align: 'right' as const },
    { header: 'unchanged', align: 'right' as const },
    { header: 'archived', align: 'right' as const },
    ...(showRestored ? [{ header: 'restored', align: 'right' as const }] : []),
    { header: 'problems', align: 'right' as const },
  ];
  const rows = listed.map((r) => [
    displayPath(r.shownPath ?? r.path),
    r.deck ?? (r.status === 'unchanged' ? '(unchanged)' : r.status === 'missing' ? '(gone)' : '(skipped)'),
    String(r.cards),
    String(r.counts.added),
    String(r.counts.updated),
    String(r.counts.unchanged),
    String(r.counts.archived),
    ...(showRestored ? [String(r.counts.restored)] : []),
    String(r.problems.length),
  ]);
  const out: string[] = rows.length ? formatTable(columns, rows, width) : [];
  if (collapse) out.push(`${plural(quiet.length, 'more file')} unchanged (${plural(quiet.reduce((a, r) => a + r.cards, 0), 'card')}).`);
  const restored = t.restored ? `, ${t.restored} restored` : '';
  out.push(
    `${plural(t.cards, 'card')} in ${plural(reports.length, 'file')}: ${t.added} added, ${t.updated} updated, ${t.unchanged} unchanged, ${t.archived} archived${restored}; ${importTally(reports)}.`,
  );
  out.push(result.store ? `Store: ${result.store}` : 'Nothing was imported, so no store was created.');
  if (result.madeBy) {
    const shown = new Map(reports.map((r) => [r.path, r.shownPath ?? r.path]));
    for (const [path, e] of result.madeBy) out.push('', ...explainLines(displayPath(shown.get(path) ?? path), e.mode, e.counts, e.withheld));
  }
  return out;
}

/** The problems of an import in words, an unchanged file's warnings counted apart as known: "1 error, 8 known warnings". */
function importTally(reports: readonly FileReport[]): string {
  const isKnown = (r: FileReport, p: Problem) => r.status === 'unchanged' && p.severity === 'warning';
  const fresh = reports.flatMap((r) => r.problems.filter((p) => !isKnown(r, p)));
  const known = reports.reduce((n, r) => n + r.problems.filter((p) => isKnown(r, p)).length, 0);
  if (known === 0) return problemTally(fresh);
  return fresh.length ? `${problemTally(fresh)}, ${plural(known, 'known warning')}` : plural(known, 'known warning');
}

/** `engram import --json`: the store, the exit code, the totals and one object per file. */
export function importJson(result: ImportResult, exitCode: number): string {
  const files = result.reports.map((r) => {
    const e = result.madeBy?.get(r.path);
    return {
      path: displayPath(r.shownPath ?? r.path),
      status: r.status,
      deck: r.deck,
      cards: r.cards,
      ...r.counts,
      problems: problemsJson(r.shownPath ?? r.path, r.problems),
      ...(e ? { mode: e.mode, madeBy: Object.fromEntries(e.counts), withheld: e.withheld } : {}),
    };
  });
  return JSON.stringify({ store: result.store, exitCode, totals: result.totals, files }, null, 2);
}
