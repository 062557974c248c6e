import { spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, readFileSync, realpathSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ENGRAM_BIN, runEngram } from '../helpers/run-engram.js';
import { makeTempDir, removeTempDir } from './completion-world.js';

/** Types a line into an interactive zsh under zpty and collects the matches its completion offers. */
const ZPTY_COMPLETE = fileURLToPath(new URL('../fixtures/completion/zpty-complete.zsh', import.meta.url));

/**
 * One world for every test here: a store with the decks spanish/vocab,
 * german/vocab and "SQL joins" (ENGRAM_DB), another store with the deck
 * italian/words, an `engram` on PATH that runs this checkout's binary, and the
 * three scripts as `engram completion` prints them.
 */
interface World {
  root: string;
  work: string;
  env: NodeJS.ProcessEnv;
  otherStore: string;
  scripts: Record<'bash' | 'zsh' | 'fish', string>;
}

let world: World;

beforeAll(() => {
  const root = realpathSync(makeTempDir('engram-completion-'));
  const home = join(root, 'home');
  const work = join(root, 'work');
  const bin = join(root, 'bin');
  for (const dir of [home, work, bin, join(work, 'langs', 'spanish'), join(work, 'langs', 'german'), join(root, 'other', 'italian')]) {
    mkdirSync(dir, { recursive: true });
  }
  writeFileSync(join(bin, 'engram'), `#!/bin/sh\nexec ${JSON.stringify(process.execPath)} ${JSON.stringify(ENGRAM_BIN)} "$@"\n`);
  chmodSync(join(bin, 'engram'), 0o755);
  writeFileSync(join(work, 'langs', 'spanish', 'vocab.md'), 'el perro::the dog\n');
  writeFileSync(join(work, 'langs', 'german', 'vocab.md'), 'der Hund::the dog\n');
  writeFileSync(join(work, 'joins.md'), '---\ndeck: SQL joins\n---\nWhat does an inner join keep?::Matching rows\n');
  writeFileSync(join(root, 'other', 'italian', 'words.md'), 'il cane::the dog\n');
  const store = join(root, 'engram.db');
  const otherStore = join(root, 'other.db');
  for (const [args, db] of [
    [['import', 'langs', 'joins.md'], store],
    [['import', join(root, 'other')], otherStore],
  ] as const) {
    const r = runEngram([...args, '--db', db], { cwd: work, home });
    if (r.status !== 0) throw new Error(`import failed (${r.status}): ${r.stderr}`);
  }
  const scripts = { bash: '', zsh: '', fish: '' };
  for (const shell of ['bash', 'zsh', 'fish'] as const) {
    const r = runEngram(['completion', shell], { cwd: work, home });
    if (r.status !== 0) throw new Error(`engram completion ${shell} failed (${r.status}): ${r.stderr}`);
    scripts[shell] = join(root, `engram.${shell}`);
    writeFileSync(scripts[shell], r.stdout);
  }
  const env: NodeJS.ProcessEnv = {
    PATH: `${bin}:${process.env['PATH'] ?? ''}`,
    HOME: home,
    XDG_CONFIG_HOME: join(home, '.config'),
    XDG_DATA_HOME: join(home, '.local', 'share'),
    ENGRAM_DB: store,
    TERM: 'dumb',
  };
  world = { root, work, env, otherStore, scripts };
});

afterAll(() => removeTempDir());

function shell(command: string, args: string[]): string {
  const r = spawnSync(command, args, { cwd: world.work, env: world.env, encoding: 'utf8', timeout: 60_000 });
  if (r.status !== 0) throw new Error(`${command} exited ${r.status}: ${r.stderr}`);
  return r.stdout;
}

/** What bash's completion function offers for the words of a line (the last one being completed). */
function bashCompletes(...words: string[]): string[] {
  const setup = `source ${JSON.stringify(world.scripts.bash)}; COMP_WORDS=(${words.map((w) => `'${w}'`).join(' ')}); COMP_CWORD=${words.length - 1}`;
  return shell('bash', ['--norc', '--noprofile', '-c', `${setup}; _engram; printf '%s\\n' "\${COMPREPLY[@]}"`])
    .split('\n')
    .filter(Boolean);
}

/** What zsh's completion system offers after typing `line` and a tab, each once, sorted. */
function zshCompletes(line: string): string[] {
  const out = join(world.root, 'zsh-matches');
  shell('zsh', ['-f', ZPTY_COMPLETE, world.scripts.zsh, out, line]);
  return [...new Set(readFileSync(out, 'utf8').split('\n').filter(Boolean))].sort();
}

/** What fish offers for `line` (`complete -C`), without descriptions. */
function fishCompletes(line: string): string[] {
  return shell('fish', ['--no-config', '-c', `source ${world.scripts.fish}; complete -C ${JSON.stringify(line)}`])
    .split('\n')
    .filter(Boolean)
    .map((l) => l.split('\t')[0]!);
}

describe('engram completion bash', () => {
  it('registers a completion function for engram', () => {
    expect(shell('bash', ['--norc', '--noprofile', '-c', `source ${JSON.stringify(world.scripts.bash)}; complete -p engram`])).toBe(
      'complete -o default -F _engram engram\n',
    );
  });

  it('completes commands, subcommands and the options of the command on the line', () => {
    expect(bashCompletes('engram', 'rev')).toEqual(['review']);
    expect(bashCompletes('engram', 'config', '')).toEqual(['get', 'set', 'unset']);
    expect(bashCompletes('engram', 'review', '--')).toEqual(['--more', '--more-reviews', '--db', '--help']);
    expect(bashCompletes('engram', 'cards', '--from', '')).toEqual(['cards', 'notes']);
    expect(bashCompletes('engram', 'help', 'imp')).toEqual(['import']);
  });

  it("completes deck names from the store, the folders above them, quoted, and from the --db on the line", () => {
    expect(bashCompletes('engram', 'stats', '')).toEqual(['SQL\\ joins', 'german', 'german/vocab', 'spanish', 'spanish/vocab']);
    expect(bashCompletes('engram', 'review', 'sp')).toEqual(['spanish', 'spanish/vocab']);
    expect(bashCompletes('engram', 'cards', '--deck', 'S')).toEqual(['SQL\\ joins']);
    expect(bashCompletes('engram', 'stats', '--db', world.otherStore, '')).toEqual(['italian', 'italian/words']);
  });
});

describe('engram completion zsh', () => {
  // Each line starts an interactive zsh with compinit, and deck names start engram: slow on a busy machine.
  it('completes commands and options through zsh\'s completion system', { timeout: 120_000 }, () => {
    expect(zshCompletes('engram rev')).toEqual(['review']);
    expect(zshCompletes('engram cards --fr')).toEqual(['--from']);
    expect(zshCompletes('engram cards --from ')).toEqual(['cards', 'notes']);
  });

  it('completes deck names from the store', { timeout: 120_000 }, () => {
    expect(zshCompletes('engram stats S')).toEqual(['SQL joins']);
    expect(zshCompletes('engram review sp')).toEqual(['spanish', 'spanish/vocab']);
  });
});

describe('engram completion fish', () => {
  it('completes commands, subcommands and options', () => {
    expect(fishCompletes('engram rev')).toEqual(['review']);
    expect(fishCompletes('engram config ')).toEqual(['get', 'set', 'unset']);
    expect(fishCompletes('engram cards --f')).toEqual(['--from']);
    expect(fishCompletes('engram cards --from ')).toEqual(['cards', 'notes']);
  });

  it('completes deck names from the store and from the --db on the line', () => {
    expect(fishCompletes('engram stats S')).toEqual(['SQL joins']);
    expect(fishCompletes('engram cards --deck g')).toEqual(['german', 'german/vocab']);
    expect(fishCompletes(`engram stats --db ${world.otherStore} it`)).toEqual(['italian', 'italian/words']);
  });
});

describe('engram __complete decks', () => {
  it('prints nothing for a store that does not exist, and does not create it', () => {
    const missing = join(world.root, 'nowhere', 'engram.db');
    const r = runEngram(['__complete', 'decks', '--db', missing], { cwd: world.work, home: world.env['HOME']! });
    expect([r.status, r.stdout, r.stderr]).toEqual([0, '', '']);
    expect(existsSync(missing)).toBe(false);
  });
});
