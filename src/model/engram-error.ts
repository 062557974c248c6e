/**
 * What kind of failure a user-facing error is. The CLI maps each kind to one
 * exit code (src/cli/exit-codes.ts), so a kind means the same on every command.
 * - `usage`: an argument, flag or deck name the user gave cannot be used.
 * - `store`: the store cannot be opened, read or written as asked (missing,
 *   busy, read-only, full, damaged, from a newer engram).
 * - `failed`: the request was understood but could not be carried out
 *   (a broken settings file, an optimizer that cannot run here, a backup that
 *   cannot be written).
 * - `untrusted`: code of a deck the user has not trusted was asked to run.
 */
export type ErrorKind = 'usage' | 'store' | 'failed' | 'untrusted';

/**
 * The one error type users see. The CLI catches it at the top, prints
 * `engram: <message>` and exits with its kind's code; anything else is a bug.
 */
export class EngramError extends Error {
  readonly kind: ErrorKind;

  constructor(kind: ErrorKind, message: string) {
    super(message);
    this.name = 'EngramError';
    this.kind = kind;
  }
}
