import { existsSync, statSync } from 'node:fs';
import { dirname } from 'node:path';
import { EngramError } from '../../model/engram-error.js';

/** Whether `path` is a folder (false when nothing is there). */
export function isFolder(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}

/**
 * Checks the absolute path `path` as the file to write an export to, before
 * any work is done, and returns it.
 * @param describe how a path is written in messages
 * @param makeFolders the folders of the path will be made: a missing one is no refusal
 * @throws EngramError 'usage' for a folder (fix `output-file`), a file that
 *   exists unless `force` (fix `overwrite`), and a file in a folder that does
 *   not exist (unless `makeFolders`)
 */
export function fileTarget(path: string, o: { force: boolean; describe: (path: string) => string; makeFolders?: boolean }): string {
  if (isFolder(path)) throw new EngramError('usage', `${o.describe(path)} is a folder.`, { kind: 'output-file' });
  if (existsSync(path) && !o.force) throw new EngramError('usage', `${o.describe(path)} already exists.`, { kind: 'overwrite' });
  if (!o.makeFolders && !isFolder(dirname(path))) {
    throw new EngramError('usage', `cannot write ${o.describe(path)}: the folder ${o.describe(dirname(path))} does not exist.`);
  }
  return path;
}
