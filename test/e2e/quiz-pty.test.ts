import { afterEach, describe, expect, it } from 'vitest';
import { shellWord } from '../../src/cli/shell-words.js';
import { openStore, type Store } from '../../src/store/open-store.js';
import { PtySession, stripAnsi } from './pty-session.js';
import { importedDeck } from './imported-deck.js';

/** Four capitals: each card's answer is a short line, so each can be asked as multiple choice. */
const DECK = `---
deck: capitals
---
Q: Capital of France?
A: Paris

Q: Capital of Spain?
A: Madrid

Q: Capital of Italy?
A: Rome

Q: Capital of Portugal?
A: Lisbon
`;

const ANSWERS = new Map([
  ['Capital of France?', 'Paris'],
  ['Capital of Spain?', 'Madrid'],
  ['Capital of Italy?', 'Rome'],
  ['Capital of Portugal?', 'Lisbon'],
]);

interface World {
  work: string;
  home: string;
  db: string;
}

const stores: Store[] = [];
afterEach(() => {
  while (stores.length) stores.pop()!.close();
});

/** The capitals deck imported into a store of its own. */
function capitals(): World {
  return importedDeck(DECK);
}

function open(w: World): Store {
  const store = openStore(w.db, { create: false });
  stores.push(store);
  return store;
}

/**
 * Waits for the next question (one not asked before), and returns it with the
 * number of its right option and of a wrong one, read off the screen.
 */
async function nextQuestion(s: PtySession, mark: number, asked: Set<string>): Promise<{ question: string; right: string; wrong: string }> {
  await s.waitFor('1-4 pick', mark);
  const deadline = Date.now() + 10_000;
  for (;;) {
    const found = questionOnScreen(s.textSince(mark), asked);
    if (found) {
      asked.add(found.question);
      return found;
    }
    if (Date.now() > deadline) throw new Error(`no question with four options on screen:\n${s.textSince(mark)}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

function questionOnScreen(text: string, asked: Set<string>): { question: string; right: string; wrong: string } | null {
  for (const [question, answer] of ANSWERS) {
    if (asked.has(question) || !text.includes(question)) continue;
    const options = [...text.matchAll(/ ([1-4]) (Paris|Madrid|Rome|Lisbon)\b/g)].slice(-4);
    const right = options.find((m) => m[2] === answer)?.[1];
    const wrong = options.find((m) => m[2] !== answer)?.[1];
    if (options.length === 4 && right && wrong) return { question, right, wrong };
  }
  return null;
}

/** The lines printed on the normal screen after the quiz left the alternate one. */
function afterScreen(output: string): string[] {
  const off = output.lastIndexOf('\u001B[?1049l');
  expect(off).toBeGreaterThan(0);
  return stripAnsi(output.slice(off))
    .split('\n')
    .map((l) => l.trimEnd())
    .filter((l) => l !== '');
}

describe('engram quiz in a pseudo-terminal', () => {
  it('asks four choice questions, prints the score, and saves the quiz without touching the schedule', async () => {
    const w = capitals();
    const s = new PtySession(['quiz', '--mode', 'choice', '--seed', '5', '--db', w.db], { cwd: w.work, home: w.home, cols: 80, rows: 24 });
    const asked = new Set<string>();
    const wrongQuestion: string[] = [];
    let mark = 0;
    for (let i = 0; i < 4; i++) {
      const q = await nextQuestion(s, mark, asked);
      // The second question is answered wrong.
      const key = i === 1 ? q.wrong : q.right;
      if (i === 1) wrongQuestion.push(q.question);
      await s.press(key, i === 1 ? '✗ Wrong' : '✓ Right');
      mark = s.mark();
      s.write('\r');
    }
    await s.waitFor('3/4 right · 0:00', mark);
    s.write('\r');
    const exit = await s.waitForExit();
    expect(exit.exitCode).toBe(0);
    const printed = afterScreen(s.output);
    expect(printed[0]).toBe('3/4 right · 0:00');
    expect(printed[1]).toBe('Wrong:');
    expect(printed[2]).toMatch(new RegExp(`^  #\\d+ ${wrongQuestion[0]!.replace('?', '\\?')}$`));
    const again = printed.findIndex((line) => line === 'Saved as quiz 1. The same questions again:');
    // The command may be broken over lines with a trailing \ (the store's temp path is long).
    const command = printed.slice(again + 1).map((line) => line.trim().replace(/ \\$/, '')).join(' ');
    expect(command).toBe(`engram quiz --mode choice --count 10 --seed 5 --db ${shellWord(w.db)}`);

    const store = open(w);
    const sessions = store.db.prepare('SELECT mode, decks, scheduled, total, correct FROM quiz_sessions').all();
    expect(sessions).toEqual([{ mode: 'choice', decks: '[]', scheduled: 0, total: 4, correct: 3 }]);
    const answers = store.db.prepare('SELECT kind, correct, grade FROM quiz_answers ORDER BY id').all();
    expect(answers).toEqual([
      { kind: 'choice', correct: 1, grade: null },
      { kind: 'choice', correct: 0, grade: null },
      { kind: 'choice', correct: 1, grade: null },
      { kind: 'choice', correct: 1, grade: null },
    ]);
    expect(store.db.prepare('SELECT COUNT(*) FROM reviews').pluck().get()).toBe(0);
    expect(store.db.prepare('SELECT COUNT(*) FROM card_state').pluck().get()).toBe(0);
  });

  it('with --schedule, records each answer as a review; q midway keeps and saves what was answered', async () => {
    const w = capitals();
    const s = new PtySession(['quiz', 'capitals', '--mode', 'choice', '--seed', '5', '--schedule', '--db', w.db], { cwd: w.work, home: w.home, cols: 80, rows: 24 });
    const asked = new Set<string>();
    let mark = s.mark();
    const first = await nextQuestion(s, mark, asked);
    await s.press(first.right, 'Grade to record: 3 Good');
    mark = s.mark();
    s.write('\r');
    const second = await nextQuestion(s, mark, asked);
    await s.press(second.wrong, 'Grade to record: 1 Again');
    // Quitting from the feedback keeps this answer too.
    await s.press('q', '1/2 right · 0:00');
    s.write('\r');
    expect((await s.waitForExit()).exitCode).toBe(0);
    const printed = afterScreen(s.output);
    expect(printed).toContain('Stopped after 2 of 4 questions.');
    expect(printed).toContain('Recorded 2 answers as reviews.');

    const store = open(w);
    expect(store.db.prepare('SELECT mode, decks, scheduled, total, correct FROM quiz_sessions').all()).toEqual([
      { mode: 'choice', decks: '["capitals"]', scheduled: 1, total: 2, correct: 1 },
    ]);
    expect(store.db.prepare('SELECT grade FROM quiz_answers ORDER BY id').pluck().all()).toEqual([3, 1]);
    const fronts = store.db.prepare('SELECT c.front, r.rating FROM reviews r JOIN cards c ON c.id = r.card_id ORDER BY r.id').all();
    expect(fronts).toEqual([
      { front: first.question, rating: 3 },
      { front: second.question, rating: 1 },
    ]);
    expect(store.db.prepare('SELECT COUNT(*) FROM card_state').pluck().get()).toBe(2);
  });
});
