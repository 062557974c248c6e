import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { decodeCollection } from '../../anki/decode-collection.js';
import { packageContents, type PackageMedia } from '../../anki/package-layout.js';
import { PACKAGE_LIMITS, unpackPackage } from '../../anki/package-zip.js';
import type { AnkiCollection } from '../../model/anki-collection.js';
import { EngramError } from '../../model/engram-error.js';
import { readAnkiCollectionFile } from '../../store/anki-collection-file.js';

/** An Anki package read whole: its collection, and its media to copy. */
export interface AnkiPackage {
  collection: AnkiCollection;
  media: PackageMedia[];
  /** A media file's bytes by its zip entry; null when the package lacks it. */
  mediaBytes(entry: string): Uint8Array | null;
}

/**
 * Reads an Anki package (.apkg or .colpkg, any of the three layouts). The
 * collection is read from a temporary copy (better-sqlite3 needs a file),
 * removed again whatever happens; nothing else is written.
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
  if (size > PACKAGE_LIMITS.totalBytes) throw new EngramError('failed', `${shownName} is larger than engram reads (2 GiB).`);
  const entries = unpackPackage(readFileSync(path), shownName);
  const contents = packageContents(entries, shownName);
  const dir = mkdtempSync(join(tmpdir(), 'engram-anki-'));
  try {
    const file = join(dir, 'collection.sqlite');
    writeFileSync(file, contents.collection);
    const rows = readAnkiCollectionFile(file, shownName);
    return { collection: decodeCollection(rows, contents.layout, shownName), media: contents.media, mediaBytes: contents.mediaBytes };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
