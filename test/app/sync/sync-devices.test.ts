import { appendFileSync, copyFileSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { syncHealth } from '../../../src/app/doctor/sync-health.js';
import { applySyncedSetting, readSetting, setSetting, unsetSetting } from '../../../src/app/settings/change-setting.js';
import { recordSettingEvent } from '../../../src/app/sync/setting-events.js';
import { EngramError } from '../../../src/model/engram-error.js';
import { listCards } from '../../../src/store/cards.js';
import { recordEvent } from '../../../src/store/sync-log.js';
import { runSync } from '../../../src/app/sync/run-sync.js';
import { SchedulerSet } from '../../../src/schedule/scheduler-set.js';
import { defaultSchedule } from '../../helpers/default-schedule.js';
import { syncDevice, type SyncDevice } from '../../helpers/sync-device.js';
import { quarters, quartersFromScratch } from '../../helpers/tallies-from-scratch.js';
import { tempDir } from '../../helpers/temp-dir.js';

const T = Date.parse('2026-03-02T10:00:00Z');
const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const open: SyncDevice[] = [];
afterEach(() => {
  while (open.length) open.pop()!.close();
});

const DECK = 'Capital of France::Paris\nCapital of Spain::Madrid\nCapital of Italy::Rome\n';

/** Devices over one sync folder, each with its own copy of the notes (as on two machines). */
function devices(names: readonly string[], deck = DECK) {
  const root = tempDir();
  const folder = join(root, 'shared');
  mkdirSync(folder);
  const made = names.map((name) => {
    const notes = join(root, name, 'notes');
    mkdirSync(notes, { recursive: true });
    writeFileSync(join(notes, 'geo.md'), deck);
    const d = syncDevice(join(root, name), folder, T);
    d.import(notes);
    open.push(d);
    return Object.assign(d, { notes, folder });
  });
  // As many as named: a tuple, so destructuring needs no checks.
  return made as [typeof made[number], typeof made[number], typeof made[number]];
}

describe('sync through a plain folder', () => {
  it("carries each device's answers to the other: the same log and the same states (fuzz included) on both", () => {
    const [a, b] = devices(['laptop', 'desktop']);
    a.answer('Capital of France', 3);
    a.setNow(T + 10 * 60_000);
    a.answer('Capital of France', 3);
    b.setNow(T + 5 * 60_000);
    b.answer('Capital of Spain', 1);
    const first = a.sync();
    expect(first).toMatchObject({ sent: 2, received: 0, folded: 0, waiting: 0 });
    const second = b.sync();
    expect(second).toMatchObject({ sent: 1, received: 2, folded: 2, cardsUpdated: 1 });
    expect(second.devices).toHaveLength(2);
    expect(a.sync()).toMatchObject({ sent: 0, received: 1, folded: 1, cardsUpdated: 1 });
    expect(a.log()).toHaveLength(3);
    expect(b.log()).toEqual(a.log());
    expect(b.cards()).toEqual(a.cards());
    // Nothing new: nothing sent, received or changed.
    expect(b.sync()).toMatchObject({ sent: 0, received: 0, folded: 0, cardsUpdated: 0 });
  });

  it('replays answers in time order across devices, whatever order they arrive in (a clock a day ahead included)', () => {
    const [a, b] = devices(['a', 'b']);
    for (let day = 0; day < 12; day += 3) {
      a.setNow(T + day * DAY);
      a.answer('Capital of Italy', 3);
      // b's clock runs a day ahead.
      b.setNow(T + day * DAY + DAY + HOUR);
      b.answer('Capital of Italy', day === 6 ? 1 : 3);
    }
    b.sync();
    a.sync();
    b.sync();
    expect(a.log()).toEqual(b.log());
    expect(a.cards()).toEqual(b.cards());
    expect((a.cards()['Capital of Italy'] as { reps: number }).reps).toBe(8);
    // An answer on the device behind in time, earlier than answers already merged, still agrees after syncs.
    a.setNow(T + 13 * DAY);
    a.answer('Capital of Italy', 3);
    a.sync();
    b.sync();
    expect(a.cards()).toEqual(b.cards());
    expect(a.log()).toEqual(b.log());
  });

  it("keeps the stats' tallies equal to a count of the whole log on both devices through answers, out-of-order folds and undos", () => {
    const [a, b] = devices(['a', 'b']);
    const exact = () => {
      for (const d of [a, b]) {
        expect(quarters(d.store)).toEqual(quartersFromScratch(d.store));
        expect(d.store.db.prepare('SELECT count(*) FROM review_quarters_changed').pluck().get()).toBe(0);
      }
    };
    for (let day = 0; day < 9; day += 2) {
      a.setNow(T + day * DAY + 20 * HOUR);
      a.answer('Capital of Italy', day === 4 ? 1 : 3);
      a.answer('Capital of Spain', 3);
      // b answers earlier in the day than a: its answers reach a older than a's newest.
      b.setNow(T + day * DAY + HOUR);
      b.answer('Capital of Italy', 3);
    }
    const late = a.answer('Capital of France', 3);
    exact();
    a.sync();
    expect(b.sync()).toMatchObject({ received: 11, folded: 11 });
    expect(a.sync()).toMatchObject({ received: 5, folded: 5 });
    expect(a.log()).toEqual(b.log());
    exact();
    // The older answers merged in rewrote the facts of later ones: their quarter hours were recounted.
    expect(quarters(a.store)).toEqual(quarters(b.store));
    const frontId = listCards(a.store, { includeArchived: false }).find((c) => c.front === 'Capital of France')!.id;
    a.actions.undo(late, frontId);
    exact();
    a.sync();
    b.sync();
    exact();
    expect(quarters(a.store).reduce((n, r) => n + r[5], 0)).toBe(15);
  });

  it('takes back an undone answer on both devices: undone after the other already folded it', () => {
    const [a, b] = devices(['a', 'b']);
    a.answer('Capital of France', 3);
    a.setNow(T + DAY);
    const late = a.answer('Capital of France', 1);
    a.sync();
    b.sync();
    expect(b.log()).toHaveLength(2);
    const frontId = listCards(a.store, { includeArchived: false }).find((c) => c.front === 'Capital of France')!.id;
    a.actions.undo(late, frontId);
    a.sync();
    expect(b.sync()).toMatchObject({ received: 1, cardsUpdated: 1 });
    expect(b.log()).toEqual(a.log());
    expect(b.log()).toHaveLength(1);
    expect(b.cards()).toEqual(a.cards());
  });

  it('takes back an answer undone on the device that folded it, on the device that gave it', () => {
    const [a, b] = devices(['a', 'b']);
    a.answer('Capital of Spain', 3);
    a.sync();
    b.sync();
    const cardId = listCards(b.store, { includeArchived: false }).find((c) => c.front === 'Capital of Spain')!.id;
    const reviewId = b.store.db.prepare('SELECT id FROM reviews WHERE card_id = ?').pluck().get(cardId) as number;
    b.setNow(T + 60_000);
    b.actions.undo(reviewId, cardId);
    b.sync();
    a.sync();
    expect(a.log()).toEqual([]);
    expect(b.log()).toEqual([]);
    expect(a.cards()).toEqual(b.cards());
  });

  it('keeps the latest suspension or its lifting by time, whichever device synced last', () => {
    const [a, b] = devices(['a', 'b']);
    const idOn = (d: SyncDevice) => listCards(d.store, { includeArchived: false }).find((c) => c.front === 'Capital of Italy')!.id;
    b.setNow(T + HOUR);
    b.actions.suspend(idOn(b));
    b.setNow(T + 2 * HOUR);
    b.actions.unsuspend(idOn(b));
    a.setNow(T + 90 * 60_000);
    a.actions.suspend(idOn(a));
    // a's suspension (1:30) is older than b's unsuspension (2:00): unsuspended everywhere.
    a.sync();
    b.sync();
    a.sync();
    expect((a.cards()['Capital of Italy'] as { suspended: boolean }).suspended).toBe(false);
    expect(b.cards()).toEqual(a.cards());
  });

  it('knows a card across a typo fix made on one device, and one imported only after the fix elsewhere', () => {
    const [a, b, c] = devices(['a', 'b', 'c'], 'Capital of Frnace::Paris\n');
    a.answer('Capital of Frnace', 3);
    b.setNow(T + HOUR);
    b.answer('Capital of Frnace', 3);
    // a fixes the typo: the card is re-keyed, its history kept.
    writeFileSync(join(a.notes, 'geo.md'), 'Capital of France::Paris\n');
    a.setNow(T + 2 * DAY);
    a.import(a.notes);
    a.answer('Capital of France', 3);
    // c imports the fixed text only.
    writeFileSync(join(c.notes, 'geo.md'), 'Capital of France::Paris\n');
    c.import(c.notes);
    for (const d of [a, b, c, a, b]) d.sync();
    expect(a.log()).toHaveLength(3);
    // b still has the old text; c the new: the same three answers and the same state either way.
    expect(b.log().map((l) => JSON.parse(l).slice(1))).toEqual(a.log().map((l) => JSON.parse(l).slice(1)));
    expect(c.log()).toEqual(a.log());
    expect(c.cards()).toEqual(a.cards());
    expect(Object.values(b.cards())).toEqual(Object.values(a.cards()));
  });

  it('keeps events about a card this device has not imported waiting, and folds them after the import', () => {
    const [a, b] = devices(['a', 'b']);
    writeFileSync(join(a.notes, 'more.md'), 'Capital of Peru::Lima\n');
    a.import(a.notes);
    a.answer('Capital of Peru', 4);
    a.sync();
    expect(b.sync()).toMatchObject({ received: 1, folded: 0, waiting: 1 });
    writeFileSync(join(b.notes, 'more.md'), 'Capital of Peru::Lima\n');
    b.import(b.notes);
    expect(b.sync()).toMatchObject({ received: 0, folded: 1, waiting: 0, cardsUpdated: 1 });
    expect(b.log()).toEqual(a.log());
    expect(b.cards()).toEqual(a.cards());
  });

  it('leaves a torn last line for the next sync, and skips a bad line with its place', () => {
    const [a, b] = devices(['a', 'b']);
    a.answer('Capital of France', 3);
    a.sync();
    const dir = join(a.folder, 'engram-sync', a.store.db.prepare('SELECT device_id FROM sync_device').pluck().get() as string);
    const file = join(dir, readdirSync(dir)[0]!);
    const whole = readFileSync(file, 'utf8');
    // Half a line more, as a crash mid-append or a half-synced file leaves it.
    const extra = whole.replace(/"id":"[0-9A-Z]{26}"/, '"id":"01KJPZV28058C0KQD260RQ9N49"').replace('"rating":3', '"rating":2').trimEnd();
    appendFileSync(file, extra.slice(0, 40));
    expect(b.sync()).toMatchObject({ received: 1, folded: 1, skipped: [] });
    appendFileSync(file, `${extra.slice(40)}\nnot json\n`);
    const later = b.sync();
    expect(later).toMatchObject({ received: 1, folded: 1 });
    expect(later.skipped).toEqual([{ file, line: 3, message: 'not JSON' }]);
    expect(b.log()).toHaveLength(2);
  });

  it("carries the latest change of a setting to every device, and never a machine's time zone or optimizer build", () => {
    const [a, b] = devices(['a', 'b']);
    const config = (d: { notes: string }) => join(d.notes, '..', 'config.toml');
    const apply = (d: { notes: string }) => (name: string, deck: string | null, value: unknown) => applySyncedSetting(config(d), name, deck, value);
    setSetting(config(a), 'retention', ['0.85'], undefined, undefined, recordSettingEvent(a.store, T + HOUR));
    setSetting(config(a), 'time-zone', ['Europe/Paris'], undefined, undefined, recordSettingEvent(a.store, T + HOUR));
    setSetting(config(a), 'optimizer', ['wasm'], undefined, undefined, recordSettingEvent(a.store, T + HOUR));
    setSetting(config(b), 'retention', ['0.8'], undefined, undefined, recordSettingEvent(b.store, T + 2 * HOUR));
    setSetting(config(b), 'new-per-day', ['5'], 'geo', undefined, recordSettingEvent(b.store, T + 2 * HOUR));
    expect(a.sync(apply(a)).settings).toEqual([]);
    expect(b.sync(apply(b)).settings).toEqual([]);
    expect(a.sync(apply(a)).settings).toEqual(['retention', 'new-per-day@geo']);
    for (const d of [a, b]) {
      expect(readSetting(config(d), 'retention').value).toBe(0.8);
      expect(readSetting(config(d), 'new-per-day', 'geo').value).toBe(5);
    }
    expect(readSetting(config(a), 'time-zone').value).toBe('Europe/Paris');
    expect(readSetting(config(b), 'time-zone').value).toBe('');
    expect(readSetting(config(a), 'optimizer').value).toBe('wasm');
    expect(readSetting(config(b), 'optimizer').value).toBe('auto');
    // An unset travels too.
    unsetSetting(config(a), 'retention', undefined, recordSettingEvent(a.store, T + 3 * HOUR));
    a.sync(apply(a));
    expect(b.sync(apply(b)).settings).toEqual(['retention']);
    expect(readSetting(config(b), 'retention').value).toBe(0.9);
  });

  it("never takes a machine's own settings from another device, even when that device sent them", () => {
    const [a, b] = devices(['a', 'b']);
    const config = join(b.notes, '..', 'config.toml');
    setSetting(config, 'time-zone', ['Asia/Tokyo']);
    // An engram that does not filter its sender side (an older one) wrote these into its file.
    a.store.transaction(() => {
      recordEvent(a.store, { kind: 'setting', name: 'time-zone', deck: null, value: 'Europe/Paris' }, T + HOUR, null);
      recordEvent(a.store, { kind: 'setting', name: 'sync', deck: null, value: true }, T + HOUR, null);
      recordEvent(a.store, { kind: 'setting', name: 'retention', deck: null, value: 0.85 }, T + HOUR, null);
    });
    a.sync();
    const received = b.sync((name, deck, value) => applySyncedSetting(config, name, deck, value));
    expect(received).toMatchObject({ received: 3, settings: ['retention'] });
    expect(readSetting(config, 'time-zone').value).toBe('Asia/Tokyo');
    expect(readSetting(config, 'sync').value).toBe(false);
    expect(readSetting(config, 'retention').value).toBe(0.85);
    // Nor does the settings file take one when asked directly.
    expect(applySyncedSetting(config, 'time-zone', null, 'Europe/Paris')).toBe(false);
    expect(readSetting(config, 'time-zone').value).toBe('Asia/Tokyo');
  });

  it("takes back this device's own events from its files when its store was put back to an older copy (a restore), once", () => {
    const [a, b] = devices(['a', 'b']);
    const root = join(a.notes, '..', '..');
    const italy = () => listCards(a.store, { includeArchived: false }).find((c) => c.front === 'Capital of Italy')!.id;
    a.answer('Capital of France', 3);
    a.sync();
    const aside = join(root, 'aside.db');
    a.store.db.exec(`VACUUM INTO '${aside}'`);
    a.setNow(T + HOUR);
    a.answer('Capital of Spain', 4);
    a.actions.suspend(italy());
    a.sync();
    const after = { log: a.log(), cards: a.cards() };
    // The older copy put back, as engram restore does.
    a.close();
    open.splice(open.indexOf(a), 1);
    const storePath = join(root, 'a', 'engram.db');
    for (const f of [storePath, `${storePath}-wal`, `${storePath}-shm`]) rmSync(f, { force: true });
    copyFileSync(aside, storePath);
    const back = syncDevice(join(root, 'a'), a.folder, T + 2 * HOUR);
    open.push(back);
    expect(back.log()).toHaveLength(1);
    const doctor = syncHealth(storePath, { repair: false, now: T + 2 * HOUR });
    expect(doctor.ownNotInStore).toBe(2);
    expect(doctor.problems).toEqual([
      "2 of this device's events in its files are missing from the store (a store put back from an older copy); engram sync takes them back.",
    ]);
    expect(back.sync()).toMatchObject({ sent: 0, received: 2, folded: 2, cardsUpdated: 2, settings: [] });
    expect(back.log()).toEqual(after.log);
    expect(back.cards()).toEqual(after.cards);
    expect((back.cards()['Capital of Italy'] as { suspended: boolean }).suspended).toBe(true);
    // Folded once: nothing comes again, nothing is written to the files twice.
    expect(back.sync()).toMatchObject({ sent: 0, received: 0, folded: 0, cardsUpdated: 0 });
    const ownDir = join(a.folder, 'engram-sync', back.store.db.prepare('SELECT device_id FROM sync_device').pluck().get() as string);
    expect(readdirSync(ownDir).flatMap((f) => readFileSync(join(ownDir, f), 'utf8').trim().split('\n'))).toHaveLength(3);
    expect(syncHealth(storePath, { repair: false, now: T + 2 * HOUR })).toMatchObject({ ownNotInStore: 0, notReceived: 0, lostFromFolder: 0, problems: [] });
    b.sync();
    expect(b.log()).toEqual(back.log());
    expect(b.cards()).toEqual(back.cards());
  });

  it('writes an event once when a store put back from an older copy held it as unsent, though a later sync sent it', () => {
    const [a] = devices(['a', 'b']);
    const root = join(a.notes, '..', '..');
    a.answer('Capital of France', 3);
    const aside = join(root, 'aside.db');
    a.store.db.exec(`VACUUM INTO '${aside}'`);
    expect(a.sync()).toMatchObject({ sent: 1 });
    a.close();
    open.splice(open.indexOf(a), 1);
    const storePath = join(root, 'a', 'engram.db');
    for (const f of [storePath, `${storePath}-wal`, `${storePath}-shm`]) rmSync(f, { force: true });
    copyFileSync(aside, storePath);
    const back = syncDevice(join(root, 'a'), a.folder, T + HOUR);
    open.push(back);
    expect(back.sync()).toMatchObject({ sent: 0, received: 0 });
    const ownDir = join(a.folder, 'engram-sync', back.store.db.prepare('SELECT device_id FROM sync_device').pluck().get() as string);
    expect(readdirSync(ownDir).flatMap((f) => readFileSync(join(ownDir, f), 'utf8').trim().split('\n'))).toHaveLength(1);
    expect(back.sync()).toMatchObject({ sent: 0, received: 0 });
    expect(back.log()).toHaveLength(1);
  });

  it("folds with the connection's foreign key checks off, and on again after, as the fold found them", () => {
    const [a, b] = devices(['a', 'b']);
    a.answer('Capital of France', 3);
    a.sync();
    const checks = () => b.store.db.pragma('foreign_keys', { simple: true });
    const during: unknown[] = [];
    const progress = { update: () => void during.push(checks()), finish: () => undefined };
    const report = runSync(b.store, { now: T, schedulers: new SchedulerSet(defaultSchedule()), dryRun: false, env: {}, progress });
    expect(report).toMatchObject({ received: 1, folded: 1 });
    expect(during).toEqual([0]);
    expect(checks()).toBe(1);
    expect(b.log()).toEqual(a.log());
    // Inside a caller's transaction the setting cannot change: the fold runs with the checks, and leaves them on.
    a.setNow(T + 60_000);
    a.answer('Capital of Spain', 3);
    a.sync();
    during.length = 0;
    b.store.transaction(() => runSync(b.store, { now: T, schedulers: new SchedulerSet(defaultSchedule()), dryRun: false, env: {}, progress }));
    expect(during).toEqual([1]);
    expect(checks()).toBe(1);
    expect(b.log()).toEqual(a.log());
  });

  it('refuses a file from a newer engram and changes nothing', () => {
    const [a, b] = devices(['a', 'b']);
    a.answer('Capital of France', 3);
    a.sync();
    const dir = join(a.folder, 'engram-sync', 'zz-newer');
    mkdirSync(dir);
    writeFileSync(join(dir, '2026-03.jsonl'), '{"v":2,"id":"01KJPZV28058C0KQD260RQ9N48","device":"zz-newer","at":0,"kind":"answer"}\n');
    b.answer('Capital of Spain', 3);
    const unsent = () => b.store.db.prepare('SELECT count(*) FROM sync_events WHERE sent = 0').pluck().get();
    expect(unsent()).toBe(1);
    expect(() => b.sync()).toThrow(EngramError);
    expect(() => b.sync()).toThrow(/2026-03\.jsonl:1 was written by a newer engram \(event format 2; this engram reads format 1\)/);
    expect(unsent()).toBe(1);
    expect(b.log()).toHaveLength(1);
  });
});
