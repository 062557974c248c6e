import type { Command } from 'commander';
import { DECK_SETTINGS, SETTINGS } from '../../app/settings/settings.js';
import { configPath, currentTime, storePath } from '../environment.js';
import { dbOption, jsonOption } from '../common-options.js';

/** Every setting's name, for help. */
const NAMES = Object.keys(SETTINGS).join(', ');

/** `engram config [get|set|unset]` */
export function registerConfig(program: Command): void {
  const config = program
    .command('config')
    .description('show or change settings (kept in $XDG_CONFIG_HOME/engram/config.json)')
    .addOption(jsonOption())
    .action(async (opts: { json?: boolean }) => {
      const { loadSettings } = await import('../../app/settings/study-settings.js');
      const { settingsListJson, settingsListLines } = await import('../output/settings-list.js');
      const loaded = loadSettings(configPath());
      process.stdout.write(`${opts.json ? settingsListJson(loaded) : settingsListLines(loaded).join('\n')}\n`);
    });

  config
    .command('get')
    .description('print one setting')
    .argument('<name>', NAMES)
    .option('--deck <deck>', `a deck's own value (${DECK_SETTINGS.join(', ')})`)
    .action(async (name: string, opts: { deck?: string }) => {
      const { readSetting } = await import('../../app/settings/change-setting.js');
      const { settingText } = await import('../output/settings-list.js');
      process.stdout.write(`${settingText(readSetting(configPath(), name, opts.deck))}\n`);
    });

  config
    .command('set')
    .description('change a setting, e.g. engram config set learning-steps 1m 10m 1h')
    .argument('<name>', NAMES)
    .argument('<value...>', 'the new value')
    .option('--deck <deck>', `set it for one deck only (${DECK_SETTINGS.join(', ')}); the deck must be in the store`)
    .option('--force', 'with --deck: set it for a deck that is not in the store yet (one you are about to import)')
    .addOption(dbOption())
    .action(async (name: string, value: string[], opts: { deck?: string; force?: boolean; db?: string }) => {
      const { setSetting, storeDeckNames } = await import('../../app/settings/change-setting.js');
      const { settingRecorder } = await import('../../app/sync/setting-events.js');
      const { warnOnStderr } = await import('../command-store.js');
      const { settingSetLine } = await import('../output/settings-list.js');
      const known = opts.deck !== undefined && !opts.force ? () => storeDeckNames(storePath(opts.db), { now: currentTime(), warn: warnOnStderr }) : undefined;
      const record = settingRecorder(storePath(opts.db), currentTime(), warnOnStderr);
      process.stdout.write(`${settingSetLine(setSetting(configPath(), name, value, opts.deck, known, record), opts.deck)}\n`);
    });

  config
    .command('unset')
    .description('go back to the default (or, with --deck, to the global value)')
    .argument('<name>', NAMES)
    .option('--deck <deck>', "drop a deck's own value")
    .addOption(dbOption())
    .action(async (name: string, opts: { deck?: string; db?: string }) => {
      const { unsetSetting } = await import('../../app/settings/change-setting.js');
      const { settingRecorder } = await import('../../app/sync/setting-events.js');
      const { warnOnStderr } = await import('../command-store.js');
      const key = unsetSetting(configPath(), name, opts.deck, settingRecorder(storePath(opts.db), currentTime(), warnOnStderr));
      process.stdout.write(`${key}${opts.deck ? ` (deck ${opts.deck})` : ''} unset\n`);
    });
}
