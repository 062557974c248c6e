import type { ToolEnvironment } from '../run/run-types.js';

/**
 * Where code in cards finds its toolchains: this process's PATH and HOME.
 * src/run never reads the environment itself; every command that runs or
 * looks for toolchains (run, doctor, review, quiz) passes this.
 */
export function toolEnvironment(env: NodeJS.ProcessEnv = process.env): ToolEnvironment {
  return { path: env['PATH'] ?? '', home: env['HOME'] ?? '' };
}
