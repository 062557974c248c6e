import type { CardFailure } from '../../export/deck-markdown.js';

/** A file an export wrote: what went into it, and how much. */
export type WrittenFile =
  | { path: string; what: 'reviews' | 'cards'; count: number }
  | { path: string; what: 'stats' }
  | { path: string; what: 'deck'; deck: string; count: number }
  | { path: string; what: 'apkg'; notes: number; cards: number; reviews: number; media: number; leftOut: string[] };

/** What an export needs besides the store and the request. */
export interface ExportContext {
  /** UTC ms: what "buried" and the stats' today mean. */
  now: number;
  /** The folder a relative output path is read from. */
  cwd: string;
  /** The settings file (read for reviews and stats only). */
  configPath: string;
  /** Takes the text of an export with no output file; a promise says to wait before sending more. */
  out(text: string): void | Promise<void>;
  /** How paths are written in messages (default: as they are). */
  describePath?(path: string): string;
  /** Told of each file once it is written, as it happens. */
  written?(file: WrittenFile): void;
  /** Told of each card left out of a deck's markdown, as it happens. */
  leftOut?(failure: CardFailure): void;
}

/** Everything an export wrote, and every card it left out (only decks leave cards out). */
export interface ExportSummary {
  written: WrittenFile[];
  leftOut: CardFailure[];
}

/** The context as the parts of an export use it: every callback there, each told and kept. */
export type ExportSteps = Pick<ExportContext, 'now' | 'cwd' | 'configPath' | 'out'> & {
  describe(path: string): string;
  written(file: WrittenFile): void;
  leftOut(failure: CardFailure): void;
};
