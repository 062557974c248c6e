/**
 * Which cards a file gives: `cards` only the cards written in it, `notes` only
 * cards derived from its notes, `auto` the written cards when it has any, else
 * the derived ones.
 */
export type ParseMode = 'auto' | 'cards' | 'notes';

/** Every mode, for option choices. */
export const PARSE_MODES: readonly ParseMode[] = ['auto', 'cards', 'notes'];
