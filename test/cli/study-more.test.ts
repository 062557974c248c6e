import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { describe, expect, it } from 'vitest';
import { appendReview } from '../../src/store/reviews.js';
import { cliEnv, type CliEnv } from './cli-env.js';
import { configFile, DAY, deckFile, idOf, importFiles, MINUTE, NOW, numbered, setStates, stateAt, withStore, type DueJson } from './study-fixtures.js';

/** Deck D (5 cards) and deck E (2), two new cards a day, and D's first two studied ten minutes ago. */
function studiedToTheLimit(): CliEnv {
  const env = cliEnv();
  mkdirSync(dirname(configFile(env)), { recursive: true });
  writeFileSync(configFile(env), JSON.stringify({ 'new-per-day': 2, 'time-zone': 'UTC' }));
  importFiles(env, { 'd.md': deckFile('D', numbered('D card', 5)), 'e.md': deckFile('E', numbered('E card', 2)) });
  const studied = [idOf(env, 'D card 1'), idOf(env, 'D card 2')];
  // As a review would have left them: answered Easy, next due in four days.
  setStates(env, studied.map((id) => [id, stateAt('review', NOW + 4 * DAY)] as const));
  withStore(env, (store) => {
    for (const id of studied) appendReview(store, { cardId: id, reviewedAt: NOW - 10 * MINUTE, rating: 4, durationMs: 3000, sessionId: null, device: null });
  });
  return env;
}

describe('engram due when the daily new-card limit is used up', () => {
  it('says so, how many new cards wait, and the commands that study more today or raise the limit', () => {
    const env = studiedToTheLimit();
    const r = env.run(['due', 'D']);
    expect(r).toEqual({
      status: 0,
      stderr: '',
      stdout: [
        'Nothing is due today.',
        "Today's new-card limit (2) is used up; 3 new cards wait.",
        '  Study more today: engram review D --more 2',
        '  Or raise the limit: engram config set new-per-day N',
        '',
      ].join('\n'),
    });
  });

  it('names every deck with the given --db in the command to type, and counts what waits in all of them', () => {
    const env = studiedToTheLimit();
    const r = env.run(['due', '--db', env.defaultStore]);
    expect(r.stdout.split('\n').slice(1, 3)).toEqual(["Today's new-card limit (2) is used up; 5 new cards wait.", `  Study more today: engram review --db ${env.defaultStore} --more 2`]);
  });

  it('gives the limits in --json', () => {
    const env = studiedToTheLimit();
    const r = env.json<DueJson & { limits: unknown[] }>(['due', 'D']);
    expect(r.data.limits).toEqual([{ kind: 'new', deck: null, limit: 2, extra: 0, waiting: 3, suggested: 2 }]);
  });

  it('says nothing of limits while new cards still come today', () => {
    const env = cliEnv();
    importFiles(env, { 'd.md': deckFile('D', numbered('D card', 3)) });
    const r = env.run(['due']);
    expect(r.stdout).not.toContain('limit');
    expect(r.stdout.trimEnd().split('\n').at(-1)).toBe('Due today: 3 new cards, 0 learning cards, 0 reviews.');
  });
});

describe('engram review --more and --more-reviews', () => {
  for (const [flag, value, what] of [
    ['--more', '0', 'new cards'],
    ['--more', 'twenty', 'new cards'],
    ['--more', '-5', 'new cards'],
    ['--more', '2.5', 'new cards'],
    ['--more-reviews', '10001', 'reviews'],
  ] as const) {
    it(`refuses ${flag} ${value} as a usage error (exit 2), before anything else`, () => {
      const env = studiedToTheLimit();
      const r = env.run(['review', 'D', flag, value]);
      expect(r).toEqual({
        status: 2,
        stdout: '',
        stderr: `engram: ${flag} "${value}" is not a number of ${what}; use a whole number from 1 to 10000 (${what} to study today past the daily limit).\n`,
      });
      withStore(env, (store) => expect(store.db.prepare('SELECT COUNT(*) FROM extra_limits').pluck().get()).toBe(0));
    });
  }

  it('without a terminal it records nothing: the refusal comes before any write', () => {
    const env = studiedToTheLimit();
    expect(env.run(['review', 'D', '--more', '5']).status).toBe(2);
    withStore(env, (store) => expect(store.db.prepare('SELECT COUNT(*) FROM extra_limits').pluck().get()).toBe(0));
  });

  it('--help lists both options', () => {
    const r = cliEnv().run(['review', '--help']);
    expect(r.stdout).toContain('--more <n>');
    expect(r.stdout).toContain('--more-reviews <n>');
  });
});
