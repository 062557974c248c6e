import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { EngramError } from '../../model/engram-error.js';
import { checkLanguageOverrides } from '../../run/language-overrides.js';
import type { LanguageOverride } from '../../run/run-types.js';
import { defaultSettings, isDeckSettingName, isSettingName, SETTINGS, type DeckSettingName, type Settings } from './settings.js';

/** The settings file as stored: only what the user set, global and per deck. */
export interface ConfigFile {
  settings: Partial<Settings>;
  decks: Record<string, Partial<Pick<Settings, DeckSettingName>>>;
  /**
   * Changes to the snippet runner's languages (the `"languages"` key): argv
   * arrays only. Only this file can set them; decks never define commands.
   */
  languages?: Record<string, LanguageOverride>;
}

/** Reads the settings file (none yet: nothing set). Throws EngramError naming the file when it is broken. */
export function readConfig(path: string): ConfigFile {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return { settings: {}, decks: {} };
    throw new EngramError('failed', `cannot read the settings file ${path}: ${(err as Error).message}`);
  }
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (err) {
    throw new EngramError('failed', `the settings file ${path} is not valid JSON (${(err as Error).message}). Fix it, or delete it to start from the defaults.`);
  }
  const file: ConfigFile = { settings: {}, decks: {} };
  if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) throw broken(path, 'it is not a JSON object');
  for (const [name, value] of Object.entries(raw as Record<string, unknown>)) {
    if (name === 'decks') {
      if (value === null || typeof value !== 'object' || Array.isArray(value)) throw broken(path, '"decks" is not an object');
      for (const [deck, overrides] of Object.entries(value as Record<string, unknown>)) {
        file.decks[deck] = {};
        for (const [key, v] of Object.entries((overrides ?? {}) as Record<string, unknown>)) {
          if (!isDeckSettingName(key)) throw broken(path, `deck "${deck}" sets "${key}", which decks cannot set`);
          (file.decks[deck] as Record<string, unknown>)[key] = checked(path, key, v);
        }
      }
    } else if (name === 'languages') {
      const languages = checkLanguageOverrides(value);
      if ('error' in languages) throw broken(path, `"${languages.error.key}" ${languages.error.why}`);
      file.languages = languages.overrides;
    } else if (isSettingName(name)) {
      (file.settings as Record<string, unknown>)[name] = checked(path, name, value);
    } else {
      throw broken(path, `"${name}" is not a setting (settings: ${Object.keys(SETTINGS).join(', ')})`);
    }
  }
  return file;
}

/** The settings in effect: defaults overlaid with the file. */
export function effectiveSettings(file: ConfigFile): Settings {
  return { ...defaultSettings(), ...file.settings };
}

/**
 * The value of a deck setting in effect for `deck`: the deck's own value, else
 * the global one, else the default. (Daily limits also cap a deck by the global
 * limit; the queue does that, not this.)
 */
export function deckSetting<K extends DeckSettingName>(file: ConfigFile, deck: string, name: K): Settings[K] {
  const own = file.decks[deck]?.[name];
  return own !== undefined ? (own as Settings[K]) : effectiveSettings(file)[name];
}

/** Writes the settings file atomically (a temp file renamed over it), so a crash never leaves half a file. */
export function writeConfig(path: string, file: ConfigFile): void {
  const out: Record<string, unknown> = { ...file.settings };
  if (Object.keys(file.decks).length > 0) out['decks'] = file.decks;
  if (file.languages && Object.keys(file.languages).length > 0) out['languages'] = file.languages;
  mkdirSync(dirname(path), { recursive: true });
  const temp = `${path}.${process.pid}.tmp`;
  writeFileSync(temp, `${JSON.stringify(out, null, 2)}\n`);
  renameSync(temp, path);
}

function checked(path: string, name: keyof Settings, value: unknown): unknown {
  const text = Array.isArray(value) ? value.join(' ') : String(value);
  try {
    return SETTINGS[name].parse(text);
  } catch (err) {
    throw broken(path, `${name}: ${(err as Error).message.replace(/\.$/, '')}`);
  }
}

function broken(path: string, why: string): EngramError {
  return new EngramError('failed', `the settings file ${path} is wrong: ${why}. Fix it with engram config set, or edit or delete the file.`);
}
