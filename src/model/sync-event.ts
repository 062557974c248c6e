import type { Phase } from './card-state.js';
import type { Grade } from './review.js';

/**
 * The version of the event-file format this engram writes and reads
 * (docs/sync-format.md). A reader refuses a line of a higher version: it
 * cannot know what a newer engram meant by it.
 */
export const SYNC_FORMAT_VERSION = 1;

/** What a card was when it was answered, as the answering device saw it. */
export interface StateBefore {
  phase: Phase;
  /** Its interval in days then (0 unless it was in review). */
  intervalDays: number;
}

/** Kinds of events that set one of a card's flags; the latest by time wins. */
export type FlagEventKind = 'suspend' | 'unsuspend' | 'bury' | 'unbury' | 'drop' | 'undrop';

/** The flag each flag event sets or lifts: events of one family overrule each other by time. */
export const FLAG_FAMILY: Record<FlagEventKind, 'suspended' | 'buried' | 'dropped'> = {
  suspend: 'suspended',
  unsuspend: 'suspended',
  bury: 'buried',
  unbury: 'buried',
  drop: 'dropped',
  undrop: 'dropped',
};

/** What every event carries: who wrote it, when, in which format. */
export interface SyncEventHead {
  /** Format version ({@link SYNC_FORMAT_VERSION} when written by this engram). */
  v: number;
  /** Globally unique and sortable by time: a ULID (26 Crockford base-32 characters). */
  id: string;
  /** The device (store) that wrote it; also the name of its folder. */
  device: string;
  /** UTC ms on the writing device's clock. */
  at: number;
}

/**
 * What happened, about which card. `card` is the card's machine-independent
 * key: its explicit `engram-id` when the markdown has one, else the hash of
 * its normalised text (the same on every machine that imports the same text).
 */
export type SyncEventBody =
  | {
      kind: 'answer';
      card: string;
      rating: Grade;
      durationMs: number;
      session: string | null;
      /** The machine's name as the review log records it (its host name). */
      host: string | null;
      /** The card's state before the answer on the answering device (null: new). */
      before: StateBefore | null;
      /** The seed of the card's fuzz when it was first answered (same on every device). */
      seed: string;
      /**
       * The interval in days the answering device's load balancer or easy
       * days chose within the fuzz range (absent: the plain fuzz placed it).
       * Every device's replay keeps it, so all compute the same due date.
       */
      chosenDays?: number;
    }
  | { kind: 'undo'; card: string; /** The id of the answer taken back. */ target: string }
  | { kind: Exclude<FlagEventKind, 'bury'>; card: string }
  | { kind: 'bury'; card: string; /** UTC ms: the start of the next study day on the burying device. */ until: number }
  | { kind: 'identity'; /** The card's key now. */ card: string; /** The key it had before (a typo fix re-keyed it). */ from: string }
  | {
      kind: 'setting';
      /** The setting's name (`engram config`'s). */
      name: string;
      /** The deck it was set for, or null for the global value. */
      deck: string | null;
      /** The value set, as JSON; null when it was unset (back to the default or the global value). */
      value: unknown;
    };

/** One line of an event file. */
export type SyncEvent = SyncEventHead & SyncEventBody;

/** The kind of an event. */
export type SyncEventKind = SyncEventBody['kind'];

/** Every kind of event this format version knows. */
export const SYNC_EVENT_KINDS: readonly SyncEventKind[] = [
  'answer', 'undo', 'suspend', 'unsuspend', 'bury', 'unbury', 'drop', 'undrop', 'identity', 'setting',
];

/**
 * The event as one line of JSON (without the line end): head fields first, in
 * a fixed order, so files read well with grep and jq.
 */
export function eventLine(e: SyncEvent): string {
  const { v, id, device, at, kind, ...rest } = e;
  return JSON.stringify({ v, id, device, at, kind, ...rest });
}

/**
 * What a setting event changes, as one string ("retention", "new-per-day@spanish"):
 * the events of one setting overrule each other by time.
 */
export function settingTarget(name: string, deck: string | null): string {
  return deck === null ? `setting:${name}` : `setting:${name}@${deck}`;
}

/**
 * Settings that stay with a machine and never travel: where it is, whether it
 * syncs by itself, and which optimizer build it runs (a native one exists on
 * some machines only).
 */
export const LOCAL_SETTINGS: readonly string[] = ['time-zone', 'sync', 'optimizer'];
