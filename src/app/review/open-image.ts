import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, isAbsolute, resolve } from 'node:path';
import type { Card } from '../../model/card.js';

/** A program that opens a file with the user's default application (the CLI picks them per platform). */
export interface FileOpener {
  /** How messages name it ("xdg-open", "gio open"). */
  name: string;
  command: string;
  /** Given before the file. */
  args: readonly string[];
  /** cmd.exe parses its own command line: the file goes in quoted, and Node must not quote again. */
  verbatim?: boolean;
}

/**
 * Opens an image of `card` (`path` as the card writes it: relative to the
 * card's file, or to `cwd` for a card without one) with the first of
 * `openers` that exists, and says what happened in a line for the status
 * line. `showPath` gives a path as messages show it.
 */
export function openImage(path: string, card: Card, o: { cwd: string; openers: readonly FileOpener[]; showPath: (path: string) => string }): Promise<string> {
  const base = card.sourcePath ? dirname(card.sourcePath) : o.cwd;
  const remote = /^[a-z]+:\/\//i.test(path);
  const target = remote || isAbsolute(path) ? path : resolve(base, path);
  const shown = remote ? target : o.showPath(target);
  if (!remote && !existsSync(target)) return Promise.resolve(`No image at ${shown}.`);
  const tried: string[] = [];
  const attempt = async (): Promise<string> => {
    for (const opener of o.openers) {
      tried.push(opener.name);
      const started = await start(opener, target);
      if (started === 'started') return `Opened ${path}.`;
      // A missing program is the common case (no xdg-utils): the next one may be there.
      if (started.code !== 'ENOENT') return `Could not open ${shown}: ${opener.name} failed (${started.message}).`;
    }
    return `No program to open files was found (tried ${tried.join(', ')}); the image is ${shown}.`;
  };
  return attempt();
}

/** Starts `opener` on `target`, detached: engram does not wait for the viewer to close. */
function start(opener: FileOpener, target: string): Promise<'started' | NodeJS.ErrnoException> {
  return new Promise((done) => {
    let child;
    try {
      const file = opener.verbatim ? `"${target}"` : target;
      child = spawn(opener.command, [...opener.args, file], { detached: true, stdio: 'ignore', windowsVerbatimArguments: opener.verbatim ?? false });
    } catch (err) {
      done(err as NodeJS.ErrnoException);
      return;
    }
    child.once('error', (err) => done(err as NodeJS.ErrnoException));
    child.once('spawn', () => {
      child.unref();
      done('started');
    });
  });
}
