import { errorText } from './error-text.js';
import type { Diagnosis } from '../../app/doctor/diagnose.js';
import type { SandboxLevel } from '../../run/run-types.js';
import { storeLines } from './doctor-store-lines.js';
import { formatTable } from './format-table.js';
import { syncLines } from './doctor-sync-lines.js';

/**
 * `engram doctor` as text in `width` columns: the store and its backups, the
 * settings, the sandbox (`root`: engram runs as root, so snippets run as a
 * throwaway uid), the toolchains, the limits and the optimizer, then the verdict.
 */
export function doctorLines(d: Diagnosis, o: { width: number; root: boolean }): string[] {
  const { config, sandbox, limits: l } = d;
  const out = [...storeLines(d.store), '', ...syncLines(d.sync)];
  out.push(`Settings: ${config.path}`);
  out.push(...(config.problems.length ? config.problems.map((p) => `  PROBLEM  ${p}`) : ['  ok       the settings file reads (or there is none: the defaults)']));
  out.push(...config.notes.map((n) => `  note     ${n}`));
  out.push('', `Sandbox: ${sandboxLine(sandbox.level, o.root)}`);
  if (sandbox.why) out.push(`  why: ${sandbox.why}`);
  out.push('', 'Languages:');
  const rows = d.languages.flatMap((lang) =>
    lang.tools.map((t, i) => [i === 0 ? lang.language : '', i === 0 ? lang.aliases.join(', ') : '', t.command, t.path ?? 'not found', t.version ?? '']),
  );
  const columns = [{ header: 'language' }, { header: 'aliases', min: 8 }, { header: 'tool' }, { header: 'path', min: 16 }, { header: 'version', min: 12 }];
  out.push(...formatTable(columns, rows, o.width - 2).map((line) => `  ${line}`));
  out.push(
    '',
    `Limits: run ${l.runMs / 1000} s, compile ${l.compileMs / 1000} s, output ${l.outputBytes / 1024} KiB, files ${l.folderBytes / 1024 ** 2} MiB in all; ` +
      `prlimit caps: CPU ${l.cpuSeconds} s, memory ${l.memoryBytes / 1024 ** 3} GiB, files ${l.fileBytes / 1024 ** 2} MiB; ${l.processes} processes (bubblewrap only)`,
  );
  const changed = Object.keys(config.languages);
  out.push(changed.length > 0 ? `Languages changed in ${config.path}: ${changed.join(', ')}` : `Add or change languages under "languages" in ${config.path}.`);
  out.push(
    '',
    d.optimizer.available
      ? `FSRS optimizer: ${d.optimizer.description}; engram optimize fits parameters to your reviews.`
      : `FSRS optimizer: not available; ${d.optimizer.why}. engram keeps the parameters it has.`,
  );
  out.push('', d.healthy ? 'Healthy.' : 'Not healthy: see PROBLEM above.');
  return out;
}

/** `engram doctor --json`: the diagnosis, backup times as ISO dates. */
export function doctorJson(d: Diagnosis): unknown {
  const store = { ...d.store, openError: d.store.openError && errorText(d.store.openError), backups: d.store.backups.map((b) => ({ ...b, writtenAt: new Date(b.writtenAt).toISOString() })) };
  return { healthy: d.healthy, store, sync: d.sync, sandbox: d.sandbox, languages: d.languages, limits: d.limits, config: d.config, optimizer: d.optimizer };
}

function sandboxLine(level: SandboxLevel, root: boolean): string {
  // As root, snippets run as a throwaway uid; otherwise as the user, in a user namespace of their own.
  const who = root ? ', a throwaway uid' : '';
  if (level === 'bubblewrap') return `bubblewrap (no network, read-only system, own process namespace${who}) + prlimit caps`;
  if (level === 'prlimit') return 'prlimit caps only: code runs unsandboxed, with your files and network';
  return 'none: code runs unsandboxed and without limits other than time and output';
}
