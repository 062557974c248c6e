import type { Command } from 'commander';
import { dbOption, jsonOption } from '../common-options.js';
import { configPath, currentTime, outputWidth, storePath } from '../environment.js';

/**
 * `engram doctor`: whether the store is sound (integrity, foreign keys, cached
 * states against the replay of the log), the backups, the settings, and what
 * running code in cards can do here. Exit 0 healthy, 1 not.
 */
export function registerDoctor(program: Command): void {
  program
    .command('doctor')
    .description(
      'check the store (integrity, foreign keys, every card\'s cached state against the replay of its review log), the backups and the settings; show how code in cards runs here. Exit code 0: healthy, 1: problems',
    )
    .option('--repair', 'rebuild what the review log can rebuild (card states, counts, indexes), after a backup; the log itself is never changed')
    .addOption(dbOption())
    .addOption(jsonOption())
    .action(async (opts: { json?: boolean; repair?: boolean; db?: string }) => {
      const { settingsReport } = await import('../../app/doctor/settings-report.js');
      const { storeReport } = await import('../../app/doctor/store-report.js');
      const { storeLines } = await import('../output/doctor-store-lines.js');
      const settingsCheck = settingsReport(configPath());
      const report = storeReport(storePath(opts.db), settingsCheck.schedulers, opts.repair ?? false, currentTime());
      const configProblems = settingsCheck.problems;
      const configNotes = report.exists && !report.openError ? settingsCheck.deckProblems(report.decks) : [];
      const healthy = report.healthy && configProblems.length === 0;
      process.exitCode = healthy ? 0 : 1;
      const { sandboxProbe, toolchainReport } = await import('../../run/run-snippet.js');
      const { userRegistry } = await import('../../app/run/code-runner.js');
      const { DEFAULT_RUN_LIMITS } = await import('../../run/run-types.js');
      const { formatTable } = await import('../output/format-table.js');
      const loaded = settingsCheck.loaded;
      const overrides = loaded.file.languages ?? {};
      const registry = userRegistry(loaded);
      const { toolEnvironment } = await import('../tool-environment.js');
      const toolEnv = toolEnvironment();
      const [sandbox, languages] = [sandboxProbe(toolEnv), await toolchainReport(registry, toolEnv)];
      const { loadOptimizer } = await import('../../schedule/optimize/fsrs-optimizer.js');
      const load = await loadOptimizer();
      const optimizer = load.ok ? { available: true } : { available: false, why: load.reason };
      if (opts.json) {
        const config = { path: loaded.path, languages: overrides, problems: configProblems, notes: configNotes };
        const store = { ...report, backups: report.backups.map((b) => ({ ...b, writtenAt: new Date(b.writtenAt).toISOString() })) };
        process.stdout.write(`${JSON.stringify({ healthy, store, sandbox, languages, limits: DEFAULT_RUN_LIMITS, config, optimizer }, null, 2)}\n`);
        return;
      }
      const out = [...storeLines(report), ''];
      out.push(`Settings: ${loaded.path}`);
      out.push(...(configProblems.length ? configProblems.map((p) => `  PROBLEM  ${p}`) : ['  ok       the settings file reads (or there is none: the defaults)']));
      out.push(...configNotes.map((n) => `  note     ${n}`));
      out.push('', `Sandbox: ${sandboxLine(sandbox.level)}`);
      if (sandbox.why) out.push(`  why: ${sandbox.why}`);
      out.push('', 'Languages:');
      const rows = languages.flatMap((l) =>
        l.tools.map((t, i) => [i === 0 ? l.language : '', i === 0 ? l.aliases.join(', ') : '', t.command, t.path ?? 'not found', t.version ?? '']),
      );
      const columns = [{ header: 'language' }, { header: 'aliases', min: 8 }, { header: 'tool' }, { header: 'path', min: 16 }, { header: 'version', min: 12 }];
      out.push(...formatTable(columns, rows, outputWidth() - 2).map((line) => `  ${line}`));
      const l = DEFAULT_RUN_LIMITS;
      out.push(
        '',
        `Limits: run ${l.runMs / 1000} s, compile ${l.compileMs / 1000} s, output ${l.outputBytes / 1024} KiB, files ${l.folderBytes / 1024 ** 2} MiB in all; ` +
          `prlimit caps: CPU ${l.cpuSeconds} s, memory ${l.memoryBytes / 1024 ** 3} GiB, files ${l.fileBytes / 1024 ** 2} MiB; ${l.processes} processes (bubblewrap only)`,
      );
      const changed = Object.keys(overrides);
      out.push(changed.length > 0 ? `Languages changed in ${loaded.path}: ${changed.join(', ')}` : `Add or change languages under "languages" in ${loaded.path}.`);
      out.push('', load.ok ? 'FSRS optimizer: ready (engram optimize fits parameters to your reviews).' : `FSRS optimizer: not available; ${load.reason}. engram keeps the parameters it has.`);
      out.push('', healthy ? 'Healthy.' : 'Not healthy: see PROBLEM above.');
      process.stdout.write(`${out.join('\n')}\n`);
    });
}

function sandboxLine(level: 'bubblewrap' | 'prlimit' | 'none'): string {
  // As root, snippets run as a throwaway uid; otherwise as the user, in a user namespace of their own.
  const who = process.getuid?.() === 0 ? ', a throwaway uid' : '';
  if (level === 'bubblewrap') return `bubblewrap (no network, read-only system, own process namespace${who}) + prlimit caps`;
  if (level === 'prlimit') return 'prlimit caps only: code runs unsandboxed, with your files and network';
  return 'none: code runs unsandboxed and without limits other than time and output';
}
