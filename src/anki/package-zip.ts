import { unzipSync, zipSync, type Zippable } from 'fflate';
import { EngramError } from '../model/engram-error.js';

/** How much a package may unpack to: what a real collection with its media needs, far from what a zip bomb makes. */
export interface UnpackLimits {
  /** Bytes all entries may unpack to together. */
  totalBytes: number;
  /** How many times larger than its packed bytes an entry may be (deflate of real data stays far below). */
  ratio: number;
  /** How many entries a package may have. */
  entries: number;
}

/** The limits engram reads packages with: 2 GiB in all, 1000:1, 200,000 entries. */
export const PACKAGE_LIMITS: UnpackLimits = { totalBytes: 2 * 1024 ** 3, ratio: 1000, entries: 200_000 };

/** Entries below this size are never refused for their ratio: a tiny file of zeros compresses 1000:1 honestly. */
const RATIO_FLOOR = 1024 * 1024;

/**
 * The entries of a package (a zip file), by name, unpacked. Checked before a
 * byte is unpacked against `limits` from the sizes the zip declares; an
 * entry is unpacked into a buffer of its declared size, so one that lies
 * about it fails instead of growing.
 * @throws EngramError 'failed' naming `shownName`: not a zip, truncated or
 *   damaged, over a limit, or an entry name that leaves the package's folder
 */
export function unpackPackage(bytes: Uint8Array, shownName: string, limits: UnpackLimits = PACKAGE_LIMITS): Map<string, Uint8Array> {
  let total = 0;
  let count = 0;
  let refused: string | null = null;
  let entries: Record<string, Uint8Array>;
  try {
    entries = unzipSync(bytes, {
      filter(file) {
        count++;
        const problem = entryProblem(file.name, file.size, file.originalSize, limits, (total += file.originalSize), count);
        if (problem !== null && refused === null) refused = problem;
        return problem === null;
      },
    });
  } catch (err) {
    if (refused !== null) throw hostile(shownName, refused);
    throw new EngramError('failed', `${shownName} is not a readable Anki package: ${zipProblem(err)}. Export it again from Anki (File > Export) and import the new file.`);
  }
  if (refused !== null) throw hostile(shownName, refused);
  return new Map(Object.entries(entries));
}

function entryProblem(name: string, packed: number, size: number, limits: UnpackLimits, total: number, count: number): string | null {
  if (count > limits.entries) return `it has more than ${limits.entries.toLocaleString('en')} entries`;
  if (!isPlainEntryName(name)) return `its entry "${name}" names a path outside the package`;
  if (total > limits.totalBytes) return `it unpacks to more than ${formatBytes(limits.totalBytes)}`;
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

function formatBytes(n: number): string {
  return n >= 1024 ** 3 ? `${n / 1024 ** 3} GiB` : `${Math.round(n / 1024 ** 2)} MiB`;
}

/**
 * A zip of the given entries, in the given order, deflated at level 1 (a
 * collection still shrinks to a third, in a fraction of level 6's time; media
 * already compressed is stored as it is).
 */
export function packPackage(entries: readonly [string, Uint8Array, boolean][]): Uint8Array {
  const zippable: Zippable = {};
  for (const [name, data, compress] of entries) zippable[name] = [data, { level: compress ? 1 : 0 }];
  return zipSync(zippable);
}
