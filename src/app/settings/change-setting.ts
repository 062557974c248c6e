import { EngramError } from '../../model/engram-error.js';
import { writeConfig } from './config-file.js';
import { DECK_SETTINGS, isSettingName, SETTINGS, type DeckSettingName, type Settings } from './settings.js';
import { loadSettings } from './study-settings.js';

/** One setting and its value (global, or a deck's). */
export interface SettingValue<K extends keyof Settings = keyof Settings> {
  name: K;
  value: Settings[K];
}

/**
 * The value in effect of setting `name`: with `deck`, that deck's own value
 * when it has one, else the global one.
 * @throws EngramError 'failed' for a broken settings file; 'usage' for an unknown setting, or one decks cannot set
 */
export function readSetting(path: string, name: string, deck?: string): SettingValue {
  const { file, settings } = loadSettings(path);
  const key = settingName(name, deck);
  const deckValue = deck ? file.decks[deck]?.[key as DeckSettingName] : undefined;
  return { name: key, value: deckValue ?? settings[key] };
}

/**
 * Sets `name` (for `deck` only, when given) to the value `words` say, in the
 * settings file at `path`, and returns the value set.
 * @throws EngramError 'failed' for a broken settings file; 'usage' for an unknown setting,
 *   one decks cannot set, or a value the setting does not take
 */
export function setSetting(path: string, name: string, words: readonly string[], deck?: string): SettingValue {
  const loaded = loadSettings(path);
  const key = settingName(name, deck);
  const parsed = SETTINGS[key].parse(words.join(' ')) as never;
  if (deck) (loaded.file.decks[deck] ??= {})[key as DeckSettingName] = parsed;
  else (loaded.file.settings as Record<string, unknown>)[key] = parsed;
  writeConfig(loaded.path, loaded.file);
  return { name: key, value: parsed };
}

/**
 * Drops `name` from the settings file at `path`: back to the default, or with
 * `deck` to the global value (a deck left with no setting is dropped too).
 * @returns the setting's name
 * @throws EngramError 'failed' for a broken settings file; 'usage' for an unknown setting, or one decks cannot set
 */
export function unsetSetting(path: string, name: string, deck?: string): keyof Settings {
  const loaded = loadSettings(path);
  const key = settingName(name, deck);
  if (deck) {
    const own = loaded.file.decks[deck];
    if (own) delete own[key as DeckSettingName];
    if (own && Object.keys(own).length === 0) delete loaded.file.decks[deck];
  } else {
    delete (loaded.file.settings as Record<string, unknown>)[key];
  }
  writeConfig(loaded.path, loaded.file);
  return key;
}

/** Every setting's name, for messages. */
const SETTING_NAMES = Object.keys(SETTINGS).join(', ');
/** "a, b and c": the settings a deck may override, for help and messages. */
const DECK_NAMES = `${DECK_SETTINGS.slice(0, -1).join(', ')} and ${DECK_SETTINGS[DECK_SETTINGS.length - 1]!}`;

function settingName(name: string, deck: string | undefined): keyof Settings {
  if (!isSettingName(name)) throw new EngramError('usage', `"${name}" is not a setting. Settings: ${SETTING_NAMES}.`);
  if (deck !== undefined && !(DECK_SETTINGS as string[]).includes(name)) {
    throw new EngramError('usage', `"${name}" cannot be set per deck; decks can set ${DECK_NAMES}.`);
  }
  return name;
}
