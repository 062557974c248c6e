import { readdirSync, realpathSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect, it } from 'vitest';
import { cliEnv, type DeckJson, type ImportJson } from './cli-env.js';

/** The sample decks shipped in the repository; their contents change, so no counts are fixed here. */
const DECKS = fileURLToPath(new URL('../../decks', import.meta.url));

it('imports the bundled decks/ cleanly, every file and every deck with cards', () => {
  const env = cliEnv();
  const r = env.json<ImportJson>(['import', DECKS]);
  expect(r.stderr).toBe('');
  expect(r.status).toBe(0);
  expect(r.data.exitCode).toBe(0);

  // What a folder walk should find: card files, hidden folders left out.
  const shipped = readdirSync(DECKS, { recursive: true, encoding: 'utf8' })
    .filter((f) => /\.(md|markdown|txt)$/i.test(f) && !f.split(/[\\/]/).some((part) => part.startsWith('.')))
    .map((f) => join(realpathSync(DECKS), f))
    .sort();
  expect(shipped.length).toBeGreaterThan(0);
  expect(r.data.files.map((f) => f.path)).toEqual(shipped);
  for (const f of r.data.files) {
    expect(f, f.path).toMatchObject({ status: 'imported', problems: [] });
    expect(f.cards, f.path).toBeGreaterThan(0);
  }
  expect(r.data.totals.problems).toBe(0);

  const decks = env.json<DeckJson[]>(['decks']);
  expect(decks.status).toBe(0);
  const fileDecks = [...new Set(r.data.files.map((f) => f.deck!))].sort();
  expect(decks.data.map((d) => d.name).sort()).toEqual(fileDecks);
  for (const d of decks.data) expect(d.total, d.name).toBeGreaterThan(0);
  expect(decks.data.reduce((a, d) => a + d.total, 0)).toBe(r.data.totals.cards);
});
