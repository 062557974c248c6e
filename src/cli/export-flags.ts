import { EngramError } from '../model/engram-error.js';

/** What `engram export` writes. */
export type ExportWhat = 'stats' | 'cards' | 'reviews' | 'deck';
/** How it writes it: records as JSON, CSV or JSON lines; a deck as markdown. */
export type ExportFormat = 'json' | 'csv' | 'jsonl' | 'markdown';

/** `--what` values, in the order help lists them. */
export const EXPORT_WHATS: readonly ExportWhat[] = ['reviews', 'cards', 'deck', 'stats'];

/** Formats each kind of export can be written in; the first is the default. */
export const FORMATS_OF: Readonly<Record<ExportWhat, readonly ExportFormat[]>> = {
  reviews: ['csv', 'json', 'jsonl'],
  cards: ['csv', 'json', 'jsonl'],
  stats: ['json', 'csv', 'jsonl'],
  deck: ['markdown'],
};

/** `engram export`'s options, checked. */
export interface ExportOptions {
  what: ExportWhat;
  format: ExportFormat;
  /** The -o path as given, or null for stdout (no -o, or `-o -`). */
  output: string | null;
  force: boolean;
  /** Cards export only: archived cards too. */
  archived: boolean;
}

/**
 * The options as commander hands them over, checked before the store is
 * opened. Throws EngramError (exit 2, a usage error) when --what is missing
 * or unknown, when --format does not fit what is exported, or when
 * --archived is given for anything but cards.
 */
export function exportOptions(raw: { what?: string; format?: string; output?: string; force?: boolean; archived?: boolean }): ExportOptions {
  if (raw.what === undefined) {
    throw new EngramError('usage', `say what to export with --what: ${EXPORT_WHATS.join(', ')} (e.g. engram export --what reviews -o revlog.csv).`);
  }
  const what = raw.what.trim().toLowerCase();
  if (!(EXPORT_WHATS as readonly string[]).includes(what)) {
    throw new EngramError('usage', `--what "${raw.what}" is not something engram exports; use one of ${EXPORT_WHATS.join(', ')}.`);
  }
  const allowed = FORMATS_OF[what as ExportWhat];
  const asked = raw.format?.trim().toLowerCase();
  const format = asked === undefined ? allowed[0]! : asked === 'md' ? 'markdown' : asked;
  if (!(allowed as readonly string[]).includes(format)) {
    throw new EngramError('usage', `--format "${raw.format}" does not fit --what ${what}; use ${allowed.length === 1 ? allowed[0] : `one of ${allowed.join(', ')}`}.`);
  }
  if (raw.archived && what !== 'cards') {
    throw new EngramError('usage', `--archived applies to --what cards only (reviews of archived cards are always exported).`);
  }
  if (raw.output !== undefined && raw.output.trim() === '') {
    throw new EngramError('usage', '-o needs a file name; leave it out to write to stdout.');
  }
  // `-o -` is stdout, as for most tools that take an output file.
  const output = raw.output === undefined || raw.output === '-' ? null : raw.output;
  return { what: what as ExportWhat, format: format as ExportFormat, output, force: raw.force === true, archived: raw.archived === true };
}
