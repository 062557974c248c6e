import * as pty from 'node-pty';
import { afterEach } from 'vitest';
import { ENGRAM_BIN, FIXED_NOW } from '../helpers/run-engram.js';

/**
 * The environment of a spawned engram, as in run-engram.ts: a private HOME and
 * XDG folders under `home`, the fixed clock, no colour, UTC. Built from scratch,
 * so nothing of the test runner's (CI, FORCE_COLOR, the user's ENGRAM_DB) leaks in.
 */
export function engramEnv(home: string): Record<string, string> {
  return {
    PATH: process.env['PATH'] ?? '/usr/bin:/bin',
    HOME: home,
    XDG_DATA_HOME: `${home}/.local/share`,
    XDG_CONFIG_HOME: `${home}/.config`,
    ENGRAM_NOW: FIXED_NOW,
    NO_COLOR: '1',
    TZ: 'UTC',
    TERM: 'xterm-256color',
  };
}

const ANSI = /\u001B(?:\[[0-9;?<>=]*[ -/]*[@-~]|\][^\u0007\u001B]*(?:\u0007|\u001B\\)|[@-Z\\-_])/g;

/** Text without escape sequences or carriage returns. */
export function stripAnsi(text: string): string {
  return text.replace(ANSI, '').replace(/\r/g, '');
}

/** How long any one wait may take before the test fails instead of hanging. */
const WAIT_LIMIT_MS = 15_000;

/** `engram args...` running in a pseudo-terminal, with everything it printed. */
export class PtySession {
  private readonly term: pty.IPty;
  /** Everything written to the terminal, escape codes included. */
  output = '';
  exitInfo: { exitCode: number; signal?: number } | null = null;
  readonly exited: Promise<{ exitCode: number; signal?: number }>;

  /** `env`: variables added to {@link engramEnv}'s, as a user's shell may have them. */
  constructor(args: readonly string[], o: { cwd: string; home: string; cols: number; rows: number; env?: Record<string, string> }) {
    this.term = pty.spawn(process.execPath, [ENGRAM_BIN, ...args], {
      name: 'xterm-256color',
      cols: o.cols,
      rows: o.rows,
      cwd: o.cwd,
      env: { ...engramEnv(o.home), ...o.env },
    });
    live.add(this);
    this.term.onData((d) => {
      this.output += d;
    });
    this.exited = new Promise((resolve) => {
      this.term.onExit((e) => {
        this.exitInfo = e;
        live.delete(this);
        resolve(e);
      });
    });
  }

  /** The process id of engram (the pty's child), for signals such as kill -9. */
  get pid(): number {
    return this.term.pid;
  }

  /** The plain text printed since `mark` (a length of `output`). */
  textSince(mark = 0): string {
    return stripAnsi(this.output.slice(mark));
  }

  /** A mark for {@link textSince} and {@link waitFor}: what has been printed so far. */
  mark(): number {
    return this.output.length;
  }

  /** Waits until the text printed since `mark` contains `text`. */
  async waitFor(text: string, mark = 0): Promise<void> {
    const deadline = Date.now() + WAIT_LIMIT_MS;
    while (!this.textSince(mark).includes(text)) {
      if (this.exitInfo) throw new Error(`engram exited (${JSON.stringify(this.exitInfo)}) before showing "${text}"; it printed:\n${this.textSince(mark)}`);
      if (Date.now() > deadline) throw new Error(`timed out waiting for "${text}"; printed since the mark:\n${this.textSince(mark)}`);
      await new Promise((r) => setTimeout(r, 20));
    }
  }

  /** Sends keys, then waits until `expect` shows up in what is printed after them. */
  async press(keys: string, expect: string): Promise<void> {
    const mark = this.mark();
    this.term.write(keys);
    await this.waitFor(expect, mark);
  }

  write(keys: string): void {
    this.term.write(keys);
  }

  /**
   * Waits until every key written has reached the terminal; call it before
   * killing engram. node-pty writes from a queue, retrying while the terminal
   * is busy, on a descriptor it closes when engram exits: a key still queued
   * then goes into whatever file is opened next under that number (seen: a
   * "4" written over the first byte of a store opened right after a kill -9).
   */
  async flushed(): Promise<void> {
    const stream = (this.term as unknown as { _writeStream?: { _writeQueue?: unknown[] } })._writeStream;
    if (!Array.isArray(stream?._writeQueue)) throw new Error('node-pty keeps its write queue elsewhere now: update PtySession.flushed');
    while (stream._writeQueue.length > 0) await new Promise((r) => setImmediate(r));
  }

  /** Resizes the terminal, as a user dragging the window does. */
  resize(cols: number, rows: number): void {
    this.term.resize(cols, rows);
  }

  /** Waits for the process to end (a hang guard, not a timing assertion). */
  async waitForExit(): Promise<{ exitCode: number; signal?: number }> {
    let timer: NodeJS.Timeout | undefined;
    const limit = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`engram did not exit; it printed:\n${this.textSince()}`)), WAIT_LIMIT_MS);
    });
    try {
      return await Promise.race([this.exited, limit]);
    } finally {
      clearTimeout(timer);
    }
  }

  kill(): void {
    if (this.exitInfo) return;
    try {
      this.term.kill();
    } catch {
      // Already gone.
    }
  }
}

const live = new Set<PtySession>();

afterEach(() => {
  for (const s of [...live]) s.kill();
  live.clear();
});
