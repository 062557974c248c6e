import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import type { FileReport } from '../../library/import-sources.js';
import { EngramError } from '../../model/engram-error.js';
import { buildQueue, type DueQueue, type StudiedToday } from '../../schedule/due-queue.js';
import { nextRollover, studyDay, studyDayStart } from '../../schedule/study-time.js';
import { deckNames } from '../../store/decks.js';
import type { Store } from '../../store/open-store.js';
import { cardsStudiedSince, newCards, scheduledCards } from '../../store/study-queries.js';
import { studyClock, type LoadedSettings } from '../settings/study-settings.js';
import { todaysLimits } from './today-limits.js';

/** What `[decks or paths...]` meant: the decks to study and what importing the paths gave. */
export interface StudyTarget {
  decks: string[];
  imported: FileReport[];
}

/**
 * Resolves command arguments: an existing file or folder is imported first and
 * stands for the decks its files fill; anything else names a deck (a deck
 * `a` also takes in `a/b`). Throws EngramError ('notFound') for an unknown deck, or names that give no card.
 */
export async function resolveStudyTarget(store: Store, args: readonly string[], cwd: string, now: number): Promise<StudyTarget> {
  if (args.length === 0) return { decks: [], imported: [] };
  const paths = args.filter((a) => existsSync(resolve(cwd, a)));
  const names = args.filter((a) => !paths.includes(a));
  // The importer (and the parser behind it) loads only when there is something to import.
  const imported = paths.length ? (await import('../../library/import-sources.js')).importPaths(store, paths, { cwd, now }) : [];
  const known = deckNames(store);
  // A file stands for its deck only when it gave cards (a file of prose names no deck).
  const decks = new Set(imported.filter((r) => r.cards > 0 && r.deck).map((r) => r.deck!));
  for (const name of names) {
    const matches = known.filter((d) => d === name || d.startsWith(`${name}/`));
    if (matches.length === 0) {
      throw new EngramError('notFound', `no deck or file named "${name}". Decks: ${known.length ? known.join(', ') : 'none yet (engram import <files> first)'}.`);
    }
    for (const m of matches) decks.add(m);
  }
  if (args.length > 0 && decks.size === 0) throw new EngramError('notFound', `no cards in ${args.join(', ')}.`);
  return { decks: [...decks], imported };
}

/** Today's queue for the given decks (all when empty), after what was studied earlier today, within today's limits (extra study included). */
export function loadDueQueue(store: Store, loaded: LoadedSettings, now: number, decks: readonly string[]): DueQueue {
  const clock = studyClock(loaded.settings);
  const dayStart = studyDayStart(studyDay(now, clock), clock);
  const studied: StudiedToday = { newByDeck: new Map(), reviewsByDeck: new Map(), siblings: new Set() };
  for (const s of cardsStudiedSince(store, dayStart)) {
    const counts = (s.firstEver ? studied.newByDeck : studied.reviewsByDeck) as Map<string, number>;
    counts.set(s.deck, (counts.get(s.deck) ?? 0) + 1);
    if (s.sibling !== null) (studied.siblings as Set<string>).add(s.sibling);
  }
  const dayEnd = nextRollover(now, clock);
  return buildQueue(scheduledCards(store, now, dayEnd, decks), newCards(store, now, decks), studied, todaysLimits(store, loaded, now, decks), dayEnd);
}
