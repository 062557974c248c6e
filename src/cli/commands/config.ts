import type { Command } from 'commander';
import { configPath } from '../environment.js';
import { EngramError } from '../../model/engram-error.js';
import { writeConfig } from '../../app/settings/config-file.js';
import { DECK_SETTINGS, isSettingName, SETTINGS, type DeckSettingName, type Settings } from '../../app/settings/settings.js';
import { loadSettings } from '../../app/settings/study-settings.js';
import { jsonOption } from '../common-options.js';

const NAMES = Object.keys(SETTINGS).join(', ');
/** "a, b and c": the settings a deck may override, for help and messages. */
const DECK_NAMES = `${DECK_SETTINGS.slice(0, -1).join(', ')} and ${DECK_SETTINGS[DECK_SETTINGS.length - 1]!}`;

/** `engram config [get|set|unset]` */
export function registerConfig(program: Command): void {
  const config = program
    .command('config')
    .description(`show or change settings (${configPathHint()})`)
    .addOption(jsonOption())
    .action((opts: { json?: boolean }) => showAll(Boolean(opts.json)));

  config
    .command('get')
    .description('print one setting')
    .argument('<name>', NAMES)
    .option('--deck <deck>', `a deck's own value (${DECK_SETTINGS.join(', ')})`)
    .action((name: string, opts: { deck?: string }) => {
      const { file, settings } = loadSettings(configPath());
      const key = settingName(name, opts.deck);
      const deckValue = opts.deck ? file.decks[opts.deck]?.[key as DeckSettingName] : undefined;
      process.stdout.write(`${show(key, deckValue ?? settings[key])}\n`);
    });

  config
    .command('set')
    .description('change a setting, e.g. engram config set learning-steps 1m 10m 1h')
    .argument('<name>', NAMES)
    .argument('<value...>', 'the new value')
    .option('--deck <deck>', `set it for one deck only (${DECK_SETTINGS.join(', ')})`)
    .action((name: string, value: string[], opts: { deck?: string }) => {
      const loaded = loadSettings(configPath());
      const key = settingName(name, opts.deck);
      const parsed = SETTINGS[key].parse(value.join(' ')) as never;
      if (opts.deck) (loaded.file.decks[opts.deck] ??= {})[key as DeckSettingName] = parsed;
      else (loaded.file.settings as Record<string, unknown>)[key] = parsed;
      writeConfig(loaded.path, loaded.file);
      process.stdout.write(`${key}${opts.deck ? ` (deck ${opts.deck})` : ''} = ${show(key, parsed)}\n`);
    });

  config
    .command('unset')
    .description('go back to the default (or, with --deck, to the global value)')
    .argument('<name>', NAMES)
    .option('--deck <deck>', "drop a deck's own value")
    .action((name: string, opts: { deck?: string }) => {
      const loaded = loadSettings(configPath());
      const key = settingName(name, opts.deck);
      if (opts.deck) {
        const deck = loaded.file.decks[opts.deck];
        if (deck) delete deck[key as DeckSettingName];
        if (deck && Object.keys(deck).length === 0) delete loaded.file.decks[opts.deck];
      } else {
        delete (loaded.file.settings as Record<string, unknown>)[key];
      }
      writeConfig(loaded.path, loaded.file);
      process.stdout.write(`${key}${opts.deck ? ` (deck ${opts.deck})` : ''} unset\n`);
    });
}

function configPathHint(): string {
  return 'kept in $XDG_CONFIG_HOME/engram/config.json';
}

function settingName(name: string, deck: string | undefined): keyof Settings {
  if (!isSettingName(name)) throw new EngramError('failed', `"${name}" is not a setting. Settings: ${NAMES}.`);
  if (deck !== undefined && !(DECK_SETTINGS as string[]).includes(name)) {
    throw new EngramError('failed', `"${name}" cannot be set per deck; decks can set ${DECK_NAMES}.`);
  }
  return name;
}

function show<K extends keyof Settings>(key: K, value: Settings[K]): string {
  return SETTINGS[key].show(value);
}

function showAll(json: boolean): void {
  const { path, file, settings } = loadSettings(configPath());
  if (json) {
    process.stdout.write(`${JSON.stringify({ path, settings, decks: file.decks }, null, 2)}\n`);
    return;
  }
  const names = Object.keys(SETTINGS) as (keyof Settings)[];
  const width = Math.max(...names.map((n) => n.length));
  const lines = names.map((n) => {
    const set = Object.hasOwn(file.settings, n);
    return `${n.padEnd(width)}  ${show(n, settings[n]).padEnd(12)} ${set ? '(set)    ' : '(default)'}  ${SETTINGS[n].help}`;
  });
  for (const [deck, o] of Object.entries(file.decks)) {
    for (const [k, v] of Object.entries(o)) lines.push(`deck "${deck}": ${k} ${show(k as DeckSettingName, v as never)}`);
  }
  lines.push(`Settings file: ${path}`);
  process.stdout.write(`${lines.join('\n')}\n`);
}
