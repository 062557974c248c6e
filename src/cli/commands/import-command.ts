import type { Command } from 'commander';
import type { ImportOutcome } from '../../app/import/import-files.js';
import type { ParseMode } from '../../model/parse-mode.js';
import { dbOption, jsonOption, modeOption } from '../common-options.js';
import { configPath, currentTime, outputWidth, storePath, workingFolder } from '../environment.js';
import { EXIT } from '../exit-codes.js';

/** The exit code of each way an import can go. */
const EXIT_OF: Record<ImportOutcome, number> = { clean: EXIT.ok, problems: EXIT.problems, nothing: EXIT.notFound };

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
    .action(async (paths: string[], opts: { json?: boolean; db?: string; mode?: ParseMode; explain?: boolean }) => {
      // Loaded here, not at start-up, so other commands and --help stay fast.
      const { importFiles } = await import('../../app/import/import-files.js');
      const { warnOnStderr } = await import('../command-store.js');
      const { displayPath } = await import('../output/display-path.js');
      const { progressBar } = await import('../output/progress-bar.js');
      const { importJson, importSummaryLines, printImportProblems } = await import('../output/import-summary.js');
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
    });
}
