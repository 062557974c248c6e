import { mkdirSync, realpathSync, utimesSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { afterEach } from 'vitest';
import type { Card } from '../../src/model/card.js';
import { importPaths, type FileReport } from '../../src/library/import-sources.js';
import { listCards } from '../../src/store/cards.js';
import { openStore, type Store } from '../../src/store/open-store.js';
import { tempDir } from '../helpers/temp-dir.js';

export const DAY = 86_400_000;
/** The first import of every test happens at this time; later ones pass later times. */
export const T0 = Date.UTC(2026, 0, 5);

const stores: Store[] = [];

afterEach(() => {
  while (stores.length) stores.pop()!.close();
});

/** A temp folder (symlink-free) holding a store at `engram.db` and notes under `notes/`. */
export interface Library {
  root: string;
  notes: string;
  store: Store;
  /** Writes `text` to `notes/<rel>` with a distinct mtime, so a changed file is never mistaken for the old one. */
  write(rel: string, text: string | Uint8Array): string;
  /** Absolute path of `notes/<rel>`. */
  at(rel: string): string;
  /** importPaths with cwd = notes/. */
  importNow(paths: readonly string[] | null, now: number): FileReport[];
  /** Every card, archived ones too. */
  cards(): Card[];
  /** The one card whose front is `front` (archived too); fails when there is not exactly one. */
  card(front: string): Card;
}

let mtimeSeconds = 1_760_000_000;

export function library(): Library {
  const root = realpathSync(tempDir('engram-lib-'));
  const notes = join(root, 'notes');
  mkdirSync(notes);
  const store = openStore(join(root, 'engram.db'), { create: true });
  stores.push(store);
  const at = (rel: string): string => join(notes, rel);
  const cards = (): Card[] => listCards(store, { includeArchived: true });
  return {
    root,
    notes,
    store,
    at,
    write(rel, text) {
      const path = at(rel);
      mkdirSync(dirname(path), { recursive: true });
      writeFileSync(path, text);
      mtimeSeconds += 100;
      utimesSync(path, mtimeSeconds, mtimeSeconds);
      return path;
    },
    importNow: (paths, now) => importPaths(store, paths, { cwd: notes, now }),
    cards,
    card(front) {
      const found = cards().filter((c) => c.front === front);
      if (found.length !== 1) throw new Error(`expected one card with front ${JSON.stringify(front)}, found ${found.length}`);
      return found[0]!;
    },
  };
}

export const ZERO = { added: 0, updated: 0, unchanged: 0, archived: 0, restored: 0 };
