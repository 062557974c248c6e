import { spawn } from 'node:child_process';
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { TerminalTextFilter } from './terminal-text.js';

/** One process to run to its end or to a limit. */
export interface ProcessSpec {
  command: string;
  args: readonly string[];
  cwd: string;
  env: NodeJS.ProcessEnv;
  /** Wall-clock limit, ms. */
  timeoutMs: number;
  /** Cap on stdout + stderr together, bytes. */
  outputBytes: number;
  /** Cap on the size of the files under `cwd` together, bytes, checked every {@link FOLDER_CHECK_MS}. */
  folderBytes?: number;
  signal?: AbortSignal;
  onOutput?: (stream: 'stdout' | 'stderr', text: string) => void;
}

/** How a process ended: by itself, or stopped by the runner. */
export type ProcessEnding = 'exit' | 'timeout' | 'output-cap' | 'folder-cap' | 'cancelled';

/** How often the run's folder is measured against its cap. */
const FOLDER_CHECK_MS = 100;

/** What a process did; its output decoded as UTF-8 and stripped of escape sequences. */
export interface ProcessOutcome {
  ending: ProcessEnding;
  exit: number | null;
  signal: string | null;
  stdout: string;
  stderr: string;
  truncated: boolean;
  /** Set when the process could not be started at all. */
  spawnError: string | null;
}

/**
 * Runs one process in its own process group (spawned detached) with stdin
 * closed, and kills the whole group with SIGKILL on timeout, on passing the
 * output cap or the folder cap (files pile up on the user's disk), on abort, and when the process exits (so background children
 * neither outlive it nor keep its pipes open). Never rejects.
 */
export function runProcess(spec: ProcessSpec): Promise<ProcessOutcome> {
  return new Promise((resolve) => {
    const output = { stdout: '', stderr: '' };
    let ending: ProcessEnding = 'exit';
    let bytes = 0;
    let truncated = false;
    let spawnError: string | null = null;
    const child = spawn(spec.command, spec.args, { cwd: spec.cwd, env: spec.env, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
    const killGroup = (): void => {
      if (child.pid === undefined) return;
      try {
        process.kill(-child.pid, 'SIGKILL');
      } catch {
        // The group is already gone.
      }
    };
    const stop = (why: ProcessEnding): void => {
      if (ending === 'exit') ending = why;
      killGroup();
    };
    const timer = setTimeout(() => stop('timeout'), spec.timeoutMs);
    const { folderBytes } = spec;
    const watch =
      folderBytes === undefined
        ? undefined
        : setInterval(() => {
            if (folderSize(spec.cwd, folderBytes) > folderBytes) stop('folder-cap');
          }, FOLDER_CHECK_MS);
    const onAbort = (): void => stop('cancelled');
    spec.signal?.addEventListener('abort', onAbort, { once: true });
    const emit = (stream: 'stdout' | 'stderr', text: string): void => {
      if (!text) return;
      output[stream] += text;
      spec.onOutput?.(stream, text);
    };
    for (const stream of ['stdout', 'stderr'] as const) {
      const filter = new TerminalTextFilter();
      const pipe = child[stream];
      // setEncoding decodes with a StringDecoder: a character split between two reads is never broken.
      pipe.setEncoding('utf8');
      pipe.on('data', (chunk: string) => {
        if (truncated) return;
        const size = Buffer.byteLength(chunk);
        if (bytes + size <= spec.outputBytes) {
          bytes += size;
          emit(stream, filter.push(chunk));
          return;
        }
        truncated = true;
        emit(stream, filter.push(utf8Prefix(chunk, spec.outputBytes - bytes)));
        bytes = spec.outputBytes;
        stop('output-cap');
      });
      pipe.on('end', () => emit(stream, filter.end()));
    }
    child.on('error', (err) => {
      spawnError = err.message;
    });
    child.on('exit', killGroup);
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      clearInterval(watch);
      spec.signal?.removeEventListener('abort', onAbort);
      resolve({ ending, exit: code, signal, stdout: output.stdout, stderr: output.stderr, truncated, spawnError });
    });
    if (spec.signal?.aborted) stop('cancelled');
  });
}

/** The longest prefix of `text` that fits in `bytes` bytes of UTF-8, never cutting a character. */
function utf8Prefix(text: string, bytes: number): string {
  const buf = Buffer.from(text, 'utf8');
  let end = Math.max(0, bytes);
  while (end > 0 && end < buf.length && (buf[end]! & 0xc0) === 0x80) end--;
  return buf.subarray(0, end).toString('utf8');
}

/** The bytes of the files under `dir` together, counted until they pass `stopAbove`; files vanishing meanwhile count nothing. */
function folderSize(dir: string, stopAbove: number): number {
  let total = 0;
  const folders = [dir];
  while (folders.length > 0 && total <= stopAbove) {
    const folder = folders.pop()!;
    let entries;
    try {
      entries = readdirSync(folder, { withFileTypes: true });
    } catch {
      continue;
    }
    for (const e of entries) {
      const path = join(folder, e.name);
      if (e.isDirectory()) folders.push(path);
      else if (e.isFile()) total += statSync(path, { throwIfNoEntry: false })?.size ?? 0;
    }
  }
  return total;
}
