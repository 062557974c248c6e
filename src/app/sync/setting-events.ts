import { existsSync } from 'node:fs';
import { LOCAL_SETTINGS } from '../../model/sync-event.js';
import { openStore, type Store } from '../../store/open-store.js';
import { recordEvent } from '../../store/sync-log.js';

/** Records a change of a setting (value null: unset) for sync. */
export type SettingRecorder = (name: string, deck: string | null, value: unknown) => void;

/**
 * Records a setting change as this device's event in an open store, so the
 * next sync carries it to the other devices (where the latest change of a
 * setting wins). Settings of a machine's place (the time zone) never travel.
 */
export function recordSettingEvent(store: Store, at: number): SettingRecorder {
  return (name, deck, value) => {
    if (LOCAL_SETTINGS.includes(name) || store.readOnly) return;
    store.transaction(() => recordEvent(store, { kind: 'setting', name, deck, value }, at, null));
  };
}

/**
 * {@link recordSettingEvent} for the store at `storePath`, opened for the
 * change and closed after: nothing when there is no store yet (nothing to
 * sync). A store that cannot be written is a warning: the setting itself is
 * changed, only the other devices do not learn it.
 */
export function settingRecorder(storePath: string, at: number, warn: (message: string) => void): SettingRecorder {
  return (name, deck, value) => {
    if (LOCAL_SETTINGS.includes(name) || !existsSync(storePath)) return;
    let store: Store | undefined;
    try {
      store = openStore(storePath, { create: false });
      recordSettingEvent(store, at)(name, deck, value);
    } catch (err) {
      warn(`the change was not recorded for your other devices (${(err as Error).message}); set it there too.`);
    } finally {
      store?.close();
    }
  };
}
