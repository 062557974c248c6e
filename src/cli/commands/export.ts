import { once } from 'node:events';
import { closeSync, existsSync, fsyncSync, linkSync, mkdirSync, openSync, renameSync, rmSync, statSync, writeSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import type { Command } from 'commander';
import type { ExportOptions } from '../export-flags.js';
import { EngramError } from '../../model/engram-error.js';
import type { Store } from '../../store/open-store.js';
import { dbOption } from '../common-options.js';
import { displayPath } from '../output/display-path.js';
import { namedDecks } from '../../app/named-decks.js';
import { configPath, currentTime, storePath } from '../environment.js';

interface RawOptions {
  what?: string;
  format?: string;
  output?: string;
  force?: boolean;
  archived?: boolean;
  db?: string;
}

const EXAMPLES = `
Examples:
  engram export --what reviews -o revlog.csv       the FSRS revlog CSV
  engram export sql --what cards --format json     deck sql's cards, scheduled
  engram export "SQL joins" --what deck -o sql.md  a deck as markdown
  engram export --what deck -o decks-export/       every deck, a file each
  engram export --what stats --format csv          stats as figure,value rows

Exit codes:
  0  written
  1  written, but some cards could not be written back as markdown (listed)
  2  nothing written: bad options, unknown deck, or a file that exists`;

/** `engram export [decks...] --what reviews|cards|deck|stats` */
export function registerExport(program: Command): void {
  program
    .command('export')
    .description('write the review log (as the FSRS revlog CSV), cards with their schedule, decks as markdown, or stats, to a file or stdout')
    .argument('[decks...]', 'only these decks (a deck "a" takes in "a/b"; default: every deck)')
    .option('--what <what>', 'what to export: reviews, cards, deck or stats')
    .option('--format <format>', 'csv, json or jsonl (default: csv, json for stats; decks are markdown)')
    .option('-o, --output <file>', 'write to this file (a folder for several decks) instead of stdout')
    .option('--force', 'overwrite a file that exists')
    .option('--archived', 'with --what cards: archived cards too')
    .addOption(dbOption())
    .addHelpText('after', EXAMPLES)
    .action(async (args: string[], raw: RawOptions) => {
      const { exportOptions } = await import('../export-flags.js');
      const options = exportOptions(raw);
      const { openCommandStore } = await import('../command-store.js');
      const store = openCommandStore(storePath(raw.db), { create: false, now: currentTime() });
      try {
        const known = (await import('../../store/export-queries.js')).exportDeckNames(store);
        const decks = args.length === 0 ? null : namedDecks(args, known);
        if (options.what === 'deck') await exportDecks(store, decks, options);
        else if (options.what === 'stats') await exportStats(store, args, options);
        else await exportRecords(store, decks, options);
      } finally {
        store.close();
      }
    });
}


/** Reviews or cards, streamed row by row as CSV, JSON or JSON lines. */
async function exportRecords(store: Store, decks: string[] | null, options: ExportOptions): Promise<void> {
  const target = options.output === null ? null : fileTarget(options.output, options.force);
  const { csvText, jsonText, recordText } = await import('../../export/record-text.js');
  const format = options.format as 'csv' | 'json' | 'jsonl';
  // Counted as they stream by, for the summary line.
  let count = 0;
  const counted = function* <R>(rows: Iterable<R>): Generator<R> {
    for (const r of rows) {
      count++;
      yield r;
    }
  };
  if (options.what === 'reviews') {
    const { ensureReviewFacts } = await import('../../app/review-facts.js');
    const { loadSettings, schedulerSet } = await import('../../app/settings/study-settings.js');
    const { deckOfCards, reviewRows, revlogRows } = await import('../../store/export-queries.js');
    const { REVLOG_HEADER, reviewJson, revlogLine } = await import('../../export/review-records.js');
    // The revlog's review_state is the state before each answer: fill it where an older engram left it out.
    ensureReviewFacts(store, schedulerSet(loadSettings(configPath())));
    if (format === 'csv') {
      await writeText(target, options.force, csvText(counted(revlogRows(store, decks)), REVLOG_HEADER, revlogLine));
    } else {
      const deckOf = deckOfCards(store);
      await writeText(target, options.force, jsonText(counted(reviewRows(store, decks)), format, reviewJson((id) => deckOf.get(id) ?? null)));
    }
    if (target) summary(`${count.toLocaleString('en')} review${count === 1 ? '' : 's'}`, target);
  } else {
    const { cardRecords } = await import('../../store/export-queries.js');
    const { cardLayout } = await import('../../export/card-records.js');
    await writeText(target, options.force, recordText(counted(cardRecords(store, decks, options.archived)), format, cardLayout(currentTime())));
    if (target) summary(`${count.toLocaleString('en')} card${count === 1 ? '' : 's'}`, target);
  }
}

/** The stats report, as `engram stats --json` prints it, or flattened to CSV or JSON lines. */
async function exportStats(store: Store, decks: readonly string[], options: ExportOptions): Promise<void> {
  const target = options.output === null ? null : fileTarget(options.output, options.force);
  const { loadSettings } = await import('../../app/settings/study-settings.js');
  const { loadStatsReport } = await import('../../app/stats/load-stats.js');
  const { statsText } = await import('../../export/stats-records.js');
  const report = loadStatsReport(store, loadSettings(configPath()), currentTime(), [...decks]);
  await writeText(target, options.force, [statsText(report, options.format as 'json' | 'csv' | 'jsonl')]);
  if (target) summary('stats', target);
}

/** Decks back to markdown: one deck to a file or stdout, several to one file each in a folder. */
async function exportDecks(store: Store, selected: string[] | null, options: ExportOptions): Promise<void> {
  const { deckNames } = await import('../../store/decks.js');
  const { listCards } = await import('../../store/cards.js');
  const { deckMarkdown } = await import('../../export/deck-markdown.js');
  const { deckFileName } = await import('../../export/deck-file-name.js');
  const active = new Set(deckNames(store));
  const decks = (selected ?? [...active]).filter((d) => active.has(d));
  if (decks.length === 0) {
    throw new EngramError('usage', selected ? `${selected.join(', ')} ${selected.length === 1 ? 'has' : 'have'} only archived cards; there is nothing to write.` : 'no cards to export yet. Import some first: engram import <files>');
  }
  const out = options.output;
  const folder = out !== null && (out.endsWith('/') || isFolder(out) || decks.length > 1) ? resolve(out) : null;
  if (out === null && decks.length > 1) {
    throw new EngramError('usage', `${decks.length} decks are selected and a markdown file holds one deck: give -o a folder (one file per deck, e.g. -o decks-export/) or name one deck (${decks.join(', ')}).`);
  }
  if (folder !== null && existsSync(folder) && !isFolder(folder)) {
    throw new EngramError('usage', `${displayPath(folder)} is a file; to write ${decks.length} decks give -o a folder (one file per deck).`);
  }
  const taken = new Set<string>();
  const targets = decks.map((deck) => {
    if (folder === null) return out === null ? null : resolve(out);
    const name = deckFileName(deck, taken);
    taken.add(name);
    return join(folder, name);
  });
  // Refuse before anything is written, so a refused export leaves every file as it was.
  for (const t of targets) if (t !== null) fileTarget(t, options.force, folder !== null);
  let failed = false;
  for (let i = 0; i < decks.length; i++) {
    const deck = decks[i]!;
    const target = targets[i]!;
    const md = deckMarkdown(deck, listCards(store, { deck, includeArchived: false }));
    for (const f of md.failures) {
      const where = f.card.sourcePath ? ` at ${displayPath(f.card.sourcePath)}:${f.card.line}` : '';
      process.stderr.write(`engram: card ${f.card.id}${where} cannot be written back as markdown: ${f.reason}. It was left out; copy it from its file by hand.\n`);
      failed = true;
    }
    if (md.cards === 0) continue;
    if (target !== null) mkdirSync(dirname(target), { recursive: true });
    await writeText(target, options.force, [md.text]);
    if (target) summary(`${md.cards.toLocaleString('en')} card${md.cards === 1 ? '' : 's'} of deck "${deck}"`, target);
  }
  if (failed) process.exitCode = 1;
}

function isFolder(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}

/**
 * The absolute path to write an export to, checked before any work: refuses
 * (EngramError, exit 2) a file that exists unless `force`, a folder, and a
 * file in a folder that does not exist (unless `makeFolders`).
 */
function fileTarget(path: string, force: boolean, makeFolders = false): string {
  const abs = resolve(path);
  if (isFolder(abs)) throw new EngramError('usage', `${displayPath(abs)} is a folder; give -o a file name.`);
  if (existsSync(abs) && !force) {
    throw new EngramError('usage', `${displayPath(abs)} already exists; add --force to overwrite it, or pick another name.`);
  }
  if (!makeFolders && !isFolder(dirname(abs))) throw new EngramError('usage', `cannot write ${displayPath(abs)}: the folder ${displayPath(dirname(abs))} does not exist.`);
  return abs;
}

function summary(what: string, target: string): void {
  process.stderr.write(`wrote ${what} to ${displayPath(target)}\n`);
}

/** Pieces are gathered into writes of about this many characters: few system calls, little memory. */
const BATCH = 64 * 1024;

/** Calls `write` with the pieces gathered into batches of about {@link BATCH} characters. */
async function inBatches(pieces: Iterable<string>, write: (batch: string) => void | Promise<void>): Promise<void> {
  let batch = '';
  for (const p of pieces) {
    batch += p;
    if (batch.length >= BATCH) {
      await write(batch);
      batch = '';
    }
  }
  if (batch !== '') await write(batch);
}

/** Writes the pieces to stdout as they come (waiting when the reader is slower), or to a file via {@link writeFileWhole}. */
async function writeText(target: string | null, force: boolean, pieces: Iterable<string>): Promise<void> {
  if (target !== null) return writeFileWhole(target, force, pieces);
  await inBatches(pieces, async (batch) => {
    if (!process.stdout.write(batch)) await once(process.stdout, 'drain');
  });
}

/**
 * Writes a temporary file next to `target`, flushes it to disk, then puts it
 * in place: a crash or an error never leaves half an export under the name
 * asked for. Without `force` the file is linked into place, which fails if
 * another file took the name meanwhile.
 */
async function writeFileWhole(target: string, force: boolean, pieces: Iterable<string>): Promise<void> {
  const temp = join(dirname(target), `.${basename(target)}.${process.pid}.tmp`);
  let fd: number;
  try {
    fd = openSync(temp, 'wx');
  } catch (err) {
    throw new EngramError('failed', `cannot write ${displayPath(target)}: ${(err as Error).message}`);
  }
  try {
    try {
      await inBatches(pieces, (batch) => {
        writeSync(fd, batch);
      });
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    if (force) renameSync(temp, target);
    else placeNew(temp, target);
  } catch (err) {
    if (err instanceof EngramError || !(err as NodeJS.ErrnoException).syscall) throw err;
    throw new EngramError('failed', `cannot write ${displayPath(target)}: ${(err as Error).message}`);
  } finally {
    rmSync(temp, { force: true });
  }
}

function placeNew(temp: string, target: string): void {
  try {
    linkSync(temp, target);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'EEXIST') throw new EngramError('usage', `${displayPath(target)} appeared while exporting; add --force to overwrite it, or pick another name.`);
    // Some file systems have no hard links: check and rename instead.
    if (existsSync(target)) throw new EngramError('usage', `${displayPath(target)} already exists; add --force to overwrite it, or pick another name.`);
    renameSync(temp, target);
  }
}
