import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runEngram } from '../helpers/run-engram.js';
import { tempDir } from '../helpers/temp-dir.js';

/** Two devices on one machine: their own stores and config folders, one shared folder. */
function machines() {
  const root = tempDir();
  const shared = join(root, 'shared');
  mkdirSync(shared);
  writeFileSync(join(root, 'geo.md'), 'Capital of France::Paris\nCapital of Spain::Madrid\n');
  const on = (name: string) => (...args: string[]) => runEngram([...args, '--db', join(root, name, 'engram.db')], { cwd: root, home: join(root, name) });
  return { root, shared, laptop: on('laptop'), desktop: on('desktop') };
}

describe('engram sync', () => {
  it('says to run engram sync init first, as a usage error', () => {
    const { laptop } = machines();
    laptop('import', 'geo.md');
    expect(laptop('sync')).toMatchObject({ status: 2, stdout: '', stderr: 'engram: this store has no sync folder yet: run engram sync init <folder> first.\n' });
  });

  it('sets a folder up, sends and receives, and says so as text and as JSON', () => {
    const { laptop, desktop } = machines();
    for (const d of [laptop, desktop]) {
      d('import', 'geo.md');
      const init = d('sync', 'init', 'shared');
      expect(init.status).toBe(0);
      expect(init.stdout).toMatch(/^This device is [a-z0-9]{12}; it syncs through shared \(a plain folder: let your sync service carry it\)\.\nRun engram sync to send and receive\.\n$/);
    }
    expect(laptop('suspend', '1').status).toBe(0);
    expect(laptop('sync', '--dry-run').stdout).toMatch(/^Would sync through shared \(a plain folder\)\.\nWould send 1 event and receive 0 new events\.\n/);
    expect(laptop('sync').stdout).toMatch(/^Synced through shared \(a plain folder\)\.\nSent 1 event, received 0 new events; 0 cards updated\.\nDevices: [a-z0-9]{12} \(this one\), [a-z0-9]{12}\.\n$/);
    const json = JSON.parse(desktop('sync', '--json').stdout) as Record<string, unknown>;
    expect(json).toMatchObject({ dry_run: false, git: null, sent: 0, received: 1, folded: 1, waiting: 0, cards_updated: 1, settings: [], skipped: [] });
    expect((JSON.parse(desktop('cards', '--json').stdout) as { suspended: boolean }[]).map((c) => c.suspended)).toEqual([true, false]);
  });

  it('with the sync setting on, syncs after an import by itself', () => {
    const { laptop } = machines();
    laptop('import', 'geo.md');
    laptop('sync', 'init', 'shared');
    laptop('suspend', '2');
    expect(laptop('config', 'set', 'sync', 'on').status).toBe(0);
    const r = laptop('import', 'geo.md');
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/\nSynced: sent 1 event, received 0 new events; 0 cards updated\.\n$/);
  });
});
