import type { Command } from 'commander';
import type { CardStateChange } from '../../app/cards/change-card-state.js';
import { EngramError } from '../../model/engram-error.js';
import { dbOption } from '../common-options.js';
import { configPath, currentTime, storePath } from '../environment.js';

const DESCRIPTIONS: Record<CardStateChange, string> = {
  suspend: 'suspend cards: kept with their history, never shown until unsuspended',
  unsuspend: 'bring suspended cards back into reviews',
  bury: 'hide cards until the next study day',
};

/** What each command says before the ids it changed. */
const DONE: Record<CardStateChange, string> = { suspend: 'Suspended', unsuspend: 'Unsuspended', bury: 'Buried until tomorrow:' };

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
        const { changeCardState } = await import('../../app/cards/change-card-state.js');
        const numbers = cardIds(ids);
        const store = openCommandStore(storePath(opts.db), { create: false, now: currentTime() });
        try {
          const result = changeCardState(store, change, numbers, { now: currentTime(), configPath: configPath() });
          if (result.changed.length > 0) process.stdout.write(`${DONE[change]} ${result.changed.join(', ')}\n`);
          if (result.missing.length > 0) throw new EngramError('notFound', `no card with id ${result.missing.join(', ')}.`);
        } finally {
          store.close();
        }
      });
  }
}

/** The ids as numbers, each once, in the order given; throws EngramError 'usage' for one that is not a number. */
function cardIds(ids: readonly string[]): number[] {
  return [
    ...new Set(
      ids.map((id) => {
        if (!/^\d+$/.test(id)) throw new EngramError('usage', `"${id}" is not a card id; ids are numbers (see engram cards).`);
        return Number(id);
      }),
    ),
  ];
}
