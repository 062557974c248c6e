import type { ProcessEnd } from '../tui/terminal/full-screen.js';
import { EXIT } from './exit-codes.js';

/** The signals that end engram without an exit event, with their exit codes. */
const SIGNAL_EXIT_CODES = { SIGHUP: EXIT.hangUp, SIGTERM: EXIT.terminated } as const;

/**
 * This process's end, for a full screen: its exit event, and SIGTERM/SIGHUP,
 * after which engram exits with the signal's code once the screen has put the
 * terminal back.
 */
export function processEnd(): ProcessEnd {
  return {
    watch(onExit, onSignal) {
      const ending = (signal: keyof typeof SIGNAL_EXIT_CODES): void => {
        onSignal();
        process.exit(SIGNAL_EXIT_CODES[signal]);
      };
      process.once('exit', onExit);
      process.once('SIGTERM', ending);
      process.once('SIGHUP', ending);
      return () => {
        process.off('exit', onExit);
        process.off('SIGTERM', ending);
        process.off('SIGHUP', ending);
      };
    },
  };
}
