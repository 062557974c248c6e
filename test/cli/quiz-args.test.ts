import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { cliEnv, type CliEnv } from './cli-env.js';
import { deckFile, importFiles, rowCount, withStore } from './study-fixtures.js';

const NEEDS_TERMINAL = 'engram: engram quiz needs a terminal (stdin and stdout must be a TTY). To list cards, run engram cards.\n';

function withDecks(): CliEnv {
  const env = cliEnv();
  importFiles(env, {
    'geo.md': deckFile('Geography', ['Capital of France', 'Capital of Spain']),
    'sub.md': deckFile('Geography/Rivers', ['Longest river']),
    'hist.md': deckFile('History', ['Year of the moon landing']),
  });
  return env;
}

function quizRows(env: CliEnv): number {
  return withStore(env, (store) => store.db.prepare('SELECT COUNT(*) FROM quiz_sessions').pluck().get() as number);
}

/** Spawned with pipes, engram never has a TTY. */
describe('engram quiz without a terminal', () => {
  it('exits 2 with the "needs a terminal" message for every deck it knows, writing nothing', () => {
    const env = withDecks();
    for (const args of [[], ['Geography'], ['History', 'Geography/Rivers'], ['--mode', 'choice', '--count', '3', '--seed', '7', '--schedule']]) {
      const r = env.run(['quiz', ...args]);
      expect(r, args.join(' ')).toEqual({ status: 2, stdout: '', stderr: NEEDS_TERMINAL });
    }
    expect(rowCount(env, 'reviews')).toBe(0);
    expect(rowCount(env, 'card_state')).toBe(0);
    expect(quizRows(env)).toBe(0);
  });

  it('an unknown deck exits 4 (nothing matched) and lists the decks there are', () => {
    const env = withDecks();
    const r = env.run(['quiz', 'Geography', 'Maths']);
    expect(r).toEqual({
      status: 4,
      stdout: '',
      stderr: 'engram: no deck named "Maths". Decks: Geography, Geography/Rivers, History.\n',
    });
  });

  it('a file path is not a deck: quiz does not import', () => {
    const env = withDecks();
    env.write('new.md', deckFile('New', ['Fresh card']));
    const r = env.run(['quiz', 'new.md']);
    expect(r.status).toBe(4);
    expect(r.stderr).toBe('engram: no deck named "new.md". Decks: Geography, Geography/Rivers, History.\n');
  });

  it('without a store, says to import first and creates none', () => {
    const env = cliEnv();
    const r = env.run(['quiz']);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/^engram: no store at .*engram\.db yet\. Import some cards first/);
    expect(existsSync(env.defaultStore)).toBe(false);
  });
});

describe('engram quiz: option errors come first, with exit 2', () => {
  const cases: [string[], string][] = [
    [['--mode', 'essay'], 'engram: --mode "essay" is not a quiz mode; use one of mixed, typed, choice, predict.\n'],
    [['--mode', ''], 'engram: --mode "" is not a quiz mode; use one of mixed, typed, choice, predict.\n'],
    [['--count', '0'], 'engram: --count "0" is not a number of questions; use a whole number from 1 to 1000.\n'],
    [['--count', 'ten'], 'engram: --count "ten" is not a number of questions; use a whole number from 1 to 1000.\n'],
    [['--count', '2.5'], 'engram: --count "2.5" is not a number of questions; use a whole number from 1 to 1000.\n'],
    [['--count', '-3'], 'engram: --count "-3" is not a number of questions; use a whole number from 1 to 1000.\n'],
    [['--count', '1001'], 'engram: --count "1001" is not a number of questions; use a whole number from 1 to 1000.\n'],
    [['--seed', 'abc'], 'engram: --seed "abc" is not a seed; use a whole number from 0 to 4294967295.\n'],
    [['--seed', '4294967296'], 'engram: --seed "4294967296" is not a seed; use a whole number from 0 to 4294967295.\n'],
  ];
  for (const [args, message] of cases) {
    it(`${args.join(' ')}`, () => {
      // No store at all: the options are checked before it is opened.
      const env = cliEnv();
      expect(env.run(['quiz', ...args])).toEqual({ status: 2, stdout: '', stderr: message });
      expect(existsSync(env.defaultStore)).toBe(false);
    });
  }

  it('a missing option value is commander\'s usage error', () => {
    const env = cliEnv();
    const r = env.run(['quiz', '--count']);
    expect(r.status).not.toBe(0);
    expect(r.stderr).toContain("option '--count <n>' argument missing");
  });

  it('--help lists the options and keys without a terminal', () => {
    const env = cliEnv();
    const r = env.run(['quiz', '--help']);
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('Usage: engram quiz [options] [decks...]');
    for (const option of ['--count <n>', '--mode <mode>', '--schedule', '--seed <n>', '--db <file>']) expect(r.stdout).toContain(option);
    expect(r.stdout).toContain('Keys: 1-4 pick an option');
  });
});
