import { isAbsolute, relative } from 'node:path';

/** A path as users like to read it: relative when under the working folder, else absolute. */
export function displayPath(path: string, cwd = process.cwd()): string {
  if (!isAbsolute(path)) return path;
  const rel = relative(cwd, path);
  return rel && !rel.startsWith('..') && !isAbsolute(rel) ? rel : path;
}
