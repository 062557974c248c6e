import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { decodeCollection } from '../../anki/decode-collection.js';
import { packageContents, type PackageMedia } from '../../anki/package-layout.js';
import { formatBytes, openPackageEntries, PACKAGE_LIMITS } from '../../anki/package-zip.js';
import type { AnkiCollection } from '../../model/anki-collection.js';
import { EngramError } from '../../model/engram-error.js';
import { readAnkiCollectionFile } from '../../store/anki-collection-file.js';

/** An Anki package read whole: its collection, and its media to copy. */
export interface AnkiPackage {
  collection: AnkiCollection;
  media: PackageMedia[];
  /** The media files in the named zip entries, by entry, unpacked only now (see PackageContents.mediaFiles). */
  mediaFiles(entries: readonly string[]): Map<string, Uint8Array>;
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
export function readAnkiPackage(path: string, shownName = basename(path)): AnkiPackage {
  let size: number;
  try {
    size = statSync(path).size;
  } catch {
    throw new EngramError('notFound', `${shownName} does not exist. Give the path of a .apkg or .colpkg file.`);
  }
  if (size > PACKAGE_LIMITS.totalBytes) throw new EngramError('failed', `${shownName} is larger than engram reads (${formatBytes(PACKAGE_LIMITS.totalBytes)}).`);
  const contents = packageContents(openPackageEntries(readFileSync(path), shownName), shownName);
  const dir = mkdtempSync(join(tmpdir(), 'engram-anki-'));
  try {
    const file = join(dir, 'collection.sqlite');
    writeFileSync(file, contents.collection);
    const rows = readAnkiCollectionFile(file, shownName);
    return { collection: decodeCollection(rows, contents.layout, shownName), media: contents.media, mediaFiles: contents.mediaFiles };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
