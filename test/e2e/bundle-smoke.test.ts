import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { FIXED_NOW, runEngram } from '../helpers/run-engram.js';
import { importedDeck } from './imported-deck.js';
import { PtySession, stripAnsi } from './pty-session.js';

// The shipped program end to end: bin/engram loads dist/bundle/main.js, which
// `npm test` builds before vitest runs. Only the bundle's output is checked
// here (no source module is imported), so a bundle that fails to load a
// chunk, a screen entry or a package fails this test even when every source
// file is right. Every run has ENGRAM_NOW=FIXED_NOW (2026-03-02 10:00 UTC).

const BUNDLE = fileURLToPath(new URL('../../dist/bundle/', import.meta.url));

const DECK = `---
deck: smoke
---
Q: What does a bundler do?
A: It joins modules into a few files.

Q: Which key shows the answer?
A: The space bar.
`;

describe('the bundled CLI', () => {
  it('imports a deck, reviews a card in a terminal and records the review', async () => {
    // The files bin/engram and the review command load by name.
    for (const entry of ['main.js', 'run-review.js', 'run-quiz.js']) expect(existsSync(join(BUNDLE, entry)), entry).toBe(true);

    const { work, home, db, imported } = importedDeck(DECK);
    expect(imported).toContain('2 cards in 1 file: 2 added, 0 updated, 0 unchanged, 0 archived; no problems.');

    const review = new PtySession(['review', '--db', db], { cwd: work, home, cols: 80, rows: 24 });
    await review.waitFor('What does a bundler do?');
    await review.press(' ', 'It joins modules into a few files.');
    await review.waitFor('3 Good');
    await review.press('3', 'Which key shows the answer?');
    review.write('q');
    expect((await review.waitForExit()).exitCode).toBe(0);
    const off = review.output.lastIndexOf('\u001B[?1049l');
    expect(off).toBeGreaterThan(0);
    expect(stripAnsi(review.output.slice(off))).toContain('Reviewed 1 card in 0m 0s (0s a card); again 0%.');

    const stats = runEngram(['stats', '--json', '--db', db], { cwd: work, home });
    expect(stats.stderr).toBe('');
    expect(stats.status).toBe(0);
    const report = JSON.parse(stats.stdout) as { today: { reviews: number; again: number }; history: { reviews: number; firstDay: string | null } };
    expect(report.today).toMatchObject({ reviews: 1, again: 0 });
    expect(report.history).toMatchObject({ reviews: 1, firstDay: FIXED_NOW.slice(0, 10) });

    // The graded card is learning (due again in ten minutes); the other is still new.
    const due = runEngram(['due', '--json', '--db', db], { cwd: work, home });
    expect(due.status).toBe(0);
    expect((JSON.parse(due.stdout) as { counts: unknown }).counts).toEqual({ new: 1, learning: 1, review: 0 });
  });
});
