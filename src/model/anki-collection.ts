/**
 * An Anki collection as engram reads it from a package and writes it into
 * one: only the parts engram maps (note types, decks, notes, cards, the
 * review log). Field values are Anki's HTML, as stored.
 */

/** Which collection a package holds: collection.anki2 (oldest), .anki21 (schema 11), .anki21b (zstd, schema 18). */
export type AnkiLayout = 'anki2' | 'anki21' | 'anki21b';

/** A note type: its fields and card templates, and whether it makes cloze cards. */
export interface AnkiNoteType {
  id: number;
  name: string;
  /** Cloze note types make one card per cloze number of their text field. */
  cloze: boolean;
  fields: string[];
  templates: { name: string; front: string; back: string }[];
}

/** A deck; `path` is its name split at Anki's `::` (its parents first). */
export interface AnkiDeck {
  id: number;
  path: string[];
  /** A filtered (dynamic) deck: its cards belong to their home deck (`odid`). */
  filtered: boolean;
}

/** A note: one row of fields (HTML) of a note type, and its tags. */
export interface AnkiNote {
  id: number;
  guid: string;
  noteTypeId: number;
  tags: string[];
  fields: string[];
}

/**
 * A card as Anki schedules it. `type`: 0 new, 1 learning, 2 review, 3
 * relearning. `queue`: -3 buried by the user, -2 buried as a sibling, -1
 * suspended, else as `type` (4 preview). `ord` is the template's index, or
 * the cloze number less one.
 */
export interface AnkiCard {
  id: number;
  noteId: number;
  deckId: number;
  ord: number;
  type: number;
  queue: number;
  due: number;
  ivl: number;
  factor: number;
  reps: number;
  lapses: number;
  /** The home deck of a card in a filtered deck, else 0. */
  originalDeckId: number;
  /** Anki's per-card JSON (FSRS memory state `s`, `d` since 23.10); '' or '{}' when none. */
  data: string;
}

/**
 * One review log row. `id` is the time of the answer (UTC ms). `ease` 1-4 is
 * the button, 0 a row that is no answer (a reschedule, a reset). `type`: 0
 * learning, 1 review, 2 relearning, 3 filtered, 4 manual (reset or set due
 * date), 5 rescheduled by Anki.
 */
export interface AnkiRevlog {
  id: number;
  cardId: number;
  ease: number;
  ivl: number;
  lastIvl: number;
  factor: number;
  /** Milliseconds the answer took. */
  time: number;
  type: number;
}

/**
 * The review log as columns, in the table's order (by id: time order): what
 * an import reads of it, without an object a row (a million rows were a
 * million objects). Row i is `id[i]`, `cardId[i]`, ... ; `lastIvl` and
 * `factor` are not read (an import replays the answers itself).
 */
export interface AnkiRevlogColumns {
  id: Float64Array;
  cardId: Float64Array;
  ease: Float64Array;
  ivl: Float64Array;
  time: Float64Array;
  type: Float64Array;
}

/** What engram reads of one collection. */
export interface AnkiCollection {
  layout: AnkiLayout;
  /** `col.ver`: 11 for the legacy layouts, 18 for anki21b. */
  schema: number;
  /** The collection's creation, UTC seconds: review cards' `due` counts days from its day. */
  createdSecs: number;
  noteTypes: Map<number, AnkiNoteType>;
  decks: Map<number, AnkiDeck>;
  notes: AnkiNote[];
  cards: AnkiCard[];
  /** In the table's order (by id: time order), not grouped by card. */
  revlog: AnkiRevlog[];
}

/** One engram card as an Anki export reads it: identity, text, schedule (null: never reviewed), flags. */
export interface ApkgCard {
  id: number;
  key: string;
  sibling: string | null;
  kind: 'basic' | 'reversed' | 'cloze';
  deck: string;
  /** The file the card was read from (media links are relative to its folder), or null. */
  sourcePath: string | null;
  front: string;
  back: string;
  createdAt: number;
  /** ts-fsrs's numbering: 0 new, 1 learning, 2 review, 3 relearning; null when never reviewed. */
  state: number | null;
  due: number | null;
  stability: number | null;
  difficulty: number | null;
  scheduledDays: number | null;
  reps: number | null;
  lapses: number | null;
  suspended: boolean;
  buried: boolean;
}

/** One answer as an Anki export reads it. */
export interface ApkgReview {
  cardId: number;
  reviewedAt: number;
  rating: number;
  /** 0 new, 1 learning, 2 review, 3 relearning (null: unknown). */
  stateBefore: number | null;
  lastInterval: number | null;
  durationMs: number;
}

/**
 * The answers of the cards an export carries, given out card by card. Kept
 * compactly by the store (an export may carry millions): a card's answers
 * are handed to a function one by one, never made into objects.
 */
export interface ApkgReviewLog {
  /** How many answers in all, when the log was read (a card whose answers are read again may have more by then: see each). */
  readonly size: number;
  /** Calls `answer` with each of a card's answers in replay order (time, then event id, then row); not at all for a card without any. */
  each(cardId: number, answer: ApkgAnswerVisit): void;
}

/** One answer handed out by an ApkgReviewLog: its fields as ApkgReview has them. */
export type ApkgAnswerVisit = (reviewedAt: number, rating: number, stateBefore: number | null, lastInterval: number | null, durationMs: number) => void;

/** The rows of a schema-11 collection file, as an export writes them (JSON columns as text). */
export interface AnkiCollectionWrite {
  createdSecs: number;
  modMs: number;
  conf: string;
  models: string;
  decks: string;
  dconf: string;
  notes: { id: number; guid: string; mid: number; mod: number; tags: string; flds: string; sfld: string; csum: number }[];
  cards: { id: number; nid: number; did: number; ord: number; mod: number; type: number; queue: number; due: number; ivl: number; factor: number; reps: number; lapses: number; left: number; data: string }[];
  revlog: AnkiRevlogWrite;
}

/**
 * The review log an export writes, as columns (a million rows were a million
 * objects): row i is `id[i]`, `cid[i]`, ... , the rows in id order (ids
 * unique), as they go into the table. Every column has `id`'s length.
 */
export interface AnkiRevlogWrite {
  id: Float64Array;
  cid: Float64Array;
  ease: Float64Array;
  ivl: Float64Array;
  lastIvl: Float64Array;
  factor: Float64Array;
  time: Float64Array;
  type: Float64Array;
}

/**
 * An Anki collection file as its tables hold it (store/anki-collection-file.ts
 * reads it, anki/decode-collection.ts decodes it): notes, cards and the review
 * log as rows; note types and decks as JSON (schema 11, in `col`) or as rows
 * with protobuf configs (schema 18).
 */
export interface AnkiCollectionRows {
  schema: number;
  createdSecs: number;
  /** Schema 11: `col.models` and `col.decks`, JSON text. */
  legacy: { models: string; decks: string } | null;
  /** Schema 18: the notetypes, fields, templates and decks tables. */
  notetypes: { id: number; name: string; config: Uint8Array }[];
  fields: { ntid: number; ord: number; name: string }[];
  templates: { ntid: number; ord: number; name: string; config: Uint8Array }[];
  decks: { id: number; name: string; kind: Uint8Array }[];
  notes: AnkiCollection['notes'];
  cards: AnkiCollection['cards'];
  revlog: AnkiCollection['revlog'];
}
