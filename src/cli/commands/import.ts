import type { Command } from 'commander';
import { existsSync, rmdirSync, rmSync } from 'node:fs';
import { dirname } from 'node:path';
import type { FileReport } from '../../library/import-sources.js';
import type { CardSyntax } from '../../model/card.js';
import { EngramError } from '../../model/engram-error.js';
import type { ParseMode } from '../../model/parse-mode.js';
import type { Store } from '../../store/open-store.js';
import { dbOption, jsonOption, modeOption } from '../common-options.js';
import { displayPath } from '../output/display-path.js';
import { explainLines } from '../output/import-explain.js';
import { currentTime, outputWidth, storePath } from '../environment.js';
import { plural } from '../output/plural.js';
import { printProblems, problemsJson, problemTally } from '../output/print-problems.js';
import { progressBar } from '../output/progress-bar.js';

/** Unchanged files listed one by one up to this many; more are summed up in one line. */
const MAX_UNCHANGED_LISTED = 10;
/** Problems printed per file by import; `engram check` prints them all. */
const MAX_PROBLEMS_PER_FILE = 20;

const EXIT_CODES = `
Exit codes:
  0  everything imported cleanly (or nothing had changed)
  1  imported, but some files had problems (listed as file:line)
  2  nothing could be imported (no such files, no cards, unreadable)`;

/** `engram import [paths...]` */
export function registerImport(program: Command): void {
  program
    .command('import')
    .description('import card files and folders into the store; with no paths, re-sync every file imported before')
    .argument('[paths...]', 'files or folders (.md, .markdown, .txt, walked recursively)')
    .addOption(modeOption())
    .option('--explain', 'say for each file which extractor made how many cards')
    .addOption(jsonOption())
    .addOption(dbOption())
    .addHelpText('after', EXIT_CODES)
    .action(async (paths: string[], opts: { json?: boolean; db?: string; mode?: ParseMode; explain?: boolean }) => {
      // Loaded here, not at start-up, so other commands and --help stay fast.
      const { importPaths } = await import('../../library/import-sources.js');
      const { openCommandStore } = await import('../command-store.js');
      const { storeIsEmpty } = await import('../../store/sources.js');
      const { formatTable } = await import('../output/format-table.js');
      const path = storePath(opts.db);
      const existed = existsSync(path);
      const store = openCommandStore(path, { create: true, now: currentTime() });
      let nothingImported = false;
      try {
        const bar = progressBar(process.stderr, 'Importing');
        const reports = importPaths(store, paths.length ? paths : null, {
          cwd: process.cwd(),
          now: currentTime(),
          describePath: (p) => displayPath(p),
          onProgress: opts.json ? undefined : bar.update,
          ...(opts.mode ? { mode: opts.mode } : {}),
        });
        bar.clear();
        if (reports.length === 0) {
          throw new EngramError(
            'usage',
            paths.length
              ? `no card files (.md, .markdown, .txt) found in ${paths.join(', ')}.`
              : 'nothing to re-sync: no file was imported yet. Give files or folders, e.g. engram import decks/',
          );
        }
        const code = importExitCode(reports);
        nothingImported = !existed && code === 2 && storeIsEmpty(store);
        const kept = nothingImported ? null : store.path;
        const explained = opts.explain ? await explanations(store, reports) : null;
        if (opts.json) printJson(reports, kept, code, explained);
        else printText(reports, kept, formatTable, explained);
        process.exitCode = code;
      } finally {
        store.close();
        // A store this run created and left empty is not left behind (never after an
        // error: another engram may have written to it meanwhile).
        if (nothingImported) {
          for (const suffix of ['', '-wal', '-shm']) rmSync(path + suffix, { force: true });
          try {
            rmdirSync(dirname(path)); // only if empty: the folder may hold other things
          } catch {
            // not empty, or not ours to remove
          }
        }
      }
    });
}

/** 2 when no file gave or archived a card, else 1 when any file had a problem, else 0. */
export function importExitCode(reports: readonly FileReport[]): number {
  const usable = reports.some((r) => r.status !== 'skipped' && (r.cards > 0 || r.counts.archived > 0));
  if (!usable) return 2;
  return reports.some((r) => r.problems.length > 0) ? 1 : 0;
}

/** Per file imported (not skipped or gone): its mode and its active cards by syntax, from the store. */
type Explained = Map<string, { mode: string; counts: Map<CardSyntax, number> }>;

async function explanations(store: Store, reports: readonly FileReport[]): Promise<Explained> {
  const { cardCountsBySyntax } = await import('../../store/cards.js');
  const { allSources } = await import('../../store/sources.js');
  const modes = new Map(allSources(store).map((s) => [s.path, s.mode]));
  const out: Explained = new Map();
  for (const r of reports) {
    const mode = modes.get(r.path);
    if (r.status === 'skipped' || r.status === 'missing' || mode === undefined) continue;
    out.set(r.path, { mode, counts: cardCountsBySyntax(store, r.path) });
  }
  return out;
}

function printText(
  reports: readonly FileReport[],
  store: string | null,
  formatTable: typeof import('../output/format-table.js').formatTable,
  explained: Explained | null,
): void {
  for (const r of reports) printProblems(process.stderr, r.path, r.problems, MAX_PROBLEMS_PER_FILE);
  const quiet = reports.filter((r) => r.status === 'unchanged' && r.problems.length === 0);
  const collapse = quiet.length > MAX_UNCHANGED_LISTED;
  const listed = collapse ? reports.filter((r) => !quiet.includes(r)) : reports;
  const showRestored = reports.some((r) => r.counts.restored > 0);
  const columns = [
    { header: 'file', min: 16 },
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
    displayPath(r.path),
    r.deck ?? (r.status === 'unchanged' ? '(unchanged)' : r.status === 'missing' ? '(gone)' : '(skipped)'),
    String(r.cards),
    String(r.counts.added),
    String(r.counts.updated),
    String(r.counts.unchanged),
    String(r.counts.archived),
    ...(showRestored ? [String(r.counts.restored)] : []),
    String(r.problems.length),
  ]);
  const out: string[] = rows.length ? formatTable(columns, rows, outputWidth()) : [];
  if (collapse) out.push(`${plural(quiet.length, 'more file')} unchanged (${plural(sum(quiet, (r) => r.cards), 'card')}).`);
  const t = totals(reports);
  const restored = t.restored ? `, ${t.restored} restored` : '';
  out.push(
    `${plural(t.cards, 'card')} in ${plural(reports.length, 'file')}: ${t.added} added, ${t.updated} updated, ${t.unchanged} unchanged, ${t.archived} archived${restored}; ${problemTally(reports.flatMap((r) => r.problems))}.`,
  );
  out.push(store ? `Store: ${store}` : 'Nothing was imported, so no store was created.');
  if (explained) for (const [path, e] of explained) out.push('', ...explainLines(displayPath(path), e.mode, e.counts));
  process.stdout.write(`${out.join('\n')}\n`);
}

function printJson(reports: readonly FileReport[], store: string | null, exitCode: number, explained: Explained | null): void {
  const files = reports.map((r) => {
    const e = explained?.get(r.path);
    return {
      path: displayPath(r.path),
      status: r.status,
      deck: r.deck,
      cards: r.cards,
      ...r.counts,
      problems: problemsJson(r.path, r.problems),
      ...(e ? { mode: e.mode, madeBy: Object.fromEntries(e.counts) } : {}),
    };
  });
  process.stdout.write(`${JSON.stringify({ store, exitCode, totals: totals(reports), files }, null, 2)}\n`);
}

function totals(reports: readonly FileReport[]) {
  return {
    files: reports.length,
    cards: sum(reports, (r) => r.cards),
    added: sum(reports, (r) => r.counts.added),
    updated: sum(reports, (r) => r.counts.updated),
    unchanged: sum(reports, (r) => r.counts.unchanged),
    archived: sum(reports, (r) => r.counts.archived),
    restored: sum(reports, (r) => r.counts.restored),
    problems: sum(reports, (r) => r.problems.length),
  };
}

function sum<T>(items: readonly T[], f: (t: T) => number): number {
  return items.reduce((a, t) => a + f(t), 0);
}
