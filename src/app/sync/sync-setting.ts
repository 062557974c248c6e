import { existsSync } from 'node:fs';
import { effectiveSettings, readConfig } from '../settings/config-file.js';

/**
 * Whether the automatic sync (auto-sync.ts) could do anything for an import or
 * a review: a store at `storePath` and the `sync` setting on, or a settings
 * file that cannot be read (the sync then says why it was skipped). Read from
 * the settings file alone, so that a command with the setting off (the usual
 * case) never loads the sync's code: that was a twentieth of a re-sync that
 * found nothing changed, and is off the way to the review's first card.
 */
export function syncMayRun(storePath: string, settingsPath: string): boolean {
  if (!existsSync(storePath)) return false;
  try {
    return effectiveSettings(readConfig(settingsPath)).sync;
  } catch {
    return true;
  }
}
