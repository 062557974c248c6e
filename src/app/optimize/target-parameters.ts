import { effectiveSettings, writeConfig, type ConfigFile } from '../settings/config-file.js';
import { configPath } from '../../cli/environment.js';
import { loadSettings, type LoadedSettings } from '../settings/study-settings.js';
import { displayPath } from '../../cli/output/display-path.js';
import { goBackCommand } from '../../cli/output/optimize-report.js';

/** Where fitted parameters go: the global setting (null), or each named deck's own. */
export type Target = readonly string[] | null;

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
export function currentParameters(file: ConfigFile, target: Target): { label: string; describe: string; defaults: boolean } {
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

/** Writes the weights to the settings file (read afresh: a long fit must not undo other changes); returns what to tell the user. */
export function saveWeights(target: Target, weights: number[]): string[] {
  const loaded = loadSettings(configPath());
  writeConfig(loaded.path, withWeights(loaded, target, weights).file);
  const path = displayPath(loaded.path);
  if (target === null) {
    const previous = globalWeights(loaded.file);
    return [
      `Saved as the global parameters in ${path}.`,
      `Before: ${previous ? 'your earlier parameters' : 'the defaults'}. To go back: ${goBackCommand(previous, null)}`,
    ];
  }
  return [
    `Saved for ${target.length === 1 ? 'deck' : 'decks'} ${target.join(', ')} in ${path}.`,
    ...target.map((deck) => {
      const previous = ownWeights(loaded.file, deck);
      return `Before, ${deck} had ${previous ? 'its own parameters' : 'none of its own'}. To go back: ${goBackCommand(previous, deck)}`;
    }),
  ];
}

