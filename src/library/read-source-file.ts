import { hash } from 'node:crypto';
import { readFileSync, statSync } from 'node:fs';
import type { ParsedCard } from '../model/card.js';
import type { Problem } from '../model/problem.js';
import type { ParseMode } from '../model/parse-mode.js';
import { pathDeckName } from '../parse/path-deck-name.js';
import type { WithheldCard } from '../parse/notes/note-cards.js';
import type { parseSource } from '../parse/parse-source.js';
import { PARSER_VERSION } from '../parse/parser-version.js';
import type { Source } from '../store/sources.js';

/** A file that was read and parsed in this import. */
export interface ParsedSourceFile {
  path: string;
  /** The deck its cards go to: the one it names, else {@link namedDeck}. */
  deck: string;
  /** The deck its path names. */
  namedDeck: string;
  cards: ParsedCard[];
  problems: Problem[];
  /** Cards its notes proposed that the card-quality rules left out (absent when none). */
  withheld?: WithheldCard[];
  hash: string;
  size: number;
  mtimeMs: number;
  /** The mode it was parsed in, kept for later re-syncs. */
  mode: ParseMode;
}

/**
 * The parser of a file's bytes (parse/parse-source's parseSource), passed in:
 * it is most of an import's code (the card scanner, remark for notes), which a
 * re-sync that finds every file unchanged never loads.
 */
export type SourceParser = typeof parseSource;

/** What reading one path gave. */
export type SourceRead =
  | { kind: 'parsed'; file: ParsedSourceFile }
  /** Same content as last time: not parsed. `touch` is set when only its mtime moved. */
  | { kind: 'unchanged'; source: Source; touch: { mtimeMs: number; size: number } | null }
  /** A known source whose file no longer exists. */
  | { kind: 'gone'; source: Source }
  /** Not found (and never imported), unreadable, or not text. */
  | { kind: 'skipped'; path: string; problems: Problem[] }
  /** It has to be parsed, and no parser was given: nothing was read. */
  | { kind: 'needsParser' };

/**
 * Reads one card file in `mode` (default: the mode it was imported in before,
 * else auto) with `parse` (when it is null, a file that must be parsed gives
 * `needsParser`, having read nothing). `named` is the path that names its deck when the
 * file names none ('spanish/vocab.md', or its file name). A known source with
 * the same size and mtime, or else the same content hash, as last time (and
 * parsed by this parser version in the same mode) is unchanged and not
 * parsed, unless `force`.
 */
export function readSourceFile(path: string, named: string, known: Source | undefined, force: boolean, mode: ParseMode | undefined, parse: SourceParser | null): SourceRead {
  const how = mode ?? known?.mode ?? 'auto';
  let stat;
  try {
    stat = statSync(path);
  } catch {
    if (known) return { kind: 'gone', source: known };
    return { kind: 'skipped', path, problems: [missingPathProblem()] };
  }
  const mtimeMs = Math.trunc(stat.mtimeMs);
  const current = isCurrent(known, force, how);
  if (current && known.size === stat.size && known.mtimeMs === mtimeMs) return { kind: 'unchanged', source: known, touch: null };
  let bytes: Buffer;
  try {
    bytes = readFileSync(path);
  } catch (err) {
    return skipped(path, `cannot be read (${(err as NodeJS.ErrnoException).code ?? (err as Error).message}).`, 'Check its permissions.');
  }
  const contentHash = hash('sha256', bytes, 'hex');
  if (current && known.contentHash === contentHash) return { kind: 'unchanged', source: known, touch: { mtimeMs, size: stat.size } };
  if (parse === null) return { kind: 'needsParser' };
  const result = parse(bytes, named, how);
  if (!result.readable) return { kind: 'skipped', path, problems: result.problems };
  const file = { path, deck: result.deck, namedDeck: pathDeckName(named), cards: result.cards, problems: result.problems, withheld: result.withheld };
  return { kind: 'parsed', file: { ...file, hash: contentHash, size: stat.size, mtimeMs, mode: how } };
}

/** Whether a known source was last read as this read would read it: same parser version and mode, and present. */
function isCurrent(known: Source | undefined, force: boolean, how: ParseMode): known is Source {
  return !force && known !== undefined && known.parserVersion === PARSER_VERSION && known.mode === how && known.missingSince === null;
}

/** The problem of a path that does not exist. */
export function missingPathProblem(): Problem {
  return { line: 0, severity: 'error', message: 'does not exist.', fix: 'Check the path.' };
}

function skipped(path: string, message: string, fix: string): SourceRead {
  return { kind: 'skipped', path, problems: [{ line: 0, severity: 'error', message, fix }] };
}
