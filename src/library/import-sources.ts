import { hash } from 'node:crypto';
import { readFileSync, statSync } from 'node:fs';
import { resolve, sep } from 'node:path';
import type { Card } from '../model/card.js';
import type { Problem } from '../model/problem.js';
import { parseSource, PARSER_VERSION } from '../parse/parse-source.js';
import { archiveCards, cardsByKeys, cardsOfSources, insertCard, sourceSummary, updateCard, type CardWrite } from '../store/cards.js';
import { ensureDeck } from '../store/decks.js';
import type { Store } from '../store/open-store.js';
import { allSources, markSourceMissing, saveSource, touchSource, type Source } from '../store/sources.js';
import { reconcileCards, type FileCounts, type ParsedFile, type Placement } from './reconcile-cards.js';
import { expandPaths } from './walk-paths.js';

/** How one file fared in an import. */
export interface FileReport {
  /** Absolute path, or the path as given when it does not exist. */
  path: string;
  /**
   * imported: read and reconciled; unchanged: same content as last time, not
   * parsed; missing: a source that is gone (its cards were archived); skipped:
   * could not be read (not found, binary, unreadable).
   */
  status: 'imported' | 'unchanged' | 'missing' | 'skipped';
  deck: string | null;
  /** Cards of this file in the store after the import, not archived. */
  cards: number;
  counts: FileCounts;
  problems: Problem[];
}

export interface ImportOptions {
  cwd: string;
  /** UTC ms; stamps created, updated and archived times. */
  now: number;
  /** Called after each file is read, for a progress bar. */
  onProgress?: (done: number, total: number) => void;
}

const ZERO: FileCounts = { added: 0, updated: 0, unchanged: 0, archived: 0, restored: 0 };

interface ReadFile extends ParsedFile {
  problems: Problem[];
  hash: string;
  size: number;
  mtimeMs: number;
}

/**
 * Imports the given files and folders into the store, or re-syncs every source
 * imported before when `paths` is null. Unchanged files are skipped by size and
 * mtime, then by content hash. All changes are written in one transaction, so
 * an import is applied whole or not at all.
 * @returns one report per file, in path order
 */
export function importPaths(store: Store, paths: readonly string[] | null, options: ImportOptions): FileReport[] {
  const { now } = options;
  const sources = new Map(allSources(store).map((s) => [s.path, s]));
  const reports: FileReport[] = [];
  let targets: string[];
  if (paths === null) {
    targets = [...sources.keys()];
  } else {
    const expanded = expandPaths(paths, options.cwd);
    const wanted = new Set(expanded.files);
    // Sources once imported from a walked folder but deleted since are gone, not forgotten.
    for (const folder of expanded.folders) {
      for (const path of sources.keys()) if (path.startsWith(folder + sep)) wanted.add(path);
    }
    for (const given of expanded.missing) {
      const absolute = resolve(options.cwd, given);
      if (sources.has(absolute)) wanted.add(absolute);
      else reports.push(skipped(given, 'does not exist.', 'Check the path.'));
    }
    targets = [...wanted].sort();
  }

  const parsed: ReadFile[] = [];
  const gone: Source[] = [];
  const touched: { source: Source; mtimeMs: number; size: number }[] = [];
  targets.forEach((path, i) => {
    options.onProgress?.(i, targets.length);
    const known = sources.get(path);
    let stat;
    try {
      stat = statSync(path);
    } catch {
      if (known) {
        gone.push(known);
      } else {
        reports.push(skipped(path, 'does not exist.', 'Check the path.'));
      }
      return;
    }
    const mtimeMs = Math.trunc(stat.mtimeMs);
    const current = known && known.parserVersion === PARSER_VERSION && known.missingSince === null;
    if (current && known.size === stat.size && known.mtimeMs === mtimeMs) {
      reports.push(unchanged(known, sourceSummary(store, known.id)));
      return;
    }
    let bytes: Buffer;
    try {
      bytes = readFileSync(path);
    } catch (err) {
      reports.push(skipped(path, `cannot be read (${(err as NodeJS.ErrnoException).code ?? (err as Error).message}).`, 'Check its permissions.'));
      return;
    }
    const contentHash = hash('sha256', bytes, 'hex');
    if (current && known.contentHash === contentHash) {
      touched.push({ source: known, mtimeMs, size: stat.size });
      reports.push(unchanged(known, sourceSummary(store, known.id)));
      return;
    }
    const result = parseSource(bytes, path);
    if (!result.readable) {
      reports.push({ ...skipped(path, '', ''), problems: result.problems });
      return;
    }
    parsed.push({ path, deck: result.deck, cards: result.cards, problems: result.problems, hash: contentHash, size: stat.size, mtimeMs });
  });
  options.onProgress?.(targets.length, targets.length);

  const plan = reconcileCards(parsed, storedCardsFor(store, parsed, sources));
  const goneCards = cardsOfSources(store, gone.map((s) => s.id)).filter((c) => !c.archived);
  const problemsOf = new Map(
    parsed.map((f) => [f.path, [...f.problems, ...(plan.problems.get(f.path) ?? [])].sort((a, b) => a.line - b.line)]),
  );

  store.transaction(() => {
    for (const t of touched) touchSource(store, t.source.id, t.mtimeMs, t.size);
    const sourceIds = new Map<string, number>();
    for (const f of parsed) {
      sourceIds.set(
        f.path,
        saveSource(store, {
          path: f.path,
          contentHash: f.hash,
          size: f.size,
          mtimeMs: f.mtimeMs,
          parserVersion: PARSER_VERSION,
          importedAt: now,
          problems: problemsOf.get(f.path)!,
        }),
      );
    }
    const deckIds = new Map<string, number>();
    const write = (p: Placement): CardWrite => {
      let deckId = deckIds.get(p.deck);
      if (deckId === undefined) deckIds.set(p.deck, (deckId = ensureDeck(store, p.deck, now)));
      const c = p.parsed;
      return {
        key: c.key,
        sibling: c.sibling,
        deckId,
        sourceId: sourceIds.get(p.path)!,
        line: c.line,
        endLine: c.endLine,
        kind: c.kind,
        syntax: c.syntax,
        front: c.front,
        back: c.back,
        title: c.title,
        context: c.context,
        headingPath: c.headingPath,
      };
    };
    for (const u of plan.updates) updateCard(store, u.id, write(u), now);
    for (const p of plan.inserts) insertCard(store, write(p), now);
    archiveCards(store, plan.archives, now);
    archiveCards(store, goneCards.map((c) => c.id), now);
    for (const s of gone) markSourceMissing(store, s.id, now);
  });

  for (const f of parsed) {
    const c = plan.counts.get(f.path) ?? { ...ZERO };
    reports.push({
      path: f.path,
      status: 'imported',
      deck: f.deck,
      cards: c.added + c.updated + c.unchanged + c.restored,
      counts: c,
      problems: problemsOf.get(f.path)!,
    });
  }
  for (const s of gone) {
    const archived = goneCards.filter((c) => c.sourcePath === s.path).length;
    reports.push({
      path: s.path,
      status: 'missing',
      deck: null,
      cards: 0,
      counts: { ...ZERO, archived },
      problems: [
        {
          line: 0,
          severity: 'warning',
          message: `is gone; its ${archived} cards were archived with their history.`,
          fix: 'They come back if the file does; nothing was deleted.',
        },
      ],
    });
  }
  return reports.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}

/** Stored cards that reconciliation must see: those of the parsed files, and any holding a parsed key. */
function storedCardsFor(store: Store, files: readonly ParsedFile[], sources: Map<string, Source>): Card[] {
  const ids = files.map((f) => sources.get(f.path)?.id).filter((id): id is number => id !== undefined);
  const cards = cardsOfSources(store, ids);
  const have = new Set(cards.map((c) => c.key));
  const keys = files.flatMap((f) => f.cards.map((c) => c.key)).filter((k) => !have.has(k));
  return cards.concat(cardsByKeys(store, keys));
}

function skipped(path: string, message: string, fix: string): FileReport {
  return {
    path,
    status: 'skipped',
    deck: null,
    cards: 0,
    counts: { ...ZERO },
    problems: message ? [{ line: 0, severity: 'error', message, fix }] : [],
  };
}

/** An unchanged file repeats the problems it had when last parsed, so a re-run tells the same story. */
function unchanged(source: Source, stored: { cards: number; deck: string | null }): FileReport {
  const cards = stored.cards;
  return {
    path: source.path,
    status: 'unchanged',
    deck: stored.deck,
    cards,
    counts: { ...ZERO, unchanged: cards },
    problems: source.problems,
  };
}
