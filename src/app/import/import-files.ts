import { existsSync, readFileSync, rmdirSync, rmSync } from 'node:fs';
import { basename, dirname } from 'node:path';
import { setImmediate as turn } from 'node:timers/promises';
import { startImport, type FileReport, type ImportJob } from '../../library/import-job.js';
import type { CardSyntax } from '../../model/card.js';
import { EngramError } from '../../model/engram-error.js';
import type { ParseMode } from '../../model/parse-mode.js';
import type { WithheldCard } from '../../parse/notes/note-cards.js';
import type { SourceParser } from '../../library/read-source-file.js';
import { cardCountsBySyntax } from '../../store/cards.js';
import type { Store } from '../../store/open-store.js';
import { allSources, storeIsEmpty } from '../../store/sources.js';
import { openUserStore } from '../open-user-store.js';
import { deckSetting, readConfig, type ConfigFile } from '../settings/config-file.js';

/** What to import, and where to. */
export interface ImportRequest {
  /** The store file; created (with its folder) when missing. */
  storePath: string;
  /** Files and folders to import; none re-syncs every file imported before. */
  paths: readonly string[];
  /** The folder relative paths are read from. */
  cwd: string;
  /** UTC ms: stamps what the import adds, changes and archives. */
  now: number;
  /** Which cards files give (default: each file's mode from its last import, else auto). */
  mode?: ParseMode;
  /** Also find out, per file imported, which card syntax made how many of its cards. */
  explain?: boolean;
  /** The settings file; its `duplicates` setting may accept repeated cards (default: warn about each). */
  configPath?: string;
}

/** Callbacks of an import: nothing of it is printed here. */
export interface ImportHooks {
  /** A problem worth telling that does not stop the import (today's backup failed). */
  warn(message: string): void;
  /** How paths are written inside problem messages (default: as they are). */
  describePath?(path: string): string;
  /** Called before each file is read (with its path), then once more when the changes are being written. */
  progress?(done: number, total: number, stage: 'reading' | 'writing', path?: string): void;
  /**
   * Stops the import while its files are being read (Ctrl-C): nothing is
   * written then. Once the changes are being written (one short transaction)
   * they are written whole; `interruptedWhileWriting` says so in the result.
   */
  signal?: AbortSignal;
}

/**
 * How an import went as a whole: `clean` when every file was read without a
 * problem; `problems` when some file had one; `nothing` when no file gave or
 * archived a card. The warnings an unchanged file had at its last import are
 * its known state, repeated in the reports but no reason for `problems`
 * (its errors are: its cards are still broken).
 */
export type ImportOutcome = 'clean' | 'problems' | 'nothing';

/** Sums over every file of an import. */
export interface ImportTotals {
  files: number;
  cards: number;
  added: number;
  updated: number;
  unchanged: number;
  archived: number;
  restored: number;
  problems: number;
}

/** Which card syntax made how many active cards of one file, and the mode it was imported in. */
export interface MadeBy {
  mode: ParseMode;
  counts: Map<CardSyntax, number>;
  /** Cards the file's notes proposed that the card-quality rules left out, with the rule each broke. */
  withheld: WithheldCard[];
}

/** What an import did. */
export interface ImportResult {
  /** One report per file, in path order. */
  reports: FileReport[];
  outcome: ImportOutcome;
  totals: ImportTotals;
  /** The store written to; null when this import created it and then found nothing to put in it (it was removed). */
  store: string | null;
  /** Per file imported (not skipped or gone), when `explain` was asked; else null. */
  madeBy: Map<string, MadeBy> | null;
  /** The signal came while the changes were being written: too late to stop, so the import is whole. */
  interruptedWhileWriting: boolean;
}

/** How long the reading goes on between looks at `signal` (which only an idle event loop can set). */
const SLICE_MS = 20;

/**
 * Imports card files and folders into the store at `request.storePath` (see
 * importPaths), opening it as every command does (with the day's backup). A
 * store this import created and left empty is removed again, with its folder
 * when that is empty; never after an error, as another engram may have written
 * to it meanwhile (or after an interruption, unless it is still empty).
 * @throws EngramError 'notFound' when the paths hold no card file, or there is
 *   nothing to re-sync; 'interrupted' when `hooks.signal` stopped it (nothing
 *   was written); the store's errors when it cannot be opened or written
 */
export async function importFiles(request: ImportRequest, hooks: ImportHooks): Promise<ImportResult> {
  const { storePath, paths } = request;
  const existed = existsSync(storePath);
  const store = openUserStore(storePath, { create: true, now: request.now, warn: hooks.warn });
  let result: ImportResult | 'interrupted';
  let removeAfter = false;
  try {
    const job = startImport(store, paths.length ? paths : null, {
      cwd: request.cwd,
      now: request.now,
      describePath: hooks.describePath,
      onProgress: hooks.progress,
      mode: request.mode,
    });
    if (await readAll(job, hooks.signal)) {
      result = 'interrupted';
      // Nothing was written; a store made for this import goes again, unless another engram filled it meanwhile.
      removeAfter = !existed && storeIsEmpty(store);
    } else {
      const reports = job.write();
      // A Ctrl-C during the write is seen only now, once the event loop runs again.
      await turn();
      if (reports.length === 0) {
        throw new EngramError(
          'notFound',
          paths.length
            ? `no card files (.md, .markdown, .txt) found in ${paths.join(', ')}.`
            : 'nothing to re-sync: no file was imported yet. Give files or folders, e.g. engram import decks/',
        );
      }
      const accepted = acceptedDuplicates(request.configPath, hooks.warn);
      if (accepted) for (const r of reports) if (r.deck !== null && accepted(r.deck)) r.problems = r.problems.filter((p) => p.code !== 'duplicate');
      const outcome = importOutcome(reports);
      removeAfter = !existed && outcome === 'nothing' && storeIsEmpty(store);
      result = {
        reports,
        outcome,
        totals: importTotals(reports),
        store: removeAfter ? null : store.path,
        madeBy: request.explain ? madeBy(store, reports, await loadParser()) : null,
        interruptedWhileWriting: hooks.signal?.aborted ?? false,
      };
    }
  } finally {
    store.close();
  }
  if (removeAfter) removeStore(storePath);
  if (result === 'interrupted') {
    throw new EngramError('interrupted', 'import interrupted; nothing was changed (an import is written whole or not at all). Run it again to import.');
  }
  return result;
}

/**
 * Reads every file of `job`, letting the event loop run every {@link SLICE_MS}
 * so that `signal` can be set. Returns true when the signal stopped it.
 */
async function readAll(job: ImportJob, signal: AbortSignal | undefined): Promise<boolean> {
  let sliceStart = Date.now();
  do {
    if (Date.now() - sliceStart >= SLICE_MS) {
      await turn();
      sliceStart = Date.now();
    }
    if (signal?.aborted) return true;
    if (job.parserWanted()) job.useParser(await loadParser());
  } while (job.readNext());
  if (job.parserWanted()) job.useParser(await loadParser());
  // The last look before writing.
  await turn();
  return signal?.aborted ?? false;
}

/**
 * The parser, loaded on first use: it is most of an import's code (the card
 * scanner, remark for notes), and a re-sync that finds every file unchanged
 * never needs it.
 */
async function loadParser(): Promise<SourceParser> {
  return (await import('../../parse/parse-source.js')).parseSource;
}

/**
 * `nothing` when no file gave or archived a card, else `problems` when any
 * file had a problem (not counting an unchanged file's known warnings), else `clean`.
 */
function importOutcome(reports: readonly FileReport[]): ImportOutcome {
  const usable = reports.some((r) => r.status !== 'skipped' && (r.cards > 0 || r.counts.archived > 0));
  if (!usable) return 'nothing';
  const counts = (r: FileReport) => (r.status === 'unchanged' ? r.problems.some((p) => p.severity === 'error') : r.problems.length > 0);
  return reports.some(counts) ? 'problems' : 'clean';
}

/**
 * Which decks accept cards repeated from another file (the `duplicates`
 * setting); null when none does. A settings file that cannot be read does not
 * stop an import: it is said, and every repeat is warned about.
 */
function acceptedDuplicates(configPath: string | undefined, warn: (message: string) => void): ((deck: string) => boolean) | null {
  if (configPath === undefined) return null;
  let file: ConfigFile;
  try {
    // The file alone: loadSettings would load the schedulers' code (ts-fsrs), which no import needs.
    file = readConfig(configPath);
  } catch (err) {
    if (!(err instanceof EngramError)) throw err;
    warn(`${err.message} Every repeated card is warned about until it is fixed.`);
    return null;
  }
  const accepts = (deck: string) => deckSetting(file, deck, 'duplicates') === 'allow';
  return file.settings.duplicates === 'allow' || Object.values(file.decks).some((d) => d.duplicates === 'allow') ? accepts : null;
}

/** The import's sums over its files. */
function importTotals(reports: readonly FileReport[]): ImportTotals {
  const sum = (f: (r: FileReport) => number) => reports.reduce((a, r) => a + f(r), 0);
  return {
    files: reports.length,
    cards: sum((r) => r.cards),
    added: sum((r) => r.counts.added),
    updated: sum((r) => r.counts.updated),
    unchanged: sum((r) => r.counts.unchanged),
    archived: sum((r) => r.counts.archived),
    restored: sum((r) => r.counts.restored),
    problems: sum((r) => r.problems.length),
  };
}

function madeBy(store: Store, reports: readonly FileReport[], parse: SourceParser): Map<string, MadeBy> {
  const modes = new Map(allSources(store).map((s) => [s.path, s.mode]));
  const out = new Map<string, MadeBy>();
  for (const r of reports) {
    const mode = modes.get(r.path);
    if (r.status === 'skipped' || r.status === 'missing' || mode === undefined) continue;
    // A file parsed in this import says what it withheld; an unchanged one was not parsed, so it is read again.
    const withheld = r.status === 'imported' ? (r.withheld ?? []) : withheldCards(r.path, mode, parse);
    out.set(r.path, { mode, counts: cardCountsBySyntax(store, r.path), withheld });
  }
  return out;
}

/** The derived cards the quality rules left out of an unchanged file, which this import did not parse. */
function withheldCards(path: string, mode: ParseMode, parse: SourceParser): WithheldCard[] {
  try {
    return parse(readFileSync(path), basename(path), mode).withheld ?? [];
  } catch {
    return []; // gone or unreadable since: its report says so
  }
}

/** Removes the store file at `path` (with its WAL files) and its folder, if the folder is then empty. */
function removeStore(path: string): void {
  for (const suffix of ['', '-wal', '-shm']) rmSync(path + suffix, { force: true });
  try {
    rmdirSync(dirname(path)); // only if empty: the folder may hold other things
  } catch {
    // not empty, or not ours to remove
  }
}
