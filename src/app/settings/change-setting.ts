import { existsSync } from 'node:fs';
import { EngramError } from '../../model/engram-error.js';
import { LOCAL_SETTINGS } from '../../model/sync-event.js';
import { deckNames } from '../../store/decks.js';
import { openUserStore } from '../open-user-store.js';
import type { SettingRecorder } from '../sync/setting-events.js';
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
 * settings file at `path`, and returns the value set. With `knownDecks` (the
 * decks there are, asked once the setting and value are known to be good), a
 * deck not among them is refused: a misspelt deck name would otherwise be
 * kept and apply to nothing, silently. `record` hears the change (for sync).
 * @throws EngramError 'failed' for a broken settings file; 'usage' for an unknown setting,
 *   one decks cannot set, or a value the setting does not take; 'notFound'
 *   (fix `new-deck`) for a deck not in `knownDecks`, listing them
 */
export function setSetting(
  path: string,
  name: string,
  words: readonly string[],
  deck?: string,
  knownDecks?: () => readonly string[],
  record?: SettingRecorder,
): SettingValue {
  const loaded = loadSettings(path);
  const key = settingName(name, deck);
  const parsed = SETTINGS[key].parse(words.join(' ')) as never;
  const known = deck !== undefined ? knownDecks?.() : undefined;
  if (deck !== undefined && known && !known.includes(deck)) {
    const decks = known.length ? known.join(', ') : 'none yet (engram import <files> first)';
    throw new EngramError('notFound', `no deck named "${deck}". Decks: ${decks}.`, { kind: 'new-deck' });
  }
  if (deck) (loaded.file.decks[deck] ??= {})[key as DeckSettingName] = parsed;
  else (loaded.file.settings as Record<string, unknown>)[key] = parsed;
  writeConfig(loaded.path, loaded.file);
  record?.(key, deck ?? null, parsed);
  return { name: key, value: parsed };
}

/**
 * Drops `name` from the settings file at `path`: back to the default, or with
 * `deck` to the global value (a deck left with no setting is dropped too).
 * @returns the setting's name
 * @throws EngramError 'failed' for a broken settings file; 'usage' for an unknown setting, or one decks cannot set
 */
export function unsetSetting(path: string, name: string, deck?: string, record?: SettingRecorder): keyof Settings {
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
  record?.(key, deck ?? null, null);
  return key;
}

/**
 * The decks of the store at `storePath` that hold cards, for checking a deck
 * setting's deck: none when there is no store yet. The store is opened as
 * every command opens it (see openUserStore), and only read.
 */
export function storeDeckNames(storePath: string, o: { now: number; warn: (message: string) => void }): string[] {
  if (!existsSync(storePath)) return [];
  const store = openUserStore(storePath, { create: false, ...o });
  try {
    return deckNames(store);
  } finally {
    store.close();
  }
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

/**
 * Sets (or with value null unsets) a setting as another device changed it,
 * in the settings file at `path`. The value is checked as `engram config set`
 * checks it; a setting this engram does not know (from a newer one), a
 * machine's own (LOCAL_SETTINGS: its time zone, its auto-sync), or a value it
 * refuses, is left alone. Returns whether the file changed.
 */
export function applySyncedSetting(path: string, name: string, deck: string | null, value: unknown): boolean {
  // A machine's own settings are never written from another device's event.
  if (!isSettingName(name) || LOCAL_SETTINGS.includes(name)) return false;
  try {
    if (value === null) unsetSetting(path, name, deck ?? undefined);
    else setSetting(path, name, [(SETTINGS[name].show as (v: unknown) => string)(value)], deck ?? undefined);
    return true;
  } catch {
    return false;
  }
}
