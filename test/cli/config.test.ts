import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { deckSetting, readConfig } from '../../src/app/settings/config-file.js';
import { cliEnv, type CliEnv } from './cli-env.js';
import { configFile, deckFile, importFiles, type ConfigJson, type DueJson } from './study-fixtures.js';

const DEFAULT_LINES = [
  'retention         0.9          (default)  desired retention: the chance to recall a card when it is due (0.7-0.99)',
  'maximum-interval  36500        (default)  longest interval between reviews, in days',
  'learning-steps    1m 10m       (default)  learning steps of new cards',
  'relearning-steps  10m          (default)  relearning steps of forgotten cards',
  'fuzz              on           (default)  spread intervals a little so cards learned together do not stay together',
  'new-per-day       20           (default)  new cards per day (also per deck)',
  'reviews-per-day   200          (default)  reviews per day (also per deck)',
  'rollover-hour     4            (default)  hour (local time) at which a new study day starts',
  "time-zone         system       (default)  time zone for study days (empty: the system's)",
  "typed-answers     off          (default)  ask for typed answers in a deck's cards (also per deck)",
  'model             FSRS-6       (default)  memory model that schedules (also per deck): FSRS-6; each keeps its own parameters',
  'weights           default      (default)  FSRS-6 parameters, 21 numbers (also per deck); set by engram optimize',
  'duplicates        warn         (default)  a card repeated from another file: warn at import, or allow it (also per deck)',
  'sync              off          (default)  engram review syncs at its start and end, engram import after it (see engram sync init)',
  'load-balance      on           (default)  place each fuzzed interval on the day of its fuzz range with the fewest reviews due, to even out the daily load',
  'easy-days         none         (default)  weekdays with less study, as shares of the normal load, e.g. "sun=0,sat=0.5" (or "none")',
  'optimizer         auto         (default)  FSRS optimizer build for engram optimize: auto (native where installed, else WebAssembly), native, or wasm',
];

const DEFAULT_SETTINGS: ConfigJson['settings'] = {
  retention: 0.9,
  'maximum-interval': 36500,
  'learning-steps': ['1m', '10m'],
  'relearning-steps': ['10m'],
  fuzz: true,
  'new-per-day': 20,
  'reviews-per-day': 200,
  'rollover-hour': 4,
  'time-zone': '',
  'typed-answers': false,
  model: 'FSRS-6',
  weights: [],
  duplicates: 'warn',
  sync: false,
  'load-balance': true,
  'easy-days': [],
  optimizer: 'auto',
};

const readConfigText = (env: CliEnv): string => readFileSync(configFile(env), 'utf8');

function writeConfigText(env: CliEnv, text: string): void {
  mkdirSync(dirname(configFile(env)), { recursive: true });
  writeFileSync(configFile(env), text);
}

function set(env: CliEnv, ...args: string[]): void {
  const r = env.run(['config', 'set', ...args]);
  if (r.status !== 0) throw new Error(`config set ${args.join(' ')} failed (${r.status}): ${r.stderr}`);
}

describe('engram config (show)', () => {
  it('lists every setting with its default, marked (default), and the file it would be kept in', () => {
    const env = cliEnv();
    const r = env.run(['config']);
    expect(r.status).toBe(0);
    expect(r.stderr).toBe('');
    expect(r.stdout).toBe(`${[...DEFAULT_LINES, `Settings file: ${configFile(env)}`].join('\n')}\n`);
    // Showing writes nothing.
    expect(existsSync(configFile(env))).toBe(false);
  });

  it('marks set values (set) and lists deck values after the settings', () => {
    const env = cliEnv();
    set(env, 'retention', '0.85');
    set(env, 'learning-steps', '1m', '10m', '1h');
    set(env, 'new-per-day', '5', '--deck', 'Spanish', '--force');
    const lines = env.run(['config']).stdout.trimEnd().split('\n');
    expect(lines).toEqual([
      'retention         0.85         (set)      desired retention: the chance to recall a card when it is due (0.7-0.99)',
      DEFAULT_LINES[1],
      'learning-steps    1m 10m 1h    (set)      learning steps of new cards',
      ...DEFAULT_LINES.slice(3),
      'deck "Spanish": new-per-day 5',
      `Settings file: ${configFile(env)}`,
    ]);
  });

  it('widens the values column for a value longer than it, so every later column still lines up', () => {
    const env = cliEnv();
    set(env, 'easy-days', 'sun=0,sat=0.5');
    const lines = env.run(['config']).stdout.trimEnd().split('\n');
    expect(lines[0]).toBe('retention         0.9           (default)  desired retention: the chance to recall a card when it is due (0.7-0.99)');
    expect(lines[15]).toBe('easy-days         sun=0,sat=0.5 (set)      weekdays with less study, as shares of the normal load, e.g. "sun=0,sat=0.5" (or "none")');
    const column = (line: string) => line.search(/\((set|default)\)/);
    expect(new Set(lines.slice(0, 17).map(column))).toEqual(new Set([32]));
  });

  it('--json gives the file path, every setting in effect, and the deck values', () => {
    const env = cliEnv();
    const fresh = env.json<ConfigJson>(['config']);
    expect(fresh.status).toBe(0);
    expect(fresh.data).toEqual({ path: configFile(env), settings: DEFAULT_SETTINGS, decks: {} });

    set(env, 'fuzz', 'off');
    set(env, 'time-zone', 'Europe/Paris');
    set(env, 'reviews-per-day', '50', '--deck', 'Big deck', '--force');
    const after = env.json<ConfigJson>(['config']);
    expect(after.data).toEqual({
      path: configFile(env),
      settings: { ...DEFAULT_SETTINGS, fuzz: false, 'time-zone': 'Europe/Paris' },
      decks: { 'Big deck': { 'reviews-per-day': 50 } },
    });
  });
});

describe('engram config get', () => {
  it('prints the default, then the value set', () => {
    const env = cliEnv();
    expect(env.run(['config', 'get', 'retention'])).toEqual({ status: 0, stdout: '0.9\n', stderr: '' });
    expect(env.run(['config', 'get', 'learning-steps']).stdout).toBe('1m 10m\n');
    expect(env.run(['config', 'get', 'fuzz']).stdout).toBe('on\n');
    expect(env.run(['config', 'get', 'time-zone']).stdout).toBe('system\n');
    set(env, 'retention', '0.85');
    expect(env.run(['config', 'get', 'retention'])).toEqual({ status: 0, stdout: '0.85\n', stderr: '' });
  });

  it('--deck prints the deck value, else the global one', () => {
    const env = cliEnv();
    set(env, 'new-per-day', '3');
    set(env, 'new-per-day', '1', '--deck', 'X', '--force');
    expect(env.run(['config', 'get', 'new-per-day', '--deck', 'X']).stdout).toBe('1\n');
    expect(env.run(['config', 'get', 'new-per-day', '--deck', 'Y']).stdout).toBe('3\n');
    expect(env.run(['config', 'get', 'new-per-day']).stdout).toBe('3\n');
    expect(env.run(['config', 'get', 'reviews-per-day', '--deck', 'X']).stdout).toBe('200\n');
  });

  it('refuses an unknown setting and --deck on a setting decks cannot have', () => {
    const env = cliEnv();
    expect(env.run(['config', 'get', 'colour'])).toEqual({
      status: 2,
      stdout: '',
      stderr:
        'engram: "colour" is not a setting. Settings: retention, maximum-interval, learning-steps, relearning-steps, fuzz, new-per-day, reviews-per-day, rollover-hour, time-zone, typed-answers, model, weights, duplicates, sync, load-balance, easy-days, optimizer.\n',
    });
    expect(env.run(['config', 'get', 'retention', '--deck', 'X'])).toEqual({
      status: 2,
      stdout: '',
      stderr: 'engram: "retention" cannot be set per deck; decks can set new-per-day, reviews-per-day, typed-answers, model, weights and duplicates.\n',
    });
  });
});

describe('engram config set', () => {
  it('--deck refuses a deck the store does not have, listing the decks (or saying there are none yet), unless --force', () => {
    const env = cliEnv();
    const hint = 'To set it for a deck you are about to import, add --force.';
    expect(env.run(['config', 'set', 'new-per-day', '5', '--deck', 'Spanish'])).toEqual({
      status: 4,
      stdout: '',
      stderr: `engram: no deck named "Spanish". Decks: none yet (engram import <files> first). ${hint}\n`,
    });
    expect(existsSync(configFile(env))).toBe(false);
    // No store was made to find that out.
    expect(existsSync(env.defaultStore)).toBe(false);
    importFiles(env, { 'es.md': deckFile('Spanish', ['uno']), 'de.md': deckFile('German', ['eins']) });
    expect(env.run(['config', 'set', 'new-per-day', '5', '--deck', 'spanish'])).toEqual({
      status: 4,
      stdout: '',
      stderr: `engram: no deck named "spanish". Decks: German, Spanish. ${hint}\n`,
    });
    expect(existsSync(configFile(env))).toBe(false);
    // A known deck, and an unknown one with --force (a deck about to be imported), are set.
    expect(env.run(['config', 'set', 'new-per-day', '5', '--deck', 'Spanish'])).toEqual({ status: 0, stdout: 'new-per-day (deck Spanish) = 5\n', stderr: '' });
    expect(env.run(['config', 'set', 'new-per-day', '2', '--deck', 'French', '--force'])).toEqual({ status: 0, stdout: 'new-per-day (deck French) = 2\n', stderr: '' });
    expect(JSON.parse(readConfigText(env))).toEqual({ decks: { Spanish: { 'new-per-day': 5 }, French: { 'new-per-day': 2 } } });
    // --db names the store whose decks count.
    const other = join(env.work, 'other.db');
    expect(env.run(['import', 'es.md', '--db', other]).status).toBe(0);
    expect(env.run(['config', 'set', 'new-per-day', '5', '--deck', 'German', '--db', other])).toEqual({
      status: 4,
      stdout: '',
      stderr: `engram: no deck named "German". Decks: Spanish. ${hint}\n`,
    });
  });

  it('set retention 0.85 writes $XDG_CONFIG_HOME/engram/config.json with only that value', () => {
    const env = cliEnv();
    expect(env.run(['config', 'set', 'retention', '0.85'])).toEqual({ status: 0, stdout: 'retention = 0.85\n', stderr: '' });
    expect(configFile(env)).toBe(join(env.home, '.config', 'engram', 'config.json'));
    expect(readConfigText(env)).toBe('{\n  "retention": 0.85\n}\n');
    expect(env.run(['config', 'get', 'retention']).stdout).toBe('0.85\n');
  });

  it('keeps other values, stores each in its type, and writes deck values under "decks"', () => {
    const env = cliEnv();
    set(env, 'retention', '0.85');
    expect(env.run(['config', 'set', 'learning-steps', '30s']).status).toBe(2);
    expect(env.run(['config', 'set', 'learning-steps', '1m', '10m', '1h'])).toEqual({ status: 0, stdout: 'learning-steps = 1m 10m 1h\n', stderr: '' });
    expect(env.run(['config', 'set', 'relearning-steps', '5m,1d'])).toEqual({ status: 0, stdout: 'relearning-steps = 5m 1d\n', stderr: '' });
    expect(env.run(['config', 'set', 'fuzz', 'OFF'])).toEqual({ status: 0, stdout: 'fuzz = off\n', stderr: '' });
    expect(env.run(['config', 'set', 'time-zone', 'system'])).toEqual({ status: 0, stdout: 'time-zone = system\n', stderr: '' });
    set(env, 'rollover-hour', '0');
    set(env, 'maximum-interval', '365');
    set(env, 'new-per-day', '7', '--deck', 'a/b', '--force');
    expect(JSON.parse(readConfigText(env))).toEqual({
      retention: 0.85,
      'learning-steps': ['1m', '10m', '1h'],
      'relearning-steps': ['5m', '1d'],
      fuzz: false,
      'time-zone': '',
      'rollover-hour': 0,
      'maximum-interval': 365,
      decks: { 'a/b': { 'new-per-day': 7 } },
    });
    // What was written reads back the same.
    expect(env.json<ConfigJson>(['config']).data.settings).toEqual({
      ...DEFAULT_SETTINGS,
      retention: 0.85,
      'learning-steps': ['1m', '10m', '1h'],
      'relearning-steps': ['5m', '1d'],
      fuzz: false,
      'rollover-hour': 0,
      'maximum-interval': 365,
    });
  });

  it('refuses invalid values with exit 2 (usage) and a clear message, leaving the file as it was', () => {
    const env = cliEnv();
    const cases: [string[], string][] = [
      [['retention', '1.5'], '"1.5" is not a number from 0.7 to 0.99.'],
      [['retention', 'high'], '"high" is not a number from 0.7 to 0.99.'],
      [['learning-steps', '1x'], '"1x" is not a step; write whole numbers like "1m 10m 1h" (m minutes, h hours, d days).'],
      [['learning-steps', '1.5h'], '"1.5h" is not a step; write whole numbers like "1m 10m 1h" (m minutes, h hours, d days).'],
      [['learning-steps', '1m', '10'], '"10" is not a step; write whole numbers like "1m 10m 1h" (m minutes, h hours, d days).'],
      [['rollover-hour', '24'], '"24" is not a whole number from 0 to 23.'],
      [['rollover-hour', '3.5'], '"3.5" is not a whole number from 0 to 23.'],
      [['time-zone', 'Mars/Base'], '"Mars/Base" is not a time zone; use an IANA name like Europe/Paris, or "system".'],
      [['fuzz', 'maybe'], '"maybe" is not on or off.'],
      [['new-per-day', '-1'], '"-1" is not a whole number from 0 to 100000.'],
      [['maximum-interval', '0'], '"0" is not a whole number from 1 to 36500.'],
    ];
    // First with no file at all: none is created.
    for (const [args, message] of cases) {
      const r = env.run(['config', 'set', ...args.slice(0, 1), '--', ...args.slice(1)]);
      expect(r, args.join(' ')).toEqual({ status: 2, stdout: '', stderr: `engram: ${message}\n` });
    }
    expect(existsSync(configFile(env))).toBe(false);

    // Then with a file: it is left byte for byte.
    set(env, 'retention', '0.85');
    set(env, 'new-per-day', '4', '--deck', 'X', '--force');
    const before = readConfigText(env);
    for (const [args, message] of cases) {
      const r = env.run(['config', 'set', ...args.slice(0, 1), '--', ...args.slice(1)]);
      expect(r, args.join(' ')).toEqual({ status: 2, stdout: '', stderr: `engram: ${message}\n` });
    }
    const deckBad = env.run(['config', 'set', 'new-per-day', 'lots', '--deck', 'X']);
    expect(deckBad).toEqual({ status: 2, stdout: '', stderr: 'engram: "lots" is not a whole number from 0 to 100000.\n' });
    expect(readConfigText(env)).toBe(before);
    expect(env.run(['config', 'get', 'retention']).stdout).toBe('0.85\n');
  });

  it('refuses --deck on a setting decks cannot have, and an unknown setting, leaving the file as it was', () => {
    const env = cliEnv();
    set(env, 'retention', '0.8');
    const before = readConfigText(env);
    for (const name of ['retention', 'learning-steps', 'fuzz', 'rollover-hour', 'time-zone']) {
      const r = env.run(['config', 'set', name, '1', '--deck', 'X']);
      expect(r).toEqual({
        status: 2,
        stdout: '',
        stderr: `engram: "${name}" cannot be set per deck; decks can set new-per-day, reviews-per-day, typed-answers, model, weights and duplicates.\n`,
      });
    }
    for (const name of ['bogus', 'Retention', 'new_per_day']) {
      const r = env.run(['config', 'set', name, '1']);
      expect(r.status).toBe(2);
      expect(r.stdout).toBe('');
      expect(r.stderr).toBe(
        `engram: "${name}" is not a setting. Settings: retention, maximum-interval, learning-steps, relearning-steps, fuzz, new-per-day, reviews-per-day, rollover-hour, time-zone, typed-answers, model, weights, duplicates, sync, load-balance, easy-days, optimizer.\n`,
      );
    }
    expect(readConfigText(env)).toBe(before);
  });

  it('uses ~/.config when XDG_CONFIG_HOME is relative, and never the working folder', () => {
    const env = cliEnv();
    expect(env.run(['config', 'set', 'retention', '0.95'], { XDG_CONFIG_HOME: 'relative/config' }).status).toBe(0);
    expect(readConfigText(env)).toBe('{\n  "retention": 0.95\n}\n');
    expect(existsSync(join(env.work, 'relative'))).toBe(false);
    // Unset, it is ~/.config as well.
    expect(env.run(['config', 'get', 'retention'], { XDG_CONFIG_HOME: undefined }).stdout).toBe('0.95\n');
  });

  it('follows XDG_CONFIG_HOME when it is absolute', () => {
    const env = cliEnv();
    const elsewhere = join(env.home, 'elsewhere');
    expect(env.run(['config', 'set', 'new-per-day', '9'], { XDG_CONFIG_HOME: elsewhere }).status).toBe(0);
    expect(readFileSync(join(elsewhere, 'engram', 'config.json'), 'utf8')).toBe('{\n  "new-per-day": 9\n}\n');
    expect(existsSync(configFile(env))).toBe(false);
    expect(env.json<ConfigJson>(['config'], { XDG_CONFIG_HOME: elsewhere }).data.path).toBe(join(elsewhere, 'engram', 'config.json'));
  });
});

describe('engram config unset', () => {
  it('drops the value from the file, back to the default', () => {
    const env = cliEnv();
    set(env, 'retention', '0.85');
    set(env, 'fuzz', 'off');
    expect(env.run(['config', 'unset', 'retention'])).toEqual({ status: 0, stdout: 'retention unset\n', stderr: '' });
    expect(readConfigText(env)).toBe('{\n  "fuzz": false\n}\n');
    expect(env.run(['config', 'get', 'retention']).stdout).toBe('0.9\n');
    expect(env.run(['config', 'unset', 'fuzz']).status).toBe(0);
    expect(readConfigText(env)).toBe('{}\n');
    expect(env.run(['config']).stdout).toBe(`${[...DEFAULT_LINES, `Settings file: ${configFile(env)}`].join('\n')}\n`);
  });

  it('--deck drops the deck, and "decks" once no deck has a value', () => {
    const env = cliEnv();
    set(env, 'new-per-day', '1', '--deck', 'X', '--force');
    set(env, 'reviews-per-day', '10', '--deck', 'X', '--force');
    expect(JSON.parse(readConfigText(env))).toEqual({ decks: { X: { 'new-per-day': 1, 'reviews-per-day': 10 } } });
    env.run(['config', 'unset', 'new-per-day', '--deck', 'X']);
    expect(JSON.parse(readConfigText(env))).toEqual({ decks: { X: { 'reviews-per-day': 10 } } });
    env.run(['config', 'unset', 'reviews-per-day', '--deck', 'X']);
    expect(readConfigText(env)).toBe('{}\n');
  });

  it('unsetting what was never set is no error', () => {
    const env = cliEnv();
    expect(env.run(['config', 'unset', 'retention'])).toEqual({ status: 0, stdout: 'retention unset\n', stderr: '' });
    expect(env.run(['config', 'unset', 'new-per-day', '--deck', 'Nope'])).toEqual({
      status: 0,
      stdout: 'new-per-day (deck Nope) unset\n',
      stderr: '',
    });
    expect(readConfigText(env)).toBe('{}\n');
  });

  it('refuses an unknown setting and --deck on a setting decks cannot have', () => {
    const env = cliEnv();
    expect(env.run(['config', 'unset', 'bogus']).status).toBe(2);
    expect(env.run(['config', 'unset', 'retention', '--deck', 'X'])).toEqual({
      status: 2,
      stdout: '',
      stderr: 'engram: "retention" cannot be set per deck; decks can set new-per-day, reviews-per-day, typed-answers, model, weights and duplicates.\n',
    });
    expect(existsSync(configFile(env))).toBe(false);
  });
});

describe('a broken settings file', () => {
  function withCards(): CliEnv {
    const env = cliEnv();
    importFiles(env, { 'd.md': deckFile('D', ['Card one']) });
    return env;
  }

  it('that is not JSON makes due fail with exit 1, naming the file', () => {
    const env = withCards();
    writeConfigText(env, '{ "retention": 0.85, ');
    for (const args of [['due'], ['due', '--json']]) {
      const r = env.run(args);
      expect(r.status).toBe(1);
      expect(r.stdout).toBe('');
      expect(r.stderr.startsWith(`engram: the settings file ${configFile(env)} is not valid JSON (`)).toBe(true);
      expect(r.stderr.endsWith('). Fix it, or delete it to start from the defaults.\n')).toBe(true);
      expect(r.stderr.split('\n')).toHaveLength(2);
    }
  });

  it('makes config, config set and the other study commands fail too, and is never overwritten', () => {
    const env = withCards();
    const broken = 'retention = 0.85\n';
    writeConfigText(env, broken);
    for (const args of [['config'], ['config', 'get', 'retention'], ['config', 'set', 'retention', '0.8'], ['config', 'unset', 'retention'], ['decks'], ['bury', '1']]) {
      const r = env.run(args);
      expect(r.status, args.join(' ')).toBe(1);
      expect(r.stderr).toContain(`the settings file ${configFile(env)} is not valid JSON`);
    }
    expect(readConfigText(env)).toBe(broken);
    // Deleting it brings the defaults back.
    writeConfigText(env, '{}\n');
    expect(env.json<DueJson>(['due']).data.counts.new).toBe(1);
  });

  it('with a value out of range says which setting and why', () => {
    const env = withCards();
    writeConfigText(env, '{ "retention": 2 }');
    expect(env.run(['due'])).toEqual({
      status: 1,
      stdout: '',
      // One full stop between the two sentences.
      stderr: `engram: the settings file ${configFile(env)} is wrong: retention: "2" is not a number from 0.7 to 0.99. Fix it with engram config set, or edit or delete the file.\n`,
    });
  });

  it('with a setting that does not exist, a deck setting decks cannot have, or no object, says what is wrong', () => {
    const env = withCards();
    writeConfigText(env, '{ "colour": "blue" }');
    const unknown = env.run(['due']);
    expect(unknown.status).toBe(1);
    expect(unknown.stderr).toContain(`engram: the settings file ${configFile(env)} is wrong: "colour" is not a setting`);
    writeConfigText(env, '{ "decks": { "D": { "retention": 0.8 } } }');
    const deck = env.run(['due']);
    expect(deck.status).toBe(1);
    expect(deck.stderr).toContain('deck "D" sets "retention", which decks cannot set');
    writeConfigText(env, '[1, 2]');
    expect(env.run(['due'])).toEqual({
      status: 1,
      stdout: '',
      stderr: `engram: the settings file ${configFile(env)} is wrong: it is not a JSON object. Fix it with engram config set, or edit or delete the file.\n`,
    });
  });
});

describe('typed-answers, a boolean decks may override', () => {
  it('is off by default, set globally and per deck, shown as on/off and stored as a boolean', () => {
    const env = cliEnv();
    expect(env.run(['config', 'get', 'typed-answers']).stdout).toBe('off\n');
    expect(env.run(['config', 'set', 'typed-answers', 'on', '--deck', 'Java', '--force'])).toEqual({
      status: 0,
      stdout: 'typed-answers (deck Java) = on\n',
      stderr: '',
    });
    expect(env.run(['config', 'get', 'typed-answers', '--deck', 'Java']).stdout).toBe('on\n');
    expect(env.run(['config', 'get', 'typed-answers', '--deck', 'Go']).stdout).toBe('off\n');
    expect(env.run(['config', 'get', 'typed-answers']).stdout).toBe('off\n');
    set(env, 'new-per-day', '5', '--deck', 'Java', '--force');
    expect(JSON.parse(readConfigText(env))).toEqual({ decks: { Java: { 'typed-answers': true, 'new-per-day': 5 } } });
    expect(env.run(['config']).stdout).toContain('deck "Java": typed-answers on\ndeck "Java": new-per-day 5\n');
    expect(env.json<ConfigJson>(['config']).data.decks).toEqual({ Java: { 'typed-answers': true, 'new-per-day': 5 } });
  });

  it('a deck value wins over the global one either way; unset goes back to the global one', () => {
    const env = cliEnv();
    set(env, 'typed-answers', 'yes');
    set(env, 'typed-answers', 'off', '--deck', 'Prose', '--force');
    const file = readConfig(configFile(env));
    expect(deckSetting(file, 'Prose', 'typed-answers')).toBe(false);
    expect(deckSetting(file, 'Other', 'typed-answers')).toBe(true);
    expect(deckSetting(file, 'Prose', 'new-per-day')).toBe(20);
    expect(env.run(['config', 'get', 'typed-answers', '--deck', 'Prose']).stdout).toBe('off\n');
    env.run(['config', 'unset', 'typed-answers', '--deck', 'Prose']);
    expect(env.run(['config', 'get', 'typed-answers', '--deck', 'Prose']).stdout).toBe('on\n');
    expect(JSON.parse(readConfigText(env))).toEqual({ 'typed-answers': true });
  });

  it('refuses a value that is not on or off, and a broken value in the file names the deck setting', () => {
    const env = cliEnv();
    expect(env.run(['config', 'set', 'typed-answers', 'sometimes', '--deck', 'X'])).toEqual({
      status: 2,
      stdout: '',
      stderr: 'engram: "sometimes" is not on or off.\n',
    });
    expect(existsSync(configFile(env))).toBe(false);
    writeConfigText(env, '{ "decks": { "X": { "typed-answers": "maybe" } } }');
    const r = env.run(['config']);
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('is wrong: typed-answers: "maybe" is not on or off. Fix it');
  });
});

describe('model, the memory model that schedules', () => {
  it('is FSRS-6 by default, taken in any case, globally and per deck', () => {
    const env = cliEnv();
    expect(env.run(['config', 'get', 'model']).stdout).toBe('FSRS-6\n');
    expect(env.run(['config', 'set', 'model', 'fsrs-6', '--deck', 'Java', '--force'])).toEqual({ status: 0, stdout: 'model (deck Java) = FSRS-6\n', stderr: '' });
    expect(JSON.parse(readConfigText(env))).toEqual({ decks: { Java: { model: 'FSRS-6' } } });
    expect(env.run(['config']).stdout).toContain('\ndeck "Java": model FSRS-6\n');
  });

  it('refuses a model this engram does not know (usage), naming the ones it knows; in the file, says which setting', () => {
    const env = cliEnv();
    expect(env.run(['config', 'set', 'model', 'FSRS-7'])).toEqual({
      status: 2,
      stdout: '',
      stderr: 'engram: unknown memory model "FSRS-7": this engram knows FSRS-6 (21 parameters). A newer engram may know it: upgrade engram, or choose one it knows.\n',
    });
    expect(existsSync(configFile(env))).toBe(false);
    writeConfigText(env, '{ "weights": [], "decks": { "Java": { "model": "FSRS-7" } } }');
    expect(env.run(['config'])).toEqual({
      status: 1,
      stdout: '',
      stderr: `engram: the settings file ${configFile(env)} is wrong: model: unknown memory model "FSRS-7": this engram knows FSRS-6 (21 parameters). A newer engram may know it: upgrade engram, or choose one it knows. Fix it with engram config set, or edit or delete the file.\n`,
    });
  });
});
