import { Option, type Command } from 'commander';
import type { ParseMode } from '../../model/parse-mode.js';
import { dbOption, jsonOption, modeOption } from '../common-options.js';
import { workingFolder } from '../environment.js';
import { EXIT } from '../exit-codes.js';

interface CheckOptions {
  json?: boolean;
  mode?: ParseMode;
  quality?: boolean;
  from?: 'cards' | 'notes';
}

/** `engram check [paths...]` */
export function registerCheck(program: Command): void {
  program
    .command('check')
    .description('parse card files and print their problems, writing nothing; --quality: the cards that break the rules of a good card')
    .argument('<paths...>', 'files or folders (.md, .markdown, .txt, walked recursively)')
    .addOption(modeOption())
    .option(
      '--quality',
      'lint the cards instead: label fronts, answers of several facts, clozes on stress words or on one of several names, an unresolved "this", cards about the document, duplicates across files; each with file:line and what to do',
    )
    .addOption(new Option('--from <origin>', 'with --quality: only cards written as cards, or only cards derived from notes').choices(['cards', 'notes']))
    .addOption(jsonOption())
    .addOption(dbOption().hideHelp())
    .action(async (paths: string[], opts: CheckOptions) => {
      const { progressBar } = await import('../output/progress-bar.js');
      const bar = progressBar(process.stderr, 'Checking');
      const progress = opts.json ? undefined : bar.update;
      if (opts.quality) {
        const { checkQuality } = await import('../../app/import/check-quality.js');
        const { printQualityReport, qualityJson } = await import('../output/quality-report.js');
        const summary = checkQuality(paths, { cwd: workingFolder(), mode: opts.mode, from: opts.from, progress });
        bar.clear();
        if (opts.json) process.stdout.write(`${qualityJson(summary)}\n`);
        else printQualityReport(process.stdout, summary);
        process.exitCode = summary.nothingFound ? EXIT.notFound : summary.findings.length > 0 || summary.errors.length > 0 ? EXIT.problems : EXIT.ok;
        return;
      }
      if (opts.from) {
        const { EngramError } = await import('../../model/engram-error.js');
        throw new EngramError('usage', '--from goes with --quality.');
      }
      const { checkFiles } = await import('../../app/import/check-files.js');
      const { checkJson, printCheckReport } = await import('../output/check-report.js');
      const summary = checkFiles(paths, { cwd: workingFolder(), mode: opts.mode, progress });
      bar.clear();
      if (opts.json) process.stdout.write(`${checkJson(summary)}\n`);
      else printCheckReport(process.stdout, summary);
      process.exitCode = summary.nothingFound ? EXIT.notFound : summary.errors > 0 ? EXIT.problems : EXIT.ok;
    });
}
