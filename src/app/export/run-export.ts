import type { CardFailure } from '../../export/deck-markdown.js';
import { exportDeckNames } from '../../store/export-queries.js';
import type { Store } from '../../store/open-store.js';
import { namedDecks } from '../named-decks.js';
import type { ExportRequest } from './export-request.js';

/** A file an export wrote: what went into it, and how much. */
export type WrittenFile =
  | { path: string; what: 'reviews' | 'cards'; count: number }
  | { path: string; what: 'stats' }
  | { path: string; what: 'deck'; deck: string; count: number };

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

/**
 * Writes the export asked for: the review log, cards or the stats report as
 * CSV, JSON or JSON lines, or decks as markdown; to the output file (each
 * checked before any work: see fileTarget) or through `context.out`. Only the
 * code of the kind asked for is loaded.
 * @returns what was written and what was left out
 * @throws EngramError 'usage' for an unknown deck, an output that cannot be
 *   used (see fileTarget, exportDecks) or nothing to write; 'failed' when a
 *   file cannot be written or the settings file is broken
 */
export async function runExport(store: Store, request: ExportRequest, context: ExportContext): Promise<ExportSummary> {
  const summary: ExportSummary = { written: [], leftOut: [] };
  const steps: ExportSteps = {
    now: context.now,
    cwd: context.cwd,
    configPath: context.configPath,
    out: (text) => context.out(text),
    describe: (path) => (context.describePath ? context.describePath(path) : path),
    written: (file) => {
      summary.written.push(file);
      context.written?.(file);
    },
    leftOut: (failure) => {
      summary.leftOut.push(failure);
      context.leftOut?.(failure);
    },
  };
  // Every deck that holds a card, archived ones too: their reviews can be exported.
  const decks = request.decks.length === 0 ? null : namedDecks(request.decks, exportDeckNames(store));
  if (request.what === 'deck') await (await import('./export-decks.js')).exportDecks(store, decks, request, steps);
  else if (request.what === 'stats') await (await import('./export-stats.js')).exportStats(store, request, steps);
  else await (await import('./export-records.js')).exportRecords(store, decks, request, steps);
  return summary;
}
