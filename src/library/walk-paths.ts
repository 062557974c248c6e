import { readdirSync, realpathSync, statSync } from 'node:fs';
import { basename, extname, join, relative, resolve, sep } from 'node:path';

/** File name endings engram reads when walking a folder. */
export const CARD_FILE_EXTENSIONS = ['.md', '.markdown', '.txt'];

/** A card file found among the paths given. */
export interface FoundFile {
  /** Absolute and symlink-free: the file's identity in the store. */
  path: string;
  /** Absolute as the user reaches it: from the working folder and through symlinks, never resolved. */
  shown: string;
  /**
   * The path that names its deck: below the folder given, '/'-separated on
   * every OS ('spanish/vocab.md'), or its file name when it was given itself.
   */
  named: string;
}

/** What the paths given on the command line expand to. */
export interface ExpandedPaths {
  /** The card files, sorted by path, each once (as first reached). */
  files: FoundFile[];
  /** Absolute, symlink-free folders that were walked (to find sources deleted inside them). */
  folders: string[];
  /** Paths as given that do not exist. */
  missing: string[];
}

/**
 * Expands files and folders into the card files to read. Folders are walked
 * recursively for .md, .markdown and .txt files (in name order), skipping
 * hidden folders and node_modules, following symlinks without looping. Files
 * named explicitly are read whatever their extension. `cwd` is the working
 * folder as the shell names it, so shown paths keep the user's symlinks.
 */
export function expandPaths(paths: readonly string[], cwd: string): ExpandedPaths {
  const files = new Map<string, FoundFile>();
  const folders: string[] = [];
  const missing: string[] = [];
  const visited = new Set<string>();
  const physicalCwd = realOrSelf(cwd);
  for (const given of paths) {
    let real: string;
    try {
      // As every other program reads the path: '..' is the parent of the folder really there.
      real = realpathSync(resolve(physicalCwd, given));
    } catch {
      missing.push(given);
      continue;
    }
    // As the user sees it, unless '..' through a symlink leads the shell's way elsewhere.
    let shown = resolve(cwd, given);
    if (shown !== real && realOrSelf(shown) !== real) shown = resolve(physicalCwd, given);
    const stat = statSync(real);
    if (stat.isDirectory()) {
      folders.push(real);
      walk({ real, shown, root: shown }, files, visited);
    } else if (!files.has(real)) {
      files.set(real, { path: real, shown, named: basename(shown) });
    }
  }
  const sorted = [...files.values()].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  return { files: sorted, folders, missing };
}

function realOrSelf(path: string): string {
  try {
    return realpathSync(path);
  } catch {
    return path;
  }
}

/** A folder being walked: where it really is, how the user reaches it, and the folder they gave. */
interface Folder {
  real: string;
  shown: string;
  root: string;
}

function walk(dir: Folder, files: Map<string, FoundFile>, visited: Set<string>): void {
  if (visited.has(dir.real)) return;
  visited.add(dir.real);
  let entries;
  try {
    entries = readdirSync(dir.real, { withFileTypes: true });
  } catch {
    return; // unreadable folder: nothing in it can be imported, and nothing else is affected
  }
  // Name order, so the path a file is first reached by (and named after) is the same on every run.
  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const entry of entries) {
    if (entry.name.startsWith('.') || entry.name === 'node_modules') continue;
    const real = join(dir.real, entry.name);
    const shown = join(dir.shown, entry.name);
    if (entry.isDirectory()) {
      walk({ real, shown, root: dir.root }, files, visited);
    } else if (entry.isFile()) {
      if (CARD_FILE_EXTENSIONS.includes(extname(entry.name).toLowerCase())) add(files, real, shown, dir.root);
    } else if (entry.isSymbolicLink()) {
      let target: string;
      try {
        target = realpathSync(real);
      } catch {
        continue; // dangling link
      }
      const stat = statSync(target);
      if (stat.isDirectory()) walk({ real: target, shown, root: dir.root }, files, visited);
      else if (stat.isFile() && CARD_FILE_EXTENSIONS.includes(extname(target).toLowerCase())) add(files, target, shown, dir.root);
    }
  }
}

function add(files: Map<string, FoundFile>, real: string, shown: string, root: string): void {
  if (files.has(real)) return;
  files.set(real, { path: real, shown, named: relative(root, shown).split(sep).join('/') });
}
