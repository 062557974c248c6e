import { render, type Instance } from 'ink';
import type { ReactElement } from 'react';
import { coalescedOutput } from './coalesced-output.js';

const ALT_SCREEN_ON = '\x1b[?1049h\x1b[H\x1b[2J';
const ALT_SCREEN_OFF = '\x1b[?1049l';

/** Runs something with the terminal handed back to the user (an editor), then takes it again. */
export type SuspendScreen = <T>(run: () => T) => T;

/**
 * How the end of the process reaches the screen, given by the CLI, which owns
 * the process: its exit, and the signals that end it without one.
 */
export interface ProcessEnd {
  /**
   * Calls `onExit` when the process exits, and `onSignal` when SIGTERM or
   * SIGHUP arrives, after which the process ends (the caller's doing).
   * @returns what stops listening
   */
  watch(onExit: () => void, onSignal: () => void): () => void;
}

/** An Ink app on the terminal's alternate screen, as vim and less use it. */
export interface FullScreen {
  suspend: SuspendScreen;
  /** Draws `app` until it exits; the normal screen comes back however it ends. */
  show(app: ReactElement): Promise<void>;
}

/**
 * The alternate screen over `stdin`/`stdout`. Whatever happens, the user's
 * terminal gets its normal screen back: when the app ends, and, through
 * `processEnd`, when the process exits or a signal ends it (after
 * `beforeSignalExit` has saved what it must). Without `processEnd` only the
 * app's own end is watched.
 */
export function fullScreen(o: {
  stdin: NodeJS.ReadStream;
  stdout: NodeJS.WriteStream;
  beforeSignalExit?: () => void;
  processEnd?: ProcessEnd;
}): FullScreen {
  const { stdin, stdout } = o;
  // Ink's frames go out as one write each (see coalescedOutput); what is written here directly comes after them.
  const frames = coalescedOutput(stdout);
  let instance: Instance | undefined;
  let onAltScreen = false;
  const enter = (): void => {
    frames.flush();
    stdout.write(ALT_SCREEN_ON);
    onAltScreen = true;
  };
  const leave = (): void => {
    frames.flush();
    if (onAltScreen) stdout.write(ALT_SCREEN_OFF);
    onAltScreen = false;
  };
  return {
    suspend(run) {
      leave();
      stdin.setRawMode?.(false);
      try {
        return run();
      } finally {
        stdin.setRawMode?.(true);
        enter();
        instance?.clear();
      }
    },
    async show(app) {
      const onSignal = (): void => {
        leave();
        stdin.setRawMode?.(false);
        try {
          o.beforeSignalExit?.();
        } catch {
          // Leaving anyway: the signal asked for it.
        }
      };
      const unwatch = o.processEnd?.watch(leave, onSignal);
      enter();
      try {
        instance = render(app, {
          stdin,
          stdout: frames.stream,
          // Ctrl-C stops running code first; the key table quits with it otherwise.
          exitOnCtrlC: false,
          patchConsole: false,
          // Ink's default 30 fps holds a frame up to 33 ms after the one before: the
          // next card must not wait that long. (Ink's incremental rendering stays off:
          // it drew the second frame a line too low on the alternate screen.)
          maxFps: 1000,
        });
        await instance.waitUntilExit();
      } finally {
        leave();
        unwatch?.();
      }
    },
  };
}
