import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openStore, type Store } from '../../src/store/open-store.js';
import { importedDeck } from './imported-deck.js';
import { PtySession, stripAnsi } from './pty-session.js';

/** Five plain cards, none of them siblings. */
const DECK = ['---', 'deck: lim', '---', '', ...[1, 2, 3, 4, 5].flatMap((n) => [`Question ${n}::Answer ${n}`, ''])].join('\n');

const stores: Store[] = [];
afterEach(() => {
  while (stores.length) stores.pop()!.close();
});

/** The deck imported into a store of its own, two new cards a day. */
function world() {
  const w = importedDeck(DECK);
  mkdirSync(join(w.home, '.config', 'engram'), { recursive: true });
  writeFileSync(join(w.home, '.config', 'engram', 'config.json'), JSON.stringify({ 'new-per-day': 2 }));
  return w;
}

/** Answers the card showing `question` Easy (out of today's queue for good). */
async function easy(s: PtySession, question: string): Promise<void> {
  await s.waitFor(question);
  await s.press(' ', question.replace('Question', 'Answer'));
  s.write('4');
}

/** What was printed on the normal screen after the review's screen closed, without blank lines. */
function after(output: string): string[] {
  const off = output.lastIndexOf('\u001B[?1049l');
  return stripAnsi(off >= 0 ? output.slice(off) : output)
    .split('\n')
    .map((l) => l.trimEnd())
    .filter((l) => l !== '');
}

describe("engram review at the day's new-card limit, in a pseudo-terminal", () => {
  it('shows the limit at the end, m studies more and the extra is kept; the next review starts with it', async () => {
    const w = world();
    const s = new PtySession(['review', '--db', w.db], { cwd: w.work, home: w.home, cols: 80, rows: 24 });
    await easy(s, 'Question 1');
    await easy(s, 'Question 2');
    await s.waitFor("Today's new-card limit (2) is used up; 3 new cards wait.");
    await s.waitFor('m 2 more new cards  u undo  q quit');
    await s.press('m', 'Question 3');
    await s.waitFor('2 more new cards allowed today.');
    await easy(s, 'Question 3');
    await s.waitFor('Question 4');
    s.write('q');
    expect((await s.waitForExit()).exitCode).toBe(0);
    expect(after(s.output)[0]).toBe('Reviewed 3 cards in 0m 0s (0s a card); again 0%.');

    const store = openStore(w.db, { create: false });
    stores.push(store);
    expect(store.db.prepare('SELECT decks, new_cards AS newCards, reviews FROM extra_limits').all()).toEqual([{ decks: '', newCards: 2, reviews: 0 }]);

    // Quit halfway through the extra: the next review of the day still has its last card, and --more adds one more.
    const next = new PtySession(['review', '--db', w.db, '--more', '1'], { cwd: w.work, home: w.home, cols: 40, rows: 12 });
    await next.waitFor('New 2');
    await easy(next, 'Question 4');
    await easy(next, 'Question 5');
    expect((await next.waitForExit()).exitCode).toBe(0);
    expect(after(next.output)).toEqual(['Reviewed 2 cards in 0m 0s (0s a card); again 0%.', 'Streak: 1 day.', 'Next: tomorrow: 0 reviews, 0 new cards waiting.']);
  }, 60_000);

  it('with nothing to show because of the limit, says so and how to study more, without opening the screen', async () => {
    const w = world();
    const first = new PtySession(['review', '--db', w.db], { cwd: w.work, home: w.home, cols: 80, rows: 24 });
    await easy(first, 'Question 1');
    await easy(first, 'Question 2');
    await first.press('q', 'Reviewed 2 cards');
    expect((await first.waitForExit()).exitCode).toBe(0);
    const limitLines = [
      "Today's new-card limit (2) is used up; 3 new cards wait.",
      `  Study more today: engram review lim --db ${w.db} --more 2`,
      '  Or raise the limit: engram config set new-per-day N',
    ];
    expect(after(first.output).slice(1, 2)).toEqual([limitLines[0]]);

    const again = new PtySession(['review', 'lim', '--db', w.db], { cwd: w.work, home: w.home, cols: 80, rows: 24 });
    expect((await again.waitForExit()).exitCode).toBe(0);
    expect(again.output).not.toContain('\u001B[?1049h');
    expect(after(again.output)).toEqual(['Nothing is due now.', ...limitLines, 'Streak: 1 day.', 'Next: tomorrow: 0 reviews, 3 new cards waiting.']);
  }, 60_000);
});
