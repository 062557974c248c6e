import { describe, expect, it } from 'vitest';
import { cliEnv, type CliEnv } from './cli-env.js';
import { cardsByFront, DAY, deckFile, importFiles, NOW, numbered, setStates } from './study-fixtures.js';

interface SimulateJson {
  decks: string[] | null;
  from: string;
  days: number;
  retention: number;
  seed: number;
  cards: { scheduled: number; new: number };
  secondsPerAnswer: number | null;
  reviewsPerDay: number;
  learnedPerDay: number;
  perDay: { date: string; reviews: number; lapses: number; learned: number; steps: number; seconds: number | null }[];
  compared: { retention: number; reviewsPerDay: number; rememberedAtEnd: number }[];
}

/** 30 new cards in deck "words", and one card in review: stability 10 days, last answered 5 days ago, due in 5. */
function world(): CliEnv {
  const env = cliEnv();
  importFiles(env, { 'words.md': deckFile('words', numbered('word', 30)), 'old.md': deckFile('old', ['known']) });
  const known = cardsByFront(env).get('known')!.id;
  setStates(env, [
    [
      known,
      { phase: 'review', due: NOW + 5 * DAY - 6 * 3_600_000, stability: 10, difficulty: 5, scheduledDays: 10, learningSteps: 0, reps: 3, lapses: 0, lastReview: NOW - 5 * DAY },
    ],
  ]);
  return env;
}

describe('engram simulate', () => {
  it('simulates day by day from today within the daily limits, the same every run', () => {
    const env = world();
    const r = env.json<SimulateJson>(['simulate', '--days', '10']);
    expect(r.status).toBe(0);
    expect(r.data).toMatchObject({ decks: null, from: '2026-03-02', days: 10, retention: 0.9, seed: 1, cards: { scheduled: 1, new: 30 }, secondsPerAnswer: null });
    expect(r.data.perDay.map((d) => d.date)).toEqual(Array.from({ length: 10 }, (_, i) => `2026-03-${String(i + 2).padStart(2, '0')}`));
    // 20 new cards a day: 20, then the 10 left.
    expect(r.data.perDay.map((d) => d.learned)).toEqual([20, 10, 0, 0, 0, 0, 0, 0, 0, 0]);
    expect(r.data.compared.map((c) => c.retention)).toEqual([0.8, 0.85, 0.9, 0.95]);
    expect(env.json<SimulateJson>(['simulate', '--days', '10']).data).toEqual(r.data);
  });

  it('simulates one deck at a retention of its own and compares it with others', () => {
    const env = world();
    const r = env.json<SimulateJson>(['simulate', 'old', '--retention', '0.87', '--days', '6']);
    expect(r.data).toMatchObject({ decks: ['old'], retention: 0.87, cards: { scheduled: 1, new: 0 } });
    expect(r.data.perDay.map((d) => d.reviews)).toEqual([0, 0, 0, 0, 0, 1]);
    expect(r.data.compared.map((c) => c.retention)).toEqual([0.8, 0.85, 0.87, 0.9, 0.95]);
  });

  it('prints a month-by-month summary and the comparison in 80 columns', () => {
    const env = world();
    const r = env.run(['simulate', '--days', '45']);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    const lines = r.stdout.trimEnd().split('\n');
    expect(lines.slice(0, 3)).toEqual([
      'Simulated 45 study days from 2026-03-02 at retention 0.90, every deck:',
      '1 card scheduled and 30 new cards; at most 20 new and 200 reviews a day.',
      '',
    ]);
    expect(lines[3]).toMatch(/^month +reviews a day +new$/);
    expect(lines[4]).toMatch(/^Mar 2026  [█▏▎▍▌▋▊▉ ]+ +\d+\.\d +1\.0$/);
    expect(lines[5]).toMatch(/^Apr 2026  [█▏▎▍▌▋▊▉ ]+ +\d+\.\d +0\.0$/);
    expect(r.stdout).toMatch(/\nretention +reviews a day +remembered at the end\n +0\.80 .*\n +0\.85 .*\n +> 0\.90 .*\n +0\.95 .*\n/);
    expect(lines.at(-2)).toBe('No answers yet to estimate the time from.');
    expect(lines.at(-1)).toBe('To change the retention: engram config set retention 0.90');
    for (const line of lines) expect(line.length, line).toBeLessThanOrEqual(80);
  });

  it('shows what load balancing does to the days, and with easy days each easy weekday against a normal day', () => {
    const env = world();
    const before = env.run(['simulate', '--days', '60']).stdout.split('\n');
    const on = before.findIndex((l) => l.startsWith('Load balancing'));
    expect(before.slice(on, on + 3)).toEqual([
      "Load balancing (on): a day's reviews differ from its week's average",
      expect.stringMatching(/^  by \d+(\.\d)?% \(±\d+\.\d reviews\); without it by \d+(\.\d)?% \(±\d+\.\d\)\.$/),
      expect.stringMatching(/^  Busiest day: \d+ reviews \(without it \d+\)\.$/),
    ]);
    expect(before.some((l) => l.startsWith('Easy days'))).toBe(false);
    expect(env.run(['config', 'set', 'easy-days', 'sun=0,sat=0.5']).status).toBe(0);
    expect(env.run(['config', 'set', 'load-balance', 'off']).status).toBe(0);
    const lines = env.run(['simulate', '--days', '60']).stdout.split('\n');
    const at = lines.findIndex((l) => l.startsWith("Load balancing (off): a day's reviews differ"));
    expect(lines[at + 1]).toMatch(/^  by \d+(\.\d)?% \(±\d+\.\d reviews\); without it by \d+(\.\d)?% \(±\d+\.\d\)\.$/);
    expect(lines[at + 2]).toMatch(/^  Busiest day: \d+ reviews \(without it \d+\)\.$/);
    expect(lines[at + 3]).toBe('Easy days, reviews a day against a normal day:');
    expect(lines[at + 4]).toMatch(/^  sun \(share 0\): \d+\.\d, \d+% of \d+\.\d$/);
    expect(lines[at + 5]).toMatch(/^  sat \(share 0\.5\): \d+\.\d, \d+% of \d+\.\d$/);
    const json = env.json<{ loadBalance: { on: boolean; easyDays: number[]; reviewsByWeekday: Record<string, number> } }>(['simulate', '--days', '60']).data.loadBalance;
    expect(json.on).toBe(false);
    expect(json.easyDays).toEqual([0, 1, 1, 1, 1, 1, 0.5]);
    expect(Object.keys(json.reviewsByWeekday)).toEqual(['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat']);
  });

  it('--advise simulates 0.70-0.95 and advises the retention that remembers the most cards per minute', () => {
    const env = world();
    const r = env.run(['simulate', '--days', '45', '--advise']);
    expect(r.status).toBe(0);
    const lines = r.stdout.trimEnd().split('\n');
    const head = lines.findIndex((l) => l.startsWith('Retention advice: your cards simulated for 45 days at each retention (seed 1;'));
    expect(head).toBeGreaterThan(0);
    expect(lines.slice(head, head + 3).join(' ')).toContain('an answer taken as 10 s, no answers yet to measure yours');
    const rows = lines.filter((l) => /^[ >*]+0\.\d\d +\d+\.\d +\d+ +\d+\.\d{3}$/.test(l));
    // Every 0.05 from 0.70, then every 0.01 around the best of those.
    for (const r of ['0.70', '0.75', '0.80', '0.85', '0.90', '0.95']) expect(rows.some((l) => l.includes(` ${r} `)), r).toBe(true);
    expect(rows.filter((l) => l.startsWith('>'))).toHaveLength(1);
    expect(rows.filter((l) => l.slice(0, 2).includes('*'))[0]).toMatch(/ 0\.90 /);
    expect(lines.at(-1)).toMatch(/^(To use it: engram config set retention 0\.\d\d|Your desired retention 0\.90 \(\* above\) already remembers the most cards per minute\.)$/);
    for (const line of lines) expect(line.length, line).toBeLessThanOrEqual(80);

    const json = env.json<SimulateJson & { advice: { retention: number; rows: { retention: number }[] } }>(['simulate', '--days', '45', '--advise']);
    expect(json.data.advice.rows.map((row) => row.retention)).toContain(json.data.advice.retention);
    expect(env.json<SimulateJson & { advice?: unknown }>(['simulate', '--days', '45']).data.advice).toBeUndefined();
  });

  it('refuses a retention outside 0.7-0.99 with exit 2', () => {
    const env = world();
    for (const bad of ['0.5', '1', 'high']) {
      const r = env.run(['simulate', '--retention', bad]);
      expect(r.status).toBe(2);
      expect(r.stderr).toBe(`engram: --retention must be a number from 0.7 to 0.99 (the chance to recall a card when it falls due); got "${bad}".\n`);
    }
    const days = env.run(['simulate', '--days', '0']);
    expect(days.status).toBe(2);
    expect(days.stderr).toBe('engram: --days must be a whole number from 1 to 3,650 (study days to simulate); got "0".\n');
  });
});
