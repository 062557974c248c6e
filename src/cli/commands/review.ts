import type { Command } from 'commander';
import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';
import { EngramError } from '../../model/engram-error.js';
import { dbOption } from '../common-options.js';
import { configPath, currentTime, storePath } from '../environment.js';
import { trace } from '../trace.js';

/**
 * The Ink app, an entry of its own in the bundle (dist/bundle/run-review.js,
 * next to this chunk): loading Ink unbundled costs ~0.4 s. The path is kept out
 * of the bundler's sight so the app loads only when a review starts.
 */
const TUI_ENTRY = './run-review.js';

/** `engram review [decks or paths...]` */
export function registerReview(program: Command): void {
  program
    .command('review')
    .description("review today's cards in the terminal (paths are imported first)")
    .argument('[decks-or-paths...]', 'decks, or files and folders to import and review (default: every deck)')
    .addOption(dbOption())
    .addHelpText('after', '\nKeys: space shows the answer, 1-4 grade it, u undoes, e edits, b buries, s suspends, ? lists all, q quits.')
    .action(async (args: string[], opts: { db?: string }) => {
      if (!process.stdin.isTTY || !process.stdout.isTTY) {
        throw new EngramError('usage', 'engram review needs a terminal (stdin and stdout must be a TTY). To list what is due, run engram due.');
      }
      trace('review: command starts');
      // Started first: the app's WebAssembly compiles on another thread while the store work below runs.
      const tui = import(TUI_ENTRY) as Promise<typeof import('../../tui/review/run-review.js')>;
      tui.catch(() => undefined);
      const { openCommandStore } = await import('../command-store.js');
      const { loadSettings, schedulerSet } = await import('../../app/settings/study-settings.js');
      const { loadDueQueue, resolveStudyTarget } = await import('../../app/review/load-queue.js');
      const { reviewService } = await import('../../app/review/review-service.js');
      const { printProblems } = await import('../output/print-problems.js');
      const { codeRunner, userRegistry } = await import('../../app/run/code-runner.js');

      trace('review: modules loaded');
      const store = openCommandStore(storePath(opts.db), { create: args.length > 0, now: currentTime() });
      // Every answer is a write: say so now, not at the first answer.
      if (store.readOnly) {
        store.close();
        throw (await import('../../store/store-errors.js')).readOnlyError(store.path);
      }
      // A locked store must not freeze the screen for long: an answer that cannot
      // be saved within 2 s says so, and the card stays.
      store.db.pragma('busy_timeout = 2000');
      try {
        const loaded = loadSettings(configPath());
        const schedulers = schedulerSet(loaded);
        const code = codeRunner(loaded, userRegistry(loaded));
        const now = currentTime();
        const target = await resolveStudyTarget(store, args, process.cwd(), now);
        for (const r of target.imported) printProblems(process.stderr, r.path, r.problems, 5);
        // The reading the session compares against to pick up what another engram imports while it runs.
        store.changedElsewhere();
        const queue = loadDueQueue(store, loaded, now, target.decks);
        trace('review: queue built');
        const { runReview } = await tui;
        trace('review: screen loaded');
        const result = await runReview({
          queue,
          color: !process.env['NO_COLOR'],
          onFirstCard: () => trace('review: first card drawn'),
          makeActions: (suspendScreen) =>
            reviewService({
              store,
              schedulers,
              now: currentTime,
              sessionId: randomUUID(),
              device: hostname(),
              suspendScreen,
              editor: process.env['VISUAL'] || process.env['EDITOR'] || 'vi',
              queueFor: (at) => loadDueQueue(store, loaded, at, target.decks),
              decks: target.decks,
              codeOf: code.codeOf,
              runBlock: (block, hooks) => code.run(block, hooks),
            }),
        });
        process.stdout.write(`${result.lines.join('\n')}\n`);
      } finally {
        store.close();
      }
    });
}
