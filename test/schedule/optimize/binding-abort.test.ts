import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { trainingItems, type CardLog } from '../../../src/schedule/optimize/training-items.js';
import type { Grade } from '../../../src/model/review.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const DAY = 86_400_000;
const T0 = Date.parse('2026-01-05T10:00:00Z');

/**
 * Runs computeParameters on `items` ([rating, deltaT] lists) in a child node,
 * so an abort inside the native optimizer cannot take the test runner down.
 */
function fitInChild(items: [number, number][][]): { status: number | null; signal: string | null; stdout: string; stderr: string } {
  const script = `
    import { createRequire } from 'node:module';
    const b = createRequire(process.cwd() + '/')('@open-spaced-repetition/binding-linux-x64-gnu');
    const items = ${JSON.stringify(items)}.map((r) => new b.FSRSBindingItem(r.map(([g, t]) => new b.FSRSBindingReview(g, t))));
    const w = await b.computeParameters(items, { enableShortTerm: true });
    console.log(JSON.stringify(w));`;
  const r = spawnSync(process.execPath, ['--input-type=module', '-e', script], { cwd: ROOT, encoding: 'utf8', env: { ...process.env, RUST_BACKTRACE: '0' } });
  return { status: r.status, signal: r.signal, stdout: r.stdout, stderr: r.stderr };
}

/** Forty cards answered Good, then a day later (a third forgotten); and one card answered twice within ten minutes. */
function logs(): CardLog[] {
  const out: CardLog[] = [];
  for (let i = 0; i < 40; i++) {
    out.push({ cardId: i + 1, reviews: [{ reviewedAt: T0, rating: 3 }, { reviewedAt: T0 + DAY, rating: (i % 3 === 0 ? 1 : 3) as Grade }] });
  }
  out.push({ cardId: 99, reviews: [{ reviewedAt: T0, rating: 3 }, { reviewedAt: T0 + 600_000, rating: 3 }] });
  return out;
}

describe('the native optimizer and same-day items', () => {
  it('aborts the whole process on an item without an answer a day or more after another', () => {
    const unfiltered = logs().map((c) => {
      let previous = Math.floor(c.reviews[0]!.reviewedAt / DAY);
      return c.reviews.map((r, i): [number, number] => {
        const day = Math.floor(r.reviewedAt / DAY);
        const deltaT = i === 0 ? 0 : day - previous;
        previous = day;
        return [r.rating, deltaT];
      });
    });
    expect(unfiltered.at(-1)).toEqual([
      [3, 0],
      [3, 0],
    ]);
    const r = fitInChild(unfiltered);
    expect(r.signal).toBe('SIGABRT');
    expect(r.stderr).toContain('non-unwinding panic');
  });

  it('fits the same log once trainingItems has filtered it', () => {
    const set = trainingItems(logs(), { rolloverHour: 4, timeZone: 'UTC' });
    expect(set.items).toHaveLength(40);
    expect(set.dropped).toBe(1);
    const r = fitInChild(set.items.map((i) => i.reviews.map((x): [number, number] => [x.rating, x.deltaT])));
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(JSON.parse(r.stdout)).toHaveLength(21);
  });
});
