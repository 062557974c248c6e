import type Database from 'better-sqlite3';

/**
 * Every zone offset, every rollover hour and every daylight-saving change falls
 * on a quarter hour, so all the reviews of one UTC quarter hour belong to one
 * study day, on any clock: tallies per quarter hour are the stats' aggregates
 * that need no clock, and are kept as answers are written.
 */
export const QUARTER_MS = 900_000;

/**
 * More changed quarter hours than this are recounted by one pass over the
 * whole log rather than one index range each (an import that rewrote the
 * facts of a long history).
 */
const RECOUNT_ALL_ABOVE = 20_000;

/** The bucket of a review `r` (joined with its card `c`): quarter, deck, phase before, mature, passed. */
/** A review of a card whose last interval was at least this many days counts as mature (Anki's line), in SQL and in AppendedTally alike. */
const MATURE_DAYS = 21;

const BUCKET = `r.reviewed_at / ${QUARTER_MS}, c.deck_id, r.state_before, (r.state_before = 2 AND ifnull(r.last_interval, 0) >= ${MATURE_DAYS}), (r.rating > 1)`;

/**
 * The SQL of schema 8's quarter-hour tallies, for the migration: the tables
 * and the triggers that mark what a change to the log leaves to recount.
 * Inserts mark nothing (a review newer than `folded_through` is folded by
 * id), so a bulk import pays no trigger per answer.
 */
export const REVIEW_QUARTERS_SCHEMA = `
  -- The review log folded per UTC quarter hour, deck and kind of review: every
  -- review with known facts and an id up to folded_through, on any clock (see
  -- review-quarters.ts). Kept as answers are written, in their transaction.
  CREATE TABLE review_quarters (
    quarter INTEGER NOT NULL,
    deck_id INTEGER NOT NULL,
    state_before INTEGER NOT NULL,
    mature INTEGER NOT NULL CHECK (mature IN (0, 1)),
    passed INTEGER NOT NULL CHECK (passed IN (0, 1)),
    reviews INTEGER NOT NULL,
    duration_ms INTEGER NOT NULL,
    PRIMARY KEY (quarter, deck_id, state_before, mature, passed)
  ) WITHOUT ROWID;
  CREATE TABLE review_quarters_state (
    id INTEGER PRIMARY KEY CHECK (id = 1),
    folded_through INTEGER NOT NULL
  );
  -- Quarter hours whose folded reviews changed (an undo, facts rewritten by a
  -- replay, a card moved to another deck): recounted from the log by the next fold.
  CREATE TABLE review_quarters_changed (quarter INTEGER PRIMARY KEY);
  -- Quarter hours whose tallies changed since review_days was last brought up to date.
  CREATE TABLE review_days_stale (quarter INTEGER PRIMARY KEY);

  CREATE TRIGGER review_quarters_on_delete AFTER DELETE ON reviews
    WHEN OLD.id <= (SELECT folded_through FROM review_quarters_state)
    BEGIN
      INSERT OR IGNORE INTO review_quarters_changed VALUES (OLD.reviewed_at / ${QUARTER_MS});
      -- The log's last id can be given again to the next answer: it must count as new.
      UPDATE review_quarters_state SET folded_through = (SELECT ifnull(max(id), 0) FROM reviews)
        WHERE folded_through > (SELECT ifnull(max(id), 0) FROM reviews);
    END;
  CREATE TRIGGER review_quarters_on_facts AFTER UPDATE OF state_before, last_interval ON reviews
    WHEN NEW.id <= (SELECT folded_through FROM review_quarters_state)
      AND (OLD.state_before IS NOT NEW.state_before OR OLD.last_interval IS NOT NEW.last_interval)
    BEGIN INSERT OR IGNORE INTO review_quarters_changed VALUES (NEW.reviewed_at / ${QUARTER_MS}); END;
  CREATE TRIGGER review_quarters_on_move AFTER UPDATE OF deck_id ON cards
    WHEN OLD.deck_id <> NEW.deck_id
    BEGIN INSERT OR IGNORE INTO review_quarters_changed SELECT reviewed_at / ${QUARTER_MS} FROM reviews WHERE card_id = NEW.id; END;
`;

const statements = new WeakMap<Database.Database, Map<string, Database.Statement>>();

/** A statement prepared once per connection (the fold runs with every transaction that writes answers). */
function sql(db: Database.Database, text: string): Database.Statement {
  let cache = statements.get(db);
  if (!cache) statements.set(db, (cache = new Map()));
  let stmt = cache.get(text);
  if (!stmt) cache.set(text, (stmt = db.prepare(text)));
  return stmt;
}

/** What a fold of the quarter-hour tallies did. */
export interface QuarterFold {
  /** Reviews newer than the last fold, added to their quarter hours. */
  added: number;
  /** Quarter hours recounted from the log because folded reviews changed. */
  recounted: number;
}

/**
 * Brings the quarter-hour tallies up to date with the review log, in the
 * caller's transaction: reviews appended since the last fold are added to
 * their quarter hours (by id: an answer synced from another device, older
 * than the newest one here, is still new), and the quarter hours a change
 * marked (undo, facts rewritten, a deck move) are recounted from the log.
 * The quarter hours touched are marked stale for review_days (once there are
 * day tallies to bring up to date). Costs what changed, never the whole log
 * (unless most of it changed). Reviews whose
 * facts are unknown are left out until their facts are filled in, which marks
 * them. Store.transaction runs it before every commit.
 */
export function foldReviewQuarters(db: Database.Database): QuarterFold {
  const through = (sql(db, 'SELECT folded_through FROM review_quarters_state WHERE id = 1').pluck().get() as number | undefined) ?? 0;
  const last = (sql(db, 'SELECT max(id) FROM reviews').pluck().get() as number | null) ?? 0;
  const anyChanged = sql(db, 'SELECT EXISTS (SELECT 1 FROM review_quarters_changed)').pluck().get() === 1;
  if (last <= through && !anyChanged) return { added: 0, recounted: 0 };
  // Before the first stats (or after a recount of everything) there are no day
  // tallies: the next stats makes them all, so nothing is marked for them (a
  // fold of a whole imported history marked every quarter hour of it).
  const daysMade = sql(db, 'SELECT EXISTS (SELECT 1 FROM review_days_state)').pluck().get() === 1;
  let added = 0;
  if (last > through) {
    added = sql(
      db,
      `INSERT INTO review_quarters (quarter, deck_id, state_before, mature, passed, reviews, duration_ms)
       SELECT ${BUCKET}, count(*), sum(r.duration_ms)
       FROM reviews r JOIN cards c ON c.id = r.card_id
       WHERE r.id > ? AND r.id <= ? AND r.state_before IS NOT NULL
       GROUP BY 1, 2, 3, 4, 5
       ON CONFLICT (quarter, deck_id, state_before, mature, passed) DO UPDATE SET
         reviews = reviews + excluded.reviews, duration_ms = duration_ms + excluded.duration_ms`,
    ).run(through, last).changes;
    if (daysMade) {
      sql(db, `INSERT OR IGNORE INTO review_days_stale SELECT reviewed_at / ${QUARTER_MS} FROM reviews WHERE id > ? AND id <= ? AND state_before IS NOT NULL`).run(through, last);
    }
    sql(db, 'INSERT INTO review_quarters_state (id, folded_through) VALUES (1, ?) ON CONFLICT (id) DO UPDATE SET folded_through = excluded.folded_through').run(last);
  }
  const recounted = anyChanged ? recountChanged(db, daysMade) : 0;
  return { added, recounted };
}

/** Recounts the marked quarter hours from the log (after new reviews were added: a recount is the whole truth). */
function recountChanged(db: Database.Database, daysMade: boolean): number {
  const changed = sql(db, 'SELECT count(*) FROM review_quarters_changed').pluck().get() as number;
  if (changed > RECOUNT_ALL_ABOVE) {
    recountAll(db);
    return changed;
  }
  sql(db, 'DELETE FROM review_quarters WHERE quarter IN (SELECT quarter FROM review_quarters_changed)').run();
  // CROSS JOIN: from each marked quarter hour into the log's time index, never the other way round.
  sql(
    db,
    `INSERT INTO review_quarters (quarter, deck_id, state_before, mature, passed, reviews, duration_ms)
     SELECT ${BUCKET}, count(*), sum(r.duration_ms)
     FROM review_quarters_changed q CROSS JOIN reviews r CROSS JOIN cards c
     WHERE r.reviewed_at >= q.quarter * ${QUARTER_MS} AND r.reviewed_at < (q.quarter + 1) * ${QUARTER_MS}
       AND c.id = r.card_id AND r.state_before IS NOT NULL
     GROUP BY 1, 2, 3, 4, 5`,
  ).run();
  if (daysMade) sql(db, 'INSERT OR IGNORE INTO review_days_stale SELECT quarter FROM review_quarters_changed').run();
  sql(db, 'DELETE FROM review_quarters_changed').run();
  return changed;
}

/**
 * Folds the whole review log into the quarter-hour tallies from scratch, in
 * the caller's transaction (the migration to schema 8, a repair, a recount of
 * most of the log), and marks review_days to be rebuilt. ~1 s a million reviews.
 */
export function recountAll(db: Database.Database): void {
  sql(db, 'DELETE FROM review_quarters').run();
  sql(
    db,
    `INSERT INTO review_quarters (quarter, deck_id, state_before, mature, passed, reviews, duration_ms)
     SELECT ${BUCKET}, count(*), sum(r.duration_ms)
     FROM reviews r JOIN cards c ON c.id = r.card_id
     WHERE r.state_before IS NOT NULL
     GROUP BY 1, 2, 3, 4, 5`,
  ).run();
  const last = (sql(db, 'SELECT max(id) FROM reviews').pluck().get() as number | null) ?? 0;
  sql(db, 'INSERT INTO review_quarters_state (id, folded_through) VALUES (1, ?) ON CONFLICT (id) DO UPDATE SET folded_through = excluded.folded_through').run(last);
  sql(db, 'DELETE FROM review_quarters_changed').run();
  sql(db, 'DELETE FROM review_days_stale').run();
  // No clock: review_days is rebuilt from the quarter hours by the next stats.
  sql(db, 'DELETE FROM review_days_state').run();
}

/**
 * The quarter-hour tallies of answers a bulk write appends (a sync's fold, an
 * Anki import), added up as they are written instead of read back from the
 * log by the commit's fold: a million answers' GROUP BY over the log and its
 * join with the cards cost more than a second. Begin it right before the
 * write and add every answer the log took; {@link AppendedTally.write} then
 * adds the sums to the tallies and marks the log folded through the last
 * answer. When anything else happened (the tallies were behind the log
 * before, an answer was left out by the write, the log's ids are not the
 * ones counted), it writes nothing and the commit's fold counts them as ever.
 */
export class AppendedTally {
  /** By deck, then by quarter and kind of review (see key): the answers and their time. */
  private readonly decks = new Map<number, Map<number, { reviews: number; durationMs: number }>>();
  private readonly cardDecks = new Map<number, number>();
  private added = 0;
  private sound: boolean;

  private constructor(
    private readonly db: Database.Database,
    /** The log's last id before the write. */
    private readonly lastBefore: number,
    sound: boolean,
  ) {
    this.sound = sound;
  }

  /** Starts a tally of answers about to be appended to the log, in the caller's transaction. */
  static begin(db: Database.Database): AppendedTally {
    const through = (sql(db, 'SELECT folded_through FROM review_quarters_state WHERE id = 1').pluck().get() as number | undefined) ?? 0;
    const last = (sql(db, 'SELECT max(id) FROM reviews').pluck().get() as number | null) ?? 0;
    return new AppendedTally(db, last, last === through);
  }

  /** Counts one answer the log took, of card `cardId`, with its facts. */
  add(cardId: number, reviewedAt: number, rating: number, durationMs: number, stateBefore: number, lastInterval: number | null): void {
    const deckId = this.deckOf(cardId);
    const mature = stateBefore === 2 && (lastInterval ?? 0) >= MATURE_DAYS ? 1 : 0;
    // Four bits for the kind of review below the quarter: exact in a double for any quarter before the year 3000.
    const key = Math.trunc(reviewedAt / QUARTER_MS) * 16 + stateBefore * 4 + mature * 2 + (rating > 1 ? 1 : 0);
    let groups = this.decks.get(deckId);
    if (!groups) this.decks.set(deckId, (groups = new Map()));
    const group = groups.get(key);
    if (group) {
      group.reviews++;
      group.durationMs += durationMs;
    } else groups.set(key, { reviews: 1, durationMs });
    this.added++;
  }

  /** Each card's deck, looked up once a card. */
  private deckOf(cardId: number): number {
    let deck = this.cardDecks.get(cardId);
    if (deck === undefined) this.cardDecks.set(cardId, (deck = sql(this.db, 'SELECT deck_id FROM cards WHERE id = ?').pluck().get(cardId) as number));
    return deck;
  }

  /** Says that the write left out some answers it was given (they were not counted either): the commit's fold counts. */
  spoil(): void {
    this.sound = false;
  }

  /** Adds the sums to the tallies when they are the whole of what the log gained (see the class); returns whether it did. */
  write(): boolean {
    const last = (sql(this.db, 'SELECT max(id) FROM reviews').pluck().get() as number | null) ?? 0;
    // Row ids are given in order after the last one: the answers counted are exactly the ids after lastBefore.
    if (!this.sound || this.added === 0 || last !== this.lastBefore + this.added) return false;
    const upsert = sql(
      this.db,
      `INSERT INTO review_quarters (quarter, deck_id, state_before, mature, passed, reviews, duration_ms) VALUES (?, ?, ?, ?, ?, ?, ?)
       ON CONFLICT (quarter, deck_id, state_before, mature, passed) DO UPDATE SET
         reviews = reviews + excluded.reviews, duration_ms = duration_ms + excluded.duration_ms`,
    );
    const quarters = new Set<number>();
    for (const [deckId, groups] of this.decks) {
      for (const [key, g] of groups) {
        const quarter = Math.floor(key / 16);
        quarters.add(quarter);
        upsert.run(quarter, deckId, (key >> 2) & 3, (key >> 1) & 1, key & 1, g.reviews, g.durationMs);
      }
    }
    // As foldReviewQuarters does: the quarter hours are marked for the day tallies only once there are day tallies.
    if (sql(this.db, 'SELECT EXISTS (SELECT 1 FROM review_days_state)').pluck().get() === 1) {
      const stale = sql(this.db, 'INSERT OR IGNORE INTO review_days_stale VALUES (?)');
      for (const q of quarters) stale.run(q);
    }
    sql(this.db, 'INSERT INTO review_quarters_state (id, folded_through) VALUES (1, ?) ON CONFLICT (id) DO UPDATE SET folded_through = excluded.folded_through').run(last);
    return true;
  }
}
