import { cardById } from '../../src/store/cards.js';
import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { Scheduler } from '../../src/schedule/fsrs-scheduler.js';
import { cardState, saveCardState } from '../../src/store/card-state-rows.js';
import { appendReview } from '../../src/store/reviews.js';
import { defaultSchedule } from '../helpers/default-schedule.js';
import { syntheticLearner } from '../helpers/synthetic-learner.js';
import { cliEnv, type CliEnv } from './cli-env.js';
import { cardsByFront, configFile, deckFile, importFiles, NOW, numbered, withStore } from './study-fixtures.js';

/** engram's defaults as a spawned engram sees them (TZ=UTC, fuzz on). */
const SCHEDULE = defaultSchedule({ rolloverHour: 4, timeZone: 'UTC' }, { fuzz: true });

interface OptimizeJson {
  decks: string[] | null;
  cards: number;
  reviews: number;
  usable: number;
  kind: 'too-little' | 'first-four' | 'all';
  note: string | null;
  current: { label: string; logLoss: number; rmseBins: number } | null;
  fitted: { weights: number[]; logLoss: number; rmseBins: number } | null;
  better: boolean;
  saved: boolean;
  rescheduled: { cards: number; sooner: number; later: number; medianShift: number } | null;
}

/**
 * Imports decks of `cards` cards each with the CLI, then writes a synthetic
 * learner's answers to every card straight into the store, with each card's
 * state replayed as engram would have cached it.
 */
function world(decks: Record<string, number>, reviewsPerCard: number): CliEnv {
  const env = cliEnv();
  importFiles(env, Object.fromEntries(Object.entries(decks).map(([deck, n]) => [`${deck}.md`, deckFile(deck, numbered(`${deck} card`, n))])));
  const cards = [...cardsByFront(env).values()].sort((a, b) => a.id - b.id);
  const log = syntheticLearner({ cards: cards.length, reviewsPerCard, start: Date.parse('2023-06-01T00:00:00Z'), seed: 5, maximumInterval: 120 });
  const scheduler = new Scheduler(SCHEDULE);
  withStore(env, (store) =>
    store.transaction(() => {
      cards.forEach((card, i) => {
        const reviews = log[i]!.reviews;
        if (reviews.at(-1)!.reviewedAt >= NOW) throw new Error('a synthetic answer falls after the test clock');
        const { before, after } = scheduler.history(card.id, reviews);
        reviews.forEach((r, k) => appendReview(store, { cardId: card.id, reviewedAt: r.reviewedAt, rating: r.rating, durationMs: 8000, sessionId: 's', device: 'test' }, before[k]!));
        saveCardState(store, card.id, after);
      });
    }),
  );
  return env;
}

const reviewsTable = (env: CliEnv): unknown[] => withStore(env, (store) => store.db.prepare('SELECT * FROM reviews ORDER BY id').all());
const dues = (env: CliEnv): Map<number, number> =>
  withStore(env, (store) => new Map((store.db.prepare('SELECT card_id, due FROM card_state ORDER BY card_id').all() as { card_id: number; due: number }[]).map((r) => [r.card_id, r.due])));
const config = (env: CliEnv): { weights?: number[]; decks?: Record<string, { weights?: number[] }> } => JSON.parse(readFileSync(configFile(env), 'utf8'));

describe('engram optimize', () => {
  it('fits on the whole log; --dry-run shows the comparison and saves nothing; without it the weights are saved', () => {
    const env = world({ words: 150 }, 5);
    const dry = env.run(['optimize', '--dry-run']);
    expect(dry.stderr).toBe('');
    expect(dry.status).toBe(0);
    const lines = dry.stdout.split('\n');
    expect(lines[0]).toMatch(/^Fitting FSRS-6 parameters to every deck: 150 cards, [\d,]+ reviews\.$/);
    expect(lines[1]).toMatch(/^[\d,]+ usable: answered a day or more after the card's previous answer\.$/);
    expect(lines[2]).toMatch(/^Fitted in \d+\.\d s\.$/);
    expect(dry.stdout).toMatch(/\nparameters +log loss +RMSE \(bins\)\ncurrent \(defaults\) +0\.\d{4} +\d+\.\d\d%\nfitted +0\.\d{4} +\d+\.\d\d%\n/);
    expect(dry.stdout).toMatch(/\nFitted parameters:\n(  [\d. ]+\n){2,3}\nThe fitted parameters predict your reviews better\. Dry run: nothing saved\.\n\nRetention advice: /);
    // The advice with the fitted parameters: a row per retention simulated, the advised one marked.
    expect(dry.stdout).toMatch(/\n +retention +minutes a day +remembered +per minute\n([ >*]+0\.\d\d +\d+\.\d +\d+ +\d+\.\d{3}\n)+\n/);
    expect(dry.stdout).toMatch(/\n(Advice: desired retention 0\.\d\d, the most cards remembered per minute \(> above\)\.\nTo use it: engram config set retention 0\.\d\d|Your desired retention 0\.90 \(\* above\) already remembers the most cards per minute\.)\n$/);
    expect(existsSync(configFile(env))).toBe(false);

    const json = env.json<OptimizeJson>(['optimize', '--dry-run']);
    expect(json.data).toMatchObject({ decks: null, cards: 150, kind: 'all', note: null, better: true, saved: false, rescheduled: null });
    expect(json.data.fitted!.logLoss, `fitted ${json.data.fitted!.logLoss}, defaults ${json.data.current!.logLoss}`).toBeLessThan(json.data.current!.logLoss);
    expect(json.data.fitted!.weights).toHaveLength(21);

    const saved = env.run(['optimize']);
    expect(saved.status).toBe(0);
    expect(saved.stdout).toContain('\nSaved as the global parameters in ');
    expect(saved.stdout).toContain('\nBefore: the defaults. To go back: engram config unset weights\n');
    expect(saved.stdout).toContain("\nDue dates stay as they are: the new parameters apply from each card's next answer\n(to recompute them all now: engram optimize --reschedule).\n");
    expect(config(env).weights).toEqual(json.data.fitted!.weights);

    // Fitting again finds the same parameters: no better than the saved ones, kept; the defaults are shown for scale.
    const again = env.run(['optimize']);
    expect(again.stdout).toMatch(/\nparameters +log loss +RMSE \(bins\)\ndefaults +0\.\d{4} +\d+\.\d\d%\ncurrent \(saved\) +0\.\d{4} +\d+\.\d\d%\nfitted +0\.\d{4} +\d+\.\d\d%\n/);
    expect(again.stdout).toContain('\nKept your saved parameters: the fitted ones predict your reviews no better.\n');
    expect(config(env).weights).toEqual(json.data.fitted!.weights);
  });

  it('runs the WebAssembly optimizer when the optimizer setting says wasm, and fits what the native one fits', () => {
    const env = world({ words: 150 }, 5);
    const native = env.json<OptimizeJson>(['optimize', '--dry-run']);
    expect(env.run(['config', 'set', 'optimizer', 'wasm']).status).toBe(0);
    const r = env.run(['optimize']);
    // Nothing of fsrs-rs's own console output (its loss per epoch) reaches the user.
    expect(r.stderr).toBe('');
    expect(r.stdout).not.toContain('epoch');
    expect(r.stdout).toMatch(/^Fitting FSRS-6 parameters to every deck: 150 cards, [\d,]+ reviews\.\n/);
    expect(r.stdout).toContain('\nSaved as the global parameters in ');
    const saved = config(env).weights!;
    const diffs = saved.map((w, i) => Math.abs(w - native.data.fitted!.weights[i]!));
    expect(Math.max(...diffs), `wasm ${saved.join(' ')}\nnative ${native.data.fitted!.weights.join(' ')}`).toBeLessThanOrEqual(1e-3);
  });

  it('--reschedule moves due dates by replaying each log with the new parameters, and leaves the review log as it was', () => {
    const env = world({ words: 150 }, 5);
    const logBefore = reviewsTable(env);
    const duesBefore = dues(env);
    const r = env.run(['optimize', '--reschedule']);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/\n150 cards rescheduled with the new parameters: \d+ due sooner, \d+ later, median shift \d+(\.\d)?(d|mo)\.\n\nRetention advice: /);
    expect(reviewsTable(env)).toEqual(logBefore);
    const duesAfter = dues(env);
    const moved = [...duesAfter].filter(([id, due]) => duesBefore.get(id) !== due);
    expect(moved.length).toBeGreaterThan(0);
    // Each card's cached state is what its log replays to with the saved parameters.
    const scheduler = new Scheduler({ ...SCHEDULE, weights: config(env).weights! });
    withStore(env, (store) => {
      const [id] = moved[0]!;
      const reviews = store.db.prepare('SELECT reviewed_at AS reviewedAt, rating FROM reviews WHERE card_id = ? ORDER BY id').all(id) as { reviewedAt: number; rating: 1 | 2 | 3 | 4 }[];
      expect(cardState(store, id)).toEqual(scheduler.replay(cardById(store, id)!.seed!, reviews));
    });
  });

  it('fits on the named decks only and saves the weights to each of them', () => {
    const env = world({ alpha: 150, beta: 20 }, 5);
    const r = env.json<OptimizeJson>(['optimize', 'alpha']);
    expect(r.status).toBe(0);
    expect(r.data).toMatchObject({ decks: ['alpha'], cards: 150, saved: true });
    expect(r.data.current!.label).toBe('defaults');
    const saved = config(env);
    expect(saved.weights).toBeUndefined();
    expect(saved.decks).toEqual({ alpha: { weights: r.data.fitted!.weights } });

    const text = env.run(['optimize', 'beta', '--dry-run']);
    expect(text.stdout).toMatch(/^Fitting FSRS-6 parameters to deck beta: 20 cards, [\d,]+ reviews\.\n/);

    // alpha has its own parameters, beta the defaults: each is compared with what it has.
    const both = env.json<OptimizeJson & { defaults: { logLoss: number } }>(['optimize', 'alpha', 'beta', '--dry-run']);
    expect(both.data.current!.label).toBe('as now');
    expect(both.data.current!.logLoss).toBeLessThan(both.data.defaults.logLoss);

    // A global fit leaves alpha, which has its own parameters, as it is.
    const global = env.json<OptimizeJson>(['optimize', '--reschedule']);
    expect(global.data).toMatchObject({ saved: true, rescheduled: { cards: 20 } });
    expect(config(env).decks).toEqual({ alpha: { weights: r.data.fitted!.weights } });
  });

  it('--evaluate scores the current and fitted parameters on later reviews than they were fitted on', () => {
    const env = world({ words: 150 }, 5);
    const r = env.run(['optimize', '--dry-run', '--evaluate']);
    expect(r.status).toBe(0);
    expect(r.stdout.replace(/\n(?=\S)/g, ' ')).toMatch(/ Evaluated as srs-benchmark does: [\d,]+ usable reviews in time order, cut into 6 parts; each of the last 5 predicted by parameters fitted on the reviews before it/);
    expect(r.stdout).toMatch(/\nparameters +log loss +RMSE \(bins\)\ncurrent \(defaults\) +0\.\d{4} +\d+\.\d\d%\nfitted on earlier reviews +0\.\d{4} +\d+\.\d\d%\n/);
    const json = env.json<OptimizeJson & { timeSplit: { items: number; tested: number; splits: number; current: { logLoss: number }; fitted: { logLoss: number } } }>(['optimize', '--dry-run', '--evaluate']);
    const t = json.data.timeSplit;
    expect(t).toMatchObject({ items: json.data.usable, tested: 5 * Math.floor(json.data.usable / 6), splits: 5 });
    expect(t.fitted.logLoss).toBeLessThan(t.current.logLoss);
    expect(existsSync(configFile(env))).toBe(false);
  });

  it('says how much more history is needed, and saves nothing', () => {
    const env = world({ few: 3 }, 1);
    const r = env.run(['optimize']);
    expect(r.status).toBe(0);
    const lines = r.stdout.split('\n');
    expect(lines[0]).toMatch(/^Fitting FSRS-6 parameters to every deck: 3 cards, \d+ reviews\.$/);
    expect(lines.slice(1).join('\n')).toBe(
      [
        "3 usable: answered a day or more after the card's previous answer.",
        'Not enough history yet: 3 usable reviews, about 5 more needed (a review a day or',
        "more after the card's previous one counts).",
        'Nothing saved: engram keeps scheduling with the default parameters.',
        '',
      ].join('\n'),
    );
    expect(existsSync(configFile(env))).toBe(false);
  });

  it('refuses a deck that does not exist (exit 4: nothing matched)', () => {
    const env = world({ words: 2 }, 1);
    const r = env.run(['optimize', 'nope']);
    expect(r.status).toBe(4);
    expect(r.stderr).toBe('engram: no deck named "nope". Decks: words.\n');
  });
});
