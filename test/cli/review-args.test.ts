import { existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cliEnv, type CliEnv } from './cli-env.js';
import { configFile, deckFile, importFiles, rowCount, withStore, type DueJson } from './study-fixtures.js';

const NEEDS_TERMINAL = 'engram: engram review needs a terminal (stdin and stdout must be a TTY). To list what is due, run engram due.\n';

/** Spawned with pipes, engram never has a TTY: every review must stop at once. */
function expectRefused(env: CliEnv, args: string[], extraEnv?: Record<string, string>): void {
  const r = env.run(['review', ...args], extraEnv);
  expect(r, args.join(' ')).toEqual({ status: 2, stdout: '', stderr: NEEDS_TERMINAL });
}

function withDeck(): CliEnv {
  const env = cliEnv();
  importFiles(env, { 'd.md': deckFile('D', ['Card one', 'Card two']) });
  return env;
}

describe('engram review without a terminal', () => {
  it('exits 2 with the "needs a terminal" message, whatever the arguments', () => {
    const env = withDeck();
    env.write('later.md', deckFile('Later', ['Later card']));
    for (const args of [[], ['D'], ['nope'], ['later.md'], ['missing.md'], ['D', 'nope', 'later.md'], ['--db', join(env.work, 'other.db')]]) {
      expectRefused(env, args);
    }
  });

  it('checks the terminal before the store: no store is needed and none is created', () => {
    const env = cliEnv();
    env.write('d.md', deckFile('D', ['Card one']));
    expectRefused(env, []);
    expectRefused(env, ['d.md']);
    expectRefused(env, ['D']);
    expect(existsSync(env.defaultStore)).toBe(false);
    expect(existsSync(join(env.home, '.local'))).toBe(false);
  });

  it('checks the terminal before the settings file: a broken one is not reported', () => {
    const env = withDeck();
    mkdirSync(dirname(configFile(env)), { recursive: true });
    writeFileSync(configFile(env), '{ broken');
    expectRefused(env, ['D']);
    expect(readFileSync(configFile(env), 'utf8')).toBe('{ broken');
  });

  it('writes nothing to the store: no reviews, no schedule, no import of a path given', () => {
    const env = withDeck();
    env.write('later.md', deckFile('Later', ['Later card']));
    const before = statSync(env.defaultStore).mtimeMs;
    const walBefore = existsSync(`${env.defaultStore}-wal`);
    expectRefused(env, []);
    expectRefused(env, ['D']);
    expectRefused(env, ['later.md']);
    // Not even opened for writing.
    expect(statSync(env.defaultStore).mtimeMs).toBe(before);
    expect(existsSync(`${env.defaultStore}-wal`)).toBe(walBefore);
    expect(rowCount(env, 'reviews')).toBe(0);
    expect(rowCount(env, 'card_state')).toBe(0);
    withStore(env, (store) => {
      expect(store.db.prepare('SELECT COUNT(*) FROM cards').pluck().get()).toBe(2);
      expect(store.db.prepare('SELECT COUNT(*) FROM cards WHERE buried_until IS NOT NULL OR suspended_at IS NOT NULL').pluck().get()).toBe(0);
    });
    // The queue is as it was.
    expect(env.json<DueJson>(['due']).data.cards.map((c) => c.front)).toEqual(['Card one', 'Card two']);
  });

  it('exits 2 even with a bad ENGRAM_NOW: nothing is read before the terminal check', () => {
    const env = withDeck();
    expectRefused(env, [], { ENGRAM_NOW: 'yesterday' });
  });

  it('--help still works without a terminal', () => {
    const env = cliEnv();
    const r = env.run(['review', '--help']);
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('Usage: engram review [options] [decks-or-paths...]');
    expect(r.stdout).toContain('Keys: space shows the answer, 1-4 grade it');
  });
});
