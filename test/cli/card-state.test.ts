import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cliEnv, type CardJson, type CliEnv, type DeckJson } from './cli-env.js';
import { cardsByFront, deckFile, importFiles, iso, NOW, DAY, HOUR, withStore, type DueJson } from './study-fixtures.js';

const FRONTS = ['Card one', 'Card two', 'Card three', 'Card four'];

interface World {
  env: CliEnv;
  /** Card id by front. */
  id: Record<string, number>;
}

/** One deck D of four cards, plus deck E of one card. */
function world(): World {
  const env = cliEnv();
  importFiles(env, { 'd.md': deckFile('D', FRONTS), 'e.md': deckFile('E', ['Other deck card']) });
  const id = Object.fromEntries([...cardsByFront(env)].map(([front, c]) => [front, c.id]));
  return { env, id };
}

const dueFronts = (env: CliEnv, extra: Record<string, string> = {}): string[] => {
  const r = env.json<DueJson>(['due'], extra);
  if (r.status !== 0) throw new Error(`due failed (${r.status}): ${r.stderr}`);
  return r.data.cards.map((c) => c.front);
};

const suspendedFlags = (env: CliEnv): Record<string, boolean> =>
  Object.fromEntries(env.json<CardJson[]>(['cards']).data.map((c) => [c.front, c.suspended]));

describe('engram suspend / unsuspend', () => {
  it('suspend prints the ids, hides the cards from due and flags them in cards --json and decks', () => {
    const { env, id } = world();
    const r = env.run(['suspend', String(id['Card two']), String(id['Card four'])]);
    expect(r).toEqual({ status: 0, stdout: `Suspended ${id['Card two']}, ${id['Card four']}\n`, stderr: '' });

    expect(dueFronts(env)).toEqual(['Card one', 'Card three', 'Other deck card']);
    expect(suspendedFlags(env)).toEqual({
      'Card one': false,
      'Card two': true,
      'Card three': false,
      'Card four': true,
      'Other deck card': false,
    });
    const decks = env.json<DeckJson[]>(['decks']).data;
    expect(decks).toEqual([
      { name: 'D', total: 4, new: 2, newToday: 2, due: 0, learning: 0, suspended: 2, dropped: 0, archived: 0 },
      { name: 'E', total: 1, new: 1, newToday: 1, due: 0, learning: 0, suspended: 0, dropped: 0, archived: 0 },
    ]);
    // The text listing marks them too.
    const text = env.run(['cards', '--deck', 'D']).stdout.trimEnd().split('\n');
    expect(text.slice(1).map((l) => l.includes('basic (suspended)'))).toEqual([false, true, false, true]);
  });

  it('a suspended card stays suspended the next day and after a re-import', () => {
    const { env, id } = world();
    env.run(['suspend', String(id['Card one'])]);
    expect(env.run(['import']).status).toBe(0);
    expect(dueFronts(env, { ENGRAM_NOW: iso(NOW + 3 * DAY) })).toEqual(['Card two', 'Card three', 'Card four', 'Other deck card']);
    expect(suspendedFlags(env)['Card one']).toBe(true);
  });

  it('unsuspend brings the cards back, in their place in the queue', () => {
    const { env, id } = world();
    env.run(['suspend', String(id['Card one']), String(id['Card three'])]);
    const r = env.run(['unsuspend', String(id['Card three']), String(id['Card one'])]);
    expect(r).toEqual({ status: 0, stdout: `Unsuspended ${id['Card three']}, ${id['Card one']}\n`, stderr: '' });
    expect(dueFronts(env)).toEqual([...FRONTS, 'Other deck card']);
    expect(Object.values(suspendedFlags(env))).toEqual([false, false, false, false, false]);
  });

  it('suspending twice or unsuspending a card that is not suspended is no error', () => {
    const { env, id } = world();
    const one = String(id['Card one']);
    expect(env.run(['suspend', one]).status).toBe(0);
    expect(env.run(['suspend', one])).toEqual({ status: 0, stdout: `Suspended ${one}\n`, stderr: '' });
    expect(env.run(['unsuspend', String(id['Card two'])])).toEqual({ status: 0, stdout: `Unsuspended ${id['Card two']}\n`, stderr: '' });
    expect(suspendedFlags(env)).toMatchObject({ 'Card one': true, 'Card two': false });
  });
});

describe('engram bury', () => {
  it('hides a card from due until the next study day starts at 04:00', () => {
    const { env, id } = world();
    const r = env.run(['bury', String(id['Card two'])]);
    expect(r).toEqual({ status: 0, stdout: `Buried until tomorrow: ${id['Card two']}\n`, stderr: '' });

    const without = ['Card one', 'Card three', 'Card four', 'Other deck card'];
    expect(dueFronts(env)).toEqual(without);
    // Later the same study day, even past midnight: still buried.
    expect(dueFronts(env, { ENGRAM_NOW: '2026-03-02T23:59:59Z' })).toEqual(without);
    expect(dueFronts(env, { ENGRAM_NOW: '2026-03-03T03:59:59Z' })).toEqual(without);
    // The next study day starts at the rollover hour (4, TZ=UTC): back in its place.
    expect(dueFronts(env, { ENGRAM_NOW: '2026-03-03T04:00:00Z' })).toEqual([...FRONTS, 'Other deck card']);
    expect(dueFronts(env, { ENGRAM_NOW: '2026-03-03T09:00:00Z' })).toEqual([...FRONTS, 'Other deck card']);
  });

  it('leaves a buried card out of the new count of decks, but not suspended', () => {
    const { env, id } = world();
    env.run(['bury', String(id['Card one']), String(id['Card four'])]);
    expect(env.json<DeckJson[]>(['decks']).data[0]).toEqual({ name: 'D', total: 4, new: 2, newToday: 2, due: 0, learning: 0, suspended: 0, dropped: 0, archived: 0 });
    expect(Object.values(suspendedFlags(env))).toEqual([false, false, false, false, false]);
    const tomorrow = env.json<DeckJson[]>(['decks'], { ENGRAM_NOW: '2026-03-03T04:00:00Z' }).data[0];
    expect(tomorrow).toEqual({ name: 'D', total: 4, new: 4, newToday: 4, due: 0, learning: 0, suspended: 0, dropped: 0, archived: 0 });
  });

  it('before the rollover hour, buries only until 04:00 the same calendar day', () => {
    const { env, id } = world();
    const early = { ENGRAM_NOW: '2026-03-02T02:00:00Z' };
    expect(env.run(['bury', String(id['Card one'])], early).status).toBe(0);
    expect(dueFronts(env, early)).toEqual(['Card two', 'Card three', 'Card four', 'Other deck card']);
    expect(dueFronts(env, { ENGRAM_NOW: '2026-03-02T04:00:00Z' })).toEqual([...FRONTS, 'Other deck card']);
  });

  it('follows the rollover hour set with engram config', () => {
    const { env, id } = world();
    expect(env.run(['config', 'set', 'rollover-hour', '0']).status).toBe(0);
    env.run(['bury', String(id['Card one'])]);
    withStore(env, (store) => {
      const until = store.db.prepare('SELECT buried_until FROM cards WHERE id = ?').pluck().get(id['Card one']);
      expect(until).toBe(Date.parse('2026-03-03T00:00:00Z'));
    });
    expect(dueFronts(env, { ENGRAM_NOW: '2026-03-02T23:59:59Z' })).not.toContain('Card one');
    expect(dueFronts(env, { ENGRAM_NOW: '2026-03-03T00:00:00Z' })).toContain('Card one');
  });

  it('follows the time zone set with engram config', () => {
    const { env, id } = world();
    // New York is UTC-5 in March before DST (2026-03-08): 04:00 there is 09:00 UTC.
    expect(env.run(['config', 'set', 'time-zone', 'America/New_York']).status).toBe(0);
    env.run(['bury', String(id['Card one'])]);
    expect(dueFronts(env, { ENGRAM_NOW: '2026-03-03T08:59:59Z' })).not.toContain('Card one');
    expect(dueFronts(env, { ENGRAM_NOW: iso(Date.parse('2026-03-03T04:00:00Z') + 5 * HOUR) })).toContain('Card one');
  });
});

describe('engram suspend|unsuspend|bury errors', () => {
  it('an unknown id exits 4 (nothing matched) with "no card with id", after changing the ids that exist', () => {
    const { env, id } = world();
    const one = id['Card one']!;
    for (const change of ['suspend', 'unsuspend', 'bury']) {
      const r = env.run([change, '9999']);
      expect(r).toEqual({ status: 4, stdout: '', stderr: 'engram: no card with id 9999.\n' });
    }
    const mixed = env.run(['suspend', String(one), '9998', '9999']);
    expect(mixed).toEqual({ status: 4, stdout: `Suspended ${one}\n`, stderr: 'engram: no card with id 9998, 9999.\n' });
    expect(suspendedFlags(env)['Card one']).toBe(true);
  });

  it('a non-numeric id exits 2 (usage) with a message and changes nothing', () => {
    const { env, id } = world();
    for (const bad of ['x1', '-1', '1.5', 'abc']) {
      for (const change of ['suspend', 'unsuspend', 'bury']) {
        const r = env.run([change, String(id['Card one']), '--', bad]);
        expect(r.status).toBe(2);
        expect(r.stdout).toBe('');
        expect(r.stderr).toBe(`engram: "${bad}" is not a card id; ids are numbers (see engram cards).\n`);
      }
    }
    expect(Object.values(suspendedFlags(env))).toEqual([false, false, false, false, false]);
    expect(dueFronts(env)).toHaveLength(5);
  });

  it('without ids, commander refuses the command (usage: exit 2)', () => {
    const { env } = world();
    for (const change of ['suspend', 'unsuspend', 'bury']) {
      const r = env.run([change]);
      expect(r.status).toBe(2);
      expect(r.stderr).toContain("missing required argument 'card-ids'");
    }
  });

  it('without a store exits 2 and creates none', () => {
    const env = cliEnv();
    for (const change of ['suspend', 'unsuspend', 'bury']) {
      const r = env.run([change, '1']);
      expect(r).toEqual({
        status: 2,
        stdout: '',
        stderr: `engram: no store at ${env.defaultStore} yet. Import some cards first, e.g. engram import decks/\n`,
      });
    }
    const elsewhere = join(env.work, 'other.db');
    const r = env.run(['bury', '1', '--db', elsewhere]);
    expect(r.status).toBe(2);
    expect(r.stderr).toBe(`engram: no store at ${elsewhere} yet. Import some cards first, e.g. engram import decks/\n`);
    expect(existsSync(env.defaultStore)).toBe(false);
    expect(existsSync(elsewhere)).toBe(false);
  });
});
