import { readdirSync, realpathSync, statSync } from 'node:fs';
import { extname, join, resolve } from 'node:path';

/** File name endings engram reads when walking a folder. */
export const CARD_FILE_EXTENSIONS = ['.md', '.markdown', '.txt'];

/** What the paths given on the command line expand to. */
export interface ExpandedPaths {
  /** Absolute, symlink-free file paths, sorted, each once. */
  files: string[];
  /** Absolute, symlink-free folders that were walked (to find sources deleted inside them). */
  folders: string[];
  /** Paths as given that do not exist. */
  missing: string[];
}

/**
 * Expands files and folders into the card files to read. Folders are walked
 * recursively for .md, .markdown and .txt files, skipping hidden folders and
 * node_modules, following symlinks without looping. Files named explicitly are
 * read whatever their extension.
 */
export function expandPaths(paths: readonly string[], cwd: string): ExpandedPaths {
  const files = new Set<string>();
  const folders: string[] = [];
  const missing: string[] = [];
  const visited = new Set<string>();
  for (const given of paths) {
    let real: string;
    try {
      real = realpathSync(resolve(cwd, given));
    } catch {
      missing.push(given);
      continue;
    }
    const stat = statSync(real);
    if (stat.isDirectory()) {
      folders.push(real);
      walk(real, files, visited);
    } else {
      files.add(real);
    }
  }
  return { files: [...files].sort(), folders, missing };
}

function walk(dir: string, files: Set<string>, visited: Set<string>): void {
  if (visited.has(dir)) return;
  visited.add(dir);
  let entries;
  try {
    entries = readdirSync(dir, { withFileTypes: true });
  } catch {
    return; // unreadable folder: nothing in it can be imported, and nothing else is affected
  }
  for (const entry of entries) {
    if (entry.name.startsWith('.') || entry.name === 'node_modules') continue;
    const full = join(dir, entry.name);
    if (entry.isDirectory()) {
      walk(full, files, visited);
    } else if (entry.isFile()) {
      if (CARD_FILE_EXTENSIONS.includes(extname(entry.name).toLowerCase())) files.add(full);
    } else if (entry.isSymbolicLink()) {
      let real: string;
      try {
        real = realpathSync(full);
      } catch {
        continue; // dangling link
      }
      const stat = statSync(real);
      if (stat.isDirectory()) walk(real, files, visited);
      else if (stat.isFile() && CARD_FILE_EXTENSIONS.includes(extname(real).toLowerCase())) files.add(real);
    }
  }
}
