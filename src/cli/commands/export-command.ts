import { once } from 'node:events';
import type { Command } from 'commander';
import type { ExportFlags } from '../export-flags.js';
import { dbOption } from '../common-options.js';
import { configPath, currentTime, storePath } from '../environment.js';
import { EXIT } from '../exit-codes.js';

const EXAMPLES = `
Examples:
  engram export --what reviews -o revlog.csv       the FSRS revlog CSV
  engram export sql --what cards --format json     deck sql's cards, scheduled
  engram export "SQL joins" --what deck -o sql.md  a deck as markdown
  engram export --what deck -o decks-export/       every deck, a file each
  engram export --what stats --format csv          stats as figure,value rows
  engram export --what stats --format html -o progress.html
                                                   stats as a web page (charts, no network)
  engram export --what apkg -o decks.apkg          every deck as an Anki package (schedule, reviews, media)

Formats (--format; the first is the default):
  reviews  csv, json or jsonl
  cards    csv, json or jsonl
  deck     markdown (md)
  stats    json, csv, jsonl or html
  apkg     apkg
`;

/** `engram export [decks...] --what reviews|cards|deck|stats|apkg` */
export function registerExport(program: Command): void {
  program
    .command('export')
    .description('write the review log (as the FSRS revlog CSV), cards with their schedule, decks as markdown, or stats, to a file or stdout')
    .argument('[decks...]', 'only these decks (a deck "a" takes in "a/b"; default: every deck)')
    .option('--what <what>', 'what to export: reviews, cards, deck, stats or apkg (an Anki package)')
    .option('--format <format>', 'how to write it: see Formats below')
    .option('-o, --output <file>', 'write to this file (a folder for several decks) instead of stdout')
    .option('--force', 'overwrite a file that exists')
    .option('--archived', 'with --what cards: archived cards too')
    .addOption(dbOption())
    .addHelpText('after', EXAMPLES)
    .action(async (decks: string[], flags: ExportFlags & { db?: string }) => {
      const { exportRequest } = await import('../export-flags.js');
      const request = exportRequest(decks, flags);
      const { openCommandStore } = await import('../command-store.js');
      const { runExport } = await import('../../app/export/run-export.js');
      const { displayPath } = await import('../output/display-path.js');
      const { leftOutLine, writtenLine } = await import('../output/export-notes.js');
      const store = openCommandStore(storePath(flags.db), { create: false, now: currentTime() });
      try {
        const summary = await runExport(store, request, {
          now: currentTime(),
          cwd: process.cwd(),
          configPath: configPath(),
          out: async (text) => {
            if (!process.stdout.write(text)) await once(process.stdout, 'drain');
          },
          describePath: (path) => displayPath(path),
          written: (file) => process.stderr.write(`${writtenLine(file)}\n`),
          leftOut: (failure) => process.stderr.write(`engram: ${leftOutLine(failure)}\n`),
        });
        if (summary.leftOut.length > 0) process.exitCode = EXIT.problems;
      } finally {
        store.close();
      }
    });
}
