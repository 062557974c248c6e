// Review speed through a real pseudo-terminal: cold start to the first card on
// screen (10k-card store) and answer -> next card latency (100k-card store).
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import pty from 'node-pty';
import { generateDeck } from './generate-deck.js';
import { median, report } from './measure.js';

const ENGRAM = fileURLToPath(new URL('../bin/engram', import.meta.url));
const ANSI = /\x1b\[[0-9;?]*[A-Za-z]|\x1b\][^\x07]*\x07/g;

function engram(args, env) {
  const r = spawnSync(process.execPath, [ENGRAM, ...args], { env, encoding: 'utf8', maxBuffer: 1 << 28 });
  if (r.status !== 0) throw new Error(`engram ${args.join(' ')} exited ${r.status}: ${r.stderr}`);
}

/** A review session in a pty, with a way to wait for text on screen. */
function session(db, env) {
  const term = pty.spawn(process.execPath, [ENGRAM, 'review', '--db', db], { name: 'xterm-256color', cols: 100, rows: 30, env });
  let seen = '';
  let waiter = null;
  term.onData((d) => {
    seen += d.replace(ANSI, '');
    if (waiter && seen.includes(waiter.text)) {
      const w = waiter;
      waiter = null;
      w.resolve(performance.now());
    }
  });
  const exited = new Promise((resolve) => term.onExit(resolve));
  return {
    /** Resolves with the time `text` appeared (checked from the next output on, after `clear`). */
    waitFor(text, ms = 20000) {
      if (seen.includes(text)) return Promise.resolve(performance.now());
      return new Promise((resolve, reject) => {
        waiter = { text, resolve };
        setTimeout(() => reject(new Error(`timed out waiting for "${text}"; last output: ${seen.slice(-300)}`)), ms);
      });
    },
    clear() {
      seen = '';
    },
    write(s) {
      term.write(s);
    },
    async quit() {
      term.write('q');
      await exited;
    },
  };
}

/** Runs the review benchmarks and prints their figures. */
export async function reviewBench() {
  const dir = mkdtempSync(join(tmpdir(), 'engram-review-bench-'));
  try {
    const config = join(dir, 'config');
    mkdirSync(join(config, 'engram'), { recursive: true });
    // Enough new cards a day to answer hundreds in one session.
    writeFileSync(join(config, 'engram', 'config.json'), JSON.stringify({ 'new-per-day': 100000 }));
    const env = { PATH: process.env.PATH, HOME: dir, XDG_CONFIG_HOME: config, TERM: 'xterm-256color', TZ: 'UTC', NO_COLOR: '1' };

    const small = join(dir, 'small.md');
    writeFileSync(small, generateDeck(10_000, 2));
    engram(['import', small, '--db', join(dir, 'small.db')], env);
    const large = join(dir, 'large.md');
    writeFileSync(large, generateDeck(100_000, 3));
    engram(['import', large, '--db', join(dir, 'large.db')], env);

    const baseline = [];
    for (let run = 0; run < 5; run++) {
      const t0 = performance.now();
      spawnSync(process.execPath, ['-e', '']);
      baseline.push(performance.now() - t0);
    }
    const cold = [];
    for (let run = 0; run < 5; run++) {
      const t0 = performance.now();
      const s = session(join(dir, 'small.db'), env);
      const shown = await s.waitFor('show answer');
      cold.push(shown - t0);
      await s.quit();
    }

    const s = session(join(dir, 'large.db'), env);
    await s.waitFor('show answer');
    const latencies = [];
    for (let i = 0; i < 300; i++) {
      s.clear();
      s.write(' ');
      await s.waitFor('Again');
      s.clear();
      const t0 = performance.now();
      s.write('3');
      latencies.push((await s.waitFor('show answer')) - t0);
    }
    await s.quit();
    latencies.sort((a, b) => a - b);
    const p50 = latencies[Math.floor(latencies.length * 0.5)];
    const p99 = latencies[Math.floor(latencies.length * 0.99)];
    const floor = median(baseline);
    const start = median(cold);
    report('review: through a pseudo-terminal', [
      ['node -e "" (median of 5)', floor, 'ms'],
      ['cold start to first card, 10k-card store (median of 5)', start, 'ms'],
      ['cold start / node -e ""', start / floor, 'x', '<= 3x', start / floor <= 3],
      ['answer -> next card, 100k-card store, p50 of 300', p50, 'ms'],
      ['answer -> next card, 100k-card store, p99 of 300', p99, 'ms', '<= 10 ms', p99 <= 10],
    ]);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
