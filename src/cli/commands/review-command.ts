import type { Command } from 'commander';
import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';
import { EngramError } from '../../model/engram-error.js';
import { dbOption } from '../common-options.js';
import { configPath, currentTime, fileOpeners, storePath, toolEnvironment, workingFolder } from '../environment.js';
import { reviewFlags } from '../review-flags.js';
import { trace } from '../trace.js';

/** `engram review [decks or paths...]` */
export function registerReview(program: Command): void {
  program
    .command('review')
    .description("review today's cards in the terminal (paths are imported first)")
    .argument('[decks-or-paths...]', 'decks, or files and folders to import and review (default: every deck)')
    .option('--more <n>', "study n new cards today past the daily new-card limit (adds up; kept for the day, for these decks)")
    .option('--more-reviews <n>', 'study n reviews today past the daily review limit')
    .addOption(dbOption())
    .addHelpText('after', '\nKeys: space shows the answer, 1-4 grade it, u undoes, e edits, b buries, s suspends, m studies more at the day\'s limit, ? lists all, q quits.')
    .action(async (args: string[], opts: { db?: string; more?: string; moreReviews?: string }) => {
      // Argv first: a mistyped number is said as such, with or without a terminal.
      const more = reviewFlags(opts);
      if (!process.stdin.isTTY || !process.stdout.isTTY) {
        throw new EngramError('usage', 'engram review needs a terminal (stdin and stdout must be a TTY). To list what is due, run engram due.');
      }
      trace('review: command starts');
      // Started first: the screen's WebAssembly (Ink's layout engine) compiles on
      // another thread while the store work below runs. A chunk of its own in the
      // bundle: no other command loads Ink.
      const tui = import('../../tui/review/run-review.js');
      tui.catch(() => undefined);
      // The rest in one import of one module: each dynamic import is an entry of the
      // bundle, and code shared by a different set of entries is split into a chunk
      // of its own (seven imports here meant 58 files and 192 imports resolved
      // before the first card; one means 54 and 146).
      const { openCommandStore, warnOnStderr, prepareReview, printProblems, reviewSummaryLines, displayPath, processEnd, syncMayRun } = await import('./review-path.js');
      trace('review: modules loaded');

      const store = openCommandStore(storePath(opts.db), { create: args.length > 0, now: currentTime() });
      try {
        // With the sync setting on: the other devices' answers first, so today's queue counts them. The sync's
        // code is loaded only then: with the setting off (the usual case) it is not on the way to the first card.
        const sync = syncMayRun(storePath(opts.db), configPath())
          ? await Promise.all([import('../../app/sync/auto-sync.js'), import('../output/sync-report.js')])
          : null;
        /** Syncs when the setting is on; the line saying what it did, or null. */
        const autoSync = (): string | null => {
          if (!sync) return null;
          const report = sync[0].syncIfOn(store, { settingsPath: configPath(), now: currentTime(), env: process.env, warn: warnOnStderr });
          return report ? sync[1].autoSyncLine(report) : null;
        };
        const before = autoSync();
        if (before) process.stdout.write(`${before}\n`);
        const review = await prepareReview(store, {
          configPath: configPath(),
          args,
          cwd: workingFolder(),
          clock: currentTime,
          editor: process.env['VISUAL'] || process.env['EDITOR'] || 'vi',
          openers: fileOpeners(),
          showPath: (path) => displayPath(path),
          toolEnv: toolEnvironment(),
          ...(more ? { more } : {}),
          sessionId: randomUUID(),
          device: hostname(),
        });
        for (const r of review.imported) printProblems(process.stderr, r.shownPath ?? r.path, r.problems, 5);
        trace('review: queue built');
        const { runReview } = await tui;
        trace('review: screen loaded');
        const outcome = await runReview({
          queue: review.queue,
          makeActions: review.actions,
          color: !process.env['NO_COLOR'],
          stdin: process.stdin,
          stdout: process.stdout,
          processEnd: processEnd(),
          onFirstCard: () => trace('review: first card drawn'),
        });
        // The most memory the session took (for the benchmark's figure): the queue, the screen, the store's cache.
        trace(`review: peak memory ${process.resourceUsage().maxRSS} kB`);
        // The screen held checkpoints for the time the user reads; the sync below writes without a reader.
        store.releaseCheckpoints();
        const reviewArgs = [...args, ...(opts.db ? ['--db', opts.db] : [])];
        process.stdout.write(`${reviewSummaryLines(outcome.stats, outcome.summary, reviewArgs).join('\n')}\n`);
        const after = autoSync();
        if (after) process.stdout.write(`${after}\n`);
      } finally {
        store.close();
      }
    });
}
