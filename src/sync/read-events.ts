import { SYNC_EVENT_KINDS, SYNC_FORMAT_VERSION, type SyncEvent } from '../model/sync-event.js';

/** A line of an event file that could not be taken, and why. */
export interface EventLineProblem {
  /** 1-based line number within the text read (add the lines before it to place it in the file). */
  line: number;
  message: string;
}

/** What a piece of an event file held. */
export interface ReadEvents {
  events: SyncEvent[];
  /** Each event's line as read (trimmed), in the order of `events`. */
  lines: string[];
  /** How many bytes of the text are complete lines (a torn last line is not). */
  completeBytes: number;
  /** Lines that are not events this format knows (skipped; the rest is read). */
  problems: EventLineProblem[];
  /** The first line written by a newer engram (format version above this one's), or null. */
  newer: { line: number; version: number } | null;
}

/**
 * Reads event lines (docs/sync-format.md) from the text of an event file, or
 * of its new end. Only complete lines count: a last line without its line end
 * is a write in progress (a crash mid-append, a file half synced) and is left
 * for a later read, never an error. A blank line is skipped; a line that is
 * not an event is a problem and the rest is read; a line of a newer format is
 * reported in `newer` (the caller refuses the file).
 */
export function readEventLines(text: string): ReadEvents {
  const end = text.lastIndexOf('\n') + 1;
  const lines = text.slice(0, end).split('\n');
  lines.pop();
  const out: ReadEvents = { events: [], lines: [], completeBytes: Buffer.byteLength(text.slice(0, end)), problems: [], newer: null };
  lines.forEach((raw, i) => {
    const line = raw.trim();
    if (line === '') return;
    let value: unknown;
    try {
      value = JSON.parse(line);
    } catch {
      out.problems.push({ line: i + 1, message: 'not JSON' });
      return;
    }
    const why = eventProblem(value);
    if (why === null) {
      out.events.push(value as SyncEvent);
      out.lines.push(line);
    }
    else if (typeof why === 'number') out.newer ??= { line: i + 1, version: why };
    else out.problems.push({ line: i + 1, message: why });
  });
  return out;
}

const ID_RE = /^[0-9A-HJKMNP-TV-Z]{26}$/;

/** Why a parsed line is no event: a message, a newer version's number, or null when it is one. */
function eventProblem(v: unknown): string | number | null {
  if (typeof v !== 'object' || v === null || Array.isArray(v)) return 'not an object';
  const e = v as Record<string, unknown>;
  if (typeof e.v !== 'number' || !Number.isInteger(e.v) || e.v < 1) return 'no format version "v"';
  if (e.v > SYNC_FORMAT_VERSION) return e.v;
  if (typeof e.id !== 'string' || !ID_RE.test(e.id)) return 'no event id "id" (a ULID)';
  if (typeof e.device !== 'string' || !/^[a-z0-9-]{1,64}$/.test(e.device)) return 'no device "device"';
  if (typeof e.at !== 'number' || !Number.isFinite(e.at)) return 'no time "at"';
  if (typeof e.kind !== 'string' || !(SYNC_EVENT_KINDS as readonly string[]).includes(e.kind)) return `unknown kind ${JSON.stringify(e.kind)}`;
  if (e.kind === 'setting') return typeof e.name === 'string' && (e.deck === null || typeof e.deck === 'string') && 'value' in e ? null : 'a setting event without "name", "deck" or "value"';
  if (typeof e.card !== 'string' || e.card === '') return 'no card key "card"';
  switch (e.kind) {
    case 'answer':
      if (![1, 2, 3, 4].includes(e.rating as number)) return 'an answer without a rating 1-4';
      if (typeof e.durationMs !== 'number' || e.durationMs < 0) return 'an answer without "durationMs"';
      if (typeof e.seed !== 'string') return 'an answer without "seed"';
      return null;
    case 'undo':
      return typeof e.target === 'string' && ID_RE.test(e.target) ? null : 'an undo without "target"';
    case 'bury':
      return typeof e.until === 'number' ? null : 'a bury without "until"';
    case 'identity':
      return typeof e.from === 'string' && e.from !== '' ? null : 'an identity change without "from"';
    default:
      return null;
  }
}

/** The event file a device writes an event at `at` (UTC ms) to: one file per month, `yyyy-mm.jsonl`. */
export function eventFileName(at: number): string {
  return `${new Date(at).toISOString().slice(0, 7)}.jsonl`;
}

/** The folder inside the sync folder that holds every device's folder. */
export const SYNC_SUBFOLDER = 'engram-sync';
