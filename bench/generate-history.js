// Deterministic generator of a store with a long review history, for the
// stats, export and optimize benchmarks: a generated deck imported with the
// real engram, then `reviews` answers appended straight into the store (with
// the state before each, as engram records them) and each card's state.

import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import { generateDeck, prng } from './generate-deck.js';

const ENGRAM = fileURLToPath(new URL('../bin/engram', import.meta.url));
const DAY = 86_400_000;
const MINUTE = 60_000;

/**
 * Builds `dir/history.db`: `cards` cards, then `reviews` reviews in the
 * `spanDays` days before `now` (UTC ms), spread over the cards as a learner
 * with 90% recall would produce them (intervals grow ×2.5 on a pass, a lapse
 * relearns 10 minutes later), squeezed into the span when they would not fit.
 * Returns the store's path.
 */
export function generateHistory(dir, { cards, reviews, now, spanDays = 3 * 365, seed = 7 }) {
  const deck = join(dir, 'history.md');
  writeFileSync(deck, generateDeck(cards, seed));
  const db = join(dir, 'history.db');
  const r = spawnSync(process.execPath, [ENGRAM, 'import', deck, '--db', db], { encoding: 'utf8', env: { ...process.env, ENGRAM_NOW: String(now - 1000 * DAY) } });
  if (r.status !== 0) throw new Error(`engram import failed: ${r.stderr}`);

  const rand = prng(seed);
  const sql = new Database(db);
  const ids = sql.prepare('SELECT id FROM cards ORDER BY id').pluck().all();
  const insert = sql.prepare(
    'INSERT INTO reviews (card_id, reviewed_at, rating, duration_ms, session_id, device, state_before, last_interval) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
  );
  const state = sql.prepare(
    `INSERT OR REPLACE INTO card_state (card_id, state, due, stability, difficulty, scheduled_days, learning_steps, reps, lapses, last_review)
     VALUES (?, ?, ?, ?, ?, ?, 0, ?, ?, ?)`,
  );
  // Every card gets the same share of reviews; each card's history ends before `now`.
  const perCard = Math.max(1, Math.floor(reviews / ids.length));
  let left = reviews;
  sql.transaction(() => {
    for (const id of ids) {
      const n = Math.min(perCard, left);
      if (n <= 0) break;
      left -= n;
      // Walk the card's history forward from a start chosen so it ends by `now`.
      const steps = [];
      let interval = 0;
      let phase = 0;
      let lapses = 0;
      let t = 0;
      for (let k = 0; k < n; k++) {
        const recalled = k === 0 ? rand() < 0.75 : rand() < 0.9;
        const rating = recalled ? (rand() < 0.1 ? 2 : rand() < 0.1 ? 4 : 3) : 1;
        steps.push({ t, rating, phase, interval });
        if (phase === 2 && !recalled) {
          lapses++;
          phase = 3;
          interval = Math.max(1, Math.round(interval / 3));
          t += 10 * MINUTE;
        } else {
          phase = 2;
          interval = Math.max(1, Math.min(3650, Math.round((interval || 1) * (rating === 4 ? 3.5 : rating === 2 ? 1.4 : 2.5))));
          t += interval * DAY;
        }
      }
      const squeeze = Math.min(1, ((spanDays - 1) * DAY) / t);
      const start = now - t * squeeze - DAY - Math.floor(rand() * 30) * squeeze * DAY;
      for (const s of steps) {
        insert.run(id, Math.round(start + s.t * squeeze) + Math.floor(rand() * 8 * 3_600_000), s.rating, 2000 + Math.floor(rand() * 20_000), 'bench', 'bench', s.phase, s.phase === 2 ? s.interval : 0);
      }
      const last = steps[steps.length - 1];
      state.run(id, phase, Math.round(start + t * squeeze), interval * 0.9 + 0.5, 1 + rand() * 9, interval, n, lapses, Math.round(start + last.t * squeeze));
    }
  })();
  sql.close();
  return db;
}
