import { execFile } from 'node:child_process';
import { accessSync, constants, realpathSync, statSync } from 'node:fs';
import { delimiter, dirname, isAbsolute, join, sep } from 'node:path';
import { promisify } from 'node:util';
import type { ToolEnvironment } from './run-types.js';

const run = promisify(execFile);

/**
 * Folders the sandbox binds read-only in any case; a tool installed under
 * one of them needs nothing more.
 */
export const SYSTEM_DIRS = ['/usr', '/etc', '/bin', '/sbin', '/lib', '/lib32', '/lib64', '/libx32'];

/** An installed tool as the runner starts it. */
export interface ResolvedTool {
  /** The command as written in the registry (`python3`). */
  command: string;
  /** What to execute: absolute, and reachable inside the sandbox once `prefix` is bound. */
  path: string;
  /** Install folder to bind read-only in the sandbox, or null when it lies in the system folders. */
  prefix: string | null;
}

/** The first executable file named `command` in the `:`-separated folders of `path` (or `command` itself when it has a slash), or null. */
export function findOnPath(command: string, path: string): string | null {
  if (command.includes('/')) return isExecutableFile(command) ? command : null;
  for (const dir of path.split(delimiter)) {
    if (!dir || !isAbsolute(dir)) continue;
    const candidate = join(dir, command);
    if (isExecutableFile(candidate)) return candidate;
  }
  return null;
}

const resolved = new Map<string, Promise<ResolvedTool | null>>();

/**
 * Finds `command` on the PATH of `toolEnv` once per process. With `locate`
 * (arguments that make the tool print its real executable, for pyenv-style
 * shims that are shell scripts), the real executable is used instead.
 * Returns null when not installed.
 */
export function resolveTool(command: string, toolEnv: ToolEnvironment, locate?: readonly string[]): Promise<ResolvedTool | null> {
  const key = `${command}\0${(locate ?? []).join('\0')}\0${toolEnv.path}\0${toolEnv.home}`;
  let found = resolved.get(key);
  if (!found) {
    found = locateTool(command, toolEnv, locate);
    resolved.set(key, found);
    // A tool installed while engram runs is found on the next try.
    void found.then((tool) => tool ?? resolved.delete(key));
  }
  return found;
}

async function locateTool(command: string, toolEnv: ToolEnvironment, locate?: readonly string[]): Promise<ResolvedTool | null> {
  const onPath = findOnPath(command, toolEnv.path);
  if (!onPath) return null;
  let path = onPath;
  if (locate) {
    try {
      const { stdout } = await run(onPath, [...locate], { timeout: 10_000, encoding: 'utf8' });
      const real = stdout.trim().split('\n').pop() ?? '';
      if (isAbsolute(real) && isExecutableFile(real)) path = real;
    } catch {
      // The shim is kept; it may still work outside the sandbox.
    }
  }
  return placeTool(command, path, toolEnv.home);
}

/**
 * The path to execute and the folder to bind for a tool found at `path`:
 * the install prefix (the parent of its `bin/`) when it lies outside the
 * system folders, but never a home folder (`home`, the user's, or any under
 * /home) or `/` as a whole, which would show the user's files to the snippet.
 */
export function placeTool(command: string, path: string, home: string): ResolvedTool {
  let real = path;
  try {
    real = realpathSync(path);
  } catch {
    // Broken link: keep the path; running it will say what is wrong.
  }
  if (underAny(path, SYSTEM_DIRS) && underAny(real, SYSTEM_DIRS)) return { command, path, prefix: null };
  const dir = dirname(real);
  const parent = dirname(dir);
  const tooWide = (p: string): boolean => p === '/' || p === home || (home !== '' && home.startsWith(p + sep)) || /^\/home\/[^/]+$/.test(p) || p === '/root';
  const prefix = dir.endsWith(`${sep}bin`) && !tooWide(parent) ? parent : dir;
  // Inside the sandbox only `prefix` exists, so a link elsewhere (~/bin/node -> /opt/node/bin/node) is run by its target.
  return { command, path: path.startsWith(prefix + sep) ? path : real, prefix };
}

/**
 * The first line the tool at `path` prints about its version (`--version`,
 * else `-version`, else `version`), run with `searchPath` as its PATH; null
 * when it prints none.
 */
export async function toolVersion(path: string, searchPath: string): Promise<string | null> {
  for (const flag of ['--version', '-version', 'version']) {
    try {
      const { stdout, stderr } = await run(path, [flag], { timeout: 10_000, encoding: 'utf8', env: { PATH: searchPath, LANG: 'C.UTF-8' } });
      const line = `${stdout}\n${stderr}`.split('\n').find((l) => l.trim());
      if (line) return line.trim();
    } catch {
      // Not this flag; try the next spelling.
    }
  }
  return null;
}

function underAny(path: string, dirs: readonly string[]): boolean {
  return dirs.some((d) => path === d || path.startsWith(d + sep));
}

function isExecutableFile(path: string): boolean {
  try {
    accessSync(path, constants.X_OK);
    return statSync(path).isFile();
  } catch {
    return false;
  }
}
