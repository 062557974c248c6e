import { unzipSync } from 'fflate';
import { EngramError } from '../model/engram-error.js';
import { zipEntries } from './zip-writer.js';

/** How much a package may unpack to: what a real collection with its media needs, far from what a zip bomb makes. */
export interface UnpackLimits {
  /** Bytes the entries unpacked may take together (they are held in memory): also the largest package file read. */
  totalBytes: number;
  /** How many times larger than its packed bytes an entry may be (deflate of real data stays far below). */
  ratio: number;
  /** How many times larger than the package file all its entries together may be (real packages: a few times; media is stored as it is). */
  packageRatio: number;
  /** How many entries a package may have. */
  entries: number;
}

/** The limits engram reads packages with: 1 GiB in memory, 1000:1 an entry, 100:1 the whole package, 200,000 entries. */
export const PACKAGE_LIMITS: UnpackLimits = { totalBytes: 1024 ** 3, ratio: 1000, packageRatio: 100, entries: 200_000 };

/** Entries below this size are never refused for their ratio: a tiny file of zeros compresses 1000:1 honestly. */
const RATIO_FLOOR = 1024 * 1024;

/** A package whose entries unpack to less than this in all is never refused for its ratio (small files of zeros again). */
const PACKAGE_RATIO_FLOOR = 64 * 1024 * 1024;

/** A package's zip, checked whole, whose entries are unpacked when asked for (a package holds media no card may use). */
export interface PackageEntries {
  /** The name of every entry. */
  readonly names: ReadonlySet<string>;
  /**
   * The named entries unpacked, by name (names the package lacks left out).
   * @throws EngramError 'failed' when the entries unpacked, over every call, pass the in-memory limit, or an entry is damaged
   */
  unpack(names: Iterable<string>): Map<string, Uint8Array>;
}

/**
 * Opens a package (a zip file): every entry's name, declared size and ratio,
 * the number of entries and the ratio of all they declare to the package's
 * size are checked against `limits` from the zip's directory, before a byte
 * is unpacked; entries are then unpacked only when asked for, each into a
 * buffer of its declared size (one that lies about it fails instead of
 * growing), within `limits.totalBytes` over all that is unpacked.
 * @throws EngramError 'failed' naming `shownName`: not a zip, truncated or
 *   damaged, over a limit, or an entry name that leaves the package's folder
 */
export function openPackageEntries(bytes: Uint8Array, shownName: string, limits: UnpackLimits = PACKAGE_LIMITS): PackageEntries {
  let total = 0;
  let count = 0;
  let refused: string | null = null;
  const sizes = new Map<string, number>();
  try {
    // Every entry refused by the filter: fflate then reads the directory and unpacks nothing.
    unzipSync(bytes, {
      filter(file) {
        count++;
        total += file.originalSize;
        sizes.set(file.name, (sizes.get(file.name) ?? 0) + file.originalSize);
        const problem = entryProblem(file.name, file.size, file.originalSize, limits, count);
        if (problem !== null && refused === null) refused = problem;
        return false;
      },
    });
  } catch (err) {
    if (refused !== null) throw hostile(shownName, refused);
    throw notReadable(shownName, err);
  }
  if (refused !== null) throw hostile(shownName, refused);
  if (total > PACKAGE_RATIO_FLOOR && total > bytes.length * limits.packageRatio) {
    throw hostile(shownName, `its entries unpack to ${formatBytes(total)}, ${Math.round(total / Math.max(1, bytes.length))} times larger than the package (a zip bomb)`);
  }
  let left = limits.totalBytes;
  return {
    names: new Set(sizes.keys()),
    unpack(names) {
      const wanted = new Set([...names].filter((n) => sizes.has(n)));
      let size = 0;
      for (const n of wanted) size += sizes.get(n)!;
      if (size > left) throw hostile(shownName, `it unpacks to more than ${formatBytes(limits.totalBytes)}`);
      left -= size;
      if (wanted.size === 0) return new Map();
      try {
        return new Map(Object.entries(unzipSync(bytes, { filter: (file) => wanted.has(file.name) })));
      } catch (err) {
        throw notReadable(shownName, err);
      }
    },
  };
}

/**
 * Every entry of a package, unpacked (see openPackageEntries).
 * @throws EngramError as openPackageEntries and its unpack do
 */
export function unpackPackage(bytes: Uint8Array, shownName: string, limits: UnpackLimits = PACKAGE_LIMITS): Map<string, Uint8Array> {
  const zip = openPackageEntries(bytes, shownName, limits);
  return zip.unpack(zip.names);
}

/** Entries already in memory as a package's entries (tests, and packages built in memory). */
export function entriesInMemory(entries: ReadonlyMap<string, Uint8Array>): PackageEntries {
  return { names: new Set(entries.keys()), unpack: (names) => new Map([...names].flatMap((n) => (entries.has(n) ? [[n, entries.get(n)!] as const] : []))) };
}

function notReadable(shownName: string, err: unknown): EngramError {
  return new EngramError('failed', `${shownName} is not a readable Anki package: ${zipProblem(err)}. Export it again from Anki (File > Export) and import the new file.`);
}

function entryProblem(name: string, packed: number, size: number, limits: UnpackLimits, count: number): string | null {
  if (count > limits.entries) return `it has more than ${limits.entries.toLocaleString('en')} entries`;
  if (!isPlainEntryName(name)) return `its entry "${name}" names a path outside the package`;
  if (size > RATIO_FLOOR && size > packed * limits.ratio) return `its entry "${name}" unpacks ${Math.round(size / Math.max(1, packed))} times larger than it is packed (a zip bomb)`;
  return null;
}

/** Anki names a package's entries with plain names (collection.anki21, media, 0, 1...): nothing with a folder, a drive or `..`. */
export function isPlainEntryName(name: string): boolean {
  return name !== '' && name !== '.' && name !== '..' && !/[\\/\0:]/.test(name);
}

function hostile(shownName: string, why: string): EngramError {
  return new EngramError('failed', `${shownName} was not imported: ${why}. Nothing was written. Import only packages from a source you trust.`);
}

function zipProblem(err: unknown): string {
  const text = err instanceof Error ? err.message : String(err);
  if (/invalid zip|end of central|unexpected EOF|invalid|out of range/i.test(text)) return 'it is not a zip file, or it is cut short';
  return text;
}

/** Bytes in GiB (one decimal when needed) or whole MiB. */
export function formatBytes(n: number): string {
  return n >= 1024 ** 3 ? `${Math.round((n / 1024 ** 3) * 10) / 10} GiB` : `${Math.round(n / 1024 ** 2)} MiB`;
}

/**
 * A zip of the given entries, in the given order, deflated at level 1 (a
 * collection still shrinks to a third, in a fraction of level 6's time; media
 * already compressed is stored as it is): see zipEntries.
 */
export function packPackage(entries: readonly [string, Uint8Array, boolean][]): Uint8Array {
  return zipEntries(entries.map(([name, data, deflate]) => ({ name, data, deflate })));
}
