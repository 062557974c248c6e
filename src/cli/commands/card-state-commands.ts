import type { Command } from 'commander';
import { EngramError } from '../../model/engram-error.js';
import { dbOption } from '../common-options.js';
import { configPath, currentTime, storePath } from '../environment.js';

type Change = 'suspend' | 'unsuspend' | 'bury';

const DESCRIPTIONS: Record<Change, string> = {
  suspend: 'suspend cards: kept with their history, never shown until unsuspended',
  unsuspend: 'bring suspended cards back into reviews',
  bury: 'hide cards until the next study day',
};

/** `engram suspend|unsuspend|bury <card-id...>` */
export function registerCardStateCommands(program: Command): void {
  for (const change of ['suspend', 'unsuspend', 'bury'] as const) {
    program
      .command(change)
      .description(DESCRIPTIONS[change])
      .argument('<card-ids...>', 'card ids, as engram cards and engram due list them')
      .addOption(dbOption())
      .action(async (ids: string[], opts: { db?: string }) => {
        const { openCommandStore } = await import('../command-store.js');
        const { buryCard, setSuspended } = await import('../../store/study-queries.js');
        const { nextRollover } = await import('../../schedule/study-clock.js');
        const { loadSettings, studyClock } = await import('../../app/settings/study-settings.js');
        const numbers = [
          ...new Set(
            ids.map((id) => {
              if (!/^\d+$/.test(id)) throw new EngramError('failed', `"${id}" is not a card id; ids are numbers (see engram cards).`);
              return Number(id);
            }),
          ),
        ];
        const store = openCommandStore(storePath(opts.db), { create: false, now: currentTime() });
        try {
          const now = currentTime();
          const until = change === 'bury' ? nextRollover(now, studyClock(loadSettings(configPath()).settings)) : 0;
          const missing = store.transaction(() =>
            numbers.filter((id) => {
              if (change === 'bury') return !buryCard(store, id, until);
              return !setSuspended(store, id, change === 'suspend' ? now : null);
            }),
          );
          const done = numbers.length - missing.length;
          const verb = { suspend: 'Suspended', unsuspend: 'Unsuspended', bury: 'Buried until tomorrow:' }[change];
          if (done > 0) process.stdout.write(`${verb} ${numbers.filter((n) => !missing.includes(n)).join(', ')}\n`);
          if (missing.length > 0) throw new EngramError('failed', `no card with id ${missing.join(', ')}.`);
        } finally {
          store.close();
        }
      });
  }
}
