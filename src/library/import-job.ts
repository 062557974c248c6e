import { realpathSync } from 'node:fs';
import { basename, dirname, extname, join, resolve, sep } from 'node:path';
import { isDerivedSyntax, type Card, type ParsedCard } from '../model/card.js';
import type { Problem } from '../model/problem.js';
import type { ParseMode } from '../model/parse-mode.js';
import type { WithheldCard } from '../parse/notes/note-cards.js';
import { PARSER_VERSION } from '../parse/parser-version.js';
import { archiveCards, cardsByKeys, cardsOfSources, derivedCards, hasCards, insertCards, updateCard } from '../store/cards.js';
import { ensureDeck } from '../store/decks.js';
import type { Store } from '../store/open-store.js';
import { withoutStatementJournals } from '../store/statement-journals.js';
import { allSources, markSourceMissing, recountSources, saveSource, setShownPath, touchSource, type Source } from '../store/sources.js';
import { missingPathProblem, readSourceFile, type ParsedSourceFile, type SourceParser } from './read-source-file.js';
import { reconcileCards, type FileCounts, type ParsedFile, type Placement, type ReconcilePlan } from './reconcile-cards.js';
import { expandPaths, type FoundFile } from './walk-paths.js';

/** How one file fared in an import. */
export interface FileReport {
  /** Absolute, symlink-free path, or the path as given when it does not exist. */
  path: string;
  /** The absolute path the user gave the file by (through symlinks), when it is not `path`: the path to print. */
  shownPath?: string;
  /**
   * imported: read and reconciled; unchanged: same content as last time, not
   * parsed; missing: a source that is gone (its cards were archived unless
   * another file took them); skipped: could not be read (not found, binary,
   * unreadable).
   */
  status: 'imported' | 'unchanged' | 'missing' | 'skipped';
  deck: string | null;
  /** Cards of this file in the store after the import, not archived. */
  cards: number;
  counts: FileCounts;
  problems: Problem[];
  /** For a file parsed in this import: the cards its notes proposed that the card-quality rules left out. */
  withheld?: WithheldCard[];
}

export interface ImportOptions {
  /** The working folder as the shell names it (through symlinks): relative paths are read from it. */
  cwd: string;
  /** UTC ms; stamps created, updated and archived times. */
  now: number;
  /** How paths (as the user gave them) are written inside messages (the CLI makes them relative). */
  describePath?: (path: string) => string;
  /** Called before each file is read (with its path), then once more when the changes are being written. */
  onProgress?: (done: number, total: number, stage: 'reading' | 'writing', path?: string) => void;
  /** Which cards the requested files give (default: each file's mode from its last import, else auto). */
  mode?: ParseMode;
  /**
   * The parser of changed files. Without it the job asks for one
   * ({@link ImportJob.parserWanted}) when a file has to be parsed, so that a
   * re-sync finding every file unchanged never loads it.
   */
  parse?: SourceParser;
}

const ZERO: FileCounts = { added: 0, updated: 0, unchanged: 0, archived: 0, restored: 0 };

/**
 * An import taken a step at a time, so that its caller can stop between files
 * (Ctrl-C): reading writes nothing to the store, and all of it is written by
 * `write`, in one transaction.
 */
export interface ImportJob {
  /** Reads the next file; false when every file has been read. */
  readNext(): boolean;
  /**
   * Whether the job needs a parser before it goes on ({@link useParser}): the
   * next file has to be parsed, or, once every file is read, writing may read
   * other files (a file is gone, and a file that skipped one of its cards may
   * take it over).
   */
  parserWanted(): boolean;
  /** Gives the job its parser. */
  useParser(parse: SourceParser): void;
  /** Plans and writes the import, as importPaths does; call once, after reading. */
  write(): FileReport[];
}

/**
 * The import importPaths does (see there), as steps: see ImportJob.
 * @param paths null re-syncs every source imported before
 */
export function startImport(store: Store, paths: readonly string[] | null, options: ImportOptions): ImportJob {
  const sources = new Map(allSources(store).map((s) => [s.path, s]));
  const run = new ImportRun(store, sources, options.describePath ?? ((p) => p), options.mode, options.parse ?? null);
  const targets = chooseTargets(sources, paths, options.cwd, run);
  let next = 0;
  let told = -1;
  return {
    readNext() {
      if (next >= targets.length) return false;
      const path = targets[next]!;
      // A caller that reads on without giving the parser asked for would loop here for ever.
      if (run.parserWanted(false)) throw new Error('the import needs a parser before it reads on (see parserWanted)');
      if (told < next) options.onProgress?.((told = next), targets.length, 'reading', path);
      // Without a parser a changed file is left for the next call, once parserWanted has had one given.
      if (run.read(path, { force: false, quietIfUnchanged: false })) next++;
      return true;
    },
    parserWanted() {
      return run.parserWanted(next >= targets.length);
    },
    useParser(parse) {
      run.useParser(parse);
    },
    write() {
      options.onProgress?.(targets.length, targets.length, 'writing');
      return writeImport(store, run, options.now);
    },
  };
}

/** The import's plan, written: see importPaths. */
function writeImport(store: Store, run: ImportRun, now: number): FileReport[] {
  // Planned and written in one IMMEDIATE transaction: another engram importing
  // at the same time waits, and this plan never rests on cards it has changed.
  return withoutStatementJournals(store, () =>
    store.transaction(() => {
      run.refreshSources();
      let plan = run.reconcile();
      const holders = [...plan.foreignHolders].filter((p) => !run.has(p));
      if (holders.length > 0) {
        // Unchanged holders still hold the card: the copy here is a true duplicate.
        for (const path of holders) run.read(path, { force: false, quietIfUnchanged: true });
        plan = run.reconcile();
      }
      const archivedKeys = new Set(plan.archives.map((id) => run.storedKey(id)));
      const takers = run.sourcesSkipping(archivedKeys);
      if (takers.length > 0) {
        for (const s of takers) run.read(s.path, { force: true, quietIfUnchanged: true });
        plan = run.reconcile();
      }
      run.apply(plan, now);
      return run.reports(plan);
    }),
  );
}

/** The paths an import reads: given files, walked folders, and known sources deleted inside them. */
function chooseTargets(sources: Map<string, Source>, paths: readonly string[] | null, cwd: string, run: ImportRun): string[] {
  if (paths === null) return [...sources.keys()];
  const expanded = expandPaths(paths, cwd);
  for (const f of expanded.files) run.found(f);
  const wanted = new Set(expanded.files.map((f) => f.path));
  for (const folder of expanded.folders) {
    for (const path of sources.keys()) if (path.startsWith(folder + sep)) wanted.add(path);
  }
  for (const given of expanded.missing) {
    const known = knownSource(sources, resolve(cwd, given));
    if (known) wanted.add(known.path);
    else run.skip(given, [missingPathProblem()]);
  }
  return [...wanted].sort();
}

/** The source a path that no longer exists stood for: by its own path, the path it was given by, or its folder's real path. */
function knownSource(sources: Map<string, Source>, absolute: string): Source | undefined {
  const direct = sources.get(absolute) ?? [...sources.values()].find((s) => s.shownPath === absolute);
  if (direct) return direct;
  try {
    return sources.get(join(realpathSync(dirname(absolute)), basename(absolute)));
  } catch {
    return undefined; // its folder is gone too
  }
}

/** The files of one import as they are read, reconciled and written. */
class ImportRun {
  private readonly parsed = new Map<string, ParsedSourceFile>();
  private readonly gone = new Map<string, Source>();
  private readonly unchanged: FileReport[] = [];
  private readonly skipped: FileReport[] = [];
  private readonly touched: { source: Source; mtimeMs: number; size: number }[] = [];
  /** Unchanged sources the user now gives by another path. */
  private readonly reshown: { source: Source; shownPath: string | null }[] = [];
  /** Files found among the paths given, by path: how the user reaches them, and what names their decks. */
  private readonly given = new Map<string, FoundFile>();
  private readonly seen = new Set<string>();
  private storedCards = new Map<number, Card>();
  /** The store's derived cards, read at the first plan of a run that derives any (see reconcile). */
  private derivedStored: Card[] | null = null;

  private readonly describe: (path: string) => string;
  /** A file had to be parsed and there was no parser. */
  private waitsForParser = false;

  constructor(
    private readonly store: Store,
    private readonly sources: Map<string, Source>,
    describePath: (path: string) => string,
    private readonly mode: ParseMode | undefined,
    private parse: SourceParser | null,
  ) {
    // Messages name other files by the path the user knows them by.
    this.describe = (path) => describePath(this.shown(path));
  }

  /** Records a file found among the paths given. */
  found(file: FoundFile): void {
    this.given.set(file.path, file);
  }

  /** The path the user gives the file at `path` by: as found now, else as remembered, else its own. */
  shown(path: string): string {
    return this.given.get(path)?.shown ?? this.sources.get(path)?.shownPath ?? path;
  }

  /**
   * The path that names the file's deck when it names none. A stored source
   * keeps the name it was first given, so re-syncs and imports of another
   * folder around it never move its cards: by file name for sources from
   * before folder naming, else its name below the folder first imported.
   */
  private named(path: string): string {
    const known = this.sources.get(path);
    if (known?.deckNaming === 'file') return basename(path);
    if (known) return known.namedDeck + extname(path);
    return this.given.get(path)?.named ?? basename(path);
  }

  /** Sources as they are now, inside the write transaction (another import may have added some). */
  refreshSources(): void {
    this.sources.clear();
    for (const s of allSources(this.store)) this.sources.set(s.path, s);
  }

  /** Sources outside the run that skipped one of `keys` as a copy: they take the card over. */
  sourcesSkipping(keys: ReadonlySet<string>): Source[] {
    if (keys.size === 0) return [];
    return [...this.sources.values()].filter((s) => !this.has(s.path) && s.skippedKeys.some((k) => keys.has(k)));
  }

  /** See ImportJob.parserWanted; `readAll`: every file asked for has been read. */
  parserWanted(readAll: boolean): boolean {
    if (this.parse !== null) return false;
    return this.waitsForParser || (readAll && this.gone.size > 0);
  }

  useParser(parse: SourceParser): void {
    this.parse = parse;
    this.waitsForParser = false;
  }

  has(path: string): boolean {
    return this.parsed.has(path) || this.gone.has(path);
  }

  skip(path: string, problems: Problem[]): void {
    // A file read again in the run (it skipped a card another file let go of) is reported once.
    const earlier = this.skipped.findIndex((r) => r.path === path);
    if (earlier >= 0) this.skipped.splice(earlier, 1);
    this.skipped.push({ path, status: 'skipped', deck: null, cards: 0, counts: { ...ZERO }, problems });
  }

  /** Reads one file; false when it has to be parsed and there is no parser (nothing was recorded). */
  read(path: string, how: { force: boolean; quietIfUnchanged: boolean }): boolean {
    if (this.seen.has(path) && !how.force) return true;
    // Only the files asked for take a new mode; others read along keep theirs.
    const known = this.sources.get(path);
    const result = readSourceFile(path, this.named(path), known, how.force, how.quietIfUnchanged ? undefined : this.mode, this.parse);
    if (result.kind === 'needsParser') {
      // Reading while writing happens only in runs that parsed a file or lost one, and those have a parser (parserWanted).
      if (how.quietIfUnchanged) throw new Error(`no parser to read ${path} with while writing the import`);
      this.waitsForParser = true;
      return false;
    }
    this.seen.add(path);
    switch (result.kind) {
      case 'parsed': {
        this.parsed.set(path, result.file);
        const earlier = this.unchanged.findIndex((r) => r.path === path);
        if (earlier >= 0) this.unchanged.splice(earlier, 1);
        break;
      }
      case 'gone':
        this.gone.set(path, result.source);
        break;
      case 'skipped':
        this.skip(result.path, result.problems);
        break;
      case 'unchanged': {
        if (result.touch) this.touched.push({ source: result.source, ...result.touch });
        const shownPath = this.shownToSave(path);
        if (shownPath !== result.source.shownPath) this.reshown.push({ source: result.source, shownPath });
        if (!how.quietIfUnchanged) this.unchanged.push(unchangedReport(result.source, shownPath));
        break;
      }
    }
    return true;
  }

  /** Plans the run: gone files take part with no cards, so theirs can move or be archived. */
  reconcile(): ReconcilePlan {
    const files: ParsedFile[] = [
      ...[...this.parsed.values()].map((f) => ({ path: f.path, deck: f.deck, cards: f.cards })),
      ...[...this.gone.keys()].map((path) => ({ path, deck: '', cards: [] })),
    ];
    const stored = this.storedCardsFor(files);
    this.storedCards = new Map(stored.map((c) => [c.id, c]));
    // Only a run that derives cards compares them with other files' derived cards: card files pay nothing.
    const derives = files.some((f) => f.cards.some((c) => isDerivedSyntax(c.syntax)));
    // Read once a run: a run reconciles up to three times, and writes nothing in between.
    if (derives && this.derivedStored === null) this.derivedStored = derivedCards(this.store);
    const inRun = new Set(files.map((f) => f.path));
    const others = derives ? this.derivedStored!.filter((c) => c.sourcePath !== null && !inRun.has(c.sourcePath)) : [];
    return reconcileCards(files, stored, this.describe, others);
  }

  /** The key a stored card had when the run was last planned. */
  storedKey(id: number): string {
    return this.storedCards.get(id)!.key;
  }

  /** Stored cards reconciliation must see: those of the files in the run, and any holding a parsed key. */
  private storedCardsFor(files: readonly ParsedFile[]): Card[] {
    const ids = files.map((f) => this.sources.get(f.path)?.id).filter((id): id is number => id !== undefined);
    const cards = cardsOfSources(this.store, ids);
    const have = new Set(cards.map((c) => c.key));
    // A first import into an empty store asks nothing more.
    if (cards.length === 0 && !hasCards(this.store)) return cards;
    const keys: string[] = [];
    for (const f of files) for (const c of f.cards) if (!have.has(c.key)) keys.push(c.key);
    return cards.concat(cardsByKeys(this.store, keys));
  }

  /** Writes the plan; the caller holds the transaction. */
  apply(plan: ReconcilePlan, now: number): void {
    const { store } = this;
    {
      for (const t of this.touched) touchSource(store, t.source.id, t.mtimeMs, t.size);
      for (const r of this.reshown) setShownPath(store, r.source.id, r.shownPath);
      const sourceIds = new Map<string, number>();
      for (const f of this.parsed.values()) {
        sourceIds.set(
          f.path,
          saveSource(store, {
            path: f.path,
            shownPath: this.shownToSave(f.path),
            namedDeck: f.namedDeck,
            // Only a new source takes this: a stored one keeps its naming.
            deckNaming: 'folder',
            contentHash: f.hash,
            size: f.size,
            mtimeMs: f.mtimeMs,
            parserVersion: PARSER_VERSION,
            importedAt: now,
            problems: this.problemsOf(plan, f),
            skippedKeys: plan.skippedKeys.get(f.path) ?? [],
            mode: f.mode,
          }),
        );
      }
      const deckIds = new Map<string, number>();
      const deckId = (deck: string): number => {
        let id = deckIds.get(deck);
        if (id === undefined) deckIds.set(deck, (id = ensureDeck(store, deck, now)));
        return id;
      };
      // The explicit id rides along unread; the store writes named columns only.
      for (const u of plan.updates) updateCard(store, u.id, { ...u.parsed, deckId: deckId(u.deck), sourceId: sourceIds.get(u.path)! }, now);
      // New cards, a cold import's every card, go in as they are: no copy of each with its ids.
      const n = plan.inserts.length;
      const cards = new Array<ParsedCard>(n);
      const cardDecks = new Array<number>(n);
      const cardSources = new Array<number>(n);
      for (let i = 0; i < n; i++) {
        const p = plan.inserts[i]!;
        cards[i] = p.parsed;
        cardDecks[i] = deckId(p.deck);
        cardSources[i] = sourceIds.get(p.path)!;
      }
      insertCards(store, cards, cardDecks, cardSources, now);
      archiveCards(store, plan.archives, now);
      for (const s of this.gone.values()) markSourceMissing(store, s.id, now);
      // Every source that gained or lost cards: those read now, and those cards moved out of.
      const touchedSources = new Set([...sourceIds.values(), ...[...this.gone.values()].map((s) => s.id)]);
      for (const u of plan.updates) {
        const from = this.storedCards.get(u.id)?.sourcePath;
        const id = from ? this.sources.get(from)?.id : undefined;
        if (id !== undefined) touchedSources.add(id);
      }
      recountSources(store, touchedSources);
    }
  }

  reports(plan: ReconcilePlan): FileReport[] {
    const reports: FileReport[] = [...this.unchanged, ...this.skipped];
    for (const f of this.parsed.values()) {
      const c = plan.counts.get(f.path) ?? { ...ZERO };
      reports.push({
        path: f.path,
        shownPath: this.shownToSave(f.path) ?? undefined,
        status: 'imported',
        deck: f.deck,
        cards: c.added + c.updated + c.unchanged + c.restored,
        counts: c,
        problems: this.problemsOf(plan, f),
        ...(f.withheld ? { withheld: f.withheld } : {}),
      });
    }
    for (const s of this.gone.values()) {
      const counts = plan.counts.get(s.path) ?? { ...ZERO };
      const n = counts.archived;
      // Said once, when the file disappears and cards were archived for it.
      const problems: Problem[] =
        s.missingSince === null && n > 0
          ? [
              {
                line: 0,
                severity: 'warning',
                message: n === 1 ? 'is gone; its card was archived with its history.' : `is gone; its ${n} cards were archived with their history.`,
                fix: 'They come back if the file does; nothing was deleted.',
              },
            ]
          : [];
      reports.push({ path: s.path, shownPath: this.shownToSave(s.path) ?? undefined, status: 'missing', deck: null, cards: 0, counts, problems });
    }
    return reports.sort((a, b) => {
      const [x, y] = [a.shownPath ?? a.path, b.shownPath ?? b.path];
      return x < y ? -1 : x > y ? 1 : 0;
    });
  }

  /** What to remember as the path the user gives a source by: null when that is its own path. */
  private shownToSave(path: string): string | null {
    const shown = this.shown(path);
    return shown === path ? null : shown;
  }

  private problemsOf(plan: ReconcilePlan, f: ParsedSourceFile): Problem[] {
    return [...f.problems, ...(plan.problems.get(f.path) ?? [])].sort((a, b) => a.line - b.line);
  }
}

/** An unchanged file repeats the problems it had when last parsed, so a re-run tells the same story. */
function unchangedReport(source: Source, shownPath: string | null): FileReport {
  return {
    path: source.path,
    shownPath: shownPath ?? undefined,
    status: 'unchanged',
    deck: source.deck,
    cards: source.activeCards,
    counts: { ...ZERO, unchanged: source.activeCards },
    problems: source.problems,
  };
}
