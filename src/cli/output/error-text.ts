import type { EngramError, ErrorFix } from '../../model/engram-error.js';

/** How advice follows a message: in place of its final full stop, as a new sentence or after a semicolon or colon. */
type Join = '. ' | '; ' | ': ';

/** The CLI's words for each fix: the core says what went wrong, only the CLI knows its flags. */
function advice(fix: ErrorFix): [Join, string] {
  switch (fix.kind) {
    case 'store-path':
      return ['. ', `Give the path of a store file with --db or ENGRAM_DB${fix.example ? `, e.g. ${fix.example}` : ''}.`];
    case 'other-store':
      return ['; ', 'give the path of a store with --db or ENGRAM_DB.'];
    case 'store-place':
      return ['. ', 'Choose another place with --db or ENGRAM_DB.'];
    case 'store-copy':
      return ['. ', 'Make both writable, or copy the store to a writable folder and use --db <copy>.'];
    case 'overwrite':
      return ['; ', 'add --force to overwrite it, or pick another name.'];
    case 'output-file':
      return ['; ', 'give -o a file name.'];
    case 'output-folder':
      return ['; ', `to write ${fix.count} decks give -o a folder (one file per deck).`];
    case 'new-deck':
      return ['. ', 'To set it for a deck you are about to import, add --force.'];
    case 'output-folder-or-deck':
      return [': ', `give -o a folder (one file per deck, e.g. -o decks-export/) or name one deck (${fix.decks.join(', ')}).`];
  }
}

/**
 * What the user reads for an error (after `engram: `): its message, then what
 * to do about it in the CLI's terms when the error carries a fix.
 */
export function errorText(err: EngramError): string {
  if (err.fix === undefined) return err.message;
  const [join, words] = advice(err.fix);
  return `${err.message.replace(/\.$/, '')}${join}${words}`;
}
