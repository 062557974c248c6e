import type { SettingValue } from '../../app/settings/change-setting.js';
import { SETTINGS, type DeckSettingName, type Settings } from '../../app/settings/settings.js';
import type { LoadedSettings } from '../../app/settings/study-settings.js';

/** A setting's value as `engram config` shows it and `engram config set` takes it. */
export function settingText({ name, value }: SettingValue): string {
  return (SETTINGS[name].show as (v: Settings[keyof Settings]) => string)(value);
}

/** `engram config set`'s answer: `name (deck d) = value`. */
export function settingSetLine(set: SettingValue, deck: string | undefined): string {
  return `${set.name}${deck ? ` (deck ${deck})` : ''} = ${settingText(set)}`;
}

/**
 * `engram config`: every setting with its value, whether it is set or the
 * default, and what it does; then each deck's own values and the file's path.
 */
export function settingsListLines({ path, file, settings }: LoadedSettings): string[] {
  const names = Object.keys(SETTINGS) as (keyof Settings)[];
  const width = Math.max(...names.map((n) => n.length));
  const values = names.map((n) => settingText({ name: n, value: settings[n] }));
  // The values' column fits the longest one (an easy-days list is longer than most), so the columns after it line up.
  const valueWidth = Math.max(12, ...values.map((v) => v.length));
  const lines = names.map((n, i) => {
    const set = Object.hasOwn(file.settings, n);
    return `${n.padEnd(width)}  ${values[i]!.padEnd(valueWidth)} ${set ? '(set)    ' : '(default)'}  ${SETTINGS[n].help}`;
  });
  for (const [deck, o] of Object.entries(file.decks)) {
    for (const [k, v] of Object.entries(o)) lines.push(`deck "${deck}": ${k} ${settingText({ name: k as DeckSettingName, value: v as never })}`);
  }
  lines.push(`Settings file: ${path}`);
  return lines;
}

/** `engram config --json`: the file's path, the settings in effect and each deck's own values. */
export function settingsListJson({ path, file, settings }: LoadedSettings): string {
  return JSON.stringify({ path, settings, decks: file.decks }, null, 2);
}
