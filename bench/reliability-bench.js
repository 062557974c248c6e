// What keeping a history safe costs, on 20,000 cards and 1,000,000 reviews:
// a backup, the daily backup on the first command of a day, `engram doctor`
// (what changed since its last clean check; with --full, integrity + the replay
// of every card's log) and its repair; and how long a
// review waits to write while a 100k-card import writes the same store.
import { spawn, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import { generateDeck } from './generate-deck.js';
import { generateHistory } from './generate-history.js';
import { median, report } from './measure.js';

const ENGRAM = fileURLToPath(new URL('../bin/engram', import.meta.url));
const NOW = Date.parse('2026-03-02T10:00:00Z');
const DAY = 86_400_000;

function engram(args, env, ok = [0]) {
  const t0 = performance.now();
  const r = spawnSync(process.execPath, [ENGRAM, ...args], { env, encoding: 'utf8', maxBuffer: 1 << 28 });
  const ms = performance.now() - t0;
  if (!ok.includes(r.status)) throw new Error(`engram ${args.join(' ')} exited ${r.status}: ${r.stderr}`);
  return { ms, out: r.stdout, status: r.status };
}

/**
 * Answers as a review session writes them (one IMMEDIATE transaction each,
 * every 20 ms) while `busy` runs; returns the longest and median wait for the
 * write lock, in ms.
 */
async function writerWaits(db, busy) {
  const sql = new Database(db);
  sql.pragma('busy_timeout = 15000');
  const card = sql.prepare('SELECT id FROM cards LIMIT 1').pluck().get();
  const insert = sql.prepare('INSERT INTO reviews (card_id, reviewed_at, rating, duration_ms, session_id, device, state_before, last_interval) VALUES (?, ?, 3, 5000, ?, ?, 2, 3)');
  const waits = [];
  let done = false;
  const finished = busy().then((r) => {
    done = true;
    return r;
  });
  let n = 0;
  while (!done) {
    const t0 = performance.now();
    sql.transaction(() => insert.run(card, NOW + n++, 'bench', 'bench')).immediate();
    waits.push(performance.now() - t0);
    await new Promise((r) => setTimeout(r, 20));
  }
  await finished;
  sql.close();
  return { max: Math.max(...waits), median: median(waits), writes: waits.length };
}

/**
 * The generator writes its answers straight into the log; engram's own write
 * paths (an answer, an Anki import, a sync) fold them into the stats'
 * quarter-hour tallies in the transaction that writes them. Leaves the store as
 * those would (one transaction, which folds what it finds), so the repair
 * below times the repair, not that fold; returns how long the fold took (ms).
 */
async function foldAsWritten(db) {
  const { openStore } = await import(new URL('../dist/store/open-store.js', import.meta.url).href);
  const store = openStore(db, { create: false });
  try {
    const t0 = performance.now();
    store.transaction(() => undefined);
    return performance.now() - t0;
  } finally {
    store.close();
  }
}

/** Runs the reliability benchmark and prints its figures. */
export async function reliabilityBench() {
  const dir = mkdtempSync(join(tmpdir(), 'engram-reliability-bench-'));
  try {
    const config = join(dir, 'config');
    mkdirSync(config);
    const env = (now) => ({ PATH: process.env.PATH, HOME: dir, XDG_CONFIG_HOME: config, TZ: 'UTC', NO_COLOR: '1', ENGRAM_NOW: String(now) });
    const db = generateHistory(dir, { cards: 20_000, reviews: 1_000_000, now: NOW });
    const fold = await foldAsWritten(db);
    const mb = statSync(db).size / 1e6;

    const backups = [1, 2, 3].map((i) => engram(['backup', '--db', db], env(NOW + i * 1000)).ms);
    // The first command of a day takes the day's backup; the second finds it there.
    const firstOfDay = [];
    const secondOfDay = [];
    for (let d = 1; d <= 3; d++) {
      firstOfDay.push(engram(['due', '--json', '--db', db], env(NOW + d * DAY)).ms);
      secondOfDay.push(engram(['due', '--json', '--db', db], env(NOW + d * DAY)).ms);
    }
    // The generated history's states are made up: the first doctor finds them off and repairs them.
    const repair = engram(['doctor', '--repair', '--json', '--db', db], env(NOW), [0, 1]);
    const rebuilt = JSON.parse(repair.out).store.repair?.done.statesRebuilt ?? 0;
    // The repair's check was clean: each doctor after it replays only what changed since (here nothing).
    const checks = [1, 2, 3].map((i) => engram(['doctor', '--json', '--db', db], env(NOW + i * 1000)));
    const healthy = checks.every((c) => JSON.parse(c.out).store.healthy);
    const fullChecks = [1, 2, 3].map((i) => engram(['doctor', '--full', '--json', '--db', db], env(NOW + 10_000 + i * 1000)));
    const fullHealthy = fullChecks.every((c) => JSON.parse(c.out).store.healthy);

    const deck = join(dir, 'big.md');
    writeFileSync(deck, generateDeck(100_000, 3));
    const importEnv = env(NOW);
    const waits = await writerWaits(db, () =>
      new Promise((resolve, reject) => {
        const child = spawn(process.execPath, [ENGRAM, 'import', deck, '--db', db], { env: importEnv, stdio: 'ignore' });
        child.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`import exited ${code}`))));
      }),
    );

    report(`Reliability: a store of 20,000 cards and 1,000,000 reviews (${mb.toFixed(0)} MB)`, [
      ['the generated answers folded as engram writes them (not part of any command)', fold, 'ms'],
      ['engram backup (consistent copy, median of 3)', median(backups), 'ms'],
      ['first command of a day, taking the daily backup (median of 3)', median(firstOfDay), 'ms'],
      ['a later command the same day (median of 3)', median(secondOfDay), 'ms'],
      [`engram doctor --repair (rebuilds ${rebuilt.toLocaleString('en')} made-up states)`, repair.ms, 'ms', '<= 5,000 ms', repair.ms <= 5000],
      [`engram doctor, what changed since its clean check (median of 3; healthy: ${healthy})`, median(checks.map((c) => c.ms)), 'ms', '<= 3,000 ms', median(checks.map((c) => c.ms)) <= 3000],
      [`engram doctor --full, integrity + every card (median of 3; healthy: ${fullHealthy})`, median(fullChecks.map((c) => c.ms)), 'ms'],
      [`answer writes during a 100k-card import: ${waits.writes}, longest wait`, waits.max, 'ms'],
      ['  median wait', waits.median, 'ms'],
    ]);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
