import { mkdirSync, realpathSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { cardList } from '../../../src/app/cards/card-list.js';
import { changeCardState } from '../../../src/app/cards/change-card-state.js';
import { deckOverview } from '../../../src/app/cards/deck-overview.js';
import { dueToday } from '../../../src/app/cards/due-today.js';
import { loadSettings } from '../../../src/app/settings/study-settings.js';
import { importPaths } from '../../../src/library/import-sources.js';
import { openStore, type Store } from '../../../src/store/open-store.js';
import { tempDir } from '../../helpers/temp-dir.js';
import { thrownError } from '../../helpers/engram-errors.js';

/** Monday 2 March 2026, 09:00 UTC. */
const NOW = Date.UTC(2026, 2, 2, 9);
const stores: Store[] = [];
afterEach(() => {
  while (stores.length) stores.pop()!.close();
});

/**
 * Deck geo (card 1 from notes, in geo-notes.md; cards 2-3 written) and deck sql (cards 4-5),
 * with a settings file: study days start at 04:00 UTC, two new cards a day.
 */
function world(): { root: string; store: Store; config: string } {
  const root = realpathSync(tempDir('engram-cards-'));
  mkdirSync(join(root, 'notes'));
  writeFileSync(join(root, 'notes', 'geo.md'), '---\ndeck: geo\n---\n\nFrance::Paris\nSpain::Madrid\n');
  writeFileSync(join(root, 'notes', 'geo-notes.md'), '---\ndeck: geo\n---\n\n- **Isthmus:** a narrow strip of land joining two larger areas.\n');
  writeFileSync(join(root, 'notes', 'sql.md'), '---\ndeck: sql\n---\n\nq1::a1\nq2::a2\n');
  const config = join(root, 'config.json');
  writeFileSync(config, JSON.stringify({ 'rollover-hour': 4, 'time-zone': 'UTC', 'new-per-day': 2 }));
  const store = openStore(join(root, 'engram.db'), { create: true });
  stores.push(store);
  importPaths(store, ['notes'], { cwd: root, now: NOW - 3_600_000 });
  return { root, store, config };
}

describe('changeCardState', () => {
  it('suspends the cards there are and names the ids that are not; unsuspends them again', () => {
    const { store, config } = world();
    expect(changeCardState(store, 'suspend', [4, 99, 1], { now: NOW, configPath: config })).toEqual({ changed: [4, 1], missing: [99], written: [] });
    expect(store.db.prepare('SELECT id, suspended_at AS at FROM cards WHERE suspended_at IS NOT NULL ORDER BY id').all()).toEqual([
      { id: 1, at: NOW },
      { id: 4, at: NOW },
    ]);
    expect(changeCardState(store, 'unsuspend', [1], { now: NOW, configPath: config })).toEqual({ changed: [1], missing: [], written: [] });
    expect(store.db.prepare('SELECT id FROM cards WHERE suspended_at IS NOT NULL').pluck().all()).toEqual([4]);
  });

  it('buries a card until the next study day starts, by the settings file', () => {
    const { store, config } = world();
    expect(changeCardState(store, 'bury', [2], { now: NOW, configPath: config })).toEqual({ changed: [2], missing: [], written: [] });
    expect(store.db.prepare('SELECT buried_until FROM cards WHERE id = 2').pluck().get()).toBe(Date.UTC(2026, 2, 3, 4));
  });

  it('reads no settings file to suspend, so a broken one stops only a bury', () => {
    const { root, store } = world();
    const broken = join(root, 'broken.json');
    writeFileSync(broken, '{ not json');
    expect(changeCardState(store, 'suspend', [2], { now: NOW, configPath: broken })).toEqual({ changed: [2], missing: [], written: [] });
    expect(thrownError(() => changeCardState(store, 'bury', [2], { now: NOW, configPath: broken })).kind).toBe('failed');
  });
});

describe('changeCardState: drop and undrop', () => {
  it('drops the derived card, refuses the written ones, names the ids that are not; keeps it dropped out of today', async () => {
    const { root, store, config } = world();
    expect(changeCardState(store, 'drop', [2, 1, 99], { now: NOW, configPath: config })).toEqual({ changed: [1], missing: [99], written: [2] });
    expect(store.db.prepare('SELECT id, dropped_at AS at FROM cards WHERE dropped_at IS NOT NULL').all()).toEqual([{ id: 1, at: NOW }]);
    const due = await dueToday(store, loadSettings(config), NOW, ['geo'], root);
    expect(due.cards.map((c) => c.card.front)).toEqual(['France', 'Spain']);
    expect(deckOverview(store, loadSettings(config), NOW)[0]).toMatchObject({ name: 'geo', total: 2, new: 2, dropped: 1 });
  });

  it('undrops a dropped card, and an undrop of a card not dropped changes nothing and is no error', () => {
    const { store, config } = world();
    changeCardState(store, 'drop', [1], { now: NOW, configPath: config });
    expect(changeCardState(store, 'undrop', [1, 2, 99], { now: NOW + 1, configPath: config })).toEqual({ changed: [1, 2], missing: [99], written: [] });
    expect(store.db.prepare('SELECT count(*) FROM cards WHERE dropped_at IS NOT NULL').pluck().get()).toBe(0);
  });

  it('keeps the first time a card was dropped when it is dropped again', () => {
    const { store, config } = world();
    changeCardState(store, 'drop', [1], { now: NOW, configPath: config });
    changeCardState(store, 'drop', [1], { now: NOW + 60_000, configPath: config });
    expect(store.db.prepare('SELECT dropped_at FROM cards WHERE id = 1').pluck().get()).toBe(NOW);
  });
});

describe('cardList', () => {
  it('leaves dropped cards out and counts them; --dropped lists only them, archived ones when asked', () => {
    const { store, config } = world();
    changeCardState(store, 'drop', [1], { now: NOW, configPath: config });
    const list = (q: Parameters<typeof cardList>[1]) => {
      const l = cardList(store, q);
      return [l.cards.map((c) => [c.front, c.droppedAt]), l.hiddenArchived, l.hiddenDropped];
    };
    expect(list({ deck: 'geo' })).toEqual([[['France', null], ['Spain', null]], 0, 1]);
    expect(list({ from: 'notes' })).toEqual([[], 0, 1]);
    expect(list({ dropped: true })).toEqual([[['What is an isthmus?', NOW]], 0, 0]);
    expect(list({ dropped: true, from: 'cards' })).toEqual([[], 0, 0]);
    store.db.prepare('UPDATE cards SET archived_at = ? WHERE id = 1').run(NOW);
    expect(list({ dropped: true })).toEqual([[], 1, 0]);
    expect(list({ dropped: true, archived: true })).toEqual([[['What is an isthmus?', NOW]], 0, 0]);
  });


  it('lists a deck, only its written or only its derived cards, and counts the archived ones it leaves out', () => {
    const { store } = world();
    store.db.prepare('UPDATE cards SET archived_at = ? WHERE id = 3').run(NOW);
    const fronts = (q: Parameters<typeof cardList>[1]) => {
      const list = cardList(store, q);
      return [list.cards.map((c) => c.front), list.hiddenArchived];
    };
    expect(fronts({ deck: 'geo' })).toEqual([['What is an isthmus?', 'France'], 1]);
    expect(fronts({ deck: 'geo', archived: true })).toEqual([['What is an isthmus?', 'France', 'Spain'], 0]);
    expect(fronts({ deck: 'geo', from: 'notes' })).toEqual([['What is an isthmus?'], 1]);
    expect(fronts({ from: 'cards' })).toEqual([['France', 'q1', 'q2'], 1]);
  });

  it('refuses a deck that has no card at all, naming the decks there are', () => {
    const { store } = world();
    const err = thrownError(() => cardList(store, { deck: 'history' }));
    expect([err.kind, err.message]).toEqual(['notFound', 'no deck named "history". Decks: geo, sql.']);
  });
});

describe('deckOverview and dueToday', () => {
  it("count and list what today's session would show, the daily new-card limit applied", async () => {
    const { root, store, config } = world();
    const loaded = loadSettings(config);
    expect(deckOverview(store, loaded, NOW)).toEqual([
      { name: 'geo', total: 3, new: 3, newToday: 2, due: 0, learning: 0, suspended: 0, dropped: 0, archived: 0 },
      { name: 'sql', total: 2, new: 2, newToday: 0, due: 0, learning: 0, suspended: 0, dropped: 0, archived: 0 },
    ]);
    const due = await dueToday(store, loaded, NOW, [], root);
    expect(due.counts).toEqual({ new: 2, learning: 0, review: 0 });
    expect(due.cards.map((c) => [c.card.front, c.phase, c.due])).toEqual([
      ['What is an isthmus?', 'new', null],
      ['France', 'new', null],
    ]);
    const sql = await dueToday(store, loaded, NOW, ['sql'], root);
    expect(sql.cards.map((c) => c.card.front)).toEqual(['q1', 'q2']);
  });
});
