import { cardById } from '../../../src/store/cards.js';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { diagnose } from '../../../src/app/doctor/diagnose.js';
import { storeReport } from '../../../src/app/doctor/store-report.js';
import { schedulerSet } from '../../../src/app/settings/study-settings.js';
import { saveCardState } from '../../../src/store/card-state-rows.js';
import { appendReview } from '../../../src/store/reviews.js';
import { DAY, deckFile, NOW, numbered, storeWithDecks, utcSettings, type DeckWorld } from '../../helpers/store-with-decks.js';

const schedulers = () => schedulerSet(utcSettings());

/** Deck Bio of 6 cards; the first 4 answered three times each through the scheduler, as review does. */
function answered(): { w: DeckWorld; ids: number[] } {
  const w = storeWithDecks({ 'bio.md': deckFile('Bio', numbered('Bio card', 6)) });
  const ids = w.with((store) => (store.db.prepare('SELECT id FROM cards ORDER BY id').all() as { id: number }[]).map((r) => r.id));
  const set = schedulers();
  w.with((store) =>
    store.transaction(() => {
      ids.slice(0, 4).forEach((id, i) => {
        const reviews = [
          { reviewedAt: NOW - 10 * DAY, rating: 3 as const },
          { reviewedAt: NOW - 10 * DAY + 600_000, rating: 3 as const },
          { reviewedAt: NOW - 3 * DAY + i * 60_000, rating: (i === 2 ? 1 : 3) as 1 | 3 },
        ];
        const { before, after } = set.forDeck('Bio').history(cardById(store, id)!.seed!, reviews);
        reviews.forEach((r, k) => appendReview(store, { cardId: id, reviewedAt: r.reviewedAt, rating: r.rating, durationMs: 4000, sessionId: 's', device: 'test' }, before[k]!));
        saveCardState(store, id, after);
      });
    }),
  );
  return { w, ids };
}

/** A WorkProgress that keeps what it heard. */
function listener(): { update(done: number, total: number): void; finish(): void; heard: string[] } {
  const heard: string[] = [];
  return { heard, update: (done, total) => heard.push(`${done}/${total}`), finish: () => heard.push('finish') };
}

describe('storeReport', () => {
  it('finds a store answered through the scheduler healthy, telling how far the replay is', () => {
    const { w } = answered();
    const progress = listener();
    const r = storeReport(w.storePath, schedulers, { repair: false, full: false, now: NOW, progress });
    expect(r).toMatchObject({ path: w.storePath, exists: true, openError: null, healthy: true, repair: null, decks: ['Bio'], backups: [] });
    expect(r.health).toMatchObject({ cards: 6, reviews: 12, integrity: [], historyDrift: [], scheduleDrift: [], statesChecked: 4, miscountedSources: [] });
    expect(progress.heard).toEqual(['3/12', '6/12', '9/12', '12/12', 'finish']);
  });

  it('tells a cached state that gained an answer (unhealthy) from one scheduled under other settings (a note)', () => {
    const { w, ids } = answered();
    const [, b, c] = ids as [number, number, number];
    w.with((store) => store.db.exec(`UPDATE card_state SET reps = reps + 1 WHERE card_id = ${b}; UPDATE card_state SET due = due + ${DAY} WHERE card_id = ${c};`));
    const r = storeReport(w.storePath, schedulers, { repair: false, full: false, now: NOW });
    expect(r.healthy).toBe(false);
    expect(r.health).toMatchObject({ historyDrift: [b], scheduleDrift: [c], statesChecked: 4 });
    expect(r.repair).toBeNull();
  });

  it('with repair, rebuilds both states from the log after a backup, and checks again', () => {
    const { w, ids } = answered();
    const [, b, c] = ids as [number, number, number];
    const states = () => w.with((store) => store.db.prepare('SELECT * FROM card_state ORDER BY card_id').all());
    const sound = states();
    w.with((store) => store.db.exec(`UPDATE card_state SET reps = reps + 1 WHERE card_id = ${b}; UPDATE card_state SET due = due + ${DAY} WHERE card_id = ${c};`));
    const r = storeReport(w.storePath, schedulers, { repair: true, full: false, now: NOW });
    expect(r.healthy).toBe(true);
    expect(r.repair).toEqual({
      done: { reindexed: false, statesRebuilt: 2, orphanedStatesRemoved: 0, sourcesRecounted: 0, talliesCleared: true },
      backup: join(w.dir, 'backups', 'engram-20260302-100000.before-repair.db'),
      // Only the two rebuilt cards are looked at again: the others were just found sound.
      after: expect.objectContaining({ scope: { kind: 'repaired' }, integrity: [], historyDrift: [], scheduleDrift: [], statesChecked: 2 }),
    });
    expect(states()).toEqual(sound);
    expect(r.backups.map((f) => f.kind)).toEqual(['before-repair']);
  });

  it('calls a missing store healthy, and one that is not a database unhealthy, without throwing', () => {
    const w = storeWithDecks({});
    expect(storeReport(join(w.dir, 'none.db'), schedulers, { repair: false, full: false, now: NOW })).toMatchObject({ exists: false, healthy: true, health: null });
    writeFileSync(join(w.dir, 'junk.db'), Buffer.alloc(8192, 7));
    expect(storeReport(join(w.dir, 'junk.db'), schedulers, { repair: false, full: false, now: NOW })).toMatchObject({
      exists: true,
      healthy: false,
      openError: expect.objectContaining({
        kind: 'store',
        message: `${join(w.dir, 'junk.db')} is not an engram store (not a SQLite database). It was left as it is.`,
        fix: { kind: 'other-store' },
      }),
    });
  });
});

describe('diagnose', () => {
  it('reports a broken settings file and settings for decks the store lacks, and finds no tools on an empty PATH', async () => {
    const { w } = answered();
    const settingsPath = join(w.dir, 'config.json');
    writeFileSync(settingsPath, JSON.stringify({ decks: { Bology: { 'new-per-day': 5 } } }));
    const d = await diagnose({ settingsPath, storePath: w.storePath, repair: false, now: NOW, toolEnv: { path: '', home: '' } });
    expect(d.healthy).toBe(true);
    expect(d.config).toEqual({
      path: settingsPath,
      languages: {},
      problems: [],
      notes: ['settings for the deck "Bology", which the store does not have (a misspelt name? engram decks lists them); they apply to nothing'],
    });
    expect(d.sandbox).toEqual({ level: 'none', why: 'neither bubblewrap nor prlimit (util-linux) is installed' });
    expect(d.languages.map((l) => [l.language, l.ready])).toEqual([
      ['bash', false], ['python', false], ['js', false], ['ts', false], ['c', false], ['go', false], ['java', false],
    ]);
    expect(d.limits.runMs).toBe(5000);

    writeFileSync(settingsPath, '{ "retention": ');
    const broken = await diagnose({ settingsPath, storePath: w.storePath, repair: false, now: NOW, toolEnv: { path: '', home: '' } });
    expect(broken.healthy).toBe(false);
    expect(broken.store.healthy).toBe(true);
    expect(broken.config.problems).toHaveLength(1);
    expect(broken.config.problems[0]).toMatch(new RegExp(`^the settings file ${settingsPath} is not valid JSON \\(`));
  });
});
