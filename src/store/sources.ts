import type { Problem } from '../model/problem.js';
import type { Store } from './open-store.js';

/** A file engram imported, as remembered for re-syncing. */
export interface Source {
  id: number;
  /** Absolute, symlink-free path. */
  path: string;
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
}

export type SourceWrite = Omit<Source, 'id' | 'missingSince'>;

interface SourceRow {
  id: number;
  path: string;
  content_hash: string;
  size: number;
  mtime_ms: number;
  parser_version: number;
  imported_at: number;
  missing_since: number | null;
  problems: string;
  skipped_keys: string;
}

const COLUMNS = 'id, path, content_hash, size, mtime_ms, parser_version, imported_at, missing_since, problems, skipped_keys';

function toSource(r: SourceRow): Source {
  return {
    id: r.id,
    path: r.path,
    contentHash: r.content_hash,
    size: r.size,
    mtimeMs: r.mtime_ms,
    parserVersion: r.parser_version,
    importedAt: r.imported_at,
    missingSince: r.missing_since,
    problems: JSON.parse(r.problems) as Problem[],
    skippedKeys: JSON.parse(r.skipped_keys) as string[],
  };
}

/** Every source ever imported, by path. */
export function allSources(store: Store): Source[] {
  return (store.sql(`SELECT ${COLUMNS} FROM sources ORDER BY path`).all() as SourceRow[]).map(toSource);
}

/** Inserts or updates the source at `s.path` (clearing any missing mark); returns its id. */
export function saveSource(store: Store, s: SourceWrite): number {
  const row = store
    .sql(
      `INSERT INTO sources (path, content_hash, size, mtime_ms, parser_version, imported_at, missing_since, problems, skipped_keys)
       VALUES (?, ?, ?, ?, ?, ?, NULL, ?, ?)
       ON CONFLICT(path) DO UPDATE SET content_hash = excluded.content_hash, size = excluded.size,
         mtime_ms = excluded.mtime_ms, parser_version = excluded.parser_version,
         imported_at = excluded.imported_at, missing_since = NULL, problems = excluded.problems,
         skipped_keys = excluded.skipped_keys
       RETURNING id`,
    )
    .get(s.path, s.contentHash, s.size, s.mtimeMs, s.parserVersion, s.importedAt, JSON.stringify(s.problems),
      JSON.stringify(s.skippedKeys)) as { id: number };
  return row.id;
}

/** Records that a file was unchanged but touched (new mtime), so the next stat skips it fast. */
export function touchSource(store: Store, id: number, mtimeMs: number, size: number): void {
  store.sql('UPDATE sources SET mtime_ms = ?, size = ?, missing_since = NULL WHERE id = ?').run(mtimeMs, size, id);
}

/** Marks a source whose file is gone (its cards are archived by the caller). */
export function markSourceMissing(store: Store, id: number, now: number): void {
  store.sql('UPDATE sources SET missing_since = COALESCE(missing_since, ?) WHERE id = ?').run(now, id);
}
