/**
 * The figures of `engram stats` (and of `engram export --what stats`): one
 * plain object, ready for JSON. Dates are study days as yyyy-mm-dd; rates are
 * fractions (0-1), null when there is nothing to divide by; times are ms.
 */
export interface StatsReport {
  /** The instant the figures were computed at (ISO). */
  generatedAt: string;
  /** Today's study day. */
  date: string;
  clock: { timeZone: string; rolloverHour: number };
  /** The decks counted, by name. */
  decks: string[];
  /** No deck was named: every deck is counted. */
  allDecks: boolean;
  /** The retention the scheduler aims for (settings `retention`). */
  desiredRetention: number;
  /** Easy days (settings `easy-days`): each weekday's share of the normal load, Sunday first; absent when there are none. */
  easyDays?: readonly number[];
  today: TodayFigures;
  streak: { current: number; longest: number };
  history: HistoryFigures;
  heatmap: Heatmap;
  forecast: Forecast;
  retention: RetentionFigures[];
  /** True retention week by week (Monday to Sunday), the last 26 weeks, oldest first; the last week is this one, through today. */
  retentionByWeek: RetentionFigures[];
  /** Reviews and time of each of the last 30 study days, oldest first, today last. */
  activity: ActivityDay[];
  cards: CardCounts;
  intervals: Distribution;
  stability: Distribution;
  difficulty: Distribution;
  leeches: { mostLapses: HardCard[]; lowestRetrievability: HardCard[] };
  deckTable: DeckFigures[];
}

/** Reviews by the card's phase when it was answered. */
export interface ByPhase {
  new: number;
  learning: number;
  review: number;
  relearning: number;
}

/** Today's study day so far. */
export interface TodayFigures {
  /** Cards still due before the next rollover (overdue ones included; new cards not). */
  due: number;
  /** Reviews answered today. */
  reviews: number;
  /** Of which Again. */
  again: number;
  againRate: number | null;
  timeMs: number;
  byPhase: ByPhase;
}

/** Reviews answered on one study day, and the time they took. */
export interface ActivityDay {
  date: string;
  reviews: number;
  /** Of which Again. */
  again: number;
  timeMs: number;
  byPhase: ByPhase;
}

/** The whole log of the decks counted. */
export interface HistoryFigures {
  reviews: number;
  timeMs: number;
  /** Study days with at least one review. */
  studyDays: number;
  firstDay: string | null;
  lastDay: string | null;
}

/** One cell of the heatmap. */
export interface HeatmapDay {
  date: string;
  reviews: number;
  /** Shade: 0 no review, 1-4 by quartile of the days with reviews in the window. */
  level: number;
}

/** A shade of the heatmap and the review counts it stands for. */
export interface HeatmapLevel {
  level: number;
  min: number;
  max: number;
}

/** One cell a day, from the Monday 52 weeks before this week's through today. */
export interface Heatmap {
  from: string;
  to: string;
  days: HeatmapDay[];
  /** Levels 1-4 that some day has (levels with no count range are left out). */
  levels: HeatmapLevel[];
  reviews: number;
  activeDays: number;
}

/** Cards due on one study day. */
export interface ForecastDay {
  date: string;
  due: number;
}

/** Cards due per study day: today (with the backlog) and the next 30 days. */
export interface Forecast {
  /** Of today's, due before today began. */
  overdue: number;
  /** days[0] is today, days[1..30] the next 30 days. */
  days: ForecastDay[];
  /** Due in the next 30 days, today not included. */
  next30: number;
}

/** Passed (Hard, Good or Easy) among reviews of cards in review. */
export interface Ratio {
  passed: number;
  reviews: number;
  rate: number | null;
}

/** True retention over the `days` study days `from`..`to`. */
export interface RetentionFigures {
  days: number;
  from: string;
  to: string;
  /** Interval under 21 days. */
  young: Ratio;
  /** Interval of 21 days or more. */
  mature: Ratio;
  all: Ratio;
}

/** Each card counted once: archived, else dropped, else suspended, else buried, else by its FSRS state. */
export interface CardCounts {
  total: number;
  new: number;
  learning: number;
  review: number;
  relearning: number;
  suspended: number;
  /** Derived cards the learner dropped. */
  dropped: number;
  buried: number;
  archived: number;
}

/** One bar of a distribution. */
export interface Bucket {
  label: string;
  /** Values from `from` (inclusive) to `to` (exclusive; null: no end). */
  from: number;
  to: number | null;
  cards: number;
}

/** How a figure of the cards is spread, in fixed buckets. */
export interface Distribution {
  /** Which cards are counted. */
  of: string;
  cards: number;
  mean: number | null;
  median: number | null;
  buckets: Bucket[];
}

/** A card that keeps being forgotten, or is the most likely to be forgotten now. */
export interface HardCard {
  id: number;
  deck: string;
  /** The question as plain text, on one line. */
  front: string;
  lapses: number;
  /** Chance to recall it now (0-1); null for a card not in review. */
  retrievability: number | null;
  stability: number;
}

/** One row of the per-deck table. */
export interface DeckFigures {
  name: string;
  cards: CardCounts;
  dueToday: number;
  reviewsToday: number;
  againToday: number;
  timeTodayMs: number;
  /** True retention over the last 30 days. */
  retention30d: Ratio;
}
