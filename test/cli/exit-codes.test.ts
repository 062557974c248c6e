import { mkdirSync, mkdtempSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runEngram, type EngramRun } from '../helpers/run-engram.js';
import { deckFile } from './study-fixtures.js';

/*
 * One exit code per meaning, on every command (engram --help lists them):
 * 2 the command line is wrong (usage), 4 nothing matched what was named.
 * Each row: a command, the situation it is in, the code it must exit with.
 */

const USAGE = 2;
const NOT_FOUND = 4;

/** [situation, argv, exit code]; argv runs against a store holding one deck, "Geo" (geo.md, 2 cards). */
const TABLE: [string, string[], number][] = [
  // A bad option value, an unknown option, a bad or missing argument: usage.
  ['import: an unknown --mode', ['import', 'geo.md', '--mode', 'bogus'], USAGE],
  ['check: an unknown --mode', ['check', 'geo.md', '--mode', 'bogus'], USAGE],
  ['quiz: an unknown --mode', ['quiz', '--mode', 'foo'], USAGE],
  ['quiz: a --count that is no number', ['quiz', '--count', 'ten'], USAGE],
  ['cards: an unknown --from', ['cards', '--from', 'xyz'], USAGE],
  ['export: an unknown --what', ['export', '--what', 'nothing'], USAGE],
  ['simulate: a --days that is no number', ['simulate', '--days', 'abc'], USAGE],
  ['run: a --timeout that is no number', ['run', '1', '--timeout', 'soon'], USAGE],
  ['config set: a value the setting does not take', ['config', 'set', 'new-per-day', 'abc'], USAGE],
  ['config set: a setting that does not exist', ['config', 'set', 'colour', 'blue'], USAGE],
  ['config get: a setting decks cannot have, with --deck', ['config', 'get', 'retention', '--deck', 'Geo'], USAGE],
  ['stats: an unknown option', ['stats', '--bogus'], USAGE],
  ['decks: an argument it does not take', ['decks', 'extra'], USAGE],
  ['suspend: no card id', ['suspend'], USAGE],
  ['bury: a card id that is no number', ['bury', 'abc'], USAGE],
  ['run: neither a card id nor file:line', ['run', 'geo.md'], USAGE],
  ['trust: no deck and no --list', ['trust'], USAGE],
  ['an unknown command', ['bogus'], USAGE],
  ['no command at all', [], USAGE],
  // Nothing matched the deck, card, file or backup named: not found.
  ['cards --deck: an unknown deck', ['cards', '--deck', 'x'], NOT_FOUND],
  ['cards --from: a filter that matches no card', ['cards', '--from', 'notes'], NOT_FOUND],
  ['stats: an unknown deck', ['stats', 'x'], NOT_FOUND],
  ['due: an unknown deck', ['due', 'x'], NOT_FOUND],
  ['export: an unknown deck', ['export', 'x', '--what', 'cards'], NOT_FOUND],
  ['quiz: an unknown deck', ['quiz', 'x'], NOT_FOUND],
  ['simulate: an unknown deck', ['simulate', 'x'], NOT_FOUND],
  ['optimize: an unknown deck', ['optimize', 'x', '--dry-run'], NOT_FOUND],
  ['trust: an unknown deck', ['trust', 'x'], NOT_FOUND],
  ['untrust: an unknown deck', ['untrust', 'x'], NOT_FOUND],
  ['bury: an unknown card id', ['bury', '99999'], NOT_FOUND],
  ['suspend: an unknown card id', ['suspend', '99999'], NOT_FOUND],
  ['unsuspend: an unknown card id', ['unsuspend', '99999'], NOT_FOUND],
  ['drop: an unknown card id', ['drop', '99999'], NOT_FOUND],
  ['undrop: an unknown card id', ['undrop', '99999'], NOT_FOUND],
  ['cards --dropped: no card dropped', ['cards', '--dropped'], NOT_FOUND],
  ['run: an unknown card id', ['run', '99999'], NOT_FOUND],
  ['run: a line outside any card', ['run', 'geo.md:99'], NOT_FOUND],
  ['import: a file that does not exist', ['import', 'nope.md'], NOT_FOUND],
  ['check: a file that does not exist', ['check', 'nope.md'], NOT_FOUND],
  ['restore: a backup that does not exist', ['restore', 'nope.db', '--yes'], NOT_FOUND],
  // Help and version are no errors.
  ['--help', ['--help'], 0],
  ['--version', ['--version'], 0],
  ['a command\'s --help', ['import', '--help'], 0],
];

describe('exit codes, the same on every command', () => {
  // One store for the whole table (tempDir's folders last one test only): every row reads it, none changes it.
  let root: string;
  const env = { run: (args: readonly string[]): EngramRun => runEngram(args, { cwd: join(root, 'work'), home: join(root, 'home') }) };
  beforeAll(() => {
    root = realpathSync(mkdtempSync(join(tmpdir(), 'engram-exit-codes-')));
    mkdirSync(join(root, 'work'));
    mkdirSync(join(root, 'home'));
    writeFileSync(join(root, 'work', 'geo.md'), deckFile('Geo', ['France', 'Spain']));
    const r = env.run(['import', 'geo.md']);
    if (r.status !== 0) throw new Error(`import failed (${r.status}): ${r.stderr}`);
  });
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  for (const [situation, args, code] of TABLE) {
    it(`${situation} (engram ${args.join(' ')}) exits ${code}`, () => {
      const r = env.run(args);
      expect({ status: r.status, stack: /^\s+at /m.test(r.stderr) }).toEqual({ status: code, stack: false });
      // Every row says something: help and version on stdout, an error on stderr, a report (check, a listing) on stdout.
      expect(r.stdout + r.stderr).not.toBe('');
    });
  }

  it('engram --help lists every code once, in one epilog', () => {
    const help = env.run(['--help']).stdout;
    const epilog = help.slice(help.indexOf('Exit codes (every command):'));
    expect(epilog.split('\n').slice(0, 9)).toEqual([
      'Exit codes (every command):',
      '  0    done',
      '  1    done, but problems were found or something was left out (listed), or',
      '       it could not be carried out (the message says why)',
      '  2    usage: an unknown command or option, a value or argument engram cannot',
      '       use; or a store that cannot be used (missing, read-only for a change)',
      '  3    code of a deck you have not trusted (engram trust <deck>, or --trust)',
      '  4    nothing matched: no such deck, card id, file or backup, or no card in',
      '       the decks or files named',
    ]);
    expect(help.match(/Exit codes/g)).toHaveLength(1);
    // No command repeats the table in its own help.
    for (const command of ['import', 'check', 'export', 'run']) expect(env.run([command, '--help']).stdout).not.toContain('Exit codes');
  });
});
