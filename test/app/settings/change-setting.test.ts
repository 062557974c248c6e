import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readSetting, setSetting, unsetSetting } from '../../../src/app/settings/change-setting.js';
import { tempDir } from '../../helpers/temp-dir.js';
import { thrownError } from '../../helpers/engram-errors.js';

const fileOf = (path: string): unknown => JSON.parse(readFileSync(path, 'utf8'));

describe('setSetting, readSetting and unsetSetting', () => {
  it('set a value globally and for a deck, read the deck value over the global one, and write only what was set', () => {
    const path = join(tempDir(), 'engram', 'config.json');
    expect(readSetting(path, 'new-per-day')).toEqual({ name: 'new-per-day', value: 20 });
    expect(setSetting(path, 'learning-steps', ['1m', '10m', '1h'])).toEqual({ name: 'learning-steps', value: ['1m', '10m', '1h'] });
    expect(setSetting(path, 'new-per-day', ['15'])).toEqual({ name: 'new-per-day', value: 15 });
    expect(setSetting(path, 'new-per-day', ['5'], 'sql')).toEqual({ name: 'new-per-day', value: 5 });
    expect(fileOf(path)).toEqual({ 'learning-steps': ['1m', '10m', '1h'], 'new-per-day': 15, decks: { sql: { 'new-per-day': 5 } } });
    expect(readSetting(path, 'new-per-day', 'sql')).toEqual({ name: 'new-per-day', value: 5 });
    expect(readSetting(path, 'new-per-day', 'geo')).toEqual({ name: 'new-per-day', value: 15 });

    expect(unsetSetting(path, 'new-per-day', 'sql')).toBe('new-per-day');
    expect(fileOf(path)).toEqual({ 'learning-steps': ['1m', '10m', '1h'], 'new-per-day': 15 });
    expect(unsetSetting(path, 'new-per-day')).toBe('new-per-day');
    expect(readSetting(path, 'new-per-day')).toEqual({ name: 'new-per-day', value: 20 });
  });

  it('refuse an unknown setting, one decks cannot set, and a value it does not take, writing nothing', () => {
    const path = join(tempDir(), 'config.json');
    const unknown = thrownError(() => setSetting(path, 'colour', ['blue']));
    expect([unknown.kind, unknown.message]).toEqual([
      'usage',
      '"colour" is not a setting. Settings: retention, maximum-interval, learning-steps, relearning-steps, fuzz, new-per-day, reviews-per-day, rollover-hour, time-zone, typed-answers, model, weights, duplicates, sync, load-balance, easy-days, optimizer.',
    ]);
    const perDeck = thrownError(() => readSetting(path, 'retention', 'sql'));
    expect(perDeck.kind).toBe('usage');
    expect(perDeck.message).toBe('"retention" cannot be set per deck; decks can set new-per-day, reviews-per-day, typed-answers, model, weights and duplicates.');
    const value = thrownError(() => setSetting(path, 'retention', ['0.5']));
    expect([value.kind, value.message]).toEqual(['usage', '"0.5" is not a number from 0.7 to 0.99.']);
    expect(existsSync(path)).toBe(false);
  });

  it('with the decks there are, refuses a deck not among them (naming them) only after the setting and value are good', () => {
    const path = join(tempDir(), 'config.json');
    let asked = 0;
    const known = () => {
      asked++;
      return ['geo', 'sql'];
    };
    expect(thrownError(() => setSetting(path, 'new-per-day', ['lots'], 'nope', known)).kind).toBe('usage');
    expect(asked).toBe(0);
    const err = thrownError(() => setSetting(path, 'new-per-day', ['5'], 'nope', known));
    expect([err.kind, err.message, err.fix]).toEqual(['notFound', 'no deck named "nope". Decks: geo, sql.', { kind: 'new-deck' }]);
    expect(thrownError(() => setSetting(path, 'new-per-day', ['5'], 'nope', () => [])).message).toBe('no deck named "nope". Decks: none yet (engram import <files> first).');
    expect(existsSync(path)).toBe(false);
    expect(setSetting(path, 'new-per-day', ['5'], 'sql', known)).toEqual({ name: 'new-per-day', value: 5 });
    // The global value needs no deck.
    expect(setSetting(path, 'new-per-day', ['9'], undefined, known)).toEqual({ name: 'new-per-day', value: 9 });
    expect(asked).toBe(2);
  });

  it('take easy days as weekday=share pairs or seven shares Sunday first, store seven shares, and read back a normal week as none', () => {
    const path = join(tempDir(), 'config.json');
    expect(readSetting(path, 'easy-days')).toEqual({ name: 'easy-days', value: [] });
    expect(readSetting(path, 'load-balance')).toEqual({ name: 'load-balance', value: true });
    expect(setSetting(path, 'easy-days', ['sun=0,sat=0.5'])).toEqual({ name: 'easy-days', value: [0, 1, 1, 1, 1, 1, 0.5] });
    expect(setSetting(path, 'easy-days', ['Sunday=0', 'wed=0.25'])).toEqual({ name: 'easy-days', value: [0, 1, 1, 0.25, 1, 1, 1] });
    expect(fileOf(path)).toEqual({ 'easy-days': [0, 1, 1, 0.25, 1, 1, 1] });
    expect(setSetting(path, 'easy-days', ['0.5', '1', '1', '1', '1', '1', '0'])).toEqual({ name: 'easy-days', value: [0.5, 1, 1, 1, 1, 1, 0] });
    expect(setSetting(path, 'easy-days', ['sat=1'])).toEqual({ name: 'easy-days', value: [] });
    expect(setSetting(path, 'easy-days', ['none'])).toEqual({ name: 'easy-days', value: [] });
    expect(setSetting(path, 'load-balance', ['off'])).toEqual({ name: 'load-balance', value: false });
    for (const [words, message] of [
      [['sun=2'], '"2" is not a share from 0 to 1 (0: no reviews that day, 0.5: half the normal load).'],
      [['holiday=0'], '"holiday=0" is not a weekday=share pair; write like "sun=0,sat=0.5" (weekdays: sun mon tue wed thu fri sat).'],
      [['0.5', '1'], 'easy-days takes weekday=share pairs like "sun=0,sat=0.5", or seven shares Sunday first; got "0.5 1".'],
    ] as const) {
      const e = thrownError(() => setSetting(path, 'easy-days', words));
      expect([e.kind, e.message]).toEqual(['usage', message]);
    }
  });
});
