import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { importPackage } from '../../../src/app/anki/import-package.js';
import { BASIC_ID, CLOZE_ID, legacyPackage, type TestNote } from '../../helpers/anki-package.js';
import { syncDevice, type SyncDevice } from '../../helpers/sync-device.js';
import { tempDir } from '../../helpers/temp-dir.js';

const T = Date.UTC(2026, 2, 2, 10);
const open: SyncDevice[] = [];
afterEach(() => {
  while (open.length) open.pop()!.close();
});

/** Five answers in the package's review log, over three cards. */
const NOTES: TestNote[] = [
  { guid: 'p1', mid: BASIC_ID, deck: 'Geo', fields: ['Capital of Peru?', 'Lima'], cards: [{ ord: 0, type: 2, queue: 2, revlog: [{ at: Date.UTC(2026, 0, 1), ease: 3, type: 0 }, { at: Date.UTC(2026, 0, 2), ease: 3 }, { at: Date.UTC(2026, 0, 9), ease: 1 }] }] },
  { guid: 'p2', mid: CLOZE_ID, deck: 'Geo', fields: ['{{c1::Lima}} is in {{c2::Peru}}', ''], cards: [{ ord: 0, revlog: [{ at: Date.UTC(2026, 0, 4), ease: 2, type: 0 }] }, { ord: 1, revlog: [{ at: Date.UTC(2026, 0, 5), ease: 4, type: 0 }] }] },
];
const ANSWERS = 5;

/** Two devices over one plain sync folder, and the package on disk. */
function setUp() {
  const root = tempDir();
  const folder = join(root, 'shared');
  mkdirSync(folder);
  const pkg = join(root, 'geo.apkg');
  writeFileSync(pkg, legacyPackage(NOTES));
  const device = (name: string) => {
    const dir = join(root, name);
    const d = syncDevice(dir, folder, T);
    open.push(d);
    return Object.assign(d, {
      importPackage: () =>
        importPackage({ storePath: join(dir, 'engram.db'), packagePath: pkg, into: join(dir, 'notes'), cwd: dir, now: T, dryRun: false, configPath: join(dir, 'none.json') }, { warn: () => undefined }),
    });
  };
  return [device('laptop'), device('desktop')] as const;
}

describe('the same Anki package imported on two devices', () => {
  it('gives each of its answers once on both after sync, not once per device', async () => {
    const [a, b] = setUp();
    expect((await a.importPackage()).reviews).toBe(ANSWERS);
    expect((await b.importPackage()).reviews).toBe(ANSWERS);
    a.sync();
    b.sync();
    a.sync();
    expect(a.log()).toHaveLength(ANSWERS);
    expect(b.log()).toEqual(a.log());
    expect(b.cards()).toEqual(a.cards());
    // Syncing again changes nothing.
    expect(b.sync()).toMatchObject({ sent: 0, received: 0, folded: 0, cardsUpdated: 0 });
  });

  it("gives each answer once when one device received the other's import before importing the package itself", async () => {
    const [a, b] = setUp();
    await a.importPackage();
    a.sync();
    // b has none of the cards yet: a's answers wait for them.
    expect(b.sync()).toMatchObject({ received: ANSWERS, waiting: ANSWERS });
    const r = await b.importPackage();
    expect([r.reviews, r.known]).toEqual([ANSWERS, 0]);
    b.sync();
    a.sync();
    expect(a.log()).toHaveLength(ANSWERS);
    expect(b.log()).toEqual(a.log());
    expect(b.cards()).toEqual(a.cards());
    // Nothing waits any more, and the answers taken over are not folded a second time.
    expect(b.sync()).toMatchObject({ received: 0, folded: 0, waiting: 0, cardsUpdated: 0 });
  });
});
