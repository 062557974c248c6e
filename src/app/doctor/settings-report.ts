import { EngramError } from '../../model/engram-error.js';
import type { SchedulerSet } from '../../schedule/scheduler-set.js';
import { effectiveSettings, type ConfigFile } from '../settings/config-file.js';
import { loadSettings, schedulerSet, type LoadedSettings } from '../settings/study-settings.js';

/** The settings as `engram doctor` sees them: loaded, or the defaults and why not. */
export interface SettingsReport {
  path: string;
  /** The settings in effect: the file's, or the defaults when it cannot be read. */
  loaded: LoadedSettings;
  /** Why the file cannot be used (every other command stops on it). */
  problems: string[];
  /** The schedulers the store's states are checked against. */
  schedulers: () => SchedulerSet;
  /** Settings for decks the store does not have (a misspelt name sets nothing). */
  deckProblems: (decks: readonly string[]) => string[];
}

/** Reads the settings file without stopping on a broken one. */
export function settingsReport(path: string): SettingsReport {
  let loaded: LoadedSettings;
  const problems: string[] = [];
  try {
    loaded = loadSettings(path);
  } catch (err) {
    if (!(err instanceof EngramError)) throw err;
    problems.push(err.message);
    const file: ConfigFile = { settings: {}, decks: {} };
    loaded = { path, file, settings: effectiveSettings(file) };
  }
  return {
    path,
    loaded,
    problems,
    schedulers: () => schedulerSet(loaded),
    deckProblems: (decks) =>
      Object.keys(loaded.file.decks)
        .filter((d) => !decks.some((known) => known === d || known.startsWith(`${d}/`)))
        .map((d) => `settings for the deck "${d}", which the store does not have (a misspelt name? engram decks lists them); they apply to nothing`),
  };
}
