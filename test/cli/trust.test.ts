import { describe, expect, it } from 'vitest';
import { cliEnv, md, type CliEnv } from './cli-env.js';
import { importFiles } from './study-fixtures.js';

/** What `engram trust --list --json` prints. */
interface TrustJson {
  deck: string;
  trustedAt: string;
  current: boolean;
}

const codeDeck = (echo: string): string => md('---', 'deck: Shell', '---', '', 'Q: What does this print?', '```bash', `echo ${echo}`, '```', 'A: it');

function world(): CliEnv {
  const env = cliEnv();
  importFiles(env, { 'shell.md': codeDeck('one'), 'prose.md': md('---', 'deck: Prose', '---', '', 'Q: Capital of France?', 'A: Paris') });
  return env;
}

const list = (env: CliEnv): TrustJson[] => env.json<TrustJson[]>(['trust', '--list']).data;

describe('engram trust', () => {
  it('trusts a deck, and --list shows it as current with the time it was trusted', () => {
    const env = world();
    expect(env.run(['trust', '--list'])).toEqual({ status: 0, stdout: 'No trusted decks. Trust one with engram trust <deck>.\n', stderr: '' });
    expect(list(env)).toEqual([]);
    expect(env.run(['trust', 'Shell'])).toEqual({
      status: 0,
      stdout: 'Trusted deck Shell: its code runs without asking until its cards change.\n',
      stderr: '',
    });
    expect(list(env)).toEqual([{ deck: 'Shell', trustedAt: '2026-03-02T10:00:00.000Z', current: true }]);
    expect(env.run(['trust', '--list']).stdout).toBe(
      ['deck   trusted               status', 'Shell  2026-03-02 10:00 UTC  current', ''].join('\n'),
    );
  });

  it('says "changed since trusted" once the deck\'s file changed and was re-imported, until trusted again', () => {
    const env = world();
    env.run(['trust', 'Shell']);
    env.run(['trust', 'Prose']);
    // Re-importing the same text keeps the trust.
    expect(env.run(['import']).status).toBe(0);
    expect(list(env).map((t) => t.current)).toEqual([true, true]);

    importFiles(env, { 'shell.md': codeDeck('two') });
    expect(list(env)).toEqual([
      { deck: 'Prose', trustedAt: '2026-03-02T10:00:00.000Z', current: true },
      { deck: 'Shell', trustedAt: '2026-03-02T10:00:00.000Z', current: false },
    ]);
    expect(env.run(['trust', '--list']).stdout).toContain('Shell  2026-03-02 10:00 UTC  changed since trusted\n');

    expect(env.run(['trust', 'Shell'], { ENGRAM_NOW: '2026-03-03T08:30:00Z' }).status).toBe(0);
    expect(list(env)[1]).toEqual({ deck: 'Shell', trustedAt: '2026-03-03T08:30:00.000Z', current: true });
  });

  it('untrust forgets a deck; untrusting an untrusted deck changes nothing', () => {
    const env = world();
    env.run(['trust', 'Shell']);
    expect(env.run(['untrust', 'Shell'])).toEqual({
      status: 0,
      stdout: 'Deck Shell is no longer trusted: its code asks before it runs.\n',
      stderr: '',
    });
    expect(list(env)).toEqual([]);
    expect(env.run(['untrust', 'Shell'])).toEqual({ status: 0, stdout: 'Deck Shell was not trusted; nothing changed.\n', stderr: '' });
  });

  it('refuses an unknown deck (exit 4: nothing matched), a missing deck name, and a deck with --list (exit 2: usage)', () => {
    const env = world();
    for (const args of [['trust', 'Nope'], ['untrust', 'Nope']]) {
      expect(env.run(args)).toEqual({ status: 4, stdout: '', stderr: 'engram: no deck called "Nope". List decks with engram decks.\n' });
    }
    expect(env.run(['trust'])).toEqual({
      status: 2,
      stdout: '',
      stderr: 'engram: which deck? Run engram trust <deck> (see engram decks), or engram trust --list.\n',
    });
    expect(env.run(['trust', 'Shell', '--list'])).toEqual({
      status: 2,
      stdout: '',
      stderr: 'engram: --list takes no deck: run engram trust --list, or engram trust <deck>.\n',
    });
    expect(list(env)).toEqual([]);
  });

  it('uses --db, and says so when there is no store there', () => {
    const env = world();
    const r = env.run(['trust', 'Shell', '--db', 'elsewhere.db']);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('no store at');
    expect(env.run(['trust', '--list', '--db', env.defaultStore]).stdout).toBe('No trusted decks. Trust one with engram trust <deck>.\n');
  });
});
