/**
 * What kind of failure a user-facing error is. The CLI maps each kind to one
 * exit code (src/cli/exit-codes.ts), so a kind means the same on every command.
 * - `usage`: the command line is wrong: an option or argument engram does not
 *   take, a value it cannot use (a quiz mode, a setting's value, a card id
 *   that is not a number), or a command that needs a terminal and has none.
 * - `notFound`: nothing matched what the user named: no such deck, card id,
 *   file or backup, or no card in the decks and files named.
 * - `store`: the store cannot be opened, read or written as asked (missing,
 *   busy, read-only, full, from a newer engram).
 * - `failed`: the request was understood but could not be carried out
 *   (a broken settings file, an optimizer that cannot run here, a backup that
 *   cannot be written, a damaged store).
 * - `untrusted`: code of a deck the user has not trusted was asked to run.
 * - `interrupted`: the user stopped the work (Ctrl-C) before it changed anything.
 */
export type ErrorKind = 'usage' | 'notFound' | 'store' | 'failed' | 'untrusted' | 'interrupted';

/**
 * What the user can do about an error, when saying it means naming the front
 * end's own flags or variables (`--db`, `-o`, `--force`), which the core does
 * not know. The front end words it (src/cli/output/error-text.ts) after the
 * message, which is complete without it.
 * - `store-path`: point engram at a store file instead (with an example path).
 * - `other-store`: the same, for a file that is not a store at all.
 * - `store-place`: choose another place for a new store.
 * - `store-copy`: make the store writable, or work on a writable copy.
 * - `overwrite`: allow replacing a file that exists, or pick another name.
 * - `output-file`: name a file to write, not a folder.
 * - `output-folder`: name a folder for the `count` files to write.
 * - `output-folder-or-deck`: name a folder, or one of `decks`.
 * - `new-deck`: a deck setting for a deck the store does not have yet; say how to set it anyway.
 */
export type ErrorFix =
  | { kind: 'store-path'; example?: string }
  | { kind: 'other-store' }
  | { kind: 'store-place' }
  | { kind: 'store-copy' }
  | { kind: 'overwrite' }
  | { kind: 'output-file' }
  | { kind: 'output-folder'; count: number }
  | { kind: 'output-folder-or-deck'; decks: readonly string[] }
  | { kind: 'new-deck' };

/**
 * The one error type users see. The CLI catches it at the top, prints
 * `engram: <message>` (and its fix, when it has one) and exits with its kind's
 * code; anything else is a bug.
 */
export class EngramError extends Error {
  readonly kind: ErrorKind;
  /** What to do about it, for the front end to word; see {@link ErrorFix}. */
  readonly fix: ErrorFix | undefined;

  constructor(kind: ErrorKind, message: string, fix?: ErrorFix) {
    super(message);
    this.name = 'EngramError';
    this.kind = kind;
    this.fix = fix;
  }
}
