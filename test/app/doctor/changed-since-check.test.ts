import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { storeReport } from '../../../src/app/doctor/store-report.js';
import { schedulerSet } from '../../../src/app/settings/study-settings.js';
import { saveCardState } from '../../../src/store/card-state-rows.js';
import { cardById } from '../../../src/store/cards.js';
import { appendReview } from '../../../src/store/reviews.js';
import { DAY, deckFile, NOW, numbered, storeWithDecks, utcSettings, type DeckWorld } from '../../helpers/store-with-decks.js';

// engram doctor replays only the cards changed since its last clean check,
// unless --full is asked, there was none, or the settings changed since.

const schedulers = () => schedulerSet(utcSettings());
const HOUR = 3_600_000;

/** Deck Bio of 6 cards; the first 4 answered three times each through the scheduler, as review does. */
function answered(): { w: DeckWorld; ids: number[] } {
  const w = storeWithDecks({ 'bio.md': deckFile('Bio', numbered('Bio card', 6)) });
  const ids = w.with((store) => (store.db.prepare('SELECT id FROM cards ORDER BY id').all() as { id: number }[]).map((r) => r.id));
  w.with((store) => store.transaction(() => ids.slice(0, 4).forEach((id, i) => answer(store, id, [NOW - 10 * DAY, NOW - 10 * DAY + 600_000, NOW - 3 * DAY + i * 60_000]))));
  return { w, ids };
}

/** Answers card `id` Good at each time, appending to its log and saving its state, as review does. */
function answer(store: Parameters<Parameters<DeckWorld['with']>[0]>[0], id: number, times: number[]): void {
  const card = cardById(store, id)!;
  const old = store.db.prepare('SELECT reviewed_at AS reviewedAt, rating FROM reviews WHERE card_id = ? ORDER BY reviewed_at').all(id) as { reviewedAt: number; rating: 3 }[];
  const reviews = [...old, ...times.map((t) => ({ reviewedAt: t, rating: 3 as const }))];
  const { before, after } = schedulers().forDeck('Bio').history(card.seed ?? card.key, reviews);
  times.forEach((t, k) =>
    appendReview(store, { cardId: id, reviewedAt: t, rating: 3, durationMs: 4000, sessionId: 's', device: 'test' }, before[old.length + k]!),
  );
  saveCardState(store, id, after);
}

const check = (w: DeckWorld, o: { full?: boolean; repair?: boolean; now?: number; settings?: ReturnType<typeof utcSettings> } = {}) =>
  storeReport(w.storePath, () => schedulerSet(o.settings ?? utcSettings()), { repair: o.repair ?? false, full: o.full ?? false, now: o.now ?? NOW });

/** Changes the store behind engram's back, as a user with the sqlite3 shell might. */
function tamper(w: DeckWorld, sql: string): void {
  const db = new Database(w.storePath);
  db.exec(sql);
  db.close();
}

describe('engram doctor after a clean check', () => {
  it('checks everything the first time, then only what changed: nothing', () => {
    const { w } = answered();
    expect(check(w).health).toMatchObject({ scope: { kind: 'full', why: 'first' }, statesChecked: 4, historyDrift: [], scheduleDrift: [] });
    const again = check(w, { now: NOW + HOUR });
    expect(again.healthy).toBe(true);
    expect(again.health).toMatchObject({ scope: { kind: 'changed', since: NOW }, statesChecked: 0, integrity: [], cards: 6, reviews: 12 });
    // The clean check is moved on each time: the next one starts from this one.
    expect(check(w, { now: NOW + 2 * HOUR }).health!.scope).toEqual({ kind: 'changed', since: NOW + HOUR });
  });

  it('replays the cards answered since, and finds them sound', () => {
    const { w, ids } = answered();
    check(w);
    w.with((store) => store.transaction(() => answer(store, ids[4]!, [NOW - HOUR])));
    const r = check(w, { now: NOW + HOUR });
    expect(r.healthy).toBe(true);
    expect(r.health).toMatchObject({ scope: { kind: 'changed', since: NOW }, statesChecked: 1, historyDrift: [], scheduleDrift: [] });
  });

  it('finds a drift made after the clean check: a state changed, an answer added or removed behind its back', () => {
    const { w, ids } = answered();
    const [a, b, c] = ids as [number, number, number];
    check(w);
    tamper(
      w,
      `UPDATE card_state SET due = due + ${DAY} WHERE card_id = ${a};
       INSERT INTO reviews (card_id, reviewed_at, rating, duration_ms, session_id, device) VALUES (${b}, ${NOW - HOUR}, 3, 1000, 's', 'test');
       DELETE FROM reviews WHERE id = (SELECT min(id) FROM reviews WHERE card_id = ${c});`,
    );
    const r = check(w, { now: NOW + HOUR });
    expect(r.healthy).toBe(false);
    expect(r.health).toMatchObject({ scope: { kind: 'changed', since: NOW }, statesChecked: 3, historyDrift: [b, c], scheduleDrift: [a] });
    // Not clean: the next check still starts from the clean one, and finds the same.
    expect(check(w, { now: NOW + 2 * HOUR }).health).toMatchObject({ scope: { kind: 'changed', since: NOW }, historyDrift: [b, c], scheduleDrift: [a] });
  });

  it('finds a card moved to a deck with parameters of its own scheduled under the old ones', () => {
    const { w, ids } = answered();
    check(w);
    w.add({ 'chem.md': deckFile('Chem', ['Chem card 1']) });
    // Chem has parameters of its own; card a moves there (its deck changed, its state did not).
    const loaded = utcSettings();
    const weights = [0.3, 1.3, 2.4, 8.3, 6.4, 0.83, 3.0, 0.001, 1.87, 0.17, 0.8, 1.48, 0.06, 0.26, 1.65, 0.6, 1.87, 0.54, 0.09, 0.07, 0.15];
    const settings = { ...loaded, file: { ...loaded.file, decks: { Chem: { weights } } } };
    // The new deck alone changes the settings' fingerprint (a deck with parameters): everything, once.
    expect(check(w, { settings, now: NOW + HOUR }).health).toMatchObject({ scope: { kind: 'full', why: 'settings' }, statesChecked: 4, scheduleDrift: [] });
    tamper(w, `UPDATE cards SET deck_id = (SELECT id FROM decks WHERE name = 'Chem') WHERE id = ${ids[0]}`);
    expect(check(w, { settings, now: NOW + 2 * HOUR }).health).toMatchObject({ scope: { kind: 'changed', since: NOW + HOUR }, statesChecked: 1, scheduleDrift: [ids[0]] });
  });

  it('checks everything again when the settings changed since, finding every card scheduled under the old ones', () => {
    const { w, ids } = answered();
    check(w);
    const loaded = utcSettings();
    const settings = { ...loaded, settings: { ...loaded.settings, retention: 0.8 } };
    const r = check(w, { settings, now: NOW + HOUR });
    expect(r.health).toMatchObject({ scope: { kind: 'full', why: 'settings' }, statesChecked: 4, historyDrift: [], scheduleDrift: ids.slice(0, 4) });
  });

  it('with --full, replays every card and finds a drift no trigger saw', () => {
    const { w, ids } = answered();
    check(w);
    // A change the store's triggers did not see (as written by a tool that dropped them).
    tamper(w, `DROP TRIGGER doctor_state_changed; UPDATE card_state SET reps = reps + 1 WHERE card_id = ${ids[1]};`);
    expect(check(w, { now: NOW + HOUR }).health).toMatchObject({ scope: { kind: 'changed' }, statesChecked: 0, historyDrift: [] });
    const full = check(w, { full: true, now: NOW + 2 * HOUR });
    expect(full.healthy).toBe(false);
    expect(full.health).toMatchObject({ scope: { kind: 'full', why: 'asked' }, statesChecked: 4, historyDrift: [ids[1]] });
  });

  it('after a repair, starts from it: the next check has nothing to replay', () => {
    const { w, ids } = answered();
    tamper(w, `UPDATE card_state SET reps = reps + 1 WHERE card_id = ${ids[1]}; UPDATE card_state SET due = due + ${DAY} WHERE card_id = ${ids[2]};`);
    const repaired = check(w, { repair: true });
    expect(repaired.repair?.done.statesRebuilt).toBe(2);
    expect(repaired.repair?.after).toMatchObject({ scope: { kind: 'repaired' }, statesChecked: 2, historyDrift: [], scheduleDrift: [] });
    expect(check(w, { now: NOW + HOUR }).health).toMatchObject({ scope: { kind: 'changed', since: NOW }, statesChecked: 0 });
    expect(check(w, { full: true, now: NOW + 2 * HOUR }).healthy).toBe(true);
  });

  it('does not record a check another engram wrote during: the next one checks everything again', () => {
    const { w, ids } = answered();
    let wrote = false;
    const r = storeReport(w.storePath, schedulers, {
      repair: false,
      full: false,
      now: NOW,
      progress: {
        update() {
          if (wrote) return;
          wrote = true;
          // Another engram answers while the replay runs.
          const other = new Database(w.storePath);
          other.prepare(`UPDATE card_state SET due = due + 1 WHERE card_id = ?`).run(ids[0]);
          other.close();
        },
        finish() {},
      },
    });
    expect(wrote).toBe(true);
    expect(r.health).toMatchObject({ scope: { kind: 'full', why: 'first' }, statesChecked: 4, scheduleDrift: [] });
    expect(check(w, { now: NOW + HOUR }).health).toMatchObject({ scope: { kind: 'full', why: 'first' }, scheduleDrift: [ids[0]] });
  });
});
