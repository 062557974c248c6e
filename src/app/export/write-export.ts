import { closeSync, existsSync, fsyncSync, linkSync, openSync, renameSync, rmSync, writeSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { EngramError } from '../../model/engram-error.js';

/** Pieces are gathered into writes of about this many characters: few system calls, little memory. */
const BATCH = 64 * 1024;

/** Calls `write` with the pieces gathered into batches of about {@link BATCH} characters, in order. */
export async function inBatches(pieces: Iterable<string>, write: (batch: string) => void | Promise<void>): Promise<void> {
  let batch = '';
  for (const p of pieces) {
    batch += p;
    if (batch.length >= BATCH) {
      await write(batch);
      batch = '';
    }
  }
  if (batch !== '') await write(batch);
}

/**
 * Writes the pieces to the file `target` (see {@link writeFileWhole}), or,
 * when it is null, through `out` as they come (waiting when it says to).
 */
export async function writeExport(
  target: string | null,
  o: { force: boolean; describe: (path: string) => string; out: (text: string) => void | Promise<void> },
  pieces: Iterable<string>,
): Promise<void> {
  if (target !== null) return writeFileWhole(target, o, pieces);
  await inBatches(pieces, o.out);
}

/**
 * Writes the pieces to a temporary file next to `target`, flushes it to disk,
 * then puts it in place: a crash or an error never leaves half an export under
 * the name asked for, and the temporary file is always removed. Without
 * `force` the file is linked into place, which fails if another file took the
 * name meanwhile.
 * @param describe how a path is written in messages
 * @throws EngramError 'usage' when, without `force`, a file took the name
 *   meanwhile (fix `overwrite`); 'failed' when the file cannot be written.
 *   An error of `pieces` itself is passed on as it is.
 */
export async function writeFileWhole(target: string, o: { force: boolean; describe: (path: string) => string }, pieces: Iterable<string>): Promise<void> {
  // The process id keeps two engrams exporting to one name from sharing a temporary file.
  const temp = join(dirname(target), `.${basename(target)}.${process.pid}.tmp`);
  let fd: number;
  try {
    fd = openSync(temp, 'wx');
  } catch (err) {
    throw new EngramError('failed', `cannot write ${o.describe(target)}: ${(err as Error).message}`);
  }
  try {
    try {
      await inBatches(pieces, (batch) => {
        writeSync(fd, batch);
      });
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    if (o.force) renameSync(temp, target);
    else placeNew(temp, target, o.describe);
  } catch (err) {
    if (err instanceof EngramError || !(err as NodeJS.ErrnoException).syscall) throw err;
    throw new EngramError('failed', `cannot write ${o.describe(target)}: ${(err as Error).message}`);
  } finally {
    rmSync(temp, { force: true });
  }
}

function placeNew(temp: string, target: string, describe: (path: string) => string): void {
  try {
    linkSync(temp, target);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'EEXIST') throw new EngramError('usage', `${describe(target)} appeared while exporting.`, { kind: 'overwrite' });
    // Some file systems have no hard links: check and rename instead.
    if (existsSync(target)) throw new EngramError('usage', `${describe(target)} already exists.`, { kind: 'overwrite' });
    renameSync(temp, target);
  }
}
