import type { Command } from 'commander';
import type { CardStateChange } from '../../app/cards/change-card-state.js';
import { EngramError } from '../../model/engram-error.js';
import { dbOption } from '../common-options.js';
import { configPath, currentTime, storePath } from '../environment.js';

const DESCRIPTIONS: Record<CardStateChange, string> = {
  suspend: 'suspend cards: kept with their history, never shown until unsuspended',
  unsuspend: 'bring suspended cards back into reviews',
  bury: 'hide cards until the next study day',
  drop: 'drop cards derived from notes for good: kept with their history, never shown, kept dropped by re-imports',
  undrop: 'bring dropped cards back into reviews (engram cards --dropped lists them)',
};

/** What each command says before the ids it changed. */
const DONE: Record<CardStateChange, string> = { suspend: 'Suspended', unsuspend: 'Unsuspended', bury: 'Buried until tomorrow:', drop: 'Dropped', undrop: 'Undropped' };

/** `engram suspend|unsuspend|bury|drop|undrop <card-id...>` */
export function registerCardStateCommands(program: Command): void {
  for (const change of ['suspend', 'unsuspend', 'bury', 'drop', 'undrop'] as const) {
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
          const written = result.written.length > 0 ? writtenCards(result.written) : null;
          // Nothing matched outweighs a refusal: exit 4 names both.
          if (result.missing.length > 0) throw new EngramError('notFound', `no card with id ${result.missing.join(', ')}.${written ? ` And ${written}` : ''}`);
          if (written) throw new EngramError('usage', written[0]!.toUpperCase() + written.slice(1));
        } finally {
          store.close();
        }
      });
  }
}

/** Why written cards are not dropped, and what to do instead (the user's own text is theirs to change). */
function writtenCards(ids: readonly number[]): string {
  const one = ids.length === 1;
  const which = one ? `card ${ids[0]} was written as a card` : `cards ${ids.join(', ')} were written as cards`;
  return `${which}, not derived from notes: only derived cards can be dropped. Suspend ${one ? 'it' : 'them'} (engram suspend ${ids.join(' ')}) or edit ${one ? 'its file' : 'their files'}.`;
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
