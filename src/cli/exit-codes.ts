import type { ErrorKind } from '../model/engram-error.js';

/**
 * What each exit code of engram means, on every command. Results:
 * 0 = done, nothing wrong; 1 = done, but something was found or left out (a
 * check's errors, cards an import or export could not take, an unhealthy
 * store); 2 = nothing could be used (an import where no file gave a card: the
 * same code as a usage error, as nothing was done); 3 = code of a deck the user
 * has not trusted. `engram run` exits with the program's own code, or 124 (time
 * limit), 125 (not runnable), 130 (Ctrl-C), 137 (a cap stopped it); a full
 * screen ended by SIGHUP or SIGTERM exits 129 or 143.
 */
export const EXIT = {
  ok: 0,
  problems: 1,
  nothingUsable: 2,
  runTimedOut: 124,
  /** Ctrl-C stopped `engram run`'s program (128 + SIGINT). */
  runInterrupted: 130,
  runNotRunnable: 125,
  runStopped: 137,
  /** A full screen ended by SIGHUP (its terminal closed) or SIGTERM: 128 + the signal's number, as a shell gives it. */
  hangUp: 129,
  terminated: 143,
} as const;

/** The exit code of each kind of user-facing error: one table for every command. */
export const EXIT_CODE_OF: Readonly<Record<ErrorKind, number>> = {
  failed: 1,
  usage: 2,
  store: 2,
  untrusted: 3,
};
