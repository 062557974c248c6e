import type { Command } from 'commander';
import type { ParseMode } from '../../model/parse-mode.js';
import { dbOption, jsonOption, modeOption } from '../common-options.js';
import { workingFolder } from '../environment.js';
import { EXIT } from '../exit-codes.js';

/** `engram check [paths...]` */
export function registerCheck(program: Command): void {
  program
    .command('check')
    .description('parse card files and print their problems, writing nothing')
    .argument('<paths...>', 'files or folders (.md, .markdown, .txt, walked recursively)')
    .addOption(modeOption())
    .addOption(jsonOption())
    .addOption(dbOption().hideHelp())
    .action(async (paths: string[], opts: { json?: boolean; mode?: ParseMode }) => {
      const { checkFiles } = await import('../../app/import/check-files.js');
      const { progressBar } = await import('../output/progress-bar.js');
      const { checkJson, printCheckReport } = await import('../output/check-report.js');
      const bar = progressBar(process.stderr, 'Checking');
      const summary = checkFiles(paths, { cwd: workingFolder(), mode: opts.mode, progress: opts.json ? undefined : bar.update });
      bar.clear();
      if (opts.json) process.stdout.write(`${checkJson(summary)}\n`);
      else printCheckReport(process.stdout, summary);
      process.exitCode = summary.nothingFound ? EXIT.notFound : summary.errors > 0 ? EXIT.problems : EXIT.ok;
    });
}
