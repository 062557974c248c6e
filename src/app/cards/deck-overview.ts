import type { DeckSummary } from '../../model/deck.js';
import { nextRollover } from '../../schedule/study-time.js';
import { learningCards } from '../../schedule/due-queue.js';
import { deckSummaries } from '../../store/decks.js';
import type { Store } from '../../store/open-store.js';
import { loadDueQueue } from '../review/load-queue.js';
import { studyClock, type LoadedSettings } from '../settings/study-settings.js';

/** A deck's counts, with what today's review session would show of it. */
export interface DeckOverview extends DeckSummary {
  /** New cards today's session shows (daily limits applied). */
  newToday: number;
  /** Reviews today's session shows: `due` after the limits and siblings. */
  due: number;
  /** Cards in their (re)learning steps that today's session shows. */
  learning: number;
}

/**
 * Every deck with a card, by name, at `now`: totals by state from the store,
 * with new-today, due and learning counted as a review session counts them
 * (daily limits and siblings applied, after what was studied earlier today).
 */
export function deckOverview(store: Store, loaded: LoadedSettings, now: number): DeckOverview[] {
  const queue = loadDueQueue(store, loaded, now, []);
  const today = new Map<string, { newToday: number; due: number; learning: number }>();
  const count = (deck: string) => {
    let c = today.get(deck);
    if (!c) today.set(deck, (c = { newToday: 0, due: 0, learning: 0 }));
    return c;
  };
  for (const c of learningCards(queue)) count(c.deck).learning++;
  for (let i = queue.at; i < queue.main.length; i++) {
    const c = queue.main[i]!;
    if (c.state === null || c.state.phase === 'new') count(c.deck).newToday++;
    else count(c.deck).due++;
  }
  return deckSummaries(store, now, nextRollover(now, studyClock(loaded.settings))).map((d) => ({
    ...d,
    ...(today.get(d.name) ?? { newToday: 0, due: 0, learning: 0 }),
  }));
}
