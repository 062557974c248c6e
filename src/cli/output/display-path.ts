import { isAbsolute, relative } from 'node:path';
import { workingFolder } from '../environment.js';

let cwdOnce: string | undefined;

/**
 * A path as users like to read it: relative when under the working folder
 * (as the shell names it, see workingFolder), else absolute.
 */
export function displayPath(path: string, cwd = (cwdOnce ??= workingFolder())): string {
  if (!isAbsolute(path)) return path;
  const rel = relative(cwd, path);
  return rel && !rel.startsWith('..') && !isAbsolute(rel) ? rel : path;
}
