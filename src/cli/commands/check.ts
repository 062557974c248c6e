import type { Command } from 'commander';
import { EngramError } from '../../model/engram-error.js';
import type { ParseMode } from '../../model/parse-mode.js';
import { dbOption, jsonOption, modeOption } from '../common-options.js';
import { displayPath } from '../output/display-path.js';
import { sanitizeText } from '../../tui/markdown/sanitize-text.js';
import { plural } from '../output/plural.js';
import { printProblems, problemsJson, problemTally } from '../output/print-problems.js';
import { progressBar } from '../output/progress-bar.js';

/** `engram check [paths...]` */
export function registerCheck(program: Command): void {
  program
    .command('check')
    .description('parse card files and print their problems, writing nothing')
    .argument('<paths...>', 'files or folders (.md, .markdown, .txt, walked recursively)')
    .addOption(modeOption())
    .addOption(jsonOption())
    .addOption(dbOption().hideHelp())
    .addHelpText('after', '\nExit codes:\n  0  no errors (warnings may be printed)\n  1  at least one error')
    .action(async (paths: string[], opts: { json?: boolean; mode?: ParseMode }) => {
      const { checkPaths } = await import('../../library/check-paths.js');
      const bar = progressBar(process.stderr, 'Checking');
      const reports = checkPaths(paths, process.cwd(), opts.json ? undefined : bar.update, opts.mode);
      bar.clear();
      if (reports.length === 0) throw new EngramError('failed', `no card files (.md, .markdown, .txt) found in ${paths.join(', ')}.`);
      const problems = reports.flatMap((r) => r.problems);
      const errors = problems.filter((p) => p.severity === 'error').length;
      if (opts.json) {
        const files = reports.map((r) => ({ path: displayPath(r.path), deck: r.deck, cards: r.cards, problems: problemsJson(r.path, r.problems) }));
        process.stdout.write(`${JSON.stringify({ files, cards: files.reduce((a, f) => a + f.cards, 0), errors, warnings: problems.length - errors }, null, 2)}\n`);
      } else {
        for (const r of reports) {
          if (r.deck !== null) process.stdout.write(sanitizeText(`${displayPath(r.path)}: ${plural(r.cards, 'card')} for deck "${r.deck}"\n`));
          printProblems(process.stdout, r.path, r.problems);
        }
        const cards = reports.reduce((a, r) => a + r.cards, 0);
        process.stdout.write(`Checked ${plural(reports.length, 'file')}: ${plural(cards, 'card')}, ${problemTally(problems)}.\n`);
      }
      process.exitCode = errors > 0 ? 1 : 0;
    });
}
