import Database from 'better-sqlite3';
import { closeSync, existsSync, fsync, mkdirSync, openSync, statSync } from 'node:fs';
import { dirname } from 'node:path';
import { EngramError } from '../model/engram-error.js';
import { backupPath, timeStamp, writeBackup } from './backup.js';
import { MIGRATIONS, SCHEMA_VERSION } from './migrations.js';

/** An open deck store: the database handle and a cache of prepared statements. */
export class Store {
  private readonly statements = new Map<string, Database.Statement>();
  private walFd: number | undefined;
  private seenVersion: number | undefined;

  constructor(
    readonly db: Database.Database,
    readonly path: string,
  ) {}

  /** A prepared statement for `sql`, prepared once per store. */
  sql(sql: string): Database.Statement {
    let stmt = this.statements.get(sql);
    if (!stmt) {
      stmt = this.db.prepare(sql);
      this.statements.set(sql, stmt);
    }
    return stmt;
  }

  /** Runs `fn` in one IMMEDIATE transaction: all of it is written, or none. */
  transaction<T>(fn: () => T): T {
    return this.db.transaction(fn).immediate();
  }

  /**
   * Forces what was just committed to disk without making the caller wait: an
   * fsync of the write-ahead log on libuv's thread pool. Commits already
   * survive a crash of engram (WAL, synchronous=NORMAL); this closes the window
   * a power cut would leave, in milliseconds, off the path of the next card.
   */
  syncInBackground(): void {
    try {
      this.walFd ??= openSync(`${this.path}-wal`, 'r');
      fsync(this.walFd, () => undefined);
    } catch {
      // No WAL file (nothing written yet): nothing to sync.
    }
  }

  /**
   * Whether another connection (another engram) has committed to the store
   * since the last call: SQLite's data_version, which this connection's own
   * writes leave alone. The first call only takes the reading.
   */
  changedElsewhere(): boolean {
    const version = this.db.pragma('data_version', { simple: true }) as number;
    const changed = this.seenVersion !== undefined && version !== this.seenVersion;
    this.seenVersion = version;
    return changed;
  }

  close(): void {
    if (this.walFd !== undefined) closeSync(this.walFd);
    this.walFd = undefined;
    if (this.db.open) this.db.close();
  }
}

export interface OpenOptions {
  /** Create the file (and its folder) when missing; otherwise a missing store is an error. */
  create: boolean;
}

/**
 * Opens the store at `path` in WAL mode and migrates it to {@link SCHEMA_VERSION}.
 * Throws EngramError when the store is missing (and `create` is false), cannot be
 * created, is not a SQLite file, or was written by a newer engram (it is then
 * left untouched).
 */
export function openStore(path: string, options: OpenOptions): Store {
  if (!existsSync(path)) {
    if (!options.create) {
      throw new EngramError(`no store at ${path} yet. Import some cards first, e.g. engram import decks/`, 2);
    }
    try {
      mkdirSync(dirname(path), { recursive: true });
    } catch (err) {
      throw new EngramError(`cannot create the folder for the store ${path}: ${(err as Error).message}`);
    }
  }
  let db: Database.Database;
  try {
    db = new Database(path);
  } catch (err) {
    throw openError(path, err);
  }
  try {
    // Long enough for another engram's import of a large folder to finish writing.
    db.pragma('busy_timeout = 15000');
    const version = db.pragma('user_version', { simple: true }) as number;
    if (version > SCHEMA_VERSION) {
      throw new EngramError(
        `the store ${path} was written by a newer engram (schema version ${version}; this engram knows up to ${SCHEMA_VERSION}). Upgrade engram; the store was not changed.`,
      );
    }
    db.pragma('journal_mode = WAL');
    // NORMAL: a commit survives engram crashing or being killed; answers are also
    // fsynced in the background (syncInBackground) so a power cut loses nothing
    // either, without a sync on the path from one card to the next.
    db.pragma('synchronous = NORMAL');
    db.pragma('foreign_keys = ON');
    if (version > 0 && version < SCHEMA_VERSION) backupBeforeMigrating(db, path, version);
    migrate(db, version);
  } catch (err) {
    db.close();
    throw openError(path, err);
  }
  return new Store(db, path);
}

/**
 * A copy of the store as it is, before it is migrated to {@link SCHEMA_VERSION};
 * named after the time the store was last written. Without it nothing is migrated.
 */
function backupBeforeMigrating(db: Database.Database, path: string, version: number): void {
  const dest = backupPath(path, `before-v${SCHEMA_VERSION}`, timeStamp(statSync(path).mtimeMs));
  try {
    writeBackup(db, dest);
  } catch (err) {
    throw new EngramError(
      `the store ${path} (schema version ${version}) needs upgrading to version ${SCHEMA_VERSION}, but the backup taken first failed: ${(err as Error).message}. Nothing was changed; free some space or make ${dirname(dest)} writable, then try again.`,
    );
  }
}

function openError(path: string, err: unknown): EngramError {
  if (err instanceof EngramError) return err;
  const e = err as { code?: string; message: string };
  if (e.code === 'SQLITE_NOTADB') return new EngramError(`${path} is not an engram store (not a SQLite database).`);
  return new EngramError(`cannot open the store ${path}: ${e.message}`);
}

/**
 * Applies the migrations after version `from`, each in its own IMMEDIATE
 * transaction; a step another process applied meanwhile is skipped.
 */
export function migrate(db: Database.Database, from: number): void {
  for (const m of MIGRATIONS) {
    if (m.version <= from) continue;
    db.transaction(() => {
      // Read again under the write lock: another engram opening the same new
      // store may have applied this step while this one waited.
      if ((db.pragma('user_version', { simple: true }) as number) >= m.version) return;
      m.up(db);
      db.pragma(`user_version = ${m.version}`);
    }).immediate();
  }
}
