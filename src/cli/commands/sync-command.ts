import type { Command } from 'commander';
import { dbOption, jsonOption } from '../common-options.js';
import { configPath, currentTime, storePath, workingFolder } from '../environment.js';
import { EXIT } from '../exit-codes.js';

/**
 * `engram sync [--dry-run] [--json]` and `engram sync init <folder>`: the
 * review log carried between devices through a git work tree or a folder a
 * sync service carries. Exit 1 when lines of other devices' files were skipped.
 */
export function registerSync(program: Command): void {
  const sync = program
    .command('sync')
    .description(
      "share the review history with your other devices: write this device's new events to its own files in the sync folder (in a git work tree: commit them, pull, push), then fold in every other device's",
    )
    .option('--dry-run', 'say what would be sent and received; change nothing')
    .addOption(jsonOption())
    .addOption(dbOption())
    .action(async (opts: { dryRun?: boolean; json?: boolean; db?: string }) => {
      const { syncStore } = await import('../../app/sync/sync-store.js');
      const { warnOnStderr } = await import('../command-store.js');
      const { progressBar } = await import('../output/progress-bar.js');
      const { displayPath } = await import('../output/display-path.js');
      const { syncReportJson, syncReportLines } = await import('../output/sync-report.js');
      const bar = progressBar(process.stderr, 'Folding events', 'events');
      const report = syncStore({
        storePath: storePath(opts.db),
        settingsPath: configPath(),
        now: currentTime(),
        dryRun: opts.dryRun ?? false,
        env: process.env,
        progress: { update: bar.update, finish: bar.clear },
        warn: warnOnStderr,
      });
      if (report.skipped.length > 0) process.exitCode = EXIT.problems;
      process.stdout.write(opts.json ? `${JSON.stringify(syncReportJson(report), null, 2)}\n` : `${syncReportLines(report, (p) => displayPath(p)).join('\n')}\n`);
    });
  sync
    .command('init')
    .description('sync through <folder>: a git work tree (your notes repository, or one made for this) or a folder Syncthing, Dropbox and the like carry; kept in the store')
    .argument('<folder>', 'the folder (engram-sync/ is made inside it)')
    .addOption(dbOption())
    .action(async (folder: string, opts: { db?: string }, cmd: Command) => {
      const { initSyncStore } = await import('../../app/sync/sync-store.js');
      const { warnOnStderr } = await import('../command-store.js');
      const { displayPath } = await import('../output/display-path.js');
      const db = opts.db ?? (cmd.parent?.opts() as { db?: string } | undefined)?.db;
      const done = initSyncStore({ storePath: storePath(db), folder, now: currentTime(), cwd: workingFolder(), env: process.env, warn: warnOnStderr });
      const how = done.git ? `in the git work tree ${displayPath(done.git)}: engram sync commits its own files there, pulls and pushes` : 'a plain folder: let your sync service carry it';
      process.stdout.write(`This device is ${done.device}; it syncs through ${displayPath(done.folder)} (${how}).\nRun engram sync to send and receive.\n`);
    });
}
