import { mkdirSync, realpathSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { runEngram, type EngramRun } from '../helpers/run-engram.js';
import { tempDir } from '../helpers/temp-dir.js';

/** One test's world: a working folder for card files and a separate private HOME. */
export interface CliEnv {
  /** Working folder engram runs in; card files go here. Symlink-free, as engram stores paths. */
  work: string;
  /** HOME of the spawned engram; its default store lives under it. */
  home: string;
  /** Where the store is when nothing overrides it (XDG_DATA_HOME is home/.local/share). */
  defaultStore: string;
  run(args: readonly string[], env?: Record<string, string | undefined>): EngramRun;
  /** Runs a command with --json and parses stdout; throws with stderr when it is not JSON. */
  json<T = unknown>(args: readonly string[], env?: Record<string, string | undefined>): { status: number | null; data: T; stderr: string };
  /** Writes a file under `work` (folders created); returns its absolute path. */
  write(relativePath: string, content: string | Uint8Array): string;
}

export function cliEnv(): CliEnv {
  // realpath: engram records symlink-free paths, and tests compare against them.
  const root = realpathSync(tempDir('engram-cli-'));
  const work = join(root, 'work');
  const home = join(root, 'home');
  mkdirSync(work);
  mkdirSync(home);
  const run = (args: readonly string[], env?: Record<string, string | undefined>) => runEngram(args, { cwd: work, home, env });
  return {
    work,
    home,
    defaultStore: join(home, '.local', 'share', 'engram', 'engram.db'),
    run,
    json<T>(args: readonly string[], env?: Record<string, string | undefined>) {
      const r = run([...args, '--json'], env);
      let data: T;
      try {
        data = JSON.parse(r.stdout) as T;
      } catch {
        throw new Error(`engram ${args.join(' ')} --json printed no JSON (exit ${r.status}).\nstdout: ${r.stdout}\nstderr: ${r.stderr}`);
      }
      return { status: r.status, data, stderr: r.stderr };
    },
    write(relativePath: string, content: string | Uint8Array) {
      const path = join(work, relativePath);
      mkdirSync(dirname(path), { recursive: true });
      writeFileSync(path, content);
      return path;
    },
  };
}

/** Markdown lines joined with newlines, so the line numbers in a test are easy to count. */
export function md(...lines: string[]): string {
  return `${lines.join('\n')}\n`;
}

// The JSON shapes the CLI prints, as the tests read them.

export interface ProblemJson {
  path: string;
  line: number;
  severity: 'error' | 'warning';
  message: string;
  fix: string;
}

export interface ImportCounts {
  added: number;
  updated: number;
  unchanged: number;
  archived: number;
  restored: number;
}

export interface ImportFileJson extends ImportCounts {
  path: string;
  status: 'imported' | 'unchanged' | 'missing' | 'skipped';
  deck: string | null;
  cards: number;
  problems: ProblemJson[];
}

export interface ImportJson {
  store: string;
  exitCode: number;
  totals: ImportCounts & { files: number; cards: number; problems: number };
  files: ImportFileJson[];
}

export interface CardJson {
  id: number;
  deck: string;
  kind: 'basic' | 'reversed' | 'cloze';
  syntax: string;
  front: string;
  back: string;
  title: string | null;
  context: string | null;
  headingPath: string[];
  source: { path: string; line: number; endLine: number } | null;
  archived: boolean;
  suspended: boolean;
  /** The rule that made a derived card: its name in the listing, what it reads (as --explain says); null for a written card. */
  rule: { name: string; madeBy: string } | null;
  dropped: boolean;
  /** When the card was dropped (ISO), or null. */
  droppedAt: string | null;
}

export interface DeckJson {
  name: string;
  total: number;
  new: number;
  /** New cards today's review would show (limits and siblings applied). */
  newToday: number;
  due: number;
  learning: number;
  suspended: number;
  dropped: number;
  archived: number;
}
