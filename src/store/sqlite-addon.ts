import type Database from 'better-sqlite3';
import { createRequire } from 'node:module';
import { dirname } from 'node:path';

let found: Database.Options | undefined;

/**
 * Options that hand better-sqlite3 its compiled addon, to spread into every
 * `new Database(…)`. Left to itself, better-sqlite3 finds the addon through
 * the `bindings` package, which tries a dozen folders and reads a stack trace
 * to learn where it was called from: about 4 ms of CPU on every command that
 * opens a store, a tenth of a re-sync that finds nothing changed, beyond
 * start-up. And in the bundle (dist/bundle, which holds better-sqlite3's JS
 * but not its addon) that stack trace would name the bundle's folder, not
 * better-sqlite3's. So the addon is taken by path where npm builds and
 * installs it, and anywhere else it is looked for as better-sqlite3 itself
 * looks, with `bindings`, from better-sqlite3's own folder. The options are
 * empty only when neither finds it (better-sqlite3 then fails as usual).
 */
export function addonOptions(): Database.Options {
  if (found === undefined) {
    const require = createRequire(import.meta.url);
    try {
      found = { nativeBinding: require.resolve('better-sqlite3/build/Release/better_sqlite3.node') };
    } catch {
      found = searchedAddon(require);
    }
  }
  return found;
}

/** The addon's path as `bindings` finds it from better-sqlite3's folder (a Debug build, a prebuilt one elsewhere); no options when it cannot. */
export function searchedAddon(require: NodeJS.Require): Database.Options {
  try {
    const pkg = require.resolve('better-sqlite3/package.json');
    const bindings = createRequire(pkg)('bindings') as (o: { bindings: string; module_root: string; path: true }) => string;
    return { nativeBinding: bindings({ bindings: 'better_sqlite3.node', module_root: dirname(pkg), path: true }) };
  } catch {
    return {};
  }
}
