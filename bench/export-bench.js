// Export speed: the review log of a store with 1M reviews written by the real
// engram (spawned), as the FSRS revlog CSV and as JSON lines, with the time,
// the rate and the peak memory of the process.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { generateHistory } from './generate-history.js';
import { report } from './measure.js';

const ENGRAM = fileURLToPath(new URL('../bin/engram', import.meta.url));
// Preloaded into the spawned engram: prints its own peak RSS (kB) to stderr as it exits.
const PEAK_RSS = `data:text/javascript,process.on('exit',()=>process.stderr.write('peak-rss-kb '+process.resourceUsage().maxRSS+'\\n'))`;

/** Runs `engram export ...` once; returns its wall time and peak RSS. */
function exportOnce(args, env) {
  const t0 = performance.now();
  const r = spawnSync(process.execPath, ['--import', PEAK_RSS, ENGRAM, 'export', ...args], { env, encoding: 'utf8' });
  const ms = performance.now() - t0;
  if (r.status !== 0) throw new Error(`engram export ${args.join(' ')} exited ${r.status}: ${r.stderr}`);
  const rss = /peak-rss-kb (\d+)/.exec(r.stderr);
  return { ms, rssMb: rss ? Number(rss[1]) / 1024 : NaN };
}

/** Generates a 1M-review store, exports its review log as CSV and JSON lines and its deck as markdown, and prints the figures. */
export async function exportBench() {
  const dir = mkdtempSync(join(tmpdir(), 'engram-export-bench-'));
  try {
    const now = Date.parse('2026-03-02T10:00:00Z');
    const t0 = performance.now();
    const db = generateHistory(dir, { cards: 20_000, reviews: 1_000_000, now });
    const generated = performance.now() - t0;
    const env = { ...process.env, ENGRAM_NOW: String(now), XDG_CONFIG_HOME: join(dir, 'config'), NO_COLOR: '1' };
    const rows = [['generate the store (20k cards, 1M reviews)', generated, 'ms']];
    for (const format of ['csv', 'jsonl']) {
      const out = join(dir, `revlog.${format}`);
      // The first run fills nothing (the generator records every fact) but warms the file cache.
      exportOnce(['--what', 'reviews', '--format', format, '-o', out, '--db', db], env);
      const run = exportOnce(['--what', 'reviews', '--format', format, '-o', out, '--force', '--db', db], env);
      const mb = statSync(out).size / (1024 * 1024);
      rows.push(
        [`export 1M reviews as ${format} (spawned engram, to a file)`, run.ms, 'ms'],
        [`  ${format} file size`, mb, 'MB'],
        [`  ${format} rate`, mb / (run.ms / 1000), 'MB/s'],
        [`  ${format} peak RSS`, run.rssMb, 'MB'],
      );
    }
    const deck = exportOnce(['--what', 'deck', '-o', join(dir, 'deck.md'), '--db', db], env);
    rows.push(['export the 20k-card deck as markdown', deck.ms, 'ms'], ['  peak RSS', deck.rssMb, 'MB']);
    report('Export (1M reviews)', rows);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
