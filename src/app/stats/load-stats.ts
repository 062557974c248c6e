import { default_w } from 'ts-fsrs';
import { studyDay, studyDayStart } from '../../schedule/study-time.js';
import { studyDayCounter } from '../../schedule/study-day-counter.js';
import { statsReport } from '../../stats/build-stats-report.js';
import { cardFiguresFromCounts } from '../../stats/card-figures.js';
import { bucketBounds, countValues } from '../../stats/distributions.js';
import { forecastStarts } from '../../stats/due-forecast.js';
import { HARD_CARDS, hardCards } from '../../stats/hard-cards.js';
import type { CardFigures } from '../../stats/stats-input.js';
import type { StudyClock } from '../../model/study-clock.js';
import { cardCategoryCounts, cardValues, dueSlotCounts, hardCardCandidates } from '../../store/card-figure-queries.js';
import type { StatsDeck } from '../../stats/stats-input.js';
import type { StatsReport } from '../../stats/stats-report.js';
import type { Store } from '../../store/open-store.js';
import { deckReviewDayTallies, foldReviewDays, reviewDayTallies } from '../../store/review-days.js';
import { cardFronts, decksWithCards, type DeckRow } from '../../store/stats-queries.js';
import { schedulerSet, studyClock, type LoadedSettings } from '../settings/study-settings.js';
import { namedDecks } from '../named-decks.js';
import { ensureReviewFacts } from '../review-facts.js';

/**
 * The decks `names` stand for: each name is a deck and the decks under it
 * (`sql` takes in `sql/joins`); no names means every deck. Throws EngramError
 * ('notFound') for a name that matches no deck, listing the decks there are.
 */
export function selectDecks(all: readonly DeckRow[], names: readonly string[]): DeckRow[] {
  if (names.length === 0) return [...all];
  const chosen = new Set(namedDecks(names, all.map((d) => d.name)));
  return all.filter((d) => chosen.has(d.name));
}

/**
 * Every figure of `engram stats` for the decks `decks` (every deck when
 * empty) at `now`. Fills in review facts a pre-v3 store lacks and brings the
 * per-day tallies up to date from the quarter-hour ones first (both write to the store). Throws
 * EngramError ('notFound') for an unknown deck name.
 */
export function loadStatsReport(store: Store, loaded: LoadedSettings, now: number, decks: string[]): StatsReport {
  const all = decksWithCards(store);
  const selected = selectDecks(all, decks);
  const deckIds = decks.length === 0 ? null : selected.map((d) => d.id);
  const { settings, file } = loaded;
  const clock = studyClock(settings);
  ensureReviewFacts(store, schedulerSet(loaded));
  foldReviewDays(store, clock, studyDayCounter(clock));

  const today = studyDay(now, clock);
  const weightsOf = (name: string): readonly number[] => {
    const own = file.decks[name]?.weights;
    if (own && own.length > 0) return own;
    return settings.weights.length > 0 ? settings.weights : default_w;
  };
  const statsDecks: StatsDeck[] = selected.map((d) => ({ id: d.id, name: d.name, weights: weightsOf(d.name) }));
  const cardFigures = countCardFigures(store, deckIds, now, today, clock);
  // Only the cards that can be hard cards are read one by one.
  const cards = hardCardCandidates(store, deckIds, now, HARD_CARDS);
  const byId = new Map(statsDecks.map((d) => [d.id, d.weights]));
  const hard = hardCards(cards, now, (id) => byId.get(id) ?? default_w);
  const fronts = cardFronts(store, [...new Set([...hard.mostLapses, ...hard.lowestRetrievability].map((c) => c.id))]);
  return statsReport({
    now,
    clock,
    desiredRetention: settings.retention,
    easyDays: settings['easy-days'].length === 7 ? settings['easy-days'] : null,
    decks: statsDecks,
    allDecks: decks.length === 0,
    tallies: reviewDayTallies(store, { deckIds }),
    recentDeckTallies: deckReviewDayTallies(store, { deckIds, fromDay: today - 29, toDay: today }),
    cards,
    fronts,
    hard,
    cardFigures,
  });
}

/** What the stats give about the cards of the decks (every deck: null), counted by the store. */
export function countCardFigures(store: Store, deckIds: readonly number[] | null, now: number, today: number, clock: StudyClock): CardFigures {
  const days = bucketBounds('days');
  const values = cardValues(store, deckIds);
  return cardFiguresFromCounts(
    cardCategoryCounts(store, deckIds, now),
    dueSlotCounts(store, deckIds, now, forecastStarts(today, clock), studyDayStart(today, clock)),
    {
      intervals: countValues(values.intervals, days),
      stability: countValues(values.stability, days),
      difficulty: countValues(values.difficulty, bucketBounds('difficulty')),
    },
    today,
  );
}
