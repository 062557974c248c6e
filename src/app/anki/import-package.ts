import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { basename, dirname, extname, join, resolve } from 'node:path';
import { deckFiles, type DeckFile } from '../../anki/deck-files.js';
import { isPortableMediaName } from '../../anki/package-layout.js';
import { ENGRAM_GUID_PREFIX, planNotes, type CardRole, type NotePlan } from '../../anki/note-plan.js';
import type { AnkiCollection } from '../../model/anki-collection.js';
import type { ParsedCard } from '../../model/card.js';
import { parseSource } from '../../parse/parse-source.js';
import { nextRollover } from '../../schedule/study-time.js';
import { PHASE_CODES, saveCardStates } from '../../store/card-state-rows.js';
import { cardsByKeys } from '../../store/cards.js';
import { useLargeCache, type Store } from '../../store/open-store.js';
import type { CardState, Phase } from '../../model/card-state.js';
import { EngramError } from '../../model/engram-error.js';
import { answerTimesOfCard, cardsWithAnswers, importTargets, reversedSiblingKey } from '../../store/anki-import-queries.js';
import { answerEventIds, startAnswerIds, type AnswerIdTable, type PendingAnswerIds } from '../../store/anki-answer-ids.js';
import { appendImportedReview, factsBefore } from '../../store/reviews.js';
import { appendImportedColumns, fixFuzzSeedsToKeys, importedAnswersTally, type ImportedAnswerColumns } from '../../store/imported-answers.js';
import { withIndexesRemade, withoutForeignKeyChecks } from '../../store/bulk-indexes.js';
import { buryCard, setSuspended } from '../../store/study-queries.js';
import { importFiles, type ImportResult } from '../import/import-files.js';
import { openUserStore } from '../open-user-store.js';
import { replayCard } from '../replay-card.js';
import { loadSettings, schedulerSet, studyClock } from '../settings/study-settings.js';
import { answersOf, RevlogByCard, type ImportedAnswer, type RevlogSkips } from './anki-reviews.js';
import { readAnkiPackage, type AnkiPackage } from './read-package.js';
import { timeOrder } from '../../anki/time-order.js';

/** What to import, and where to. */
export interface PackageImportRequest {
  storePath: string;
  /** The .apkg or .colpkg file. */
  packagePath: string;
  /** The folder the deck files go to (default: a folder named after the package, beside it). */
  into?: string;
  cwd: string;
  now: number;
  /** Say what would be written and imported, and write nothing. */
  dryRun: boolean;
  /** The settings file (schedulers, the study day's rollover). */
  configPath: string;
}

/** Something of the package that engram left out, and why; `count` of them. */
export interface PackageSkip {
  what: 'note' | 'card' | 'review' | 'media';
  reason: string;
  count: number;
}

/** What `engram import <package>` did (or, with dryRun, would do). */
export interface PackageImportResult {
  package: string;
  layout: AnkiCollection['layout'];
  folder: string;
  dryRun: boolean;
  notes: number;
  /** Anki cards that became engram cards (or were found among them). */
  cards: number;
  /** Answers added to the review log. */
  reviews: number;
  /** Answers the log already had (an earlier import of the package, or reviews folded back before): not added again. */
  known: number;
  /** Media files copied. */
  media: number;
  /** Deck files written (new) and deck files of an earlier import that were left as they are. */
  filesWritten: string[];
  filesKept: string[];
  suspended: number;
  buried: number;
  skipped: PackageSkip[];
  /** The markdown import of the deck files; null on a dry run or when no file was imported. */
  cardImport: ImportResult | null;
}

/** Callbacks: nothing is printed here. */
export interface PackageImportHooks {
  warn(message: string): void;
  describePath?(path: string): string;
}

/** Where a mapped Anki card's engram card is found: by the key of a card a deck file gives. */
interface CardLink {
  cardId: number;
  key: string;
}

/**
 * Imports an Anki package: its notes become markdown deck files in engram's
 * syntaxes (one per deck, subdecks as folders, media beside them), each note
 * carrying an explicit engram-id from its guid; those files are imported as
 * any card file is; then every review log row becomes an answer in the log
 * (through the store's appendImportedReview, so that sync sends it, under an
 * event id derived from the card and the Anki review, so that the same
 * package imported on two devices gives each answer once after sync) and each
 * card's state is replayed with engram's scheduler; Anki's suspensions and
 * burials carry over. A package read before (notes whose id a file in the
 * folder already has, or notes engram exported) writes no markdown: only
 * answers engram does not have are added, none twice.
 * @throws EngramError for a package that cannot be read (see readAnkiPackage), before anything is written
 */
export function importPackage(request: PackageImportRequest, hooks: PackageImportHooks): Promise<PackageImportResult> {
  return run(request, hooks);
}

async function run(request: PackageImportRequest, hooks: PackageImportHooks): Promise<PackageImportResult> {
  const packagePath = resolve(request.cwd, request.packagePath);
  const shown = hooks.describePath?.(packagePath) ?? request.packagePath;
  // The review log is read on another thread while the notes are planned and their markdown parsed.
  const pkg = readAnkiPackage(packagePath, shown, { revlogApart: true });
  try {
    return await imported(pkg, packagePath, shown, request, hooks);
  } finally {
    pkg.close();
  }
}

async function imported(pkg: AnkiPackage, packagePath: string, shown: string, request: PackageImportRequest, hooks: PackageImportHooks): Promise<PackageImportResult> {
  const collection = pkg.collection;
  const folder = request.into !== undefined ? resolve(request.cwd, request.into) : join(dirname(packagePath), basename(packagePath, extname(packagePath)));
  const skips = new Skips();

  // Notes engram exported are found by their card key; the others are written as markdown (unless a file has them).
  const ownNotes = collection.notes.filter((n) => n.guid.startsWith(ENGRAM_GUID_PREFIX));
  const ankiNotes = ownNotes.length ? collection.notes.filter((n) => !n.guid.startsWith(ENGRAM_GUID_PREFIX)) : collection.notes;
  const { plans, skipped } = planNotes({ ...collection, notes: ankiNotes }, 'media');
  for (const s of skipped) skips.add('note', s.reason);
  for (const p of plans) for (const s of p.skipped) skips.add('card', s.reason);

  const existing = existingIds(folder);
  const fresh = plans.filter((p) => !existing.ids.has(p.id));
  // The files of an earlier import that hold this package's notes (others in the folder are not this import's business).
  const kept = [...new Set(plans.flatMap((p) => existing.fileOf.get(p.id) ?? []))].sort();
  const files = deckFiles(fresh, (rel) => existsSync(join(folder, rel)));
  const parsedById = new Map(existing.ids);
  for (const f of files) for (const [id, cards] of cardsById(parseSource(Buffer.from(f.text), f.path, 'cards').cards)) parsedById.set(id, cards);

  const links: CardLink[] = [];
  for (const p of plans) linkPlan(p, parsedById.get(p.id) ?? [], links, skips);
  const mediaPlan = planMedia(files, pkg, folder, skips);
  // Taken before anything is written: a log that cannot be read fails the import here.
  const revlog = RevlogByCard.of(pkg.revlog());

  const result: PackageImportResult = {
    package: packagePath,
    layout: collection.layout,
    folder,
    dryRun: request.dryRun,
    notes: plans.length + ownNotes.length,
    cards: links.length,
    reviews: 0,
    known: 0,
    media: mediaPlan.length,
    filesWritten: files.map((f) => join(folder, f.path)),
    filesKept: kept,
    suspended: 0,
    buried: 0,
    skipped: [],
    cardImport: null,
  };
  if (request.dryRun) {
    result.reviews = countAnswers(revlog, links, ownNotes.length, skips);
    result.skipped = skips.list();
    return result;
  }

  // The answers' event ids are made on another thread while the files are written and imported and the cards replayed.
  const ids = startAnswerIds(revlog.log, new Map(links.map((l) => [l.cardId, l.key])));
  // Written only now, everything read and checked: media, then the deck files (never over an existing file).
  writeAll([...mediaPlan, ...files.map((f) => ({ path: join(folder, f.path), bytes: f.text }))], shown, (p) => hooks.describePath?.(p) ?? p);
  const toImport = [...result.filesWritten, ...kept];
  if (toImport.length > 0) {
    result.cardImport = await importFiles({ storePath: request.storePath, paths: toImport, cwd: request.cwd, now: request.now, configPath: request.configPath }, { warn: hooks.warn, describePath: hooks.describePath });
  }
  const store = openUserStore(request.storePath, { create: true, now: request.now, warn: hooks.warn });
  try {
    foldHistory(store, collection, revlog, ids, links, ownNotes.length > 0, request, result, skips);
    result.cards = links.length;
  } finally {
    store.close();
  }
  result.skipped = skips.list();
  return result;
}

/** Counts of what was skipped, by what and why. */
class Skips {
  private readonly counts = new Map<string, PackageSkip>();
  add(what: PackageSkip['what'], reason: string, count = 1): void {
    if (count <= 0) return;
    const key = `${what}\x00${reason}`;
    const s = this.counts.get(key);
    if (s) s.count += count;
    else this.counts.set(key, { what, reason, count });
  }
  list(): PackageSkip[] {
    return [...this.counts.values()];
  }
}

/** The cards of parsed files by their explicit id, in file order. */
function cardsById(cards: readonly ParsedCard[]): Map<string, ParsedCard[]> {
  const out = new Map<string, ParsedCard[]>();
  for (const c of cards) {
    if (c.explicitId === null || !c.explicitId.startsWith('anki-')) continue;
    const list = out.get(c.explicitId);
    if (list) list.push(c);
    else out.set(c.explicitId, [c]);
  }
  return out;
}

/** Deck files of an earlier import in the folder: every markdown file holding an `anki-` engram-id, with its cards by id and the file of each id. */
function existingIds(folder: string): { ids: Map<string, ParsedCard[]>; fileOf: Map<string, string> } {
  const ids = new Map<string, ParsedCard[]>();
  const fileOf = new Map<string, string>();
  if (!existsSync(folder)) return { ids, fileOf };
  const walk = (dir: string, depth: number): void => {
    if (depth > 20) return;
    for (const e of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, e.name);
      if (e.isDirectory() && e.name !== 'media' && !e.name.startsWith('.')) walk(path, depth + 1);
      else if (e.isFile() && e.name.endsWith('.md')) {
        const bytes = readFileSync(path);
        if (!bytes.includes('engram-id: anki-')) continue;
        for (const [id, cards] of cardsById(parseSource(bytes, path, 'cards').cards)) {
          ids.set(id, cards);
          fileOf.set(id, path);
        }
      }
    }
  };
  walk(folder, 0);
  return { ids, fileOf };
}

/** Links each mapped Anki card of a note to the key of the engram card its block gives. */
function linkPlan(plan: NotePlan, cards: readonly ParsedCard[], links: CardLink[], skips: Skips): void {
  const clozes = cards.filter((c) => c.kind === 'cloze');
  const numbers = [...new Set([...plan.roles.values()].flatMap((r) => (r.kind === 'cloze' ? [r.number] : [])))].sort((a, b) => a - b);
  for (const [cardId, role] of plan.roles) {
    const key = keyOf(role, cards, clozes, numbers);
    if (key === null) skips.add('card', 'its markdown no longer gives the card (edited since an earlier import): its reviews were left out');
    else links.push({ cardId, key });
  }
}

function keyOf(role: CardRole, cards: readonly ParsedCard[], clozes: readonly ParsedCard[], numbers: readonly number[]): string | null {
  if (role.kind === 'basic') return cards.find((c) => c.kind === 'basic')?.key ?? null;
  if (role.kind === 'reversed') return cards.find((c) => c.kind === 'reversed')?.key ?? null;
  // Cloze cards come in number order; the note's numbers and its cards must agree one to one.
  if (clozes.length < numbers.length) return null;
  const at = numbers.indexOf(role.number);
  return at >= 0 && clozes.length === numbers.length ? clozes[at]!.key : null;
}

/** A file to write: the bytes and where they go. */
interface FileCopy {
  path: string;
  bytes: Uint8Array | string;
}

/**
 * Writes every file, none over an existing one. A failure midway (a name the
 * file system takes for one already there, a full disk) removes what was
 * written and the folders made for it, so nothing is left half-imported.
 * @throws EngramError 'failed' naming the file that could not be written
 */
function writeAll(copies: readonly FileCopy[], shown: string, describe: (path: string) => string): void {
  const written: string[] = [];
  const made: string[] = [];
  let at = '';
  try {
    for (const c of copies) {
      at = c.path;
      const dir = mkdirSync(dirname(c.path), { recursive: true });
      if (dir !== undefined) made.push(dir);
      writeFileSync(c.path, c.bytes, { flag: 'wx' });
      written.push(c.path);
    }
  } catch (err) {
    for (const p of written.reverse()) rmSync(p, { force: true });
    for (const d of made.reverse()) rmSync(d, { recursive: true, force: true });
    const code = (err as NodeJS.ErrnoException).code;
    const why =
      code === 'EEXIST'
        ? 'something of that name is in the way: a file, or on a file system that ignores case, a name that differs only in case'
        : `${code ?? 'error'}: ${err instanceof Error ? err.message : String(err)}`;
    throw new EngramError('failed', `${shown} was not imported: ${describe(at)} could not be written (${why}). Nothing was written. Free the name or give another folder with --into, then import again.`);
  }
}

/**
 * The media the deck files refer to, each into the media folder beside its
 * deck file; one already there is left as it is. Names are compared as a file
 * system that ignores case compares them (Windows, macOS): of two media whose
 * names differ only in case the second is left out, and so is a name Windows
 * cannot hold. Only the media planned are unpacked.
 */
function planMedia(files: readonly DeckFile[], pkg: AnkiPackage, folder: string, skips: Skips): FileCopy[] {
  const entryOf = new Map(pkg.media.map((m) => [m.name, m.entry]));
  const wanted: { path: string; entry: string }[] = [];
  // Each path as it is, and case-folded to the name it took first.
  const planned = new Set<string>();
  const folded = new Map<string, string>();
  for (const f of files) {
    for (const n of f.notes) {
      for (const m of n.media) {
        const path = join(folder, f.mediaFolder, m.name);
        if (planned.has(path)) continue;
        planned.add(path);
        const key = path.normalize('NFC').toLowerCase();
        const entry = entryOf.get(m.name);
        if (entry === undefined) skips.add('media', 'a card refers to it but the package does not hold it');
        else if (!isPortableMediaName(m.name)) skips.add('media', 'its name is one Windows cannot hold (one of *?"<>|, a reserved name such as CON, or a dot or space at the end): rename it in Anki and export again');
        else if (folded.has(key)) skips.add('media', 'its name differs from another media file\'s only in case (Windows and macOS cannot hold both): rename it in Anki and export again');
        else {
          folded.set(key, path);
          if (!existsSync(path)) wanted.push({ path, entry });
        }
      }
    }
  }
  const bytes = pkg.mediaFiles([...new Set(wanted.map((w) => w.entry))]);
  const out: FileCopy[] = [];
  for (const w of wanted) {
    const b = bytes.get(w.entry);
    if (b === undefined) skips.add('media', 'a card refers to it but the package does not hold it');
    else out.push({ path: w.path, bytes: b });
  }
  return out;
}

/** How many answers a dry run would add (nothing is in the store to compare with: every answer counts). */
function countAnswers(revlog: RevlogByCard, links: readonly CardLink[], ownNotes: number, skips: Skips): number {
  let n = 0;
  const r: RevlogSkips = { beforeReset: 0, rescheduled: 0, known: 0 };
  for (const l of links) n += answersOf(revlog.log, revlog.rowsOf(l.cardId), new Set(), r).length;
  addRevlogSkips(skips, r);
  if (ownNotes > 0) skips.add('note', 'exported by engram: a dry run does not look up its cards in the store', ownNotes);
  return n;
}

function addRevlogSkips(skips: Skips, r: RevlogSkips): void {
  skips.add('review', 'before the card was reset in Anki (the reset is kept: the card starts over there)', r.beforeReset);
  skips.add('review', 'a due date set or rescheduled in Anki, not an answer (engram schedules from answers)', r.rescheduled);
}

/**
 * Adds the answers engram lacks to each linked card's log, replays it, and
 * carries Anki's suspensions and burials: one transaction.
 */
function foldHistory(store: Store, collection: AnkiCollection, revlog: RevlogByCard, pendingIds: PendingAnswerIds, links: CardLink[], hasOwn: boolean, request: PackageImportRequest, result: PackageImportResult, skips: Skips): void {
  const loaded = loadSettings(request.configPath);
  const schedulers = schedulerSet(loaded);
  const buriedUntil = nextRollover(request.now, studyClock(loaded.settings));
  const ankiCards = new Map(collection.cards.map((c) => [c.id, c]));
  const r: RevlogSkips = { beforeReset: 0, rescheduled: 0, known: 0 };
  const fresh = new FreshAnswers(revlog.log.id.length);
  // Cards of which an answer's event was in the store already (undone before): replayed from what their log holds.
  const refused = new Set<number>();
  useLargeCache(store);
  // Every card id written is read below in the same transaction: no foreign key check can fail (see withoutForeignKeyChecks).
  withoutForeignKeyChecks(store, () => store.transaction(() => {
    if (hasOwn) linkOwnNotes(store, collection, links, skips);
    const byKey = new Map(importTargets(store, links.map((l) => l.key)).map((c) => [c.key, c]));
    // Looked up before the loop, which writes answers only to cards that have some (the others' are written after it).
    const answered = cardsWithAnswers(store, [...byKey.values()].map((c) => c.id));
    // The replayed states of the cards that had no answer, written together after the loop (nothing in it reads them).
    const states = new Map<number, CardState | null>();
    // Cards whose fuzz seed the answers written below fix (see fixFuzzSeed).
    const seeded: number[] = [];
    for (const link of links) {
      const target = byKey.get(link.key);
      const anki = ankiCards.get(link.cardId);
      if (!target || !anki) {
        skips.add('card', 'its deck file did not import it (see the import problems above)');
        continue;
      }
      const cardRows = revlog.rowsOf(anki.id);
      const known = cardRows.length && answered.has(target.id) ? new Set(answerTimesOfCard(store, target.id)) : new Set<number>();
      const answers = answersOf(revlog.log, cardRows, known, r);
      if (answers.length > 0 && known.size === 0) {
        // A card without answers yet: its replay is these answers alone, computed once; the answers are written
        // with their facts below, all cards' in time order (the log's indexes then grow at their end).
        const { before, after } = schedulers.forDeck(target.deck).history(target.seed, answers);
        const card = fresh.card(target.id, link.key, target.seed, pendingIds.asks(anki.id, link.key));
        answers.forEach((a, i) => fresh.push(card, a, before[i] ?? null));
        // Fixed below for all such cards at once: target.seed is the key when the card has none (see importTargets).
        seeded.push(target.id);
        states.set(target.id, after);
      } else if (answers.length > 0) {
        // Answers merged into a log the card has: the whole log replayed in merged order.
        for (const a of answers) {
          const review = { cardId: target.id, reviewedAt: a.reviewedAt, rating: a.rating, durationMs: a.durationMs, sessionId: null, device: 'anki' };
          if (appendImportedReview(store, review, answerEventIds(link.key)(a.reviewedAt))) result.reviews++;
          else r.known++;
        }
        replayCard(store, schedulers, target.id);
      }
      if (anki.queue === -1 && !target.suspended) {
        setSuspended(store, target.id, request.now);
        result.suspended++;
      } else if (anki.queue === -2 || anki.queue === -3) {
        buryCard(store, target.id, buriedUntil, request.now);
        result.buried++;
      }
    }
    fixFuzzSeedsToKeys(store, seeded);
    saveCardStates(store, states);
    fresh.useIds(pendingIds.take());
    // A whole history is a bulk write of both logs (see withIndexesRemade); written a slice at a time, so that only
    // the columns above hold every answer.
    const order = fresh.timeOrder();
    // The stats' tallies of these answers added up as they are written, not read back from the log at the commit.
    const tally = importedAnswersTally(store);
    const columns = fresh.columns();
    const writeAnswers = (): void => {
      for (let i = 0; i < order.length; i += WRITE_SLICE) {
        const slice = order.subarray(i, i + WRITE_SLICE);
        appendImportedColumns(store, columns, slice, fresh.eventIds(slice), tally).forEach((added, j) => {
          if (added) result.reviews++;
          else {
            r.known++;
            refused.add(columns.cards[columns.card[slice[j]!]!]!.cardId);
          }
        });
      }
    };
    // Written in time order: the log's index by time grows at its end, and stays.
    withIndexesRemade(store, 'sync_events', order.length, () => withIndexesRemade(store, 'reviews', order.length, writeAnswers, ['reviews_by_time']));
    tally.write();
    for (const id of refused) replayCard(store, schedulers, id);
  }));
  addRevlogSkips(skips, r);
  result.known = r.known;
}

/** Notes engram exported: ord 0 is the card of the guid's key, ord 1 its reversed sibling. */
function linkOwnNotes(store: Store, collection: AnkiCollection, links: CardLink[], skips: Skips): void {
  const own = new Map(collection.notes.filter((n) => n.guid.startsWith(ENGRAM_GUID_PREFIX)).map((n) => [n.id, n.guid.slice(ENGRAM_GUID_PREFIX.length)]));
  const found = new Map(cardsByKeys(store, [...own.values()]).map((c) => [c.key, c]));
  for (const card of collection.cards) {
    const key = own.get(card.noteId);
    if (key === undefined) continue;
    const base = found.get(key);
    if (!base) {
      skips.add('card', 'exported by another engram store: its card is not in this one');
      continue;
    }
    const k = card.ord === 0 ? key : base.sibling !== null ? reversedSiblingKey(store, base.sibling, base.id) : undefined;
    if (k === undefined) skips.add('card', 'exported by engram, but its reversed card is gone from the markdown');
    else links.push({ cardId: card.id, key: k });
  }
}

/** Answers written a slice at a time: the event ids of one slice live only while it is written. */
const WRITE_SLICE = 4096;

/**
 * The answers of cards that had none, with their facts, kept in columns until
 * every card is replayed and they are written in time order: a million
 * answers are a few typed arrays, not a million objects and their states.
 */
class FreshAnswers {
  private readonly cards: { cardId: number; key: string; seed: string; eventId: (at: number) => string; asked: boolean }[] = [];
  /** The ids made on the worker, by review log row (null: none, each made here). */
  private made: AnswerIdTable | null = null;
  private at: Float64Array;
  private row: Uint32Array;
  private durationMs: Float64Array;
  private interval: Float64Array;
  private cardOf: Uint32Array;
  private rating: Uint8Array;
  private phase: Uint8Array;
  private n = 0;

  constructor(expected: number) {
    const size = Math.max(16, expected);
    this.at = new Float64Array(size);
    this.row = new Uint32Array(size);
    this.durationMs = new Float64Array(size);
    this.interval = new Float64Array(size);
    this.cardOf = new Uint32Array(size);
    this.rating = new Uint8Array(size);
    this.phase = new Uint8Array(size);
  }

  /** Registers a card whose answers follow (`asked`: the worker makes its ids, under this key); returns its number here. */
  card(cardId: number, key: string, seed: string, asked: boolean): number {
    return this.cards.push({ cardId, key, seed, eventId: answerEventIds(key), asked }) - 1;
  }

  /** The ids the worker made, read for the cards asked of it (null: every id made here). */
  useIds(made: AnswerIdTable | null): void {
    this.made = made;
  }

  /** Adds one answer of card number `card`, answered in state `before` (null: new). */
  push(card: number, a: ImportedAnswer, before: CardState | null): void {
    if (this.n === this.at.length) this.grow();
    const f = factsBefore(before);
    const i = this.n++;
    this.at[i] = a.reviewedAt;
    this.row[i] = a.row;
    this.durationMs[i] = a.durationMs;
    this.interval[i] = f.intervalBefore;
    this.cardOf[i] = card;
    this.rating[i] = a.rating;
    this.phase[i] = PHASE_CODES[f.phaseBefore];
  }

  /** The answers' numbers in time order (answers of one time in the order added). */
  timeOrder(): Uint32Array {
    return timeOrder(this.at.subarray(0, this.n));
  }

  /** The answers so far, as columns to write (views of this one's arrays: valid until the next push). */
  columns(): ImportedAnswerColumns {
    const n = this.n;
    return {
      cards: this.cards,
      card: this.cardOf.subarray(0, n),
      at: this.at.subarray(0, n),
      rating: this.rating.subarray(0, n),
      durationMs: this.durationMs.subarray(0, n),
      phaseBefore: this.phase.subarray(0, n),
      intervalBefore: this.interval.subarray(0, n),
      device: 'anki',
    };
  }

  /** The event ids of the answers numbered `which`, in that order. */
  eventIds(which: Uint32Array): string[] {
    const made = this.made;
    return Array.from(which, (i) => {
      const card = this.cards[this.cardOf[i]!]!;
      return made !== null && card.asked ? made.idOf(this.row[i]!) : card.eventId(this.at[i]!);
    });
  }

  private grow(): void {
    const size = this.at.length * 2;
    const more = <T extends Float64Array | Uint32Array | Uint8Array>(a: T, make: new (n: number) => T): T => {
      const b = new make(size);
      b.set(a);
      return b;
    };
    this.at = more(this.at, Float64Array);
    this.row = more(this.row, Uint32Array);
    this.durationMs = more(this.durationMs, Float64Array);
    this.interval = more(this.interval, Float64Array);
    this.cardOf = more(this.cardOf, Uint32Array);
    this.rating = more(this.rating, Uint8Array);
    this.phase = more(this.phase, Uint8Array);
  }
}

