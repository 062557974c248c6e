import type { ErrorKind } from '../model/engram-error.js';

/**
 * What each exit code of engram means, the same on every command (the help's
 * epilog, {@link EXIT_CODES_HELP}, and the README's table say it to users).
 */
export const EXIT = {
  ok: 0,
  /** Done, but something was found or left out (listed), or it could not be carried out. */
  problems: 1,
  /** The command line is wrong, or the store cannot be used. */
  usage: 2,
  untrusted: 3,
  /** Nothing matched what was named: no such deck, card, file or backup, or no card in them. */
  notFound: 4,
  runTimedOut: 124,
  runNotRunnable: 125,
  /** Ctrl-C stopped `engram run`'s program or an import (128 + SIGINT). */
  interrupted: 130,
  runStopped: 137,
  /** A full screen ended by SIGHUP (its terminal closed) or SIGTERM: 128 + the signal's number, as a shell gives it. */
  hangUp: 129,
  terminated: 143,
} as const;

/** The exit code of each kind of user-facing error: one table for every command. */
export const EXIT_CODE_OF: Readonly<Record<ErrorKind, number>> = {
  failed: EXIT.problems,
  usage: EXIT.usage,
  store: EXIT.usage,
  untrusted: EXIT.untrusted,
  notFound: EXIT.notFound,
  interrupted: EXIT.interrupted,
};

/** The exit codes as `engram --help` lists them: the one place a user reads them. */
export const EXIT_CODES_HELP = `
Exit codes (every command):
  0    done
  1    done, but problems were found or something was left out (listed), or
       it could not be carried out (the message says why)
  2    usage: an unknown command or option, a value or argument engram cannot
       use; or a store that cannot be used (missing, read-only for a change)
  3    code of a deck you have not trusted (engram trust <deck>, or --trust)
  4    nothing matched: no such deck, card id, file or backup, or no card in
       the decks or files named
  130  interrupted by Ctrl-C (an import changes nothing then)
  engram run: the program's own code, or 124 time limit, 125 not runnable,
       137 an output or folder cap stopped it
  129, 143  a review or quiz screen ended by SIGHUP or SIGTERM`;
