import { cardById } from '../../src/store/cards.js';
import Database from 'better-sqlite3';
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { StoreHealth } from '../../src/app/doctor/store-health.js';
import { Scheduler } from '../../src/schedule/fsrs-scheduler.js';
import { saveCardState } from '../../src/store/card-state-rows.js';
import { SCHEMA_VERSION } from '../../src/store/migrations.js';
import { appendReview } from '../../src/store/reviews.js';
import { defaultSchedule } from '../helpers/default-schedule.js';
import { cliEnv, type CliEnv } from './cli-env.js';
import { cardsByFront, configFile, DAY, deckFile, importFiles, NOW, numbered, withStore } from './study-fixtures.js';

/** engram's defaults as a spawned engram sees them (TZ=UTC, fuzz on: seeded, so a replay repeats it). */
const SCHEDULE = defaultSchedule({ rolloverHour: 4, timeZone: 'UTC' }, { fuzz: true });

interface DoctorJson {
  healthy: boolean;
  store: {
    exists: boolean;
    openError: string | null;
    healthy: boolean;
    health: StoreHealth | null;
    repair: { done: { statesRebuilt: number; orphanedStatesRemoved: number; sourcesRecounted: number; reindexed: boolean }; backup: string } | null;
  };
  config: { problems: string[]; notes: string[] };
}

/**
 * A store of 6 cards in deck Bio; the first 4 answered through the real
 * scheduler, as review does (review + state in one transaction), over ten days.
 */
function answeredStore(): { env: CliEnv; ids: number[] } {
  const env = cliEnv();
  importFiles(env, { 'bio.md': deckFile('Bio', numbered('Bio card', 6)) });
  const ids = [...cardsByFront(env).values()].map((c) => c.id).sort((a, b) => a - b);
  const scheduler = new Scheduler(SCHEDULE);
  withStore(env, (store) =>
    store.transaction(() => {
      ids.slice(0, 4).forEach((id, i) => {
        const reviews = [
          { reviewedAt: NOW - 10 * DAY, rating: 3 as const },
          { reviewedAt: NOW - 10 * DAY + 600_000, rating: 3 as const },
          { reviewedAt: NOW - 3 * DAY + i * 60_000, rating: (i === 2 ? 1 : 3) as 1 | 3 },
        ];
        const { before, after } = scheduler.history(cardById(store, id)!.seed!, reviews);
        reviews.forEach((r, k) => appendReview(store, { cardId: id, reviewedAt: r.reviewedAt, rating: r.rating, durationMs: 4000, sessionId: 's', device: 'test' }, before[k]!));
        saveCardState(store, id, after);
      });
    }),
  );
  return { env, ids };
}

/** Changes the default store behind engram's back, as a user with the sqlite3 shell might. */
function tamper(env: CliEnv, sql: string): void {
  const db = new Database(env.defaultStore);
  db.pragma('foreign_keys = OFF');
  db.exec(sql);
  db.close();
}

function doctor(env: CliEnv, ...args: string[]): { status: number | null; data: DoctorJson } {
  const r = env.json<DoctorJson>(['doctor', ...args]);
  return { status: r.status, data: r.data };
}

describe('engram doctor on the store', () => {
  it('finds a store answered through the scheduler healthy, every cached state equal to its replay', () => {
    const { env } = answeredStore();
    const { status, data } = doctor(env);
    expect(status).toBe(0);
    expect(data.healthy).toBe(true);
    expect(data.store.health).toMatchObject({
      cards: 6,
      reviews: 12,
      integrity: [],
      foreignKeys: [],
      orphanedReviews: { reviews: 0, cards: [] },
      orphanedStates: [],
      historyDrift: [],
      scheduleDrift: [],
      statesChecked: 4,
      miscountedSources: [],
    });
    expect(data.store.health!.scope).toEqual({ kind: 'full', why: 'first' });
    // That check was clean: the next one replays only what changed since, here nothing.
    const text = env.run(['doctor']);
    expect(text.status).toBe(0);
    expect(text.stdout).toContain(`  schema v${SCHEMA_VERSION}, `);
    expect(text.stdout).toContain('6 cards, 12 reviews\n');
    expect(text.stdout).toContain(
      '  Checked: what changed since the last clean check (2026-03-02 10:00 UTC): 0 cards; engram doctor --full checks everything.\n' +
        '  ok       file structure (SQLite quick check; --full also checks every index against its table)\n',
    );
    expect(text.stdout).toContain('  ok       no card changed: nothing to replay\n');
    expect(text.stdout).toMatch(/\nHealthy\.\n$/);
    const full = env.run(['doctor', '--full']);
    expect(full.status).toBe(0);
    expect(full.stdout).toContain('  Checked: everything (--full).\n  ok       file integrity (SQLite integrity check)\n');
    expect(full.stdout).toContain('  ok       4 cards: cached state = the replay of the review log\n');
  });

  it('explains a damaged cache and --repair rebuilds it from the log, after a backup, leaving the log as it was', () => {
    const { env, ids } = answeredStore();
    const [a, b, c, d] = ids as [number, number, number, number];
    const logBefore = withStore(env, (s) => s.db.prepare('SELECT * FROM reviews ORDER BY id').all());
    const statesBefore = withStore(env, (s) => s.db.prepare('SELECT * FROM card_state ORDER BY card_id').all());
    // a: its state is lost; b: its state claims an answer more; c: its due date was moved by hand;
    // d: a state for a card never answered (ids[4]); a source miscounted.
    tamper(
      env,
      `DELETE FROM card_state WHERE card_id = ${a};
       UPDATE card_state SET reps = reps + 1 WHERE card_id = ${b};
       UPDATE card_state SET due = due + 86400000 WHERE card_id = ${c};
       INSERT INTO card_state (card_id, state, due, stability, difficulty, scheduled_days, learning_steps, reps, lapses, last_review)
         SELECT ${ids[4]}, state, due, stability, difficulty, scheduled_days, learning_steps, reps, lapses, last_review FROM card_state WHERE card_id = ${d};
       UPDATE sources SET active_cards = 99;`,
    );
    const found = doctor(env);
    expect(found.status).toBe(1);
    expect(found.data.healthy).toBe(false);
    expect(found.data.store.health).toMatchObject({ historyDrift: [a, b, ids[4]], scheduleDrift: [c], statesChecked: 5, miscountedSources: [1] });
    const text = env.run(['doctor']);
    expect(text.status).toBe(1);
    expect(text.stdout).toContain(`  PROBLEM  3 cards: cached state lost or gained answers (cards ${a}, ${b}, ${ids[4]})\n`);
    expect(text.stdout).toContain(`  note     1 card: scheduled under other settings than today's (card ${c})\n`);
    expect(text.stdout).toContain('  PROBLEM  1 source with a wrong count of cards\n');
    expect(text.stdout).toContain('  engram doctor --repair rebuilds states, counts and indexes from the review log\n  (after a backup).\n');
    expect(text.stdout).toMatch(/\nNot healthy: see PROBLEM above\.\n$/);

    const repaired = doctor(env, '--repair');
    expect(repaired.status).toBe(0);
    expect(repaired.data.healthy).toBe(true);
    expect(repaired.data.store.repair!.done).toEqual({ reindexed: false, statesRebuilt: 4, orphanedStatesRemoved: 0, sourcesRecounted: 1, talliesCleared: true });
    expect(withStore(env, (s) => s.db.prepare('SELECT * FROM reviews ORDER BY id').all())).toEqual(logBefore);
    expect(withStore(env, (s) => s.db.prepare('SELECT * FROM card_state ORDER BY card_id').all())).toEqual(statesBefore);
    // The backup holds the store as it was before the repair (the tampered states).
    const backup = new Database(repaired.data.store.repair!.backup, { readonly: true });
    expect(backup.prepare('SELECT count(*) AS n FROM card_state').get()).toEqual({ n: 4 });
    expect(backup.prepare('SELECT active_cards FROM sources').get()).toEqual({ active_cards: 99 });
    backup.close();
    expect(doctor(env).status).toBe(0);
  });

  it('reports answers of a card deleted behind its back as orphaned history, keeps them, and --repair drops only the cached state', () => {
    const { env, ids } = answeredStore();
    const gone = ids[1]!;
    tamper(env, `DELETE FROM cards WHERE id = ${gone};`);
    const found = doctor(env);
    expect(found.status).toBe(1);
    expect(found.data.store.health!.orphanedReviews).toEqual({ reviews: 3, cards: [gone] });
    expect(found.data.store.health!.orphanedStates).toEqual([gone]);
    expect(found.data.store.health!.foreignKeys.map((v) => `${v.table} → ${v.parent}`).sort()).toEqual([
      'card_state → cards',
      'reviews → cards',
      'reviews → cards',
      'reviews → cards',
    ]);
    const text = env.run(['doctor']);
    expect(text.stdout).toContain(`  PROBLEM  3 reviews of cards no longer in the store (card ${gone}), kept as history\n`);
    const repaired = doctor(env, '--repair');
    expect(repaired.data.store.repair!.done.orphanedStatesRemoved).toBe(1);
    // The orphaned answers stay (history is never deleted), so the store is still not healthy.
    expect(repaired.status).toBe(1);
    expect(withStore(env, (s) => s.db.prepare('SELECT count(*) AS n FROM reviews').get())).toEqual({ n: 12 });
  });

  it('finds a damaged index and --repair rebuilds it (REINDEX), then checks every state', () => {
    const { env } = answeredStore();
    const db = new Database(env.defaultStore);
    const root = (db.prepare("SELECT rootpage FROM sqlite_master WHERE name = 'reviews_by_time'").get() as { rootpage: number }).rootpage;
    const pageSize = db.pragma('page_size', { simple: true }) as number;
    db.close(); // checkpoints the log into the file: the index page is then in place to damage
    const bytes = readFileSync(env.defaultStore);
    bytes[root * pageSize - 3]! ^= 0x10; // a bit of a key near the end of the index's page
    writeFileSync(env.defaultStore, bytes);
    const found = doctor(env);
    expect(found.status).toBe(1);
    expect(found.data.store.health!.integrity.length).toBeGreaterThan(0);
    expect(found.data.store.health!.integrity.every((m) => /missing from index reviews_by_time|wrong # of entries in index reviews_by_time/.test(m))).toBe(true);
    // An index is rebuilt from its table: the repair is the advice, not a restore.
    const text = env.run(['doctor']).stdout;
    expect(text).toContain('  engram doctor --repair rebuilds states, counts and indexes from the review log\n');
    expect(text).not.toContain('engram restore');
    const repaired = doctor(env, '--repair');
    expect(repaired.status).toBe(0);
    expect(repaired.data.store.repair!.done).toMatchObject({ reindexed: true, statesRebuilt: 0 });
    expect(doctor(env).data.store.health!.integrity).toEqual([]);
  });

  it('says a store that is not a database cannot be read and points at the newest backup', () => {
    const { env } = answeredStore();
    // Yesterday's daily backup exists once engram ran on a day with cards.
    expect(env.run(['due']).status).toBe(0);
    const backups = readdirSync(join(env.home, '.local', 'share', 'engram', 'backups'));
    expect(backups).toEqual(['engram-2026-03-02.daily.db']);
    writeFileSync(env.defaultStore, Buffer.alloc(8192, 7));
    const r = env.run(['doctor']);
    expect(r.status).toBe(1);
    expect(r.stdout).toContain(`  PROBLEM  ${env.defaultStore} is not an engram store (not a SQLite database). It was left as it is; give the path of a store with --db or ENGRAM_DB.\n`);
    expect(r.stdout).toContain(`engram restore ${join(env.home, '.local', 'share', 'engram', 'backups', 'engram-2026-03-02.daily.db')}`);
    expect(readFileSync(env.defaultStore)).toEqual(Buffer.alloc(8192, 7));
  });

  it('reports a settings file other commands stop on, and settings for decks the store lacks, without stopping', () => {
    const { env } = answeredStore();
    mkdirSync(dirname(configFile(env)), { recursive: true });
    writeFileSync(configFile(env), JSON.stringify({ decks: { Bology: { 'new-per-day': 5 } } }).replace('}}', '}'));
    const broken = doctor(env);
    expect(broken.status).toBe(1);
    expect(broken.data.config.problems).toHaveLength(1);
    expect(broken.data.config.problems[0]).toMatch(/is not valid JSON/);
    expect(broken.data.store.healthy).toBe(true);
    writeFileSync(configFile(env), JSON.stringify({ decks: { Bology: { 'new-per-day': 5 }, Bio: { 'new-per-day': 5 } } }));
    const typo = doctor(env);
    expect(typo.status).toBe(0);
    expect(typo.data.config).toMatchObject({
      problems: [],
      notes: ['settings for the deck "Bology", which the store does not have (a misspelt name? engram decks lists them); they apply to nothing'],
    });
  });

  it('counts a store scheduled under other settings as healthy, with a note, and --repair reschedules it', () => {
    const { env, ids } = answeredStore();
    expect(env.run(['config', 'set', 'retention', '0.8']).status).toBe(0);
    const r = doctor(env);
    expect(r.status).toBe(0);
    // The third card lapsed last: a 10-minute relearning step, whatever the retention.
    expect(r.data.store.health!.scheduleDrift).toEqual([ids[0], ids[1], ids[3]]);
    const repaired = doctor(env, '--repair');
    expect(repaired.data.store.repair!.done.statesRebuilt).toBe(3);
    expect(doctor(env).data.store.health!.scheduleDrift).toEqual([]);
  });
});
