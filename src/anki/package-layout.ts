import type { AnkiLayout } from '../model/anki-collection.js';
import { EngramError } from '../model/engram-error.js';
import { formatBytes, PACKAGE_LIMITS, type PackageEntries } from './package-zip.js';
import { protoFields, protoMessages, protoNumber, protoText } from './protobuf.js';
import { isZstd, unzstd } from './zstd.js';

/** Versions of a package's `meta` entry: 1 legacy (collection.anki2), 2 legacy (collection.anki21), 3 latest (zstd, collection.anki21b). */
const NEWEST_META_VERSION = 3;

/** One media file of a package: its name in the collection's fields and the zip entry holding it. */
export interface PackageMedia {
  name: string;
  entry: string;
}

/** What a package holds, once its layout is known. */
export interface PackageContents {
  layout: AnkiLayout;
  /** The collection's SQLite bytes (unpacked from zstd for anki21b). */
  collection: Uint8Array;
  media: PackageMedia[];
  /**
   * The bytes of the media files in the named zip entries (unpacked from
   * zstd for anki21b), by entry; entries the package lacks are left out.
   * Only these are unpacked: media no card uses never reaches memory.
   * @throws EngramError 'failed' when they pass the package's in-memory limit, or are damaged
   */
  mediaFiles(entries: readonly string[]): Map<string, Uint8Array>;
}

/**
 * Finds the collection and the media map among a package's entries: the
 * `meta` entry's version says which layout Anki wrote (none: a legacy
 * package); the newest collection present wins, as in Anki.
 * @throws EngramError 'failed' for a package of a newer layout than engram
 *   knows, one with no collection, a damaged media map, or a media name that
 *   is a path
 */
export function packageContents(zip: PackageEntries, shownName: string): PackageContents {
  const entries = zip.unpack(['meta', 'media']);
  const meta = entries.get('meta');
  let version = 0;
  if (meta) {
    try {
      version = protoNumber(protoFields(meta), 1, 0);
    } catch {
      throw new EngramError('failed', `${shownName} is damaged: its meta entry cannot be read. Export it again from Anki.`);
    }
  }
  if (version > NEWEST_META_VERSION) {
    throw new EngramError('failed', `${shownName} was written by a newer Anki (package version ${version}; engram reads up to ${NEWEST_META_VERSION}). In Anki, export it with "Support older Anki versions" ticked, then import that file.`);
  }
  const name = (['collection.anki21b', 'collection.anki21', 'collection.anki2'] as const).find((n) => zip.names.has(n) && (n !== 'collection.anki21b' || version === 3 || !meta));
  if (!name) {
    const known = [...zip.names].filter((k) => k.startsWith('collection.'));
    throw new EngramError(
      'failed',
      known.length
        ? `${shownName} holds ${known.join(', ')}, a collection layout engram does not know (a newer Anki?). Export it with "Support older Anki versions" ticked.`
        : `${shownName} is not an Anki package: it holds no collection. Give a .apkg or .colpkg file that Anki exported.`,
    );
  }
  const layout: AnkiLayout = name === 'collection.anki21b' ? 'anki21b' : name === 'collection.anki21' ? 'anki21' : 'anki2';
  const zstd = layout === 'anki21b';
  const media = mediaMap(entries.get('media'), zstd, shownName);
  const raw = zip.unpack([name]).get(name)!;
  // What zstd unpacks counts against the same in-memory limit as the zip (a small zstd frame can unpack to a lot).
  let left = PACKAGE_LIMITS.totalBytes;
  const unpacked = (bytes: Uint8Array, what: string): Uint8Array => {
    if (!isZstd(bytes)) return bytes;
    const out = unzstd(bytes, what, left);
    left -= out.length;
    return out;
  };
  const collection = zstd || isZstd(raw) ? unpacked(raw, `${shownName}'s collection`) : raw;
  return {
    layout,
    collection,
    media,
    mediaFiles(wanted) {
      const files = zip.unpack(wanted);
      if (!zstd) return files;
      for (const [entry, bytes] of files) files.set(entry, unpacked(bytes, `${shownName}'s media entry ${entry}`));
      return files;
    },
  };
}

/** The media map: JSON `{"0": "name.jpg"}` in legacy packages, zstd protobuf MediaEntries in the latest. */
function mediaMap(bytes: Uint8Array | undefined, latest: boolean, shownName: string): PackageMedia[] {
  if (!bytes || bytes.length === 0) return [];
  let out: PackageMedia[];
  try {
    if (latest || isZstd(bytes)) {
      const plain = isZstd(bytes) ? unzstd(bytes, `${shownName}'s media map`, 64 * 1024 ** 2) : bytes;
      // MediaEntries { repeated MediaEntry entries = 1 }; MediaEntry { string name = 1; ...; legacy_zip_filename = 255 }.
      out = protoMessages(protoFields(plain), 1).map((m, index) => {
        const f = protoFields(m);
        const legacy = protoNumber(f, 255, -1);
        return { name: protoText(f, 1), entry: String(legacy >= 0 ? legacy : index) };
      });
    } else {
      const json = JSON.parse(new TextDecoder().decode(bytes)) as unknown;
      if (json === null || typeof json !== 'object' || Array.isArray(json)) throw new Error('not a map');
      out = Object.entries(json as Record<string, unknown>).map(([entry, name]) => ({ entry, name: String(name) }));
    }
  } catch (err) {
    if (err instanceof EngramError) throw err;
    throw new EngramError('failed', `${shownName} is damaged: its media map cannot be read. Export it again from Anki.`);
  }
  for (const m of out) {
    if (!isSafeMediaName(m.name)) {
      throw new EngramError('failed', `${shownName} was not imported: its media file "${m.name}" names a path outside the deck's media folder. Nothing was written. Import only packages from a source you trust.`);
    }
  }
  return out;
}

/** A media name Anki itself would write: a plain file name, no folder, no `..`, no control characters. */
export function isSafeMediaName(name: string): boolean {
  // eslint-disable-next-line no-control-regex
  return name !== '' && name !== '.' && name !== '..' && !/[\\/\x00-\x1f:]/.test(name) && name.length <= 255;
}

/**
 * A media name every OS can hold as a file (Windows is the strictest): none
 * of `*?"<>|`, no name Windows reserves (CON, NUL, COM1...), no dot or space
 * at the end. Anki on Linux writes such names; a deck folder that holds one
 * cannot be copied, synced or checked out on Windows.
 */
export function isPortableMediaName(name: string): boolean {
  if (!isSafeMediaName(name) || /[*?"<>|]/.test(name) || /[. ]$/.test(name)) return false;
  return !/^(con|prn|aux|nul|com\d|lpt\d|conin\$|conout\$)(\.|$)/i.test(name);
}
