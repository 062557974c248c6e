import { cardById } from '../../src/store/cards.js';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { defaultSettings } from '../../src/app/settings/settings.js';
import { scheduleSettings } from '../../src/app/settings/study-settings.js';
import type { CardState } from '../../src/model/card-state.js';
import { Scheduler } from '../../src/schedule/fsrs-scheduler.js';
import { MINUTE } from '../../src/schedule/study-time.js';
import { cardState } from '../../src/store/card-state-rows.js';
import { openStore, type Store } from '../../src/store/open-store.js';
import { reviewsOfCard } from '../../src/store/reviews.js';
import { FIXED_NOW, runEngram } from '../helpers/run-engram.js';
import { importedDeck } from './imported-deck.js';
import { PtySession, stripAnsi } from './pty-session.js';

const NOW = Date.parse(FIXED_NOW);

/** Five cards of five syntaxes, none of them siblings, in the order they are shown when new. */
const DECK = `---
deck: e2e
---
# Networking

Q: What does TCP add on top of IP?
A: Ordered, reliable byte streams.

Print the working directory::\`pwd\`

The exit status of a pipeline is that of the ==last== command.

Send stdout and stderr to a file
?
\`cmd > out.log 2>&1\`

#### Write-through caching
A write-through cache writes to the cache and to the store together.

:p What does a write-through cache do on a write?
??x
It writes to both before reporting success.
x??
`;

const QUESTIONS = [
  'What does TCP add on top of IP?',
  'Print the working directory',
  'The exit status of a pipeline is that of the [...] command.',
  'Send stdout and stderr to a file',
  'What does a write-through cache do on a write?',
] as const;

interface World {
  work: string;
  home: string;
  db: string;
  /** Card ids by question, from `engram cards --json`. */
  ids: Map<string, number>;
}

const stores: Store[] = [];
afterEach(() => {
  while (stores.length) stores.pop()!.close();
});

/** The deck imported into a store of its own, with the ids of its cards by question. */
function deckWorld(): World {
  const { work, home, db } = importedDeck(DECK);
  const listed = runEngram(['cards', '--json', '--db', db], { cwd: work, home });
  expect(listed.status).toBe(0);
  const cards = JSON.parse(listed.stdout) as { id: number; front: string; syntax: string }[];
  expect(cards.map((c) => c.syntax)).toEqual(['qa', 'inline', 'highlight-cloze', 'multiline', 'title-block']);
  const ids = new Map<string, number>();
  cards.forEach((c, i) => ids.set(QUESTIONS[i]!, c.id));
  return { work, home, db, ids };
}

function review(w: World, size = { cols: 80, rows: 24 }): PtySession {
  return new PtySession(['review', '--db', w.db], { cwd: w.work, home: w.home, ...size });
}

/** Opens the store read-only in spirit (closed after the test). */
function open(w: World): Store {
  const store = openStore(w.db, { create: false });
  stores.push(store);
  return store;
}

interface ReviewRow {
  id: number;
  card_id: number;
  reviewed_at: number;
  rating: number;
  duration_ms: number;
  session_id: string | null;
  device: string | null;
}

function reviewRows(store: Store): ReviewRow[] {
  return store.db.prepare('SELECT * FROM reviews ORDER BY id').all() as ReviewRow[];
}

/** The default settings, as a user with an empty config in UTC has them (fuzz on, rollover 4). */
function defaultScheduler(): Scheduler {
  const settings = scheduleSettings(defaultSettings());
  expect(settings.fuzz).toBe(true);
  return new Scheduler({ ...settings, clock: { rolloverHour: 4, timeZone: 'UTC' } });
}

/** Session one: card 1 Good, card 2 Again, then q on card 3. Returns everything printed. */
async function firstSession(w: World): Promise<string> {
  const s = review(w);
  await s.waitFor(QUESTIONS[0]);
  await s.press(' ', '1 Again');
  await s.press('3', QUESTIONS[1]);
  await s.press(' ', '1 Again');
  await s.press('1', QUESTIONS[2]);
  s.write('q');
  const exit = await s.waitForExit();
  expect(exit.exitCode).toBe(0);
  return s.output;
}

describe('engram review in a pseudo-terminal', () => {
  it('reviews two cards, prints the summary, and logs the answers and states', async () => {
    const w = deckWorld();
    const output = await firstSession(w);

    // The screen ran on the alternate screen; the summary is printed on the normal one after it.
    expect(output.startsWith('\u001B[?1049h')).toBe(true);
    const off = output.lastIndexOf('\u001B[?1049l');
    expect(off).toBeGreaterThan(0);
    const after = stripLines(output.slice(off));
    expect(after).toEqual([
      'Reviewed 2 cards in 0m 0s (0s a card); again 50%.',
      'Streak: 1 day.',
      'Next: 2 learning cards today, the next in 1m; tomorrow: 0 reviews, 3 new cards waiting.',
    ]);
    // The fourth and fifth cards were never shown.
    const screen = stripLines(output.slice(0, off)).join('\n');
    expect(screen).not.toContain(QUESTIONS[3]);
    expect(screen).not.toContain(QUESTIONS[4]);

    const store = open(w);
    const first = w.ids.get(QUESTIONS[0])!;
    const second = w.ids.get(QUESTIONS[1])!;
    const rows = reviewRows(store);
    expect(rows.map((r) => [r.card_id, r.rating])).toEqual([
      [first, 3],
      [second, 1],
    ]);
    for (const r of rows) {
      expect(r.reviewed_at).toBe(NOW);
      expect(r.duration_ms).toBeGreaterThanOrEqual(0);
      // ENGRAM_NOW pins the clock: the question was shown and answered at the same instant.
      expect(r.duration_ms).toBe(0);
      expect(r.session_id).toMatch(/^[0-9a-f-]{36}$/);
    }
    expect(rows[1]!.session_id).toBe(rows[0]!.session_id);

    // The cached states are exactly the replay of the log.
    const scheduler = defaultScheduler();
    for (const id of [first, second]) {
      const replayed = scheduler.replay(cardById(store, id)!.seed!, reviewsOfCard(store, id));
      expect(cardState(store, id)).toEqual(replayed);
    }
    expect(cardState(store, first)).toMatchObject<Partial<CardState>>({ phase: 'learning', due: NOW + 10 * MINUTE, reps: 1, lapses: 0, lastReview: NOW });
    expect(cardState(store, second)).toMatchObject<Partial<CardState>>({ phase: 'learning', due: NOW + MINUTE, reps: 1, lapses: 0, lastReview: NOW });
    expect(store.db.prepare('SELECT card_id FROM card_state ORDER BY card_id').pluck().all()).toEqual([first, second].sort((a, b) => a - b));
  });

  it('ctrl-c closes the screen like q: the answer is kept and the summary printed', async () => {
    const w = deckWorld();
    const s = review(w);
    await s.waitFor(QUESTIONS[0]);
    await s.press(' ', '1 Again');
    await s.press('4', QUESTIONS[1]);
    s.write('\u0003');
    const exit = await s.waitForExit();
    expect(exit.exitCode).toBe(0);
    const off = s.output.lastIndexOf('\u001B[?1049l');
    expect(off).toBeGreaterThan(0);
    expect(stripLines(s.output.slice(off))).toEqual([
      'Reviewed 1 card in 0m 0s (0s a card); again 0%.',
      'Streak: 1 day.',
      'Next: tomorrow: 0 reviews, 4 new cards waiting.',
    ]);
    const store = open(w);
    expect(reviewRows(store).map((r) => [r.card_id, r.rating])).toEqual([[w.ids.get(QUESTIONS[0])!, 4]]);
  });

  it('draws its cards in a shell that has CI set, as it does in any other (Ink alone would draw nothing until the end)', async () => {
    const w = deckWorld();
    const s = new PtySession(['review', '--db', w.db], { cwd: w.work, home: w.home, cols: 80, rows: 24, env: { CI: 'true' } });
    await s.waitFor(QUESTIONS[0]);
    await s.press(' ', 'Ordered, reliable byte streams.');
    await s.press('3', QUESTIONS[1]);
    s.write('q');
    expect((await s.waitForExit()).exitCode).toBe(0);
    expect(reviewRows(open(w)).map((r) => [r.card_id, r.rating])).toEqual([[w.ids.get(QUESTIONS[0])!, 3]]);
  });

  it('asks for a bigger terminal when it is too small, and shows the card once it is resized', async () => {
    const w = deckWorld();
    const s = review(w, { cols: 30, rows: 24 });
    await s.waitFor('Terminal too small (30×24);');
    expect(s.textSince()).not.toContain(QUESTIONS[0]);
    const mark = s.mark();
    s.resize(80, 24);
    await s.waitFor(QUESTIONS[0], mark);
    expect(s.textSince(mark)).not.toContain('Ordered, reliable byte streams.');
    await s.press(' ', 'Ordered, reliable byte streams.');
    await s.press('3', QUESTIONS[1]);
    s.write('q');
    expect((await s.waitForExit()).exitCode).toBe(0);
    const store = open(w);
    expect(reviewRows(store).map((r) => [r.card_id, r.rating])).toEqual([[w.ids.get(QUESTIONS[0])!, 3]]);
  });

  it('refuses to run without a terminal (exit 2) and writes nothing', () => {
    const w = deckWorld();
    const r = runEngram(['review', '--db', w.db], { cwd: w.work, home: w.home });
    expect(r.status).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe('engram: engram review needs a terminal (stdin and stdout must be a TTY). To list what is due, run engram due.\n');
    const store = open(w);
    expect(reviewRows(store)).toEqual([]);
  });

  it('a second session starts with the next new card, not the learning ones, and adds to the log', async () => {
    const w = deckWorld();
    await firstSession(w);

    const s = review(w);
    await s.waitFor(QUESTIONS[2]);
    const firstScreen = s.textSince();
    // Card 1 (Good, due in 10 minutes) and card 2 (Again, in 1 minute) are learning, not due yet.
    expect(firstScreen).not.toContain(QUESTIONS[0]);
    expect(firstScreen).not.toContain(QUESTIONS[1]);
    expect(firstScreen).toContain('New 3  Learn 2  Due 0');
    await s.press(' ', 'The exit status of a pipeline is that of the last command.');
    await s.waitFor('1 Again');
    await s.press('3', QUESTIONS[3]);
    const beforeQuit = s.mark();
    s.write('q');
    const exit = await s.waitForExit();
    expect(exit.exitCode).toBe(0);
    const printed = s.textSince(beforeQuit);
    expect(printed).toContain('Reviewed 1 card in 0m 0s (0s a card); again 0%.');
    expect(s.textSince()).not.toContain(QUESTIONS[0]);
    expect(s.textSince()).not.toContain(QUESTIONS[1]);

    const store = open(w);
    const rows = reviewRows(store);
    expect(rows.map((r) => [r.card_id, r.rating])).toEqual([
      [w.ids.get(QUESTIONS[0])!, 3],
      [w.ids.get(QUESTIONS[1])!, 1],
      [w.ids.get(QUESTIONS[2])!, 3],
    ]);
    // A new session id for the second session.
    expect(rows[2]!.session_id).not.toBe(rows[0]!.session_id);
    const scheduler = defaultScheduler();
    const third = w.ids.get(QUESTIONS[2])!;
    expect(cardState(store, third)).toEqual(scheduler.replay(third, reviewsOfCard(store, third)));
  }, 60_000);
});

describe('engram review with the sync setting on', () => {
  it('syncs at its start (another device\'s change counts) and at its end (its own answers are sent)', async () => {
    const w = deckWorld();
    const shared = join(w.work, 'shared');
    mkdirSync(shared);
    // Another device suspended the first card and sent that; this device picks it up when the review starts.
    const other = { cwd: w.work, home: join(w.work, 'other-home') };
    const otherDb = join(w.work, 'other', 'engram.db');
    expect(runEngram(['import', 'deck.md', '--db', otherDb], other).status).toBe(0);
    expect(runEngram(['sync', 'init', 'shared', '--db', otherDb], other).status).toBe(0);
    expect(runEngram(['suspend', '1', '--db', otherDb], other).status).toBe(0);
    expect(runEngram(['sync', '--db', otherDb], other).status).toBe(0);
    const here = { cwd: w.work, home: w.home };
    expect(runEngram(['sync', 'init', 'shared', '--db', w.db], here).status).toBe(0);
    expect(runEngram(['config', 'set', 'sync', 'on'], here).status).toBe(0);

    const s = review(w);
    // The first card was suspended on the other device: the review starts at the second.
    await s.waitFor(QUESTIONS[1]);
    expect(s.textSince()).toContain('Synced: sent 0 events, received 1 new event; 1 card updated.');
    await s.press(' ', '1 Again');
    await s.press('3', QUESTIONS[2]);
    const beforeQuit = s.mark();
    s.write('q');
    expect((await s.waitForExit()).exitCode).toBe(0);
    expect(s.textSince(beforeQuit)).toContain('Synced: sent 1 event, received 0 new events; 0 cards updated.');
    // The answer is in this device's file of the shared folder, for the other device.
    const pulled = runEngram(['sync', '--json', '--db', otherDb], other);
    expect(JSON.parse(pulled.stdout)).toMatchObject({ received: 1, cards_updated: 1 });
  }, 60_000);
});

/** The lines of some terminal output as plain text, without blank lines. */
function stripLines(output: string): string[] {
  return stripAnsi(output)
    .split('\n')
    .map((l) => l.trimEnd())
    .filter((l) => l !== '');
}
