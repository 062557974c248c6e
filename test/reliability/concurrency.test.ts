import Database from 'better-sqlite3';
import { spawn } from 'node:child_process';
import { mkdirSync, realpathSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { engramEnv, PtySession, stripAnsi } from '../e2e/pty-session.js';
import { ENGRAM_BIN, runEngram } from '../helpers/run-engram.js';
import { tempDir } from '../helpers/temp-dir.js';
import { suiteFigures } from './figures.js';
import { fileProblems, logRows, replayDrift, schedulersOf, withStore } from './store-checks.js';

// Two engram processes on one store, as a user runs them in two terminals: a
// review answering cards while `engram import` writes new and edited cards.
// Neither may fail, nothing may be lost, and the review takes in the imported
// cards at its next card.

const ROUNDS = 10;
/** Cards of the deck before the first round: with the cards each round adds, more than the answers ever use up. */
const BASE_CARDS = 50;
/** Answers given while one import runs: at least one, and more while it has not finished. */
const MAX_ANSWERS_PER_ROUND = 6;
const NEW_PER_ROUND = 2;
/** How far past the card on screen a round edits one: beyond the answers of the round and the card loaded ahead. */
const EDIT_AHEAD = MAX_ANSWERS_PER_ROUND + 1;

const figures = suiteFigures('concurrency', ['rounds', 'answers', 'imports', 'lost']);
const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

/** A card of the deck: its front names it by `tag` ("007", "r03c1"). */
const card = (tag: string, reply = `Reply ${tag}.`) => `Q: Item ${tag} asks?\nA: ${reply}\n`;
const deckFile = (cards: string[]) => `---\ndeck: conc\n---\n\n${cards.join('\n')}`;
const baseTag = (n: number) => String(n).padStart(3, '0');

interface World {
  root: string;
  home: string;
  deck: string;
  db: string;
}

/** A HOME whose config lifts the daily new-card limit, and the deck imported into its store. */
function world(): World {
  const root = realpathSync(tempDir('engram-conc-'));
  const home = join(root, 'home');
  const deck = join(root, 'conc');
  mkdirSync(home);
  mkdirSync(deck);
  const db = join(root, 'store', 'engram.db');
  for (const args of [
    ['config', 'set', 'new-per-day', '1000'],
    ['config', 'set', 'time-zone', 'UTC'],
  ]) {
    expect(runEngram(args, { cwd: root, home }).status).toBe(0);
  }
  writeFileSync(join(deck, 'base.md'), deckFile(Array.from({ length: BASE_CARDS }, (_, i) => card(baseTag(i + 1)))));
  const r = runEngram(['import', 'conc', '--db', db], { cwd: root, home });
  expect(r.stderr).toBe('');
  expect(r.status).toBe(0);
  return { root, home, deck, db };
}

/** `engram import` spawned (not waited for): resolves with its exit code and what it printed. */
function importInBackground(w: World): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const child = spawn(process.execPath, [ENGRAM_BIN, 'import', 'conc', '--db', w.db], { cwd: w.root, env: engramEnv(w.home) });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
  child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
  return new Promise((done) => child.once('close', (code) => done({ code, stdout, stderr })));
}

/** Polls `check` until it holds (a hang guard, not a timing assertion). */
async function until(check: () => boolean, what: string, s: PtySession): Promise<void> {
  const deadline = Date.now() + 15_000;
  while (!check()) {
    if (s.exitInfo) throw new Error(`engram review exited (${JSON.stringify(s.exitInfo)}) before ${what}; it printed:\n${s.textSince().slice(-2000)}`);
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}; the screen:\n${s.textSince().slice(-2000)}`);
    await sleep(5);
  }
}

/** The tag of the last card drawn in `text`. */
function shownTag(text: string): string {
  const all = [...text.matchAll(/Item (\S+) asks\?/g)];
  return all[all.length - 1]![1]!;
}

const QUESTION_BAR = 'space show answer';

/** One answer given in the review and shown as recorded (the next card's question came up). */
interface Confirmed {
  tag: string;
  grade: number;
  /** The answer side as it was shown. */
  reply: string;
}

/**
 * Answers the card on screen with `grade`: reveals it, grades it, and waits
 * until the next question is drawn, which the screen does only after the
 * answer is committed.
 */
async function answer(s: PtySession, grade: number): Promise<Confirmed> {
  const tag = shownTag(s.textSince());
  let mark = s.mark();
  s.write(' ');
  await s.waitFor(`Reply ${tag}`, mark);
  // The answer bar is drawn below the card: the reply is on screen whole.
  await until(() => s.textSince(mark).includes('1 Again'), `the answer of ${tag}`, s);
  const reply = /Reply \S+?(?:, edited in round \d+)?\./.exec(s.textSince(mark))![0];
  mark = s.mark();
  s.write(String(grade));
  await until(() => s.textSince(mark).includes(QUESTION_BAR), `the card after ${tag}`, s);
  return { tag, grade, reply };
}

describe('concurrency: a review and imports on one store', () => {
  it(`loses nothing and fails nowhere over ${ROUNDS} rounds, and the review shows cards imported meanwhile`, async () => {
    const w = world();
    const s = new PtySession(['review', 'conc', '--db', w.db], { cwd: w.root, home: w.home, cols: 80, rows: 24 });
    await s.waitFor('Item 001 asks?');
    await until(() => s.textSince().includes(QUESTION_BAR), 'the first question', s);

    const confirmed: Confirmed[] = [];
    /** Every card written, by tag, with the reply it has in its file now. */
    const written = new Map<string, string>();
    /** The tags of each file of the deck. */
    const files = new Map<string, string[]>();
    const write = (file: string) => writeFileSync(join(w.deck, file), deckFile(files.get(file)!.map((tag) => card(tag, written.get(tag)))));
    files.set('base.md', Array.from({ length: BASE_CARDS }, (_, i) => baseTag(i + 1)));
    for (const tag of files.get('base.md')!) written.set(tag, `Reply ${tag}.`);
    /** The order the review shows new cards in: by id, so as they were imported. */
    const order = [...files.get('base.md')!];
    /** The round each card was edited in. */
    const edits = new Map<string, number>();
    const round2 = (n: number) => String(n).padStart(2, '0');
    const grades = [1, 2, 3, 4, 3, 4];
    for (let round = 1; round <= ROUNDS; round++) {
      const r = round2(round);
      // An edit of a card that comes up in a later round (the card on screen, the ones
      // answered this round and the one loaded ahead are before it): it must come up edited.
      const edited = order[confirmed.length + EDIT_AHEAD]!;
      written.set(edited, `Reply ${edited}, edited in round ${round}.`);
      edits.set(edited, round);
      write([...files].find(([, tags]) => tags.includes(edited))![0]);
      // New cards in a new file.
      const fresh = Array.from({ length: NEW_PER_ROUND }, (_, j) => `r${r}c${j + 1}`);
      files.set(`round-${r}.md`, fresh);
      for (const tag of fresh) written.set(tag, `Reply ${tag}.`);
      order.push(...fresh);
      write(`round-${r}.md`);

      // Answers, a user's quick pace, all the while the import runs: its write lands between two of them, or during one.
      let finished = false;
      const imported = importInBackground(w).finally(() => (finished = true));
      let k = 0;
      do {
        confirmed.push(await answer(s, grades[(round + k++) % grades.length]!));
        await sleep(40);
      } while (!finished && k < MAX_ANSWERS_PER_ROUND);
      const result = await imported;
      figures.imports++;
      expect(result.stderr, `round ${round}: import stderr`).not.toMatch(/locked|busy|error/i);
      expect(result.code, `round ${round}: ${result.stderr}`).toBe(0);
      figures.rounds++;
    }
    // On into the cards imported while the review ran, if the rounds did not get there.
    while (confirmed.length < BASE_CARDS + NEW_PER_ROUND) confirmed.push(await answer(s, 4));
    const quitMark = s.mark();
    s.write('q');
    expect((await s.waitForExit()).exitCode).toBe(0);
    figures.answers += confirmed.length;

    const screen = stripAnsi(s.output.slice(0, quitMark));
    expect(screen).not.toMatch(/Not saved|Could not|Error|busy|locked/);
    // Past the base cards, the review went on with cards imported after it started, in order.
    expect(confirmed.map((c) => c.tag)).toEqual(order.slice(0, confirmed.length));
    expect(confirmed.length).toBeGreaterThan(BASE_CARDS);
    // A card edited before it came up was shown as edited (never as it was when loaded ahead).
    for (const c of confirmed) {
      if (edits.has(c.tag)) expect(c.reply, `card ${c.tag}`).toBe(`Reply ${c.tag}, edited in round ${edits.get(c.tag)}.`);
    }

    const schedulers = schedulersOf(w.home);
    withStore(w.db, (store) => {
      expect(fileProblems(store)).toEqual({ integrity: [], foreignKeys: [] });
      const cards = store.db.prepare('SELECT id, front, back, archived_at FROM cards').all() as { id: number; front: string; back: string; archived_at: number | null }[];
      const byTag = new Map(cards.map((c) => [/^Item (\S+) asks\?$/.exec(c.front)![1]!, c]));
      // Every card written is in the store, active, with its latest text.
      expect(new Map([...byTag].map(([tag, c]) => [tag, c.archived_at === null ? c.back : 'archived']))).toEqual(written);
      const log = logRows(store).map((row) => [row.cardId, row.rating]);
      const expected = confirmed.map((c) => [byTag.get(c.tag)!.id, c.grade]);
      // Each card is answered once here (learning cards never come back while new ones remain).
      figures.lost += expected.filter(([id, g]) => !log.some(([loggedId, loggedGrade]) => loggedId === id && loggedGrade === g)).length;
      expect(log).toEqual(expected);
      expect(replayDrift(store, schedulers)).toEqual([]);
    });
    expect(figures.lost).toBe(0);
  }, 90_000);

  it('keeps the card and says so when another engram holds the store past the busy timeout', async () => {
    const w = world();
    const s = new PtySession(['review', 'conc', '--db', w.db], { cwd: w.root, home: w.home, cols: 80, rows: 24 });
    await s.waitFor('Item 001 asks?');
    await s.press(' ', 'Reply 001.');
    // Another writer holds the write lock longer than the review waits (2 s).
    const other = new Database(w.db);
    try {
      other.pragma('busy_timeout = 5000');
      other.exec('BEGIN IMMEDIATE');
      const refused = s.mark();
      await s.press('3', 'Not saved: the store is busy (another engram is writing); press the key again.');
      // The card stays on its answer side, its buttons still there.
      await s.waitFor('1 Again', refused);
      expect(s.textSince(refused)).toContain('Reply 001.');
      expect(s.textSince(refused)).not.toContain('Item 002 asks?');
      other.exec('COMMIT');
    } finally {
      other.close();
    }
    const mark = s.mark();
    s.write('3');
    await s.waitFor('Item 002 asks?', mark);
    expect(s.textSince(mark)).not.toContain('Not saved');
    s.write('q');
    expect((await s.waitForExit()).exitCode).toBe(0);
    withStore(w.db, (store) => {
      const log = logRows(store);
      expect(log.map((r) => r.rating)).toEqual([3]);
      expect(replayDrift(store, schedulersOf(w.home))).toEqual([]);
    });
  }, 30_000);
});
