import { EXPORT_WHATS, FORMATS_OF, type ExportFormat, type ExportRequest, type ExportWhat } from '../app/export/export-request.js';
import { EngramError } from '../model/engram-error.js';

/** `engram export`'s flags as commander hands them over. */
export interface ExportFlags {
  what?: string;
  format?: string;
  output?: string;
  force?: boolean;
  archived?: boolean;
}

/**
 * The formats `what` can be written in, as `--help` lists them: the default
 * first, `markdown (md)` with the short name it also takes ("csv, json or jsonl").
 */
export function formatsText(what: ExportWhat): string {
  const names = FORMATS_OF[what].map((f) => (f === 'markdown' ? 'markdown (md)' : f));
  return names.length === 1 ? names[0]! : `${names.slice(0, -1).join(', ')} or ${names[names.length - 1]}`;
}

/**
 * The export `decks` and `flags` ask for, checked before the store is opened:
 * --what and --format are read without regard to case (`md` is markdown), the
 * format defaults to the first that fits, and `-o -` means stdout.
 * @throws EngramError 'usage' when --what is missing or unknown, when --format
 *   does not fit what is exported, when --archived is given for anything but
 *   cards, or when -o is blank
 */
export function exportRequest(decks: readonly string[], flags: ExportFlags): ExportRequest {
  if (flags.what === undefined) {
    throw new EngramError('usage', `say what to export with --what: ${EXPORT_WHATS.join(', ')} (e.g. engram export --what reviews -o revlog.csv).`);
  }
  const what = flags.what.trim().toLowerCase();
  if (!(EXPORT_WHATS as readonly string[]).includes(what)) {
    throw new EngramError('usage', `--what "${flags.what}" is not something engram exports; use one of ${EXPORT_WHATS.join(', ')}.`);
  }
  const allowed = FORMATS_OF[what as ExportWhat];
  const asked = flags.format?.trim().toLowerCase();
  const format = asked === undefined ? allowed[0]! : asked === 'md' ? 'markdown' : asked;
  if (!(allowed as readonly string[]).includes(format)) {
    throw new EngramError('usage', `--what ${what} takes --format ${formatsText(what as ExportWhat)}, not "${flags.format}"; see the formats in engram export --help.`);
  }
  if (flags.archived && what !== 'cards') {
    throw new EngramError('usage', `--archived applies to --what cards only (reviews of archived cards are always exported).`);
  }
  if (flags.output !== undefined && flags.output.trim() === '') {
    throw new EngramError('usage', '-o needs a file name; leave it out to write to stdout.');
  }
  // `-o -` is stdout, as for most tools that take an output file.
  const output = flags.output === undefined || flags.output === '-' ? null : flags.output;
  return { what: what as ExportWhat, format: format as ExportFormat, output, force: flags.force === true, archived: flags.archived === true, decks: [...decks] };
}
