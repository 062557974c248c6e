import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { syncHealth } from '../../../src/app/doctor/sync-health.js';
import { syncDevice, type SyncDevice } from '../../helpers/sync-device.js';
import { tempDir } from '../../helpers/temp-dir.js';

const T = Date.parse('2026-03-02T10:00:00Z');
const open: SyncDevice[] = [];
afterEach(() => {
  while (open.length) open.pop()!.close();
});

function twoDevices() {
  const root = tempDir();
  const folder = join(root, 'shared');
  mkdirSync(folder);
  const made = ['a', 'b'].map((name) => {
    const notes = join(root, name, 'notes');
    mkdirSync(notes, { recursive: true });
    writeFileSync(join(notes, 'geo.md'), 'Capital of France::Paris\nCapital of Spain::Madrid\n');
    const d = syncDevice(join(root, name), folder, T);
    d.import(notes);
    open.push(d);
    return d;
  });
  return { a: made[0]!, b: made[1]!, folder, storeOf: (name: string) => join(root, name, 'engram.db') };
}

const idOf = (d: SyncDevice) => d.store.db.prepare('SELECT device_id FROM sync_device').pluck().get() as string;

describe('the doctor on sync', () => {
  it('says nothing of a store that does not sync', () => {
    const dir = tempDir();
    expect(syncHealth(join(dir, 'none.db'), { repair: false, now: T })).toMatchObject({ folder: null, devices: [], problems: [] });
  });

  it('lists each device with its events and tells what is not yet received, sent or folded; after syncs the log is the union', () => {
    const { a, b, folder, storeOf } = twoDevices();
    a.answer('Capital of France', 3);
    a.sync();
    b.answer('Capital of Spain', 3);
    const before = syncHealth(storeOf('b'), { repair: false, now: T });
    expect(before).toMatchObject({ folder, notReceived: 1, unsent: 1, notFolded: 0, lostFromFolder: 0, problems: [], unreadable: [] });
    expect(before.devices).toEqual(
      [
        { device: idOf(a), thisDevice: false, inFiles: 1, inStore: 0, lastAt: T },
        { device: idOf(b), thisDevice: true, inFiles: 0, inStore: 1, lastAt: null },
      ].sort((x, y) => x.device.localeCompare(y.device)),
    );
    b.sync();
    a.sync();
    for (const name of ['a', 'b']) expect(syncHealth(storeOf(name), { repair: false, now: T })).toMatchObject({ notReceived: 0, unsent: 0, notFolded: 0, problems: [] });
  });

  it("finds this device's events lost from its files (a reset repository), and with repair has the next sync write them again", () => {
    const { a, b, folder, storeOf } = twoDevices();
    a.answer('Capital of France', 3);
    a.sync();
    rmSync(join(folder, 'engram-sync', idOf(a)), { recursive: true });
    expect(syncHealth(storeOf('a'), { repair: false, now: T })).toMatchObject({
      lostFromFolder: 1,
      problems: ["1 of this device's events are missing from its files (a reset repository or a lost file); engram doctor --repair has the next sync write them again."],
    });
    expect(syncHealth(storeOf('a'), { repair: true, now: T }).lostFromFolder).toBe(1);
    expect(a.sync()).toMatchObject({ sent: 1 });
    expect(b.sync()).toMatchObject({ received: 1, folded: 1 });
    expect(syncHealth(storeOf('a'), { repair: false, now: T })).toMatchObject({ lostFromFolder: 0, problems: [] });
  });
});
