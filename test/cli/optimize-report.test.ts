import { describe, expect, it } from 'vitest';
import type { OptimizeReport } from '../../src/app/optimize/optimize-parameters.js';
import { optimizeJson, optimizeLines } from '../../src/cli/output/optimize-report.js';

const FITTED = Array.from({ length: 21 }, (_, i) => i + 0.5);
const W0 = Array.from({ length: 21 }, () => 1);

/** A fit on decks sql and sql/joins (named as "sql"), better than their parameters, saved. */
function savedForDecks(): OptimizeReport {
  return {
    model: 'FSRS-6',
    decks: ['sql', 'sql/joins'],
    cards: 1200,
    reviews: 15000,
    usable: 9000,
    current: { label: 'as now', describe: 'the parameters each deck has now', defaults: false },
    seconds: 3.456,
    kind: 'all',
    note: null,
    fit: {
      weights: FITTED,
      defaults: { logLoss: 0.41234, rmseBins: 0.0456 },
      current: { logLoss: 0.4, rmseBins: 0.04 },
      fitted: { logLoss: 0.35, rmseBins: 0.0312 },
      better: true,
    },
    dryRun: false,
    saved: { path: '/home/u/.config/engram/config.json', before: [{ deck: 'sql', weights: W0 }, { deck: 'sql/joins', weights: null }] },
    rescheduled: null,
    retention: 0.9,
    advice: null,
    timeSplit: null,
  };
}

describe('optimizeLines', () => {
  it('shows the fit against the parameters in use, where it was saved, and how to go back for each deck', () => {
    expect(optimizeLines(savedForDecks(), ['sql'], 80)).toEqual([
      'Fitting FSRS-6 parameters to decks sql, sql/joins: 1,200 cards, 15,000 reviews.',
      "9,000 usable: answered a day or more after the card's previous answer.",
      'Fitted in 3.5 s.',
      '',
      'parameters        log loss  RMSE (bins)',
      'defaults            0.4123        4.56%',
      'current (as now)    0.4000        4.00%',
      'fitted              0.3500        3.12%',
      '',
      'Fitted parameters:',
      '  0.5 1.5 2.5 3.5 4.5 5.5 6.5 7.5 8.5 9.5 10.5 11.5 12.5 13.5 14.5 15.5 16.5',
      '  17.5 18.5 19.5 20.5',
      '',
      'Saved for decks sql, sql/joins in /home/u/.config/engram/config.json.',
      `Before, sql had its own parameters. To go back: engram config set weights ${W0.join(' ')} --deck sql`,
      'Before, sql/joins had none of its own. To go back: engram config unset weights --deck sql/joins',
      "Due dates stay as they are: the new parameters apply from each card's next answer",
      '(to recompute them all now: engram optimize sql --reschedule).',
    ]);
  });

  it('says what a dry run with --reschedule would move', () => {
    const r: OptimizeReport = { ...savedForDecks(), dryRun: true, saved: null, rescheduled: { cards: 1200, sooner: 700, later: 400, medianShift: 3 * 86_400_000 } };
    expect(optimizeLines(r, ['sql'], 80).slice(-2)).toEqual([
      'The fitted parameters predict your reviews better. Dry run: nothing saved.',
      'Would reschedule 1,200 cards with the new parameters: 700 due sooner, 400 later, median shift 3d.',
    ]);
  });
});

describe('optimizeJson', () => {
  it('keeps the keys scripts read, in their order', () => {
    const json = optimizeJson(savedForDecks());
    expect(Object.keys(json)).toEqual(['model', 'decks', 'cards', 'reviews', 'usable', 'seconds', 'kind', 'note', 'defaults', 'current', 'fitted', 'better', 'saved', 'rescheduled', 'advice']);
    expect(json).toMatchObject({ seconds: 3.46, current: { label: 'as now', logLoss: 0.4, rmseBins: 0.04 }, fitted: { weights: FITTED, logLoss: 0.35 }, better: true, saved: true });
  });

  it('leaves out the time when nothing was fitted', () => {
    const json = optimizeJson({ ...savedForDecks(), seconds: null, kind: 'too-little', note: 'not enough history yet', fit: null, saved: null });
    expect(json).toEqual({
      model: 'FSRS-6',
      decks: ['sql', 'sql/joins'],
      cards: 1200,
      reviews: 15000,
      usable: 9000,
      kind: 'too-little',
      note: 'not enough history yet',
      defaults: null,
      current: null,
      fitted: null,
      better: false,
      saved: false,
      rescheduled: null,
      advice: null,
    });
  });
});
