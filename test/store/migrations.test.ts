import Database from 'better-sqlite3';
import { copyFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { SCHEMA_VERSION } from '../../src/store/migrations.js';
import { openStore, type Store } from '../../src/store/open-store.js';
import { quizHistory, saveQuizSession } from '../../src/store/quiz-history.js';
import { hasLaterFlagEvent } from '../../src/store/sync-events.js';
import { isDeckTrusted, trustDeck } from '../../src/store/trust.js';
import { oldStore } from '../helpers/old-store.js';
import { tempDir } from '../helpers/temp-dir.js';

const NOW = Date.UTC(2026, 0, 5, 10);
const opened: Store[] = [];

afterEach(() => {
  while (opened.length) opened.pop()!.close();
});


describe('migration 2 (deck trust, quizzes)', () => {
  it('upgrades a version-1 store with its sources, cards, reviews and states intact', () => {
    const path = join(tempDir(), 'engram.db');
    oldStore(path, 1, NOW);
    const before = new Database(path, { readonly: true });
    const dump = (db: Database.Database) =>
      ['sources', 'decks', 'cards', 'reviews', 'card_state'].map((t) => db.prepare(`SELECT * FROM ${t} ORDER BY rowid`).all());
    const rowsBefore = dump(before);
    before.close();

    const store = openStore(path, { create: false });
    opened.push(store);
    expect(store.db.pragma('user_version', { simple: true })).toBe(SCHEMA_VERSION);
    // Version 3 adds two facts to each review, unknown (null) for old answers;
    // version 4 the mode of each source, auto for files imported before;
    // version 6 when a card was dropped, null: no card was.
    const rowsAfter = dump(store.db);
    expect(rowsAfter[0]).toEqual((rowsBefore[0] as object[]).map((r) => ({ ...r, mode: 'auto', shown_path: null, deck_naming: 'file' })));
    // Version 7 fixes the fuzz seed of reviewed cards to their id, and gives each review its event's id.
    const reviewed = new Set((rowsBefore[3] as { card_id: number }[]).map((r) => r.card_id));
    expect(rowsAfter[2]).toEqual((rowsBefore[2] as { id: number }[]).map((r) => ({ ...r, dropped_at: null, fuzz_seed: reviewed.has(r.id) ? String(r.id) : null })));
    const eventIds = (rowsAfter[3] as { event_id: string }[]).map((r) => r.event_id);
    expect(new Set(eventIds).size).toBe(rowsBefore[3]!.length);
    expect(rowsAfter[3]).toEqual((rowsBefore[3] as object[]).map((r, i) => ({ ...r, state_before: null, last_interval: null, event_id: eventIds[i], chosen_days: null })));
    // Version 11 adds the day the load balancer chose, none (null) for answers from before it.
    // Version 10 names each deck's memory model: FSRS-6, what every deck was scheduled with.
    expect(rowsAfter[1]).toEqual((rowsBefore[1] as object[]).map((r) => ({ ...r, model: 'FSRS-6' })));
    expect(rowsAfter[4]).toEqual(rowsBefore[4]);
    expect(store.db.pragma('foreign_key_check')).toEqual([]);
    // The append-only trigger of version 1 is still there.
    expect(() => store.db.prepare('UPDATE reviews SET rating = 1').run()).toThrow(/append-only/);

    // The new tables work with the old rows.
    trustDeck(store, 'Java', NOW);
    expect(isDeckTrusted(store, 'Java')).toBe(true);
    const id = saveQuizSession(store, {
      startedAt: NOW,
      finishedAt: NOW + 60_000,
      mode: 'mixed',
      decks: ['Java'],
      scheduled: false,
      answers: [{ cardId: 7, kind: 'predict', given: 'x', expected: 'x', correct: true, grade: null, durationMs: 900, answeredAt: NOW + 1000 }],
    });
    expect(quizHistory(store).map((s) => [s.id, s.total, s.correct])).toEqual([[id, 1, 1]]);
  });

  it('creates the indexes the trust and quiz queries use', () => {
    const store = openStore(join(tempDir(), 'engram.db'), { create: true });
    opened.push(store);
    const indexes = (store.db.prepare("SELECT name FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL ORDER BY name").all() as { name: string }[]).map(
      (r) => r.name,
    );
    expect(indexes).toEqual(expect.arrayContaining(['quiz_answers_by_card', 'quiz_answers_by_session', 'quiz_sessions_by_time']));
  });

  it('indexes the cards by deck and the times they were set aside (schema 13), in place of the index by deck alone', () => {
    const path = join(tempDir(), 'engram.db');
    copyFileSync(new URL('../fixtures/stores/v12.db', import.meta.url), path);
    const store = openStore(path, { create: false });
    opened.push(store);
    const index = (name: string) => store.db.prepare("SELECT sql FROM sqlite_master WHERE type = 'index' AND name = ?").pluck().get(name);
    expect(index('cards_by_deck')).toBeUndefined();
    expect(index('cards_by_deck_facts')).toBe('CREATE INDEX cards_by_deck_facts ON cards(deck_id, archived_at, suspended_at, dropped_at, buried_until)');
    // Which decks hold cards is still read from an index, not the cards' rows.
    expect((store.db.prepare('EXPLAIN QUERY PLAN SELECT 1 FROM cards c WHERE c.deck_id = 1').all() as { detail: string }[])[0]!.detail).toBe(
      'SEARCH c USING COVERING INDEX cards_by_deck_facts (deck_id=?)',
    );
  });

  it("indexes the event log by card for every event but answers (schema 14), and the flags' lookup goes through it", () => {
    const path = join(tempDir(), 'engram.db');
    copyFileSync(new URL('../fixtures/stores/v13.db', import.meta.url), path);
    const store = openStore(path, { create: false });
    opened.push(store);
    const index = store.db.prepare("SELECT sql FROM sqlite_master WHERE type = 'index' AND name = 'sync_events_by_card'").pluck().get();
    expect(index).toBe("CREATE INDEX sync_events_by_card ON sync_events(card_id, kind, at) WHERE kind <> 'answer'");
    // The store's own events are all still there: the fixture's history (schema 7's backfill) and its suspension and drop.
    expect(store.db.prepare("SELECT count(*) FROM sync_events WHERE kind = 'answer'").pluck().get()).toBe(100);
    expect(store.db.prepare("SELECT kind FROM sync_events WHERE kind <> 'answer' ORDER BY kind").pluck().all()).toEqual(['drop', 'suspend']);
    // Card 8's suspension (2026-01-18 09:30 UTC) stands against an unsuspend before it, not after it.
    const suspendedAt = Date.parse('2026-01-18T09:30:00Z');
    expect(hasLaterFlagEvent(store, 8, ['suspend', 'unsuspend'], suspendedAt - 1, '')).toBe(true);
    expect(hasLaterFlagEvent(store, 8, ['suspend', 'unsuspend'], suspendedAt + 1, '')).toBe(false);
    expect(hasLaterFlagEvent(store, 8, ['drop', 'undrop'], 0, '')).toBe(false);
    // hasLaterFlagEvent's query.
    const query = `SELECT 1 FROM sync_events WHERE card_id = 8 AND kind IN (SELECT value FROM json_each('["drop"]')) AND kind <> 'answer' AND folded = 1 AND (at > 0 OR (at = 0 AND id > ''))`;
    const plan = (store.db.prepare(`EXPLAIN QUERY PLAN ${query}`).all() as { detail: string }[]).map((r) => r.detail);
    expect(plan).toEqual(expect.arrayContaining([expect.stringMatching(/^SEARCH sync_events USING INDEX sync_events_by_card \(card_id=\? AND kind=\?/)]));
  });

  it('refuses answers that break the schema: an unknown kind, a grade out of range, a card that does not exist', () => {
    const store = openStore(join(tempDir(), 'engram.db'), { create: true });
    opened.push(store);
    store.db.exec(`INSERT INTO quiz_sessions (started_at, finished_at, mode, decks, scheduled, total, correct, duration_ms) VALUES (1, 2, 'm', '[]', 0, 0, 0, 1)`);
    const insert = store.db.prepare(
      'INSERT INTO quiz_answers (session_id, card_id, kind, given, expected, correct, grade, duration_ms, answered_at) VALUES (1, ?, ?, NULL, NULL, 0, ?, 0, 0)',
    );
    expect(() => insert.run(1, 'guess', null)).toThrow(/CHECK|FOREIGN/);
    store.db.exec(`INSERT INTO decks (id, name, created_at) VALUES (1, 'D', 0);
      INSERT INTO cards (id, key, deck_id, line, end_line, kind, syntax, front, back, created_at, updated_at) VALUES (1, 'k', 1, 1, 1, 'basic', 'qa', 'f', 'b', 0, 0)`);
    expect(() => insert.run(1, 'guess', null)).toThrow(/CHECK/);
    expect(() => insert.run(1, 'typed', 5)).toThrow(/CHECK/);
    expect(() => insert.run(99, 'typed', 3)).toThrow(/FOREIGN KEY/);
    expect(() => insert.run(1, 'typed', 3)).not.toThrow();
  });
});
