import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { checkStore } from '../../../src/app/doctor/store-health.js';
import { SchedulerSet } from '../../../src/schedule/scheduler-set.js';
import { weekdayOfStudyDay } from '../../../src/schedule/easy-days.js';
import { studyDay, studyDayStart, type StudyClock } from '../../../src/schedule/study-time.js';
import { cardState } from '../../../src/store/card-state-rows.js';
import { listCards } from '../../../src/store/cards.js';
import { defaultSchedule } from '../../helpers/default-schedule.js';
import { syncDevice, type SyncDevice } from '../../helpers/sync-device.js';
import { tempDir } from '../../helpers/temp-dir.js';

const CLOCK: StudyClock = { timeZone: 'Europe/Berlin', rolloverHour: 4 };
/** Load balancing on, Sundays off and Saturdays at half: every answer of the week is placed by them. */
const BALANCED = defaultSchedule(CLOCK, { fuzz: true, loadBalance: true, easyDays: [0, 1, 1, 1, 1, 1, 0.5] });
/** Monday 2026-03-02, as a study day number. */
const MONDAY = Date.UTC(2026, 2, 2) / 86_400_000;
const DECK = Array.from({ length: 60 }, (_, i) => `Question ${i}::Answer ${i}`).join('\n') + '\n';

const open: SyncDevice[] = [];
afterEach(() => {
  while (open.length) open.pop()!.close();
});

function devices(): [SyncDevice, SyncDevice] {
  const root = tempDir();
  const folder = join(root, 'shared');
  mkdirSync(folder);
  return ['laptop', 'desktop'].map((name) => {
    const notes = join(root, name, 'notes');
    mkdirSync(notes, { recursive: true });
    writeFileSync(join(notes, 'deck.md'), DECK);
    const d = syncDevice(join(root, name), folder, studyDayStart(MONDAY, CLOCK), BALANCED);
    d.import(notes);
    open.push(d);
    return d;
  }) as [SyncDevice, SyncDevice];
}

/** A week and a day of study on `d`: each day at 10:00 local, every card due answered (Good, every fifth Hard), then 10 new cards (Good, Good). */
function studyWeek(d: SyncDevice): void {
  for (let day = MONDAY; day < MONDAY + 8; day++) {
    const t = studyDayStart(day, CLOCK) + 6 * 3_600_000;
    d.setNow(t);
    let n = 0;
    const cards = listCards(d.store, { includeArchived: false }).map((c) => ({ c, s: cardState(d.store, c.id) }));
    for (const { c, s } of cards) if (s && s.phase === 'review' && s.due <= t) d.answer(c.front, n++ % 5 === 4 ? 2 : 3);
    for (const { c } of cards.filter(({ s }) => s === null).slice(0, 10)) {
      d.answer(c.front, 3);
      d.setNow(t + 15 * 60_000);
      d.answer(c.front, 3);
      d.setNow(t);
    }
  }
}

describe('a week of balanced reviews', () => {
  it('records the day each fuzzed answer was placed on, and engram doctor finds every state equal to its replay', () => {
    const [laptop] = devices();
    studyWeek(laptop);
    const chosen = laptop.store.db.prepare('SELECT count(*) FROM reviews WHERE chosen_days IS NOT NULL').pluck().get() as number;
    expect(chosen).toBeGreaterThan(40);
    const health = checkStore(laptop.store, new SchedulerSet(BALANCED), { full: true });
    expect(health.statesChecked).toBe(60);
    expect(health.scheduleDrift).toEqual([]);
    expect(health.historyDrift).toEqual([]);
    // The same log replayed without its recorded days is the plain fuzz: some states would differ (the check can fail).
    laptop.store.db.exec('UPDATE reviews SET chosen_days = NULL');
    expect(checkStore(laptop.store, new SchedulerSet(BALANCED), { full: true }).scheduleDrift.length).toBeGreaterThan(5);
  });

  it('syncs to another device, which computes the very same states from the recorded days', () => {
    const [laptop, desktop] = devices();
    studyWeek(laptop);
    laptop.sync();
    desktop.sync();
    expect(desktop.cards()).toEqual(laptop.cards());
    expect(desktop.store.db.prepare('SELECT count(*) FROM reviews WHERE chosen_days IS NOT NULL').pluck().get()).toBe(
      laptop.store.db.prepare('SELECT count(*) FROM reviews WHERE chosen_days IS NOT NULL').pluck().get(),
    );
    const health = checkStore(desktop.store, new SchedulerSet(BALANCED), { full: true });
    expect(health.scheduleDrift).toEqual([]);
    expect(health.historyDrift).toEqual([]);
  });

  it('puts no fuzzed review on a Sunday (share 0) when the fuzz range has another day', () => {
    const [laptop] = devices();
    studyWeek(laptop);
    const dues = laptop.store.db.prepare('SELECT s.due, s.scheduled_days FROM card_state s WHERE s.state = 2 AND s.scheduled_days >= 3').all() as { due: number; scheduled_days: number }[];
    expect(dues.length).toBeGreaterThan(20);
    for (const { due } of dues) expect(weekdayOfStudyDay(studyDay(due, CLOCK))).not.toBe(0);
  });
});
