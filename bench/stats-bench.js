// `engram stats` over a long history: 20,000 cards and 1,000,000 reviews. The
// store keeps its stats tallies per quarter hour as answers are written, so no
// run folds the whole log: the first run makes the per-day tallies from the
// quarter hours, later runs recount only the days that changed.
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import { generateHistory } from './generate-history.js';
import { median, report } from './measure.js';

const DIST = new URL('../dist/', import.meta.url);

const ENGRAM = fileURLToPath(new URL('../bin/engram', import.meta.url));
const NOW = Date.parse('2026-03-02T10:00:00Z');
const FIRST_TARGET_MS = 500;
const WARM_TARGET_MS = 250;

/** Wall time of one `engram stats --json` (ms), spawned as a user would run it. */
function timedStats(db, env) {
  const t0 = performance.now();
  const r = spawnSync(process.execPath, [ENGRAM, 'stats', '--json', '--db', db], { env, encoding: 'utf8', maxBuffer: 1 << 26 });
  const ms = performance.now() - t0;
  if (r.status !== 0) throw new Error(`engram stats exited ${r.status}: ${r.stderr}`);
  JSON.parse(r.stdout);
  return ms;
}

/** Appends `n` answers of the last minutes, as a review session records them. */
function appendAnswers(db, n, at) {
  const sql = new Database(db);
  const ids = sql.prepare('SELECT id FROM cards ORDER BY id LIMIT ?').pluck().all(n);
  const insert = sql.prepare(
    'INSERT INTO reviews (card_id, reviewed_at, rating, duration_ms, session_id, device, state_before, last_interval) VALUES (?, ?, ?, ?, ?, ?, 2, 30)',
  );
  sql.transaction(() => ids.forEach((id, i) => insert.run(id, at + i * 1000, i % 10 === 0 ? 1 : 3, 6000, 'bench', 'bench')))();
  sql.close();
}

/**
 * The generator writes its answers straight into the log; engram's own write
 * paths (an answer, an Anki import, a sync) fold them into the quarter-hour
 * tallies in the transaction that writes them. Leaves the store as those would
 * (one transaction, which folds what it finds) and times it; then times the
 * fold from scratch a migration to schema 8 does once, on a copy.
 */
async function foldAsWritten(db) {
  const { openStore } = await import(new URL('store/open-store.js', DIST).href);
  const { recountAll } = await import(new URL('store/review-quarters.js', DIST).href);
  const store = openStore(db, { create: false });
  try {
    let t0 = performance.now();
    store.transaction(() => undefined);
    const writeTimeFold = performance.now() - t0;
    t0 = performance.now();
    // Rolled back: the store keeps the tallies its write paths left.
    try {
      store.db.transaction(() => {
        recountAll(store.db);
        throw new Error('rollback');
      })();
    } catch (err) {
      if (err.message !== 'rollback') throw err;
    }
    const migrationFold = performance.now() - t0;
    return { writeTimeFold, migrationFold };
  } finally {
    store.close();
  }
}

/** Runs the stats benchmark and prints its figures. */
export async function statsBench() {
  const dir = mkdtempSync(join(tmpdir(), 'engram-stats-bench-'));
  try {
    const config = join(dir, 'config');
    mkdirSync(config);
    const env = { PATH: process.env.PATH, HOME: dir, XDG_CONFIG_HOME: config, TZ: 'UTC', NO_COLOR: '1', ENGRAM_NOW: String(NOW) };
    const t0 = performance.now();
    const db = generateHistory(dir, { cards: 20_000, reviews: 1_000_000, now: NOW });
    const generated = performance.now() - t0;
    const { writeTimeFold, migrationFold } = await foldAsWritten(db);

    const first = timedStats(db, env);
    const warm = median(Array.from({ length: 5 }, () => timedStats(db, env)));
    const afterNew = median(
      Array.from({ length: 5 }, (_, i) => {
        appendAnswers(db, 100, NOW - 30 * 60_000 + i * 100_000);
        return timedStats(db, env);
      }),
    );
    const version = spawnSync(process.execPath, [ENGRAM, '--version'], { env });
    const startup = median(
      Array.from({ length: 5 }, () => {
        const t = performance.now();
        spawnSync(process.execPath, [ENGRAM, '--version'], { env });
        return performance.now() - t;
      }),
    );
    if (version.status !== 0) throw new Error('engram --version failed');

    report('Stats: engram stats --json over 20,000 cards and 1,000,000 reviews (spawned)', [
      ['generating the history (not engram)', generated, 'ms'],
      ['the generated answers folded as engram writes them', writeTimeFold, 'ms'],
      ['the one fold of a store migrated from schema 7', migrationFold, 'ms'],
      ['first run: days made from the quarter-hour tallies', first, 'ms', `<= ${FIRST_TARGET_MS} ms`, first <= FIRST_TARGET_MS],
      ['warm run, median of 5', warm, 'ms', `<= ${WARM_TARGET_MS} ms`, warm <= WARM_TARGET_MS],
      ['after 100 new answers (folds only those), median of 5', afterNew, 'ms', `<= ${WARM_TARGET_MS} ms`, afterNew <= WARM_TARGET_MS],
      ['for comparison: engram --version (node start-up)', startup, 'ms'],
    ]);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
