import type { Problem } from '../model/problem.js';
import type { ParseMode } from '../model/parse-mode.js';
import type { Store } from './open-store.js';

/**
 * How a source's deck is named when the file names none: 'file', by its file
 * name (every source imported before schema version 5, which keep it), or
 * 'folder', by its path below the folder it was first imported from.
 */
export type DeckNaming = 'file' | 'folder';

/** A file engram imported, as remembered for re-syncing. */
export interface Source {
  id: number;
  /** Absolute, symlink-free path: the file's identity. */
  path: string;
  /** The absolute path the user last gave it by (through symlinks), for messages and listings; null when it is `path`. */
  shownPath: string | null;
  /** The deck its active cards are in (the deck its path names when it has none). */
  deck: string;
  /**
   * The deck its path names, kept for later re-syncs ('spanish/vocab' for
   * 'folder' naming). Sources last written before schema version 5 hold the
   * deck their cards went to; their naming, 'file', never reads it.
   */
  namedDeck: string;
  deckNaming: DeckNaming;
  /** Its cards that are not archived, as of the last import. */
  activeCards: number;
  contentHash: string;
  size: number;
  mtimeMs: number;
  parserVersion: number;
  importedAt: number;
  /** When the file was found gone, or null while it exists. */
  missingSince: number | null;
  /** Problems found when it was last parsed. */
  problems: Problem[];
  /** Keys of its cards skipped because another file held them. */
  skippedKeys: string[];
  /** Which cards it gives (auto, cards, notes), as imported last; re-syncs keep it. */
  mode: ParseMode;
}

/** What an import writes of a source; an existing source keeps its deck naming. */
export type SourceWrite = Omit<Source, 'id' | 'missingSince' | 'activeCards' | 'deck'>;

interface SourceRow {
  id: number;
  path: string;
  shown_path: string | null;
  deck: string;
  card_deck: string;
  deck_naming: DeckNaming;
  active_cards: number;
  content_hash: string;
  size: number;
  mtime_ms: number;
  parser_version: number;
  imported_at: number;
  missing_since: number | null;
  problems: string;
  skipped_keys: string;
  mode: ParseMode;
}

// card_deck: a file naming its deck in frontmatter or a tag puts its cards in a
// deck other than the one its path names; reports show where the cards are.
const COLUMNS = `id, path, shown_path, deck, deck_naming, active_cards, content_hash, size, mtime_ms, parser_version, imported_at,
  missing_since, problems, skipped_keys, mode,
  COALESCE((SELECT d.name FROM cards c JOIN decks d ON d.id = c.deck_id WHERE c.source_id = sources.id AND c.archived_at IS NULL LIMIT 1), deck) AS card_deck`;

function toSource(r: SourceRow): Source {
  return {
    id: r.id,
    path: r.path,
    shownPath: r.shown_path,
    deck: r.card_deck,
    namedDeck: r.deck,
    deckNaming: r.deck_naming,
    activeCards: r.active_cards,
    contentHash: r.content_hash,
    size: r.size,
    mtimeMs: r.mtime_ms,
    parserVersion: r.parser_version,
    importedAt: r.imported_at,
    missingSince: r.missing_since,
    problems: JSON.parse(r.problems) as Problem[],
    skippedKeys: JSON.parse(r.skipped_keys) as string[],
    mode: r.mode,
  };
}

/** Every source ever imported, by path. */
export function allSources(store: Store): Source[] {
  return (store.sql(`SELECT ${COLUMNS} FROM sources ORDER BY path`).all() as SourceRow[]).map(toSource);
}

/**
 * Inserts or updates the source at `s.path` (clearing any missing mark);
 * returns its id. A source's deck naming is set when it is inserted, never changed.
 */
export function saveSource(store: Store, s: SourceWrite): number {
  const row = store
    .sql(
      `INSERT INTO sources (path, shown_path, deck, deck_naming, content_hash, size, mtime_ms, parser_version, imported_at, missing_since,
         problems, skipped_keys, mode)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, NULL, ?, ?, ?)
       ON CONFLICT(path) DO UPDATE SET shown_path = excluded.shown_path, deck = excluded.deck, content_hash = excluded.content_hash,
         size = excluded.size, mtime_ms = excluded.mtime_ms, parser_version = excluded.parser_version,
         imported_at = excluded.imported_at, missing_since = NULL, problems = excluded.problems,
         skipped_keys = excluded.skipped_keys, mode = excluded.mode
       RETURNING id`,
    )
    .get(s.path, s.shownPath, s.namedDeck, s.deckNaming, s.contentHash, s.size, s.mtimeMs, s.parserVersion, s.importedAt,
      JSON.stringify(s.problems), JSON.stringify(s.skippedKeys), s.mode) as { id: number };
  return row.id;
}

/** Records the path the user now gives an unchanged source by (null: its own path). */
export function setShownPath(store: Store, id: number, shownPath: string | null): void {
  store.sql('UPDATE sources SET shown_path = ? WHERE id = ?').run(shownPath, id);
}

/** Records that a file was unchanged but touched (new mtime), so the next stat skips it fast. */
export function touchSource(store: Store, id: number, mtimeMs: number, size: number): void {
  store.sql('UPDATE sources SET mtime_ms = ?, size = ?, missing_since = NULL WHERE id = ?').run(mtimeMs, size, id);
}

/** Recounts the active cards of the given sources (after an import moved cards between them). */
export function recountSources(store: Store, ids: Iterable<number>): void {
  const stmt = store.sql(
    'UPDATE sources SET active_cards = (SELECT COUNT(*) FROM cards WHERE source_id = sources.id AND archived_at IS NULL) WHERE id = ?',
  );
  for (const id of ids) stmt.run(id);
}

/** Marks a source whose file is gone (its cards are archived by the caller). */
export function markSourceMissing(store: Store, id: number, now: number): void {
  store.sql('UPDATE sources SET missing_since = COALESCE(missing_since, ?) WHERE id = ?').run(now, id);
}

/** Whether the store holds no source and no card at all. */
export function storeIsEmpty(store: Store): boolean {
  const row = store.sql('SELECT (SELECT COUNT(*) FROM sources) + (SELECT COUNT(*) FROM cards) AS n').get() as { n: number };
  return row.n === 0;
}
