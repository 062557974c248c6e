import { statSync } from 'node:fs';
import { homedir } from 'node:os';
import { isAbsolute, join, resolve } from 'node:path';
import { EngramError } from '../model/engram-error.js';
import type { FileOpener } from '../app/review/open-image.js';
import type { ToolEnvironment } from '../run/run-types.js';

/**
 * Where the store lives: `--db`, else $ENGRAM_DB, else
 * $XDG_DATA_HOME/engram/engram.db (default ~/.local/share/engram/engram.db).
 */
export function storePath(dbOption: string | undefined, env: NodeJS.ProcessEnv = process.env): string {
  if (dbOption) return resolve(dbOption);
  if (env['ENGRAM_DB']) return resolve(env['ENGRAM_DB']);
  const xdg = env['XDG_DATA_HOME'];
  // The XDG spec says relative values are invalid and must be ignored.
  const base = xdg && isAbsolute(xdg) ? xdg : join(homedir(), '.local', 'share');
  return join(base, 'engram', 'engram.db');
}

/** The settings file: $XDG_CONFIG_HOME/engram/config.json, default ~/.config/engram/config.json. */
export function configPath(env: NodeJS.ProcessEnv = process.env): string {
  const xdg = env['XDG_CONFIG_HOME'];
  const base = xdg && isAbsolute(xdg) ? xdg : join(homedir(), '.config');
  return join(base, 'engram', 'config.json');
}

/**
 * The current time in UTC ms: the only clock read in engram. $ENGRAM_NOW (an
 * ISO date or ms) pins it, for tests and for trying schedules ahead of time.
 */
export function currentTime(env: NodeJS.ProcessEnv = process.env): number {
  const pinned = env['ENGRAM_NOW'];
  if (!pinned) return Date.now();
  const ms = /^\d+$/.test(pinned) ? Number(pinned) : Date.parse(pinned);
  if (Number.isNaN(ms)) throw new EngramError('usage', `ENGRAM_NOW="${pinned}" is not a date; use an ISO date like 2026-01-31T09:00:00Z or ms since 1970.`);
  return ms;
}

/**
 * The working folder as the user's shell names it: $PWD when it is the same
 * folder as `cwd` (it keeps the symlinks the user went through, which the
 * OS's own working folder has resolved), else `cwd`. Paths the user types are
 * read from it and shown relative to it, so they print as typed.
 */
export function workingFolder(env: NodeJS.ProcessEnv = process.env, cwd: string = process.cwd()): string {
  const pwd = env['PWD'];
  if (!pwd || !isAbsolute(pwd)) return cwd;
  const logical = resolve(pwd);
  if (logical === cwd) return cwd;
  try {
    // bigint: inode numbers on Windows are too big for a double.
    const a = statSync(logical, { bigint: true });
    const b = statSync(cwd, { bigint: true });
    // An inode of 0 says the file system has none (some Windows drives): no proof it is the same folder.
    return a.ino !== 0n && a.ino === b.ino && a.dev === b.dev ? logical : cwd;
  } catch {
    return cwd; // $PWD names nothing (a stale value, or a shell's own path syntax such as MSYS's /c/...)
  }
}

/** Width to lay tables out in: the terminal's, or a wide default when piped. */
export function outputWidth(stream: NodeJS.WriteStream = process.stdout): number {
  return stream.isTTY && stream.columns ? stream.columns : 160;
}

/**
 * Where code in cards finds its toolchains: this process's PATH and HOME.
 * src/run never reads the environment itself; every command that runs or
 * looks for toolchains (run, doctor, review, quiz) passes this.
 */
export function toolEnvironment(env: NodeJS.ProcessEnv = process.env): ToolEnvironment {
  return { path: env['PATH'] ?? '', home: env['HOME'] ?? '' };
}

/**
 * The programs that open a file or address with the user's default
 * application, in the order to try them: `open` on macOS, `start` (a command
 * of cmd.exe, so through it) on Windows, `xdg-open` elsewhere, then GNOME's
 * `gio open` for systems without xdg-utils.
 */
export function fileOpeners(platform: NodeJS.Platform = process.platform): FileOpener[] {
  if (platform === 'darwin') return [{ name: 'open', command: 'open', args: [] }];
  // start's first quoted argument is a window title: an empty one keeps a quoted path from being taken for it.
  if (platform === 'win32') return [{ name: 'start', command: 'cmd', args: ['/d', '/s', '/c', 'start', '""'], verbatim: true }];
  return [
    { name: 'xdg-open', command: 'xdg-open', args: [] },
    { name: 'gio open', command: 'gio', args: ['open'] },
  ];
}
