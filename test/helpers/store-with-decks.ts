import { mkdirSync, realpathSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { defaultSettings } from '../../src/app/settings/settings.js';
import type { LoadedSettings } from '../../src/app/settings/study-settings.js';
import { importPaths } from '../../src/library/import-sources.js';
import { openStore, type Store } from '../../src/store/open-store.js';
import { rejectedError, thrownError } from './engram-errors.js';
import { tempDir } from './temp-dir.js';

/** 2026-03-02 10:00 UTC, a Monday: the clock of every app test here. */
export const NOW = Date.parse('2026-03-02T10:00:00Z');
export const DAY = 86_400_000;

/** A test's folder (symlink-free, as engram stores paths) with a store in it. */
export interface DeckWorld {
  dir: string;
  storePath: string;
  /** Writes `files` under `dir` and imports them at `at`. */
  add(files: Record<string, string>, at?: number): void;
  /** Opens the store, runs `fn` and closes it again (once the promise `fn` returns settles). */
  with<T>(fn: (store: Store) => T): T;
}

/** A store at `dir/engram.db` holding the cards of `files`, imported at {@link NOW}. */
export function storeWithDecks(files: Record<string, string>): DeckWorld {
  const dir = realpathSync(tempDir('engram-app-'));
  const storePath = join(dir, 'engram.db');
  const world: DeckWorld = {
    dir,
    storePath,
    add(more, at = NOW) {
      for (const [name, text] of Object.entries(more)) {
        mkdirSync(dirname(join(dir, name)), { recursive: true });
        writeFileSync(join(dir, name), text);
      }
      world.with((store) => importPaths(store, Object.keys(more), { cwd: dir, now: at }));
    },
    with<T>(fn: (store: Store) => T): T {
      const store = openStore(storePath, { create: true });
      let result: T;
      try {
        result = fn(store);
      } catch (err) {
        store.close();
        throw err;
      }
      // An async use case keeps the store until it settles.
      if (result instanceof Promise) return result.finally(() => store.close()) as T;
      store.close();
      return result;
    },
  };
  world.add(files);
  return world;
}

/** A card file for `deck`: one `front::answer n` card per front, the first on line 5, then every second line. */
export function deckFile(deck: string, fronts: readonly string[]): string {
  return ['---', `deck: ${deck}`, '---', '', ...fronts.flatMap((front, i) => [`${front}::answer ${i + 1}`, ''])].join('\n');
}

/** `prefix 1` … `prefix n`. */
export function numbered(prefix: string, n: number): string[] {
  return Array.from({ length: n }, (_, i) => `${prefix} ${i + 1}`);
}

/** The default settings with study days counted in UTC, as if read from a settings file at `path`. */
export function utcSettings(path = '/nonexistent/engram/config.json'): LoadedSettings {
  return { path, file: { settings: { 'time-zone': 'UTC' }, decks: {} }, settings: { ...defaultSettings(), 'time-zone': 'UTC' } };
}

/** The kind and message of the EngramError `fn` throws (fails the test otherwise). */
export function thrown(fn: () => unknown): { kind: string; message: string } {
  const { kind, message } = thrownError(fn);
  return { kind, message };
}

/** The kind and message of the EngramError `promise` rejects with (fails the test otherwise). */
export async function rejected(promise: Promise<unknown>): Promise<{ kind: string; message: string }> {
  const { kind, message } = await rejectedError(promise);
  return { kind, message };
}
