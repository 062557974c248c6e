import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach } from 'vitest';
import { importPaths } from '../../../src/library/import-sources.js';
import { openStore, type Store } from '../../../src/store/open-store.js';
import { tempDir } from '../../helpers/temp-dir.js';

/** 2026-03-02 10:00 UTC: the clock of the quiz's app tests. */
export const T = Date.parse('2026-03-02T10:00:00Z');

const stores: Store[] = [];
afterEach(() => {
  while (stores.length) stores.pop()!.close();
});

/** Three decks, one a subdeck: four one-line capitals, a river, a date. */
export const QUIZ_DECKS = {
  'geo.md': '---\ndeck: geo\n---\nFrance::Paris\n\nSpain::Madrid\n\nItaly::Rome\n\nPortugal::Lisbon\n',
  'rivers.md': '---\ndeck: geo/rivers\n---\nLongest river::Nile\n',
  'hist.md': '---\ndeck: history\n---\nMoon landing::1969\n',
};

/** A folder holding QUIZ_DECKS and a store they were imported into at T (closed after the test). */
export function quizWorld(): { dir: string; store: Store } {
  const dir = tempDir();
  for (const [name, text] of Object.entries(QUIZ_DECKS)) writeFileSync(join(dir, name), text);
  const store = openStore(join(dir, 'store.db'), { create: true });
  stores.push(store);
  importPaths(store, [dir], { cwd: dir, now: T });
  return { dir, store };
}
