import type Database from 'better-sqlite3';
import { createRequire } from 'node:module';

let found: Database.Options | undefined;

/**
 * Options that hand better-sqlite3 its compiled addon by path, to spread into
 * every `new Database(…)`. Left to itself, better-sqlite3 finds the addon
 * through the `bindings` package, which tries a dozen folders and reads a
 * stack trace to learn where it was called from: about 4 ms of CPU on every
 * command that opens a store, a tenth of a re-sync that finds nothing
 * changed, beyond start-up. Where the addon is not at the place npm builds
 * and installs it, the options are empty and better-sqlite3 searches as usual.
 */
export function addonOptions(): Database.Options {
  if (found === undefined) {
    try {
      found = { nativeBinding: createRequire(import.meta.url).resolve('better-sqlite3/build/Release/better_sqlite3.node') };
    } catch {
      found = {};
    }
  }
  return found;
}
