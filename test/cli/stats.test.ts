import { describe, expect, it } from 'vitest';
import { visibleWidth } from '../../src/cli/output/stats/text-columns.js';
import type { Grade } from '../../src/model/review.js';
import { Scheduler } from '../../src/schedule/fsrs-scheduler.js';
import type { StatsReport } from '../../src/stats/stats-report.js';
import { saveCardState } from '../../src/store/card-state-rows.js';
import { appendReview } from '../../src/store/reviews.js';
import { defaultSchedule } from '../helpers/default-schedule.js';
import { cliEnv, type CliEnv } from './cli-env.js';
import { cardsByFront, deckFile, importFiles, withStore } from './study-fixtures.js';

// Every spawned engram runs at 2026-03-02 10:00 UTC with TZ=UTC; study days start at 4:00.

/** Answers `card` at the given times and grades as a review session would record them (5 s each). */
function answer(env: CliEnv, cardId: number, answers: [iso: string, grade: Grade][]): void {
  const scheduler = new Scheduler(defaultSchedule());
  const reviews = answers.map(([at, rating]) => ({ reviewedAt: Date.parse(at), rating }));
  const { before, after } = scheduler.history(cardId, reviews);
  withStore(env, (store) =>
    store.transaction(() => {
      reviews.forEach((r, i) => appendReview(store, { cardId, reviewedAt: r.reviewedAt, rating: r.rating, durationMs: 5000, sessionId: 's', device: null }, before[i]));
      saveCardState(store, cardId, after);
    }),
  );
}

/**
 * Three cards of deck "Spanish":
 *   uno:  new Good 02-27 09:00, learning Good 09:10 (now in review), in review Again today 09:00 (relearning)
 *   dos:  new Good today 09:05 (learning)
 *   tres: never reviewed
 */
function world(): CliEnv {
  const env = cliEnv();
  importFiles(env, { 'spanish.md': deckFile('Spanish', ['uno', 'dos', 'tres']) });
  const ids = cardsByFront(env);
  answer(env, ids.get('uno')!.id, [
    ['2026-02-27T09:00:00Z', 3],
    ['2026-02-27T09:10:00Z', 3],
    ['2026-03-02T09:00:00Z', 1],
  ]);
  answer(env, ids.get('dos')!.id, [['2026-03-02T09:05:00Z', 3]]);
  return env;
}

describe('engram stats', () => {
  it('--json has the figures, counted from the log and the cards', () => {
    const env = world();
    const { status, data } = env.json<StatsReport>(['stats']);
    expect(status).toBe(0);
    expect(data.date).toBe('2026-03-02');
    expect(data.decks).toEqual(['Spanish']);
    // Today: uno Again (in review), dos Good (new); 5 s each.
    expect(data.today).toEqual({ due: 2, reviews: 2, again: 1, againRate: 0.5, timeMs: 10_000, byPhase: { new: 1, learning: 0, review: 1, relearning: 0 } });
    // Study days 02-27 and 03-02: neither run is longer than a day.
    expect(data.streak).toEqual({ current: 1, longest: 1 });
    expect(data.history).toEqual({ reviews: 4, timeMs: 20_000, studyDays: 2, firstDay: '2026-02-27', lastDay: '2026-03-02' });
    // Today's only review of a card in review failed; it was young.
    expect(data.retention[0]).toMatchObject({ young: { passed: 0, reviews: 1, rate: 0 }, mature: { passed: 0, reviews: 0, rate: null } });
    expect(data.cards).toEqual({ total: 3, new: 1, learning: 1, review: 0, relearning: 1, suspended: 0, dropped: 0, buried: 0, archived: 0 });
    // uno relearns in 10 minutes, dos's next step is 10 minutes away: both still today.
    expect(data.forecast.days[0]).toEqual({ date: '2026-03-02', due: 2 });
    expect(data.leeches.mostLapses.map((c) => [c.front, c.lapses])).toEqual([['uno', 1]]);
    expect(data.deckTable).toMatchObject([{ name: 'Spanish', dueToday: 2, reviewsToday: 2, againToday: 1 }]);
    expect(data.heatmap.days.filter((d) => d.reviews > 0).map((d) => [d.date, d.reviews])).toEqual([
      ['2026-02-27', 2],
      ['2026-03-02', 2],
    ]);
  });

  it('prints a dashboard that fits 80 columns, without escape sequences under NO_COLOR', () => {
    const env = world();
    const r = env.run(['stats']);
    expect(r.status).toBe(0);
    expect(r.stderr).toBe('');
    const lines = r.stdout.trimEnd().split('\n');
    expect(lines.filter((l) => visibleWidth(l) > 80)).toEqual([]);
    expect(r.stdout).not.toMatch(/\x1b/);
    expect(lines[0]).toBe('engram stats: all decks (1)');
    expect(lines).toContain('  reviewed           2  new 1 · learn 0 · review 1 · relearn 0');
    expect(lines).toContain('  streak         1 day  longest 1 day');
    for (const title of ['Today', 'Reviews per day', 'Cards due per day', 'True retention', 'Cards  ', 'Intervals', 'Decks', 'Hardest cards']) {
      expect(lines.some((l) => l.startsWith(title))).toBe(true);
    }
    // The same at a terminal's width of 200: laid out for 80 all the same.
    expect(env.run(['stats'], { COLUMNS: '200' }).stdout).toBe(r.stdout);
  });

  it('colours only when asked and never under NO_COLOR', () => {
    const env = world();
    const coloured = env.run(['stats'], { NO_COLOR: undefined, FORCE_COLOR: '1' });
    expect(coloured.stdout).toMatch(/\x1b\[1mToday\x1b\[22m/);
    expect(coloured.stdout.replace(/\x1b\[[0-9;]*m/g, '')).toBe(env.run(['stats']).stdout);
    expect(env.run(['stats'], { NO_COLOR: '1', FORCE_COLOR: '1' }).stdout).not.toMatch(/\x1b/);
    // Not a terminal and not forced: plain.
    expect(env.run(['stats'], { NO_COLOR: undefined }).stdout).not.toMatch(/\x1b/);
  });

  it('recounts the days when the rollover hour changes', () => {
    const env = world();
    expect(env.json<StatsReport>(['stats']).data.today.reviews).toBe(2);
    expect(env.run(['config', 'set', 'rollover-hour', '10']).status).toBe(0);
    // Days now start at 10:00: every review (all at 9:00-9:10) belongs to the day before its date.
    const { data } = env.json<StatsReport>(['stats']);
    expect(data.today.reviews).toBe(0);
    expect(data.heatmap.days.filter((d) => d.reviews > 0).map((d) => [d.date, d.reviews])).toEqual([
      ['2026-02-26', 2],
      ['2026-03-01', 2],
    ]);
  });

  it('counts the named decks only, and refuses an unknown one', () => {
    const env = world();
    importFiles(env, { 'go.md': deckFile('Go', ['defer', 'chan']) });
    expect(env.json<StatsReport>(['stats', 'Go']).data).toMatchObject({ decks: ['Go'], allDecks: false, history: { reviews: 0 }, cards: { total: 2, new: 2 } });
    const r = env.run(['stats', 'French']);
    expect(r.status).toBe(4);
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe('engram: no deck named "French". Decks: Go, Spanish.\n');
  });

  it('reads sensibly before any review, and says how to start without a store', () => {
    const env = cliEnv();
    const none = env.run(['stats']);
    expect(none.status).toBe(2);
    expect(none.stderr).toMatch(/^engram: no store at .*Import some cards first/);
    importFiles(env, { 'spanish.md': deckFile('Spanish', ['uno']) });
    const r = env.run(['stats']);
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('  all time           0  no reviews yet');
    expect(r.stdout).toContain('Reviews per day, last 12 months\n  no reviews yet');
    expect(r.stdout).not.toMatch(/NaN|undefined|null/);
  });
});
