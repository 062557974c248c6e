import Database from 'better-sqlite3';
import { addonOptions } from './sqlite-addon.js';
import { accessSync, closeSync, constants, existsSync, fsync, mkdirSync, openSync, readFileSync, statSync } from 'node:fs';
import { dirname } from 'node:path';
import { EngramError } from '../model/engram-error.js';
import { backupPath, timeStamp, writeBackup } from './backup.js';
import { refuseUnknownModels } from './deck-models.js';
import { MIGRATIONS, SCHEMA_VERSION } from './migrations.js';
import { foldReviewQuarters } from './review-quarters.js';
import { diskFullError, diskIsFull, READ_ONLY_MARK, readOnlyError, rememberStorePath, storePathError } from './store-errors.js';

/**
 * Transactions between the checkpoints of a connection that holds them
 * ({@link Store.holdCheckpoints}): an answer writes some 10-30 pages, so the
 * log stays under SQLite's own mark of 1,000 pages.
 */
export const CHECKPOINT_EVERY = 32;

/** An open deck store: the database handle and a cache of prepared statements. */
export class Store {
  private readonly statements = new Map<string, Database.Statement>();
  private walFd: number | undefined;
  /** A syncInBackground waits for its turn of the event loop. */
  private syncAsked = false;
  private seenVersion: number | undefined;
  /** Commits since the last checkpoint while checkpoints are held (see holdCheckpoints); undefined while SQLite checkpoints on its own. */
  private uncheckpointed: number | undefined;

  constructor(
    readonly db: Database.Database,
    readonly path: string,
    /**
     * The store's file or folder cannot be written: it was read into memory,
     * where reading commands work as usual (caches included) and any change to
     * the user's cards, reviews or settings is refused (see {@link READ_ONLY_MARK}).
     */
    readonly readOnly = false,
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

  /**
   * Runs `fn` in one IMMEDIATE transaction: all of it is written, or none.
   * Answers it wrote, undid or rewrote are folded into the stats' quarter-hour
   * tallies before the commit (foldReviewQuarters: a check of two numbers when
   * the log did not change), so the tallies are never behind the log.
   */
  transaction<T>(fn: () => T): T {
    // A nested transaction is a savepoint of the outer one, which folds at its end.
    if (this.db.inTransaction) return this.db.transaction(fn).immediate();
    const out = this.db
      .transaction(() => {
        const out = fn();
        foldReviewQuarters(this.db);
        return out;
      })
      .immediate();
    if (this.uncheckpointed !== undefined) this.uncheckpointed++;
    return out;
  }

  /**
   * Keeps this connection's commits from checkpointing the write-ahead log.
   * SQLite's automatic checkpoint runs inside the commit that takes the log
   * past ~1,000 pages: it copies the log into the store and syncs both files,
   * tens of milliseconds on the path from an answer to the next card (the
   * slowest answers of a long review). A screen calls {@link checkpointIfDue}
   * instead, while the user reads. Other connections checkpoint as usual, and
   * closing the store checkpoints what is left.
   */
  holdCheckpoints(): void {
    this.db.pragma('wal_autocheckpoint = 0');
    this.uncheckpointed ??= 0;
  }

  /**
   * Gives checkpoints back to SQLite's commits (after a screen: a sync that
   * follows may write a great deal), checkpointing what piled up meanwhile.
   */
  releaseCheckpoints(): void {
    if (this.uncheckpointed === undefined) return;
    this.uncheckpointed = undefined;
    this.db.pragma('wal_autocheckpoint = 1000');
    this.db.pragma('wal_checkpoint(PASSIVE)');
  }

  /**
   * With checkpoints held, copies the log into the store once
   * {@link CHECKPOINT_EVERY} transactions have piled up since the last time
   * (PASSIVE: it never waits for another engram's readers or writer).
   * @returns whether it checkpointed
   */
  checkpointIfDue(): boolean {
    if (this.uncheckpointed === undefined || this.uncheckpointed < CHECKPOINT_EVERY) return false;
    this.uncheckpointed = 0;
    this.db.pragma('wal_checkpoint(PASSIVE)');
    return true;
  }

  /**
   * Forces what was just committed to disk without making the caller wait: an
   * fsync of the write-ahead log on libuv's thread pool. Commits already
   * survive a crash of engram (WAL, synchronous=NORMAL); this closes the window
   * a power cut would leave, in milliseconds, off the path of the next card.
   */
  syncInBackground(): void {
    // Asked for on the next turn of the event loop, once the screen has drawn what the commit changed: handing
    // the fsync to a thread wakes it, and on a busy machine that thread took the processor from the frame.
    if (this.syncAsked) return;
    this.syncAsked = true;
    setTimeout(() => {
      this.syncAsked = false;
      // Closing the store checkpointed the log (and synced it).
      if (!this.db.open) return;
      try {
        this.walFd ??= openSync(`${this.path}-wal`, 'r');
        fsync(this.walFd, () => undefined);
      } catch {
        // No WAL file (nothing written yet): nothing to sync.
      }
    }, 0);
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

  /**
   * How long a write waits for another engram's write lock before SQLite
   * gives up with SQLITE_BUSY (15 s from openStore; a screen wants less).
   */
  waitForLocks(ms: number): void {
    this.db.pragma(`busy_timeout = ${Math.max(0, Math.floor(ms))}`);
  }

  /** The schema version the store's file is at (SQLite's user_version). */
  schemaVersion(): number {
    return this.db.pragma('user_version', { simple: true }) as number;
  }

  /** Closes the connection (and the WAL file kept open for background syncs). */
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
 * A store whose file or folder cannot be written is opened read-only (see
 * {@link Store.readOnly}), unless `create` says the caller is about to write.
 * Throws EngramError when the store is missing (and `create` is false), cannot be
 * created, is a folder, is not a SQLite file, was written by a newer engram (it
 * is then left untouched), is read-only and `create` is set, or the disk is full.
 * Errors about where the store is carry a fix (see ErrorFix) for the front end
 * to word: which other path to give, or where else to put the store.
 */
export function openStore(path: string, options: OpenOptions): Store {
  rememberStorePath(path);
  const pathError = storePathError(path, options.create);
  if (pathError) throw pathError;
  if (!existsSync(path)) {
    try {
      mkdirSync(dirname(path), { recursive: true });
    } catch (err) {
      const why = FOLDER_ERRORS[(err as NodeJS.ErrnoException).code ?? ''] ?? (err as Error).message;
      throw new EngramError('store', `cannot create the folder for the store ${path}: ${why}.`, { kind: 'store-place' });
    }
  } else if (!writable(path)) {
    if (options.create) throw readOnlyError(path);
    return openReadOnly(path);
  }
  // When the store was last written, read before opening it: switching it to WAL below writes its header, and a
  // before-migration backup is named after the user's last write, not that one.
  const lastWritten = existsSync(path) ? statSync(path).mtimeMs : 0;
  let db: Database.Database;
  try {
    db = new Database(path, addonOptions());
  } catch (err) {
    throw openError(path, err);
  }
  try {
    // Long enough for another engram's import of a large folder to finish writing.
    db.pragma('busy_timeout = 15000');
    const version = db.pragma('user_version', { simple: true }) as number;
    refuseNewer(path, version);
    // Before anything writes, even the WAL switch's header: a store refused is left byte for byte as it was.
    refuseUnknownModels(db, path);
    db.pragma('journal_mode = WAL');
    // NORMAL: a commit survives engram crashing or being killed; answers are also
    // fsynced in the background (syncInBackground) so a power cut loses nothing
    // either, without a sync on the path from one card to the next.
    db.pragma('synchronous = NORMAL');
    db.pragma('foreign_keys = ON');
    if (version > 0 && version < SCHEMA_VERSION) backupBeforeMigrating(db, path, version, lastWritten);
    migrate(db, version);
  } catch (err) {
    db.close();
    throw openError(path, err);
  }
  return new Store(db, path);
}

/** Why a folder could not be made, in words, for the common causes. */
const FOLDER_ERRORS: Record<string, string> = {
  EACCES: 'permission denied',
  EPERM: 'permission denied',
  EROFS: 'the file system is read-only',
  ENOSPC: 'the disk is full',
};

function refuseNewer(path: string, version: number): void {
  if (version > SCHEMA_VERSION) {
    throw new EngramError(
      'store',
      `the store ${path} was written by a newer engram (schema version ${version}; this engram knows up to ${SCHEMA_VERSION}). Upgrade engram; the store was not changed.`,
    );
  }
}

/** Whether engram may write the store: its file, and its folder (for the -wal and -shm files). */
function writable(path: string): boolean {
  try {
    accessSync(path, constants.W_OK);
    accessSync(dirname(path), constants.W_OK);
    return true;
  } catch (err) {
    // Anything else (the file vanished meanwhile) is for SQLite to report.
    return !['EACCES', 'EPERM', 'EROFS'].includes((err as NodeJS.ErrnoException).code ?? '');
  }
}

/**
 * The store read whole into memory, for a store that cannot be written: SQLite
 * reads a WAL store only with its -shm index beside it, which a read-only
 * folder may not hold, and reading commands write caches (review tallies,
 * facts of old reviews) that are rebuilt from the log anyway. An older schema
 * is migrated in memory; the file is never touched.
 */
function openReadOnly(path: string): Store {
  let image: Buffer;
  try {
    image = snapshot(path);
  } catch (err) {
    throw openError(path, err);
  }
  // Bytes 18-19 of the header say WAL (2); SQLite reads a database in memory only in the rollback format (1).
  if (image.length >= 100) image.fill(1, 18, 20);
  const db = new Database(image, addonOptions());
  try {
    const version = db.pragma('user_version', { simple: true }) as number;
    refuseNewer(path, version);
    refuseUnknownModels(db, path);
    db.pragma('foreign_keys = ON');
    migrate(db, version);
    refuseChanges(db);
  } catch (err) {
    db.close();
    throw openError(path, err);
  }
  return new Store(db, path, true);
}

/**
 * The bytes of the store as SQLite reads it, the write-ahead log included when
 * there is one. Without a -wal nothing is open on the store and the file alone
 * is all of it: it is read as a file, because SQLite would leave -wal and -shm
 * files beside a read-only store in a writable folder, with the store's
 * read-only mode, and those stop every later write once the store is made
 * writable again.
 */
function snapshot(path: string): Buffer {
  if (!existsSync(`${path}-wal`)) {
    const image = readFileSync(path);
    // An engram that opened the store meanwhile may have changed the file under the read: read it through SQLite then.
    if (!existsSync(`${path}-wal`)) return image;
  }
  let file: Database.Database | undefined;
  try {
    file = new Database(path, { readonly: true, fileMustExist: true, ...addonOptions() });
    file.prepare('SELECT count(*) FROM sqlite_master').get();
    return file.serialize();
  } catch (err) {
    // A folder SQLite cannot write says CANTOPEN on a read-only file system, READONLY_DIRECTORY (or _CANTINIT) where permissions forbid it.
    if (!/^SQLITE_(CANTOPEN|READONLY_DIRECTORY|READONLY_CANTINIT)$/.test((err as { code?: string }).code ?? '')) throw err;
    // No -shm can be made here: the file alone is the whole store, unless a -wal holds writes not yet folded in.
    if ((statSync(`${path}-wal`, { throwIfNoEntry: false })?.size ?? 0) > 0) {
      throw new EngramError(
        'store',
        `the store ${path} is read-only, and its last changes are still in ${path}-wal, which SQLite cannot read from a read-only folder without ${path}-shm. Make the folder writable and run any engram command once; after that it can be read read-only.`,
      );
    }
    return readFileSync(path);
  } finally {
    file?.close();
  }
}

/** Tables a reading command may write: caches rebuilt from the review log. */
const CACHE_TABLES = new Set(['review_days', 'review_days_state', 'review_quarters', 'review_quarters_state', 'review_quarters_changed', 'review_days_stale']);
/** Columns of the review log filled in by a replay, once (see ensureReviewFacts). */
const CACHE_COLUMNS: Record<string, readonly string[]> = { reviews: ['state_before', 'last_interval'] };

/**
 * Temporary triggers that refuse every change to the user's data in a store
 * held in memory, failing as a write to a read-only file does (SQLITE_READONLY,
 * message {@link READ_ONLY_MARK}), so every caller explains it as one.
 */
function refuseChanges(db: Database.Database): void {
  db.function('engram_refuse_write', () => {
    throw new Database.SqliteError(READ_ONLY_MARK, 'SQLITE_READONLY');
  });
  const tables = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'").pluck().all() as string[];
  const quoted = (name: string) => `"${name.replaceAll('"', '""')}"`;
  const refuse = 'BEGIN SELECT engram_refuse_write(); END;';
  for (const table of tables.filter((t) => !CACHE_TABLES.has(t))) {
    const kept = CACHE_COLUMNS[table] ?? [];
    const columns = (db.prepare('SELECT name FROM pragma_table_info(?)').pluck().all(table) as string[]).filter((c) => !kept.includes(c));
    db.exec(`
      CREATE TEMP TRIGGER ${quoted(`read_only_insert_${table}`)} BEFORE INSERT ON main.${quoted(table)} ${refuse}
      CREATE TEMP TRIGGER ${quoted(`read_only_delete_${table}`)} BEFORE DELETE ON main.${quoted(table)} ${refuse}
      CREATE TEMP TRIGGER ${quoted(`read_only_update_${table}`)} BEFORE UPDATE OF ${columns.map(quoted).join(', ')} ON main.${quoted(table)} ${refuse}
    `);
  }
}

/**
 * A copy of the store as it is, before it is migrated to {@link SCHEMA_VERSION};
 * named after `lastWritten`, the time the store was last written. Without it nothing is migrated.
 */
function backupBeforeMigrating(db: Database.Database, path: string, version: number, lastWritten: number): void {
  const dest = backupPath(path, `before-v${SCHEMA_VERSION}`, timeStamp(lastWritten));
  try {
    writeBackup(db, dest);
  } catch (err) {
    throw new EngramError(
      'failed',
      `the store ${path} (schema version ${version}) needs upgrading to version ${SCHEMA_VERSION}, but the backup taken first failed: ${(err as Error).message}. Nothing was changed; make sure ${dirname(dest)} is a folder you can write, with free space, then try again.`,
    );
  }
}

/** A failure to open the store as a user-facing error: what is wrong with the file, or the disk, and what to do. */
function openError(path: string, err: unknown): EngramError {
  if (err instanceof EngramError) return err;
  const e = err as { code?: string; message: string };
  if (e.code === 'SQLITE_NOTADB') {
    return new EngramError('store', `${path} is not an engram store (not a SQLite database). It was left as it is.`, { kind: 'other-store' });
  }
  // SQLite cannot make the -shm index of a WAL store on a full disk, and says only "disk I/O error".
  if (e.code?.startsWith('SQLITE_FULL') || (/^SQLITE_(IOERR|CANTOPEN)/.test(e.code ?? '') && diskIsFull(path))) return diskFullError(path);
  return new EngramError('store', `cannot open the store ${path}: ${e.message}.`);
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

/**
 * Gives this connection a page cache of 64 MiB (SQLite's default is 2 MiB),
 * for one large write such as an import of a million answers, whose indexes
 * would otherwise be read from disk again page by page. A bulk write makes
 * the indexes that grow at random places again after it (withIndexesRemade),
 * so more cache bought no time and only raised the peak memory (256 MiB did).
 * The memory is given back when the store is closed.
 */
export function useLargeCache(store: Store): void {
  store.db.pragma('cache_size = -65536');
}

/**
 * Gives this connection SQLite's own default page cache of 2 MiB instead of
 * better-sqlite3's 16 MiB, for a screen's session: an answer reads and writes
 * a few pages, while the scans that build the queue (every new card) would
 * fill the larger cache and keep it resident for the whole session (about
 * 15 MB of a 100,000-card store's review). Other pages come from the system's
 * file cache.
 */
export function useScreenCache(store: Store): void {
  store.db.pragma('cache_size = -2048');
}
