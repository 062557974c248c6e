import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

/** The real `engram` binary of this checkout (needs `npm run build`, which `npm test` does first). */
export const ENGRAM_BIN = fileURLToPath(new URL('../../bin/engram', import.meta.url));

/** A fixed clock for every spawned engram: 2026-03-02 10:00 UTC. */
export const FIXED_NOW = '2026-03-02T10:00:00Z';

export interface EngramRun {
  status: number | null;
  stdout: string;
  stderr: string;
}

/**
 * Runs `engram args...` in `cwd` with a private HOME and XDG_DATA_HOME under
 * `home`, a fixed clock and no colour, so it can never touch the user's store.
 */
export function runEngram(args: readonly string[], options: { cwd: string; home: string; env?: Record<string, string | undefined> }): EngramRun {
  const env: NodeJS.ProcessEnv = {
    PATH: process.env['PATH'],
    HOME: options.home,
    XDG_DATA_HOME: `${options.home}/.local/share`,
    XDG_CONFIG_HOME: `${options.home}/.config`,
    ENGRAM_NOW: FIXED_NOW,
    NO_COLOR: '1',
    TZ: 'UTC',
    ...options.env,
  };
  for (const [k, v] of Object.entries(env)) if (v === undefined) delete env[k];
  const r = spawnSync(process.execPath, [ENGRAM_BIN, ...args], { cwd: options.cwd, env, encoding: 'utf8' });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}
