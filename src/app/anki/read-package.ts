import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { decodeCollection } from '../../anki/decode-collection.js';
import { packageContents, type PackageMedia } from '../../anki/package-layout.js';
import { formatBytes, openPackageEntries, PACKAGE_LIMITS } from '../../anki/package-zip.js';
import type { AnkiCollection, AnkiRevlogColumns } from '../../model/anki-collection.js';
import { EngramError } from '../../model/engram-error.js';
import { readAnkiCollectionFile } from '../../store/anki-collection-file.js';
import { startRevlogRead, type PendingRevlog } from '../../store/anki-revlog-read.js';
import { revlogColumnsOf } from './anki-reviews.js';

/** An Anki package read whole: its collection, and its media to copy. */
export interface AnkiPackage {
  collection: AnkiCollection;
  media: PackageMedia[];
  /** The media files in the named zip entries, by entry, unpacked only now (see PackageContents.mediaFiles). */
  mediaFiles(entries: readonly string[]): Map<string, Uint8Array>;
  /**
   * The review log as columns. Read with `revlogApart`, it is waited for here
   * (and the collection's `revlog` is empty).
   * @throws EngramError 'failed' when the log cannot be read (see readAnkiCollectionFile)
   */
  revlog(): AnkiRevlogColumns;
  /** Ends what the read holds (a log still being read is waited for, its temporary copy removed); call it whatever happens. */
  close(): void;
}

/** How to read a package. */
export interface PackageReadOptions {
  /**
   * Read the review log on a worker thread while the caller goes on (a
   * million rows take seconds): {@link AnkiPackage.revlog} waits for it.
   */
  revlogApart?: boolean;
}

/**
 * Reads an Anki package (.apkg or .colpkg, any of the three layouts). The
 * collection is read from a temporary copy (better-sqlite3 needs a file),
 * removed again whatever happens; nothing else is written. Only the
 * collection and the media map are unpacked now; media files when asked for.
 * @throws EngramError 'notFound' when the file is missing; 'failed' when it
 *   is not a package, damaged, hostile or of a newer layout (see unpackPackage,
 *   packageContents, readAnkiCollectionFile)
 */
export function readAnkiPackage(path: string, shownName = basename(path), options: PackageReadOptions = {}): AnkiPackage {
  let size: number;
  try {
    size = statSync(path).size;
  } catch {
    throw new EngramError('notFound', `${shownName} does not exist. Give the path of a .apkg or .colpkg file.`);
  }
  if (size > PACKAGE_LIMITS.totalBytes) throw new EngramError('failed', `${shownName} is larger than engram reads (${formatBytes(PACKAGE_LIMITS.totalBytes)}).`);
  const contents = packageContents(openPackageEntries(readFileSync(path), shownName), shownName);
  const dir = mkdtempSync(join(tmpdir(), 'engram-anki-'));
  let pending: PendingRevlog | undefined;
  // The temporary copy goes once nothing reads it: at once, or when the worker's log is taken (or given up).
  const removeCopy = (): void => rmSync(dir, { recursive: true, force: true });
  const settle = (): AnkiRevlogColumns | undefined => {
    const p = pending;
    pending = undefined;
    try {
      return p?.take();
    } finally {
      removeCopy();
    }
  };
  try {
    const file = join(dir, 'collection.sqlite');
    writeFileSync(file, contents.collection);
    const rows = readAnkiCollectionFile(file, shownName, options.revlogApart ? { revlogApart: () => (pending = startRevlogRead(file, shownName)) } : {});
    const collection = decodeCollection(rows, contents.layout, shownName);
    if (!pending) removeCopy();
    let columns: AnkiRevlogColumns | undefined;
    return {
      collection,
      media: contents.media,
      mediaFiles: contents.mediaFiles,
      revlog: () => (columns ??= settle() ?? revlogColumnsOf(collection.revlog)),
      close: () => {
        try {
          settle();
        } catch {
          // A log no one asked for: its failure says nothing the caller needs.
        }
      },
    };
  } catch (err) {
    try {
      settle();
    } catch {
      // The first failure is the one to report.
    }
    throw err;
  }
}
