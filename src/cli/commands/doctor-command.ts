import type { Command } from 'commander';
import { dbOption, jsonOption } from '../common-options.js';
import { configPath, currentTime, outputWidth, storePath } from '../environment.js';
import { EXIT } from '../exit-codes.js';

/**
 * `engram doctor`: whether the store is sound (integrity, foreign keys, cached
 * states against the replay of the log: what changed since the last clean
 * check, or with --full everything), the backups, the settings, and what
 * running code in cards can do here. Exit 0 healthy, 1 not.
 */
export function registerDoctor(program: Command): void {
  program
    .command('doctor')
    .description(
      'check the store (integrity, foreign keys, every card\'s cached state against the replay of its review log), the backups and the settings; show how code in cards runs here. Exit code 0: healthy, 1: problems',
    )
    .option('--full', 'check every card and every index, not only what changed since the last clean check')
    .option('--repair', 'rebuild what the review log can rebuild (card states, counts, indexes), after a backup; the log itself is never changed')
    .addOption(dbOption())
    .addOption(jsonOption())
    .action(async (opts: { json?: boolean; repair?: boolean; full?: boolean; db?: string }) => {
      const { diagnose } = await import('../../app/doctor/diagnose.js');
      const { toolEnvironment } = await import('../environment.js');
      const { progressBar } = await import('../output/progress-bar.js');
      const { doctorJson, doctorLines } = await import('../output/doctor-report.js');
      // A store of a million answers takes seconds to replay: show how far it is.
      const bar = progressBar(process.stderr, 'Replaying the review log', 'answers');
      const diagnosis = await diagnose({
        settingsPath: configPath(),
        storePath: storePath(opts.db),
        repair: opts.repair ?? false,
        full: opts.full ?? false,
        now: currentTime(),
        toolEnv: toolEnvironment(),
        progress: { update: bar.update, finish: bar.clear },
      });
      process.exitCode = diagnosis.healthy ? EXIT.ok : EXIT.problems;
      if (opts.json) {
        process.stdout.write(`${JSON.stringify(doctorJson(diagnosis), null, 2)}\n`);
        return;
      }
      const lines = doctorLines(diagnosis, { width: outputWidth(), root: process.getuid?.() === 0 });
      process.stdout.write(`${lines.join('\n')}\n`);
    });
}
