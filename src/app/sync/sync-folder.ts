import { closeSync, existsSync, fstatSync, fsyncSync, mkdirSync, openSync, readdirSync, readSync, statSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { EngramError } from '../../model/engram-error.js';
import { eventFileName, readEventLines, SYNC_SUBFOLDER, type EventLineProblem } from '../../sync/read-events.js';
import type { SyncEvent } from '../../model/sync-event.js';
import type { UnsentEvent } from '../../store/sync-events.js';

/** A device's folder name: what newDeviceId makes (checked, so a stray folder is never read as one). */
const DEVICE_RE = /^[a-z0-9-]{1,64}$/;

/** The folder of every device's event files in the sync folder. */
export function devicesRoot(folder: string): string {
  return join(folder, SYNC_SUBFOLDER);
}

/** The devices with a folder in the sync folder, sorted. */
export function devicesIn(folder: string): string[] {
  const root = devicesRoot(folder);
  if (!existsSync(root)) return [];
  return readdirSync(root, { withFileTypes: true })
    .filter((e) => e.isDirectory() && DEVICE_RE.test(e.name))
    .map((e) => e.name)
    .sort();
}

/** One device's event files, oldest month first. */
export function eventFilesOf(folder: string, device: string): string[] {
  const dir = join(devicesRoot(folder), device);
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((n) => /^\d{4}-\d{2}\.jsonl$/.test(n))
    .sort()
    .map((n) => join(dir, n));
}

/** What was read from one event file past its last read. */
export interface FileRead {
  path: string;
  device: string;
  events: SyncEvent[];
  /** Each event's line as read. */
  lines: string[];
  /** Where the complete lines end (bytes from the file's start): the next read starts there. */
  readTo: number;
  problems: EventLineProblem[];
  newer: { line: number; version: number } | null;
}

/**
 * Reads what every device appended to its files since `offsets` (bytes read
 * per file): only files that grew are opened, so a sync with nothing new
 * reads nothing. This device's own files are read too: a store put back from
 * an older copy (a restore) lacks events its files hold, and takes them back
 * from there (the fold skips the events the store has, by id). A file
 * shorter than its offset was replaced: read again from its start (its
 * events are deduplicated by id). Problems are placed by line in the file.
 * With `only`, that device's files alone.
 */
export function readNewEvents(folder: string, offsets: ReadonlyMap<string, number>, only?: string): FileRead[] {
  const out: FileRead[] = [];
  for (const device of only === undefined ? devicesIn(folder) : [only]) {
    for (const path of eventFilesOf(folder, device)) {
      const size = statSync(path).size;
      let from = offsets.get(path) ?? 0;
      if (size === from) continue;
      if (size < from) from = 0;
      const bytes = readRange(path, from, size);
      const read = readEventLines(bytes.toString('utf8'));
      const problems = read.problems;
      let newer = read.newer;
      if (problems.length > 0 || newer !== null) {
        // Place them in the file: count the lines before the part read.
        const before = from === 0 ? 0 : countLines(readRange(path, 0, from));
        for (const p of problems) p.line += before;
        if (newer) newer = { ...newer, line: newer.line + before };
      }
      out.push({ path, device, events: read.events, lines: read.lines, readTo: from + read.completeBytes, problems, newer });
    }
  }
  return out;
}

function readRange(path: string, from: number, to: number): Buffer {
  const fd = openSync(path, 'r');
  try {
    const buf = Buffer.alloc(to - from);
    let got = 0;
    while (got < buf.length) {
      const n = readSync(fd, buf, got, buf.length - got, from + got);
      if (n === 0) break;
      got += n;
    }
    return buf.subarray(0, got);
  } finally {
    closeSync(fd);
  }
}

function countLines(buf: Buffer): number {
  let n = 0;
  for (const b of buf) if (b === 10) n++;
  return n;
}

/**
 * Appends this device's events to its own files (one a month, by event
 * time), each file fsynced: only this device ever writes them, and only at
 * their end. A file whose last line is torn (a crash mid-append) gets a line
 * end first, so the torn line stays one bad line and the next ones are whole.
 * Returns how many events were written.
 */
export function appendOwnEvents(folder: string, device: string, events: readonly UnsentEvent[]): number {
  if (events.length === 0) return 0;
  const dir = join(devicesRoot(folder), device);
  try {
    mkdirSync(dir, { recursive: true });
  } catch (err) {
    throw new EngramError('failed', `cannot make the folder ${dir} for this device's events: ${(err as Error).message}.`);
  }
  const byFile = new Map<string, string[]>();
  for (const e of events) {
    const name = eventFileName(e.at);
    (byFile.get(name) ?? byFile.set(name, []).get(name)!).push(e.line);
  }
  for (const [name, lines] of byFile) {
    const path = join(dir, name);
    const fd = openSync(path, 'a+');
    try {
      const size = fstatSync(fd).size;
      let text = `${lines.join('\n')}\n`;
      if (size > 0) {
        const last = Buffer.alloc(1);
        readSync(fd, last, 0, 1, size - 1);
        if (last[0] !== 10) text = `\n${text}`;
      }
      writeSync(fd, text);
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
  }
  return events.length;
}
