import type { Command } from 'commander';
import type { ImportOutcome } from '../../app/import/import-files.js';
import type { ParseMode } from '../../model/parse-mode.js';
import { dbOption, jsonOption, modeOption } from '../common-options.js';
import { configPath, currentTime, outputWidth, storePath, workingFolder } from '../environment.js';
import { EXIT } from '../exit-codes.js';
import { EngramError } from '../../model/engram-error.js';

/** The exit code of each way an import can go. */
const EXIT_OF: Record<ImportOutcome, number> = { clean: EXIT.ok, problems: EXIT.problems, nothing: EXIT.notFound };

/** Whether a path names an Anki package (by its extension, as Anki names them). */
function isAnkiPackage(path: string): boolean {
  return /\.(apkg|colpkg)$/i.test(path);
}

/** `engram import deck.apkg [--into folder] [--dry-run] [--json]` */
async function importAnkiPackage(paths: string[], opts: { json?: boolean; db?: string; into?: string; dryRun?: boolean; mode?: ParseMode; explain?: boolean }): Promise<void> {
  if (paths.length !== 1) throw new EngramError('usage', 'give one Anki package at a time (no other files with it).');
  if (opts.mode !== undefined || opts.explain) throw new EngramError('usage', '--mode and --explain are for markdown files, not an Anki package.');
  const { importPackage } = await import('../../app/anki/import-package.js');
  const { warnOnStderr } = await import('../command-store.js');
  const { displayPath } = await import('../output/display-path.js');
  const { packageImportJson, packageImportLines } = await import('../output/package-import-summary.js');
  const { printImportProblems } = await import('../output/import-summary.js');
  const result = await importPackage(
    { storePath: storePath(opts.db), packagePath: paths[0]!, into: opts.into, cwd: workingFolder(), now: currentTime(), dryRun: Boolean(opts.dryRun), configPath: configPath() },
    { warn: warnOnStderr, describePath: (p) => displayPath(p) },
  );
  const problems = result.cardImport?.outcome === 'problems' || result.skipped.length > 0;
  const code = result.cards === 0 && result.notes === 0 ? EXIT.notFound : problems ? EXIT.problems : EXIT.ok;
  if (opts.json) process.stdout.write(`${packageImportJson(result, code)}\n`);
  else {
    if (result.cardImport) printImportProblems(process.stderr, result.cardImport.reports);
    process.stdout.write(`${packageImportLines(result).join('\n')}\n`);
  }
  process.exitCode = code;
}

/** `engram import [paths...]` */
export function registerImport(program: Command): void {
  program
    .command('import')
    .description('import card files and folders into the store; with no paths, re-sync every file imported before; an Anki package (.apkg, .colpkg) becomes markdown deck files with its review history')
    .argument('[paths...]', 'files or folders (.md, .markdown, .txt, walked recursively), or one .apkg/.colpkg file')
    .addOption(modeOption())
    .option('--explain', 'say for each file which extractor made how many cards')
    .option('--into <folder>', 'an Anki package: the folder its deck files go to (default: a folder named after the package, beside it)')
    .option('--dry-run', 'an Anki package: say what would be written and imported, and write nothing')
    .addOption(jsonOption())
    .addOption(dbOption())
    .action(async (paths: string[], opts: { json?: boolean; db?: string; mode?: ParseMode; explain?: boolean; into?: string; dryRun?: boolean }) => {
      if (paths.some(isAnkiPackage)) {
        await importAnkiPackage(paths, opts);
        return;
      }
      if (opts.into !== undefined || opts.dryRun) throw new EngramError('usage', '--into and --dry-run are for an Anki package (.apkg, .colpkg); give one.');
      // Loaded here, not at start-up, so other commands and --help stay fast.
      // Side by side, as review does: one after the other, each load waits for the one before.
      const [{ importFiles }, { warnOnStderr }, { displayPath }, { progressBar }, { importJson, importSummaryLines, printImportProblems }, { syncMayRun }] =
        await Promise.all([
          import('../../app/import/import-files.js'),
          import('../command-store.js'),
          import('../output/display-path.js'),
          import('../output/progress-bar.js'),
          import('../output/import-summary.js'),
          import('../../app/sync/sync-setting.js'),
        ]);
      const bar = progressBar(process.stderr, 'Importing');
      // Ctrl-C stops the reading; the import then writes nothing and says so (exit 130).
      const interrupt = new AbortController();
      const onInterrupt = () => interrupt.abort();
      process.once('SIGINT', onInterrupt);
      let result;
      try {
        result = await importFiles(
          { storePath: storePath(opts.db), paths, cwd: workingFolder(), now: currentTime(), mode: opts.mode, explain: Boolean(opts.explain), configPath: configPath() },
          {
            warn: warnOnStderr,
            describePath: (p) => displayPath(p),
            progress: opts.json ? undefined : (done, total, stage, path) => bar.update(done, total, stage, path && displayPath(path)),
            signal: interrupt.signal,
          },
        );
      } finally {
        process.off('SIGINT', onInterrupt);
        bar.clear();
      }
      if (result.interruptedWhileWriting) warnOnStderr('Ctrl-C came while the import was being written, which cannot be stopped halfway; it was written whole.');
      const code = EXIT_OF[result.outcome];
      if (opts.json) {
        process.stdout.write(`${importJson(result, code)}\n`);
      } else {
        printImportProblems(process.stderr, result.reports);
        process.stdout.write(`${importSummaryLines(result, outputWidth()).join('\n')}\n`);
      }
      process.exitCode = code;
      // With the sync setting on, what the import made of waiting events is folded, and this device's events sent.
      // The sync's code is loaded only then.
      if (!syncMayRun(storePath(opts.db), configPath())) return;
      const { syncStoreIfOn } = await import('../../app/sync/auto-sync.js');
      const synced = syncStoreIfOn(storePath(opts.db), { settingsPath: configPath(), now: currentTime(), env: process.env, warn: warnOnStderr });
      if (synced && !opts.json) {
        const { autoSyncLine } = await import('../output/sync-report.js');
        process.stdout.write(`${autoSyncLine(synced)}\n`);
      }
    });
}
