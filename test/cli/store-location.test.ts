import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cliEnv, md, type CliEnv, type DeckJson, type ImportJson } from './cli-env.js';

/** Imports one one-card file and returns the store engram says it wrote. */
function importOne(env: CliEnv, args: readonly string[], vars: Record<string, string | undefined>): string {
  env.write('one.md', md('One::1'));
  const r = env.json<ImportJson>(['import', 'one.md', ...args], vars);
  expect(r.status).toBe(0);
  return r.data.store;
}

describe('where the store is', () => {
  it('--db wins over $ENGRAM_DB and $XDG_DATA_HOME', () => {
    const env = cliEnv();
    const vars = { ENGRAM_DB: join(env.work, 'env.db'), XDG_DATA_HOME: join(env.work, 'xdg') };
    const store = importOne(env, ['--db', join(env.work, 'flag.db')], vars);
    expect(store).toBe(join(env.work, 'flag.db'));
    expect(existsSync(join(env.work, 'flag.db'))).toBe(true);
    expect(existsSync(join(env.work, 'env.db'))).toBe(false);
    expect(existsSync(join(env.work, 'xdg'))).toBe(false);
    expect(existsSync(env.defaultStore)).toBe(false);
  });

  it('$ENGRAM_DB wins over $XDG_DATA_HOME', () => {
    const env = cliEnv();
    const vars = { ENGRAM_DB: join(env.work, 'env.db'), XDG_DATA_HOME: join(env.work, 'xdg') };
    expect(importOne(env, [], vars)).toBe(join(env.work, 'env.db'));
    expect(existsSync(join(env.work, 'env.db'))).toBe(true);
    expect(existsSync(join(env.work, 'xdg'))).toBe(false);
    expect(existsSync(env.defaultStore)).toBe(false);
  });

  it('an absolute $XDG_DATA_HOME holds engram/engram.db', () => {
    const env = cliEnv();
    const xdg = join(env.work, 'xdg');
    expect(importOne(env, [], { XDG_DATA_HOME: xdg })).toBe(join(xdg, 'engram', 'engram.db'));
    expect(existsSync(join(xdg, 'engram', 'engram.db'))).toBe(true);
    expect(existsSync(env.defaultStore)).toBe(false);
  });

  it('defaults to ~/.local/share/engram/engram.db when $XDG_DATA_HOME is unset', () => {
    const env = cliEnv();
    const store = importOne(env, [], { XDG_DATA_HOME: undefined });
    expect(store).toBe(join(env.home, '.local', 'share', 'engram', 'engram.db'));
    expect(existsSync(store)).toBe(true);
  });

  it('ignores a relative $XDG_DATA_HOME, as the XDG spec says, and uses the default', () => {
    const env = cliEnv();
    const store = importOne(env, [], { XDG_DATA_HOME: 'relative-xdg' });
    expect(store).toBe(join(env.home, '.local', 'share', 'engram', 'engram.db'));
    expect(existsSync(store)).toBe(true);
    expect(existsSync(join(env.work, 'relative-xdg'))).toBe(false);
  });

  it('resolves a relative --db against the working folder', () => {
    const env = cliEnv();
    expect(importOne(env, ['--db', 'stores/mine.db'], {})).toBe(join(env.work, 'stores', 'mine.db'));
    expect(existsSync(join(env.work, 'stores', 'mine.db'))).toBe(true);
  });

  it('decks and cards read the store that $ENGRAM_DB names', () => {
    const env = cliEnv();
    const vars = { ENGRAM_DB: join(env.work, 'env.db') };
    importOne(env, [], vars);
    const decks = env.json<DeckJson[]>(['decks'], vars);
    expect(decks.status).toBe(0);
    expect(decks.data.map((d) => [d.name, d.total])).toEqual([['one', 1]]);
    const cards = env.json<{ front: string }[]>(['cards'], vars);
    expect(cards.status).toBe(0);
    expect(cards.data.map((c) => c.front)).toEqual(['One']);
    // Without it, they look in the default place, where there is nothing.
    expect(env.run(['decks']).status).toBe(2);
  });
});

describe('commands that read a store that does not exist', () => {
  for (const command of [['decks'], ['decks', '--json'], ['cards'], ['cards', '--json'], ['cards', '--deck', 'x']]) {
    it(`engram ${command.join(' ')} exits 2 and creates nothing`, () => {
      const env = cliEnv();
      const r = env.run(command);
      expect(r.status).toBe(2);
      expect(r.stdout).toBe('');
      expect(r.stderr.startsWith(`engram: no store at ${env.defaultStore}`)).toBe(true);
      expect(existsSync(env.defaultStore)).toBe(false);
      // Not even the folder it would go in.
      expect(existsSync(join(env.home, '.local'))).toBe(false);
    });
  }

  it('names the --db path in the error and does not create it', () => {
    const env = cliEnv();
    const db = join(env.work, 'sub', 'none.db');
    for (const command of ['decks', 'cards']) {
      const r = env.run([command, '--db', db]);
      expect(r.status).toBe(2);
      expect(r.stderr.startsWith(`engram: no store at ${db}`)).toBe(true);
    }
    expect(existsSync(join(env.work, 'sub'))).toBe(false);
  });
});
