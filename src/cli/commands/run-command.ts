import { Option, type Command } from 'commander';
import { constants } from 'node:os';
import { EngramError } from '../../model/engram-error.js';
import type { RunResult } from '../../run/run-types.js';
import { dbOption, jsonOption } from '../common-options.js';
import { configPath, currentTime, storePath } from '../environment.js';
import { EXIT } from '../exit-codes.js';

interface RunOptions {
  block?: string;
  trust?: boolean;
  timeout?: string;
  json?: boolean;
  db?: string;
}

/** `engram run <card-id | file:line>` */
export function registerRun(program: Command): void {
  program
    .command('run')
    .description("run a code block of a card, in a sandbox when one is available (only trusted decks' code runs without --trust)")
    .argument('<card>', 'card id (see engram cards), or file:line of any line of the card')
    .option('--block <n>', 'which block to run, by the number listed when a card has several')
    .option('--trust', 'run it this once although the deck is not trusted (trust is not recorded)')
    .addOption(new Option('--timeout <ms>', 'time limit of the program, in ms (default 5000)'))
    .addOption(jsonOption())
    .addOption(dbOption())
    .addHelpText('after', "\nIt exits with the program's own code, or one of engram's (engram --help lists them); the status line on stderr, or --json, tells which.")
    .action(async (target: string, opts: RunOptions) => {
      const runMs = opts.timeout === undefined ? undefined : positiveMs(opts.timeout);
      const { runCard } = await import('../../app/run/run-card.js');
      const { openCommandStore } = await import('../command-store.js');
      const { loadSettings } = await import('../../app/settings/study-settings.js');
      const { toolEnvironment } = await import('../environment.js');
      const { displayPath } = await import('../output/display-path.js');
      const { runStatusLine } = await import('../output/run-status.js');
      const loaded = loadSettings(configPath());
      const abort = new AbortController();
      const onInterrupt = () => abort.abort();
      const tail = { endsInNewline: true };
      let run: Awaited<ReturnType<typeof runCard>>;
      try {
        process.on('SIGINT', onInterrupt);
        run = await runCard(
          { target, ...(opts.block !== undefined ? { block: opts.block } : {}), trustOnce: opts.trust ?? false, ...(runMs !== undefined ? { runMs } : {}) },
          {
            openStore: () => openCommandStore(storePath(opts.db), { create: false, now: currentTime() }),
            loaded,
            cwd: process.cwd(),
            toolEnv: toolEnvironment(),
            showPath: (path) => displayPath(path),
            hooks: {
              signal: abort.signal,
              onOutput: opts.json
                ? undefined
                : (stream, text) => {
                    if (text === '') return;
                    (stream === 'stdout' ? process.stdout : process.stderr).write(text);
                    tail.endsInNewline = text.endsWith('\n');
                  },
            },
          },
        );
      } finally {
        process.off('SIGINT', onInterrupt);
      }
      if (opts.json) {
        process.stdout.write(`${JSON.stringify(run.result, null, 2)}\n`);
      } else {
        // The status line starts on its own line even after output without a final newline.
        process.stderr.write(`${tail.endsInNewline ? '' : '\n'}${runStatusLine(run.result, run.runMs)}\n`);
      }
      process.exitCode = exitCodeOf(run.result);
    });
}

/** The exit code for a run, as the help lists them. */
function exitCodeOf(r: RunResult): number {
  switch (r.reason) {
    case null:
      if (r.exit !== null) return r.exit;
      return 128 + (r.signal ? (constants.signals[r.signal as keyof typeof constants.signals] ?? 0) : 0);
    case 'timeout':
      return EXIT.runTimedOut;
    case 'output-cap':
    case 'folder-cap':
      return EXIT.runStopped;
    case 'cancelled':
      return EXIT.interrupted;
    default:
      return EXIT.runNotRunnable;
  }
}

function positiveMs(text: string): number {
  if (!/^\d+$/.test(text) || Number(text) < 1) throw new EngramError('usage', `--timeout ${text}: give a time limit in ms, e.g. --timeout 2000.`);
  return Number(text);
}
