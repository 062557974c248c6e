import { effectiveSettings, writeConfig, type ConfigFile } from '../settings/config-file.js';
import { loadSettings, type LoadedSettings } from '../settings/study-settings.js';

/** Where fitted parameters go: the global setting (null), or each named deck's own. */
export type Target = readonly string[] | null;

/** The parameters a target is scheduled with now, as the report names them. */
export interface CurrentParameters {
  /** Short, for a table row: `defaults`, `saved`, `global`, `deck's own`... */
  label: string;
  /** In a sentence: `the default parameters`, `your saved parameters`... */
  describe: string;
  /** True when they are FSRS's defaults. */
  defaults: boolean;
}

/** What saving fitted parameters replaced. */
export interface SavedWeights {
  /** The settings file written. */
  path: string;
  /** What each place had before: the global parameters (deck null) or a deck's own; weights null for none (the defaults). */
  before: { deck: string | null; weights: number[] | null }[];
}

/** A deck's own parameters, or null when it has none. */
export function ownWeights(file: ConfigFile, deck: string): number[] | null {
  const own = file.decks[deck]?.weights;
  return own && own.length > 0 ? own : null;
}

/** The global parameters, or null when none are set (the defaults). */
export function globalWeights(file: ConfigFile): number[] | null {
  const w = file.settings.weights;
  return w && w.length > 0 ? w : null;
}

/** The parameters the target is scheduled with now, as the report names them; `defaults` when they are FSRS's. */
export function currentParameters(file: ConfigFile, target: Target): CurrentParameters {
  const defaults = { label: 'defaults', describe: 'the default parameters', defaults: true };
  if (target === null) return globalWeights(file) ? { label: 'saved', describe: 'your saved parameters', defaults: false } : defaults;
  const own = target.filter((d) => ownWeights(file, d)).length;
  if (own === target.length) {
    return target.length === 1
      ? { label: "deck's own", describe: "the deck's own parameters", defaults: false }
      : { label: "decks' own", describe: "the decks' own parameters", defaults: false };
  }
  if (own === 0) return globalWeights(file) ? { label: 'global', describe: 'your global parameters', defaults: false } : defaults;
  return { label: 'as now', describe: 'the parameters each deck has now', defaults: false };
}

/** The settings with `weights` in place for the target (in memory only). */
export function withWeights(loaded: LoadedSettings, target: Target, weights: number[]): LoadedSettings {
  const file: ConfigFile = { ...loaded.file, settings: { ...loaded.file.settings }, decks: { ...loaded.file.decks } };
  if (target === null) file.settings.weights = weights;
  else for (const deck of target) file.decks[deck] = { ...file.decks[deck], weights };
  return { path: loaded.path, file, settings: effectiveSettings(file) };
}

/**
 * Writes the weights for the target into the settings file at
 * `settingsPath`, read afresh (a long fit must not undo changes made while it
 * ran). Returns what they replaced. Throws EngramError when the file has
 * become unreadable.
 */
export function saveWeights(settingsPath: string, target: Target, weights: number[]): SavedWeights {
  const loaded = loadSettings(settingsPath);
  writeConfig(loaded.path, withWeights(loaded, target, weights).file);
  const before = target === null ? [{ deck: null, weights: globalWeights(loaded.file) }] : target.map((deck) => ({ deck, weights: ownWeights(loaded.file, deck) }));
  return { path: loaded.path, before };
}

/** Parameters as the user reads and types them: four decimals, like Anki shows them. */
export function roundWeights(weights: readonly number[]): number[] {
  return weights.map((w) => Math.round(w * 10_000) / 10_000);
}
