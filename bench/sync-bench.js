// Sync speed: folding 10 devices x 100,000 events into a fresh store (target
// <= 3 s), and `engram sync` with nothing new against a local bare git
// repository (target <= 0.3 s, the spawned engram's wall time, git's included).
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { initSync, runSync } from '../dist/app/sync/run-sync.js';
import { importPaths } from '../dist/library/import-sources.js';
import { eventLine } from '../dist/model/sync-event.js';
import { SchedulerSet } from '../dist/schedule/scheduler-set.js';
import { openStore } from '../dist/store/open-store.js';
import { newEventId } from '../dist/store/event-ids.js';
import { generateDeck, prng } from './generate-deck.js';
import { median, report } from './measure.js';

const ENGRAM = fileURLToPath(new URL('../bin/engram', import.meta.url));
const NOW = Date.parse('2026-03-02T10:00:00Z');
const DAY = 86_400_000;
const SCHEDULE = { retention: 0.9, maximumInterval: 36500, learningSteps: ['1m', '10m'], relearningSteps: ['10m'], fuzz: true, weights: null, clock: { rolloverHour: 4, timeZone: 'UTC' } };

/**
 * Writes `devices` x `perDevice` answer events about the given card keys into
 * `folder`, as those devices would have: each device's answers spread over a
 * year, a card answered again some days after its last answer.
 */
function writeDevices(folder, keys, devices, perDevice) {
  const rand = prng(7);
  for (let d = 0; d < devices; d++) {
    const device = `bench-device-${d}`;
    const dir = join(folder, 'engram-sync', device);
    mkdirSync(dir, { recursive: true });
    const byMonth = new Map();
    for (let i = 0; i < perDevice; i++) {
      const at = NOW - 365 * DAY + Math.floor((i / perDevice) * 365 * DAY) + d * 1000;
      const key = keys[Math.floor(rand() * keys.length)];
      const e = { v: 1, id: newEventId(at), device, at, kind: 'answer', card: key, rating: rand() < 0.1 ? 1 : 3, durationMs: 4000, session: null, host: device, before: null, seed: key };
      const month = new Date(at).toISOString().slice(0, 7);
      (byMonth.get(month) ?? byMonth.set(month, []).get(month)).push(eventLine(e));
    }
    for (const [month, lines] of byMonth) writeFileSync(join(dir, `${month}.jsonl`), `${lines.join('\n')}\n`);
  }
}

function git(cwd, ...args) {
  const r = spawnSync('git', args, { cwd, encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`git ${args.join(' ')}: ${r.stderr}`);
}

/** Runs the benchmarks and prints the figures. */
export async function syncBench() {
  const dir = mkdtempSync(join(tmpdir(), 'engram-sync-bench-'));
  try {
    const notes = join(dir, 'notes');
    mkdirSync(notes);
    writeFileSync(join(notes, 'deck.md'), generateDeck(20_000));
    const folder = join(dir, 'shared');
    mkdirSync(folder);
    const store = openStore(join(dir, 'fresh', 'engram.db'), { create: true });
    importPaths(store, [notes], { cwd: notes, now: NOW });
    const keys = store.db.prepare('SELECT key FROM cards').pluck().all();
    const t0 = performance.now();
    writeDevices(folder, keys, 10, 100_000);
    const written = performance.now() - t0;
    initSync(store, folder, { now: NOW, cwd: dir, env: {} });
    const t1 = performance.now();
    const r = runSync(store, { now: NOW, schedulers: new SchedulerSet(SCHEDULE), dryRun: false, env: {} });
    const fold = performance.now() - t1;
    const reviews = store.db.prepare('SELECT count(*) FROM reviews').pluck().get();
    store.close();
    if (r.received !== 1_000_000 || reviews !== 1_000_000) throw new Error(`folded ${r.received} events into ${reviews} reviews`);
    const rows = [
      [`write 10 devices x 100,000 answer events (${keys.length} cards)`, written, 'ms'],
      ['fold them into a fresh store (read, dedupe, replay 20k cards)', fold, 'ms', '<= 3,000 ms', fold <= 3000],
      ['  cards updated', r.cardsUpdated, 'cards'],
    ];

    // No-change sync against a local bare repository, through the real engram.
    const remote = join(dir, 'remote.git');
    git(dir, 'init', '--quiet', '--bare', '--initial-branch=main', remote);
    git(dir, 'clone', '--quiet', remote, 'repo');
    const repo = join(dir, 'repo');
    git(repo, 'checkout', '--quiet', '-B', 'main');
    const env = { ...process.env, ENGRAM_NOW: String(NOW), XDG_CONFIG_HOME: join(dir, 'config'), NO_COLOR: '1', GIT_AUTHOR_NAME: 'b', GIT_AUTHOR_EMAIL: 'b@x', GIT_COMMITTER_NAME: 'b', GIT_COMMITTER_EMAIL: 'b@x' };
    const db = join(dir, 'device', 'engram.db');
    const engram = (...args) => {
      const t = performance.now();
      const out = spawnSync(process.execPath, [ENGRAM, ...args, '--db', db], { env, encoding: 'utf8' });
      if (out.status !== 0) throw new Error(`engram ${args.join(' ')}: ${out.stderr}`);
      return performance.now() - t;
    };
    engram('import', join(notes, 'deck.md'));
    engram('sync', 'init', repo);
    engram('sync');
    const times = Array.from({ length: 5 }, () => engram('sync'));
    const version = Array.from({ length: 5 }, () => {
      const t = performance.now();
      spawnSync(process.execPath, [ENGRAM, '--version'], { env });
      return performance.now() - t;
    });
    rows.push(
      ['engram sync with nothing new, local bare git repository (median of 5)', median(times), 'ms', '<= 300 ms', median(times) <= 300],
      ['  of which starting engram (engram --version, median of 5)', median(version), 'ms'],
    );
    report('Sync', rows);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
