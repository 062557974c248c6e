import type Database from 'better-sqlite3';
import { ANSWER_LINE_TRIGGERS } from './answer-lines.js';
import { recountAll, REVIEW_QUARTERS_SCHEMA } from './review-quarters.js';
import { backfillSyncEvents } from './sync-backfill.js';

/** One step of the schema; `up` runs inside a transaction with the version bump. */
export interface Migration {
  version: number;
  name: string;
  up(db: Database.Database): void;
}

/**
 * Every schema version engram has ever had, oldest first. Never edit a released
 * step: add a new one, and a fixture store of the old version to the tests.
 */
export const MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    name: 'sources, decks, cards, review log, card state',
    up(db) {
      db.exec(`
        CREATE TABLE sources (
          id INTEGER PRIMARY KEY,
          path TEXT NOT NULL UNIQUE,
          -- The deck the file's cards go to, as last parsed, and how many are active.
          deck TEXT NOT NULL,
          active_cards INTEGER NOT NULL DEFAULT 0,
          content_hash TEXT NOT NULL,
          size INTEGER NOT NULL,
          mtime_ms INTEGER NOT NULL,
          parser_version INTEGER NOT NULL,
          imported_at INTEGER NOT NULL,
          missing_since INTEGER,
          -- Problems found when the file was last parsed, re-reported while it is unchanged.
          problems TEXT NOT NULL DEFAULT '[]',
          -- Keys of cards skipped because another file held them (JSON array).
          skipped_keys TEXT NOT NULL DEFAULT '[]'
        );
        CREATE TABLE decks (
          id INTEGER PRIMARY KEY,
          name TEXT NOT NULL UNIQUE,
          created_at INTEGER NOT NULL
        );
        CREATE TABLE cards (
          id INTEGER PRIMARY KEY,
          key TEXT NOT NULL UNIQUE,
          sibling TEXT,
          deck_id INTEGER NOT NULL REFERENCES decks(id),
          source_id INTEGER REFERENCES sources(id),
          line INTEGER NOT NULL,
          end_line INTEGER NOT NULL,
          kind TEXT NOT NULL CHECK (kind IN ('basic', 'reversed', 'cloze')),
          syntax TEXT NOT NULL,
          front TEXT NOT NULL,
          back TEXT NOT NULL,
          title TEXT,
          context TEXT,
          heading_path TEXT NOT NULL DEFAULT '[]',
          created_at INTEGER NOT NULL,
          updated_at INTEGER NOT NULL,
          archived_at INTEGER,
          suspended_at INTEGER,
          buried_until INTEGER
        );
        CREATE INDEX cards_by_source ON cards(source_id, archived_at);

        -- The truth: one row per answer, appended, never updated.
        CREATE TABLE reviews (
          id INTEGER PRIMARY KEY,
          card_id INTEGER NOT NULL REFERENCES cards(id),
          reviewed_at INTEGER NOT NULL,
          rating INTEGER NOT NULL CHECK (rating BETWEEN 1 AND 4),
          duration_ms INTEGER NOT NULL CHECK (duration_ms >= 0),
          session_id TEXT,
          device TEXT
        );
        CREATE INDEX reviews_by_card ON reviews(card_id, reviewed_at);
        CREATE INDEX reviews_by_time ON reviews(reviewed_at);
        CREATE TRIGGER reviews_append_only BEFORE UPDATE ON reviews
          BEGIN SELECT RAISE(ABORT, 'the review log is append-only'); END;

        -- A cache of each reviewed card's FSRS state, rebuilt by replaying its reviews.
        CREATE TABLE card_state (
          card_id INTEGER PRIMARY KEY REFERENCES cards(id),
          state INTEGER NOT NULL,
          due INTEGER NOT NULL,
          stability REAL NOT NULL,
          difficulty REAL NOT NULL,
          scheduled_days INTEGER NOT NULL,
          learning_steps INTEGER NOT NULL,
          reps INTEGER NOT NULL,
          lapses INTEGER NOT NULL,
          last_review INTEGER
        );
        CREATE INDEX card_state_by_due ON card_state(due);
      `);
    },
  },
  {
    version: 2,
    name: 'deck trust, quiz sessions and answers',
    up(db) {
      db.exec(`
        -- A deck whose code the user agreed to run, as its cards read then: trust
        -- lapses when the content no longer hashes to content_hash.
        CREATE TABLE deck_trust (
          deck_id INTEGER PRIMARY KEY REFERENCES decks(id),
          content_hash TEXT NOT NULL,
          trusted_at INTEGER NOT NULL
        );

        -- Quizzes are practice, not the review log: they never touch card_state.
        CREATE TABLE quiz_sessions (
          id INTEGER PRIMARY KEY,
          started_at INTEGER NOT NULL,
          finished_at INTEGER NOT NULL,
          mode TEXT NOT NULL,
          -- Names of the decks quizzed (JSON array).
          decks TEXT NOT NULL DEFAULT '[]',
          scheduled INTEGER NOT NULL CHECK (scheduled IN (0, 1)),
          total INTEGER NOT NULL CHECK (total >= 0),
          correct INTEGER NOT NULL CHECK (correct >= 0),
          duration_ms INTEGER NOT NULL CHECK (duration_ms >= 0)
        );
        CREATE INDEX quiz_sessions_by_time ON quiz_sessions(started_at);
        CREATE TABLE quiz_answers (
          id INTEGER PRIMARY KEY,
          session_id INTEGER NOT NULL REFERENCES quiz_sessions(id),
          card_id INTEGER NOT NULL REFERENCES cards(id),
          kind TEXT NOT NULL CHECK (kind IN ('choice', 'typed', 'predict', 'recall')),
          given TEXT,
          expected TEXT,
          correct INTEGER NOT NULL CHECK (correct IN (0, 1)),
          -- The FSRS rating the answer gave when the quiz was scheduled, else NULL.
          grade INTEGER CHECK (grade BETWEEN 1 AND 4),
          duration_ms INTEGER NOT NULL CHECK (duration_ms >= 0),
          answered_at INTEGER NOT NULL
        );
        CREATE INDEX quiz_answers_by_session ON quiz_answers(session_id);
        CREATE INDEX quiz_answers_by_card ON quiz_answers(card_id, answered_at);
      `);
    },
  },
  {
    version: 3,
    name: 'state of the card before each review; review tallies per study day',
    up(db) {
      db.exec(`
        -- What the card was when answered (ts-fsrs numbering: 0 new, 1 learning,
        -- 2 review, 3 relearning) and its interval then, in days: the review_state
        -- of the FSRS revlog, and young/mature for true retention. Written with the
        -- answer; NULL on reviews answered before version 3 until a replay fills them.
        ALTER TABLE reviews ADD COLUMN state_before INTEGER CHECK (state_before BETWEEN 0 AND 3);
        ALTER TABLE reviews ADD COLUMN last_interval INTEGER CHECK (last_interval >= 0);
        CREATE INDEX reviews_missing_facts ON reviews(card_id) WHERE state_before IS NULL;

        -- The answer itself stays append-only; the two facts may be filled once.
        DROP TRIGGER reviews_append_only;
        CREATE TRIGGER reviews_append_only BEFORE UPDATE OF id, card_id, reviewed_at, rating, duration_ms, session_id, device ON reviews
          BEGIN SELECT RAISE(ABORT, 'the review log is append-only'); END;
        CREATE TRIGGER reviews_facts_once BEFORE UPDATE OF state_before, last_interval ON reviews
          WHEN OLD.state_before IS NOT NULL
          BEGIN SELECT RAISE(ABORT, 'the state before a review is recorded once'); END;

        -- A cache for stats: the log folded into one row per study day, deck and
        -- kind of review, through review id folded_through, for the clock (time
        -- zone and rollover) in review_days_state. Dropped whenever a folded review
        -- changes (undo, facts filled) or a reviewed card moves to another deck.
        CREATE TABLE review_days (
          day INTEGER NOT NULL,
          deck_id INTEGER NOT NULL,
          state_before INTEGER NOT NULL,
          mature INTEGER NOT NULL CHECK (mature IN (0, 1)),
          passed INTEGER NOT NULL CHECK (passed IN (0, 1)),
          reviews INTEGER NOT NULL,
          duration_ms INTEGER NOT NULL,
          PRIMARY KEY (day, deck_id, state_before, mature, passed)
        ) WITHOUT ROWID;
        CREATE TABLE review_days_state (
          id INTEGER PRIMARY KEY CHECK (id = 1),
          clock TEXT NOT NULL,
          folded_through INTEGER NOT NULL
        );
        CREATE TRIGGER review_days_on_delete AFTER DELETE ON reviews
          WHEN OLD.id <= (SELECT folded_through FROM review_days_state)
          BEGIN DELETE FROM review_days; DELETE FROM review_days_state; END;
        CREATE TRIGGER review_days_on_facts AFTER UPDATE OF state_before, last_interval ON reviews
          WHEN NEW.id <= (SELECT folded_through FROM review_days_state)
          BEGIN DELETE FROM review_days; DELETE FROM review_days_state; END;
        CREATE TRIGGER review_days_on_move AFTER UPDATE OF deck_id ON cards
          WHEN OLD.deck_id <> NEW.deck_id AND EXISTS (SELECT 1 FROM review_days_state)
            AND EXISTS (SELECT 1 FROM reviews WHERE card_id = NEW.id)
          BEGIN DELETE FROM review_days; DELETE FROM review_days_state; END;
      `);
    },
  },
  {
    version: 4,
    name: 'the mode a source was imported in',
    up(db) {
      db.exec(`
        -- Which cards a file gives: auto (its written cards, else cards derived
        -- from its notes), cards, or notes. Re-syncs keep the mode of the last import.
        ALTER TABLE sources ADD COLUMN mode TEXT NOT NULL DEFAULT 'auto' CHECK (mode IN ('auto', 'cards', 'notes'));
      `);
    },
  },
  {
    version: 5,
    name: 'paths as typed, how a source named its deck, extra study today',
    up(db) {
      db.exec(`
        -- The path as the user typed it (through a symlink, relative to the folder
        -- they imported), for messages and listings; NULL shows path itself.
        ALTER TABLE sources ADD COLUMN shown_path TEXT;
        -- How the file's default deck name was made: 'file' (its file name, as
        -- every source imported before version 5 was named, and keeps) or
        -- 'folder' (its path below the folder imported, without .md).
        ALTER TABLE sources ADD COLUMN deck_naming TEXT NOT NULL DEFAULT 'file' CHECK (deck_naming IN ('file', 'folder'));
        -- Study beyond the daily limits asked for on one study day (review --more):
        -- extra new cards and reviews allowed that day for a selection of decks
        -- ('' = every deck; else deck names joined by newlines, sorted).
        CREATE TABLE extra_limits (
          day INTEGER NOT NULL,
          decks TEXT NOT NULL,
          new_cards INTEGER NOT NULL DEFAULT 0 CHECK (new_cards >= 0),
          reviews INTEGER NOT NULL DEFAULT 0 CHECK (reviews >= 0),
          PRIMARY KEY (day, decks)
        ) WITHOUT ROWID;
      `);
    },
  },
  {
    version: 6,
    name: 'cards the learner dropped',
    up(db) {
      db.exec(`
        -- When the learner dropped a card derived from notes (never shown again,
        -- kept with its history; engram undrop lifts it). On the card's row, not
        -- keyed by its text: the row is the card's identity, which re-imports,
        -- edits, archiving and re-derivation under new rules all keep, so the
        -- drop follows the card wherever its history does.
        ALTER TABLE cards ADD COLUMN dropped_at INTEGER;
      `);
    },
  },
  {
    version: 7,
    name: 'events for sync: a device id, an id per answer, the event log, key aliases',
    up(db) {
      db.exec(`
        -- This store's device: its id names its folder of event files; the folder
        -- synced through is kept with the history it carries (NULL: sync not set up).
        CREATE TABLE sync_device (
          id INTEGER PRIMARY KEY CHECK (id = 1),
          device_id TEXT NOT NULL,
          folder TEXT,
          created_at INTEGER NOT NULL
        );
        -- Every answer's globally unique id (its event's ULID): undo events name
        -- answers by it, and replays order answers from several devices by time, then by it.
        ALTER TABLE reviews ADD COLUMN event_id TEXT;
        CREATE UNIQUE INDEX reviews_by_event ON reviews(event_id);
        -- Replays of answers merged from other devices rewrite the facts: they are
        -- a cache of the replay in the merged order, like card_state.
        DROP TRIGGER reviews_facts_once;
        -- The seed of a card's fuzz, fixed at its first answer (the card's key then),
        -- so that every device computes the same due dates. NULL: its key (never
        -- answered); cards answered before version 7 keep their local id.
        ALTER TABLE cards ADD COLUMN fuzz_seed TEXT;
        UPDATE cards SET fuzz_seed = CAST(id AS TEXT) WHERE EXISTS (SELECT 1 FROM reviews r WHERE r.card_id = cards.id);

        -- The union of every device's events this store knows: its own (folded = 1
        -- when written, sent = 1 once in the sync folder) and those read from other
        -- devices (folded = 1 once applied; 0 while their card is unknown here).
        CREATE TABLE sync_events (
          id TEXT PRIMARY KEY,
          device TEXT NOT NULL,
          at INTEGER NOT NULL,
          kind TEXT NOT NULL,
          card_key TEXT,
          card_id INTEGER,
          target TEXT,
          line TEXT NOT NULL,
          folded INTEGER NOT NULL CHECK (folded IN (0, 1)),
          sent INTEGER NOT NULL DEFAULT 0 CHECK (sent IN (0, 1))
        ) WITHOUT ROWID;
        CREATE INDEX sync_events_unsent ON sync_events(id) WHERE sent = 0;
        CREATE INDEX sync_events_pending ON sync_events(at, id) WHERE folded = 0;
        CREATE INDEX sync_events_by_card ON sync_events(card_id, kind, at);
        CREATE INDEX sync_events_by_target ON sync_events(target) WHERE target IS NOT NULL;
        -- Keys one card has had on any device (a typo fix re-keys a card), both ways.
        CREATE TABLE key_aliases (
          key TEXT NOT NULL,
          other TEXT NOT NULL,
          PRIMARY KEY (key, other)
        ) WITHOUT ROWID;
        -- How far each event file of another device was read (bytes, complete lines only).
        CREATE TABLE sync_files (
          path TEXT PRIMARY KEY,
          read_bytes INTEGER NOT NULL
        ) WITHOUT ROWID;
      `);
      // The history from before version 7 becomes this device's first events, so the first sync sends it.
      backfillSyncEvents(db);
    },
  },
  {
    version: 8,
    name: 'stats tallies per quarter hour, kept as answers are written; cards by deck',
    up(db) {
      db.exec(`
        -- review_days is now made from review_quarters (which the write paths keep
        -- current), not from the log: its triggers that dropped it on every undo,
        -- facts rewrite or deck move go, and its state keeps only the clock.
        DROP TRIGGER review_days_on_delete;
        DROP TRIGGER review_days_on_facts;
        DROP TRIGGER review_days_on_move;
        DROP TABLE review_days_state;
        CREATE TABLE review_days_state (
          id INTEGER PRIMARY KEY CHECK (id = 1),
          clock TEXT NOT NULL
        );
        DELETE FROM review_days;
        ${REVIEW_QUARTERS_SCHEMA}
        -- Which decks hold cards (every stats run asks) without reading every card's row.
        CREATE INDEX cards_by_deck ON cards(deck_id);
      `);
      // The one fold of the whole log (about a second a million reviews); every later one costs what changed.
      recountAll(db);
    },
  },
  {
    version: 9,
    name: "engram doctor's last clean check, and the cards changed since",
    up(db) {
      db.exec(`
        -- The last check of engram doctor that found every cached state equal to
        -- the replay of its log: when, the review log's last id then, and the
        -- scheduling settings it replayed with. Until a card changes, or the
        -- settings do, it need not be replayed again.
        CREATE TABLE doctor_check (
          id INTEGER PRIMARY KEY CHECK (id = 1),
          checked_at INTEGER NOT NULL,
          reviews_through INTEGER NOT NULL,
          settings TEXT NOT NULL
        );
        -- Cards whose cached state, answers or scheduling inputs changed since
        -- that check, by any writer (triggers, so none can forget it); answers
        -- added since are the reviews past reviews_through. Nothing is kept
        -- while there is no clean check to compare with.
        CREATE TABLE doctor_changed (card_id INTEGER PRIMARY KEY) WITHOUT ROWID;
        CREATE TRIGGER doctor_state_added AFTER INSERT ON card_state WHEN EXISTS (SELECT 1 FROM doctor_check)
          BEGIN INSERT OR IGNORE INTO doctor_changed VALUES (NEW.card_id); END;
        CREATE TRIGGER doctor_state_changed AFTER UPDATE ON card_state WHEN EXISTS (SELECT 1 FROM doctor_check)
          BEGIN INSERT OR IGNORE INTO doctor_changed VALUES (NEW.card_id); INSERT OR IGNORE INTO doctor_changed VALUES (OLD.card_id); END;
        CREATE TRIGGER doctor_state_removed AFTER DELETE ON card_state WHEN EXISTS (SELECT 1 FROM doctor_check)
          BEGIN INSERT OR IGNORE INTO doctor_changed VALUES (OLD.card_id); END;
        CREATE TRIGGER doctor_review_removed AFTER DELETE ON reviews WHEN EXISTS (SELECT 1 FROM doctor_check)
          BEGIN INSERT OR IGNORE INTO doctor_changed VALUES (OLD.card_id); END;
        -- The deck picks the scheduler's parameters, the fuzz seed (or the key standing for it) the fuzz.
        CREATE TRIGGER doctor_card_rescheduled AFTER UPDATE OF deck_id, fuzz_seed, key ON cards
          WHEN (OLD.deck_id IS NOT NEW.deck_id OR OLD.fuzz_seed IS NOT NEW.fuzz_seed OR OLD.key IS NOT NEW.key) AND EXISTS (SELECT 1 FROM doctor_check)
          BEGIN INSERT OR IGNORE INTO doctor_changed VALUES (NEW.id); END;
      `);
    },
  },
  {
    version: 10,
    name: 'the memory model of each deck',
    up(db) {
      db.exec(`
        -- The memory model whose states (stability, difficulty) the deck's cached
        -- card states hold, by its name (FSRS-6). Every store before this version
        -- was scheduled with FSRS-6, which the default says. A later model switched
        -- on for a deck replays its cards' logs into that model's states and
        -- records it here; the parameters of each model stay in the settings.
        ALTER TABLE decks ADD COLUMN model TEXT NOT NULL DEFAULT 'FSRS-6';
      `);
    },
  },
  {
    version: 11,
    name: 'the interval the load balancer or easy days chose for an answer',
    up(db) {
      db.exec(`
        -- The interval in days an answer was given when the load balancer or
        -- easy days placed it within its fuzz range: that choice depends on
        -- the other cards due then, which a replay of this card's log cannot
        -- know, so the replay (doctor, sync's fold, a reschedule) reads it
        -- here. NULL: the plain fuzz placed it (every answer from before).
        ALTER TABLE reviews ADD COLUMN chosen_days INTEGER;
      `);
    },
  },
  {
    version: 12,
    name: 'the cards set aside, and due times with their phase, by index',
    up(db) {
      db.exec(`
        -- The load balancer counts the cards due on each day of an interval's
        -- fuzz range at every answer, leaving out archived, suspended and
        -- dropped cards. Looking each due card up in cards (wide rows: its
        -- text) cost 40-80 ms an answer in a 100,000-card store; these few
        -- cards listed by their own small index, and each due time kept with
        -- its phase in one index, make it a read of one index (a few ms).
        CREATE INDEX cards_set_aside ON cards(id) WHERE archived_at IS NOT NULL OR suspended_at IS NOT NULL OR dropped_at IS NOT NULL;
        DROP INDEX card_state_by_due;
        CREATE INDEX card_state_by_due ON card_state(due, state);
      `);
    },
  },
  {
    version: 13,
    name: "the cards' deck and set-aside times, by index",
    up(db) {
      db.exec(`
        -- engram stats counts every card by deck and by whether it is archived,
        -- dropped, suspended or buried (and ranks, forecasts and lists them by
        -- the same). Read from cards itself, each query went through the
        -- cards' text (about 300 bytes a card) and each command starts with
        -- an empty page cache: an index of these few columns is a
        -- twentieth of the pages. It starts with deck_id, so it also serves
        -- everything cards_by_deck served.
        DROP INDEX cards_by_deck;
        CREATE INDEX cards_by_deck_facts ON cards(deck_id, archived_at, suspended_at, dropped_at, buried_until);
      `);
    },
  },
  {
    version: 14,
    name: "the event log's index by card, of the events other than answers",
    up(db) {
      db.exec(`
        -- The event log is looked up by card only for the latest flag event of a
        -- family (suspend, bury, drop: last writer wins), never for an answer.
        -- Answers are nearly all of the log, and a sync's fold of a million of
        -- them spent more than a second sorting them into this index; now it
        -- holds every event but answers, and the lookup says kind <> 'answer'.
        DROP INDEX sync_events_by_card;
        CREATE INDEX sync_events_by_card ON sync_events(card_id, kind, at) WHERE kind <> 'answer';
      `);
    },
  },
  {
    version: 15,
    name: "imported answers' events without their lines, made from the answers",
    up(db) {
      // An Anki import's answers are this device's events with no line kept (answer-lines.ts): the line is made
      // from the answer when sent, and kept by these triggers before the answer goes or its facts change.
      db.exec(ANSWER_LINE_TRIGGERS);
    },
  },
];

/** The schema version this build of engram writes. */
export const SCHEMA_VERSION = MIGRATIONS[MIGRATIONS.length - 1]!.version;
