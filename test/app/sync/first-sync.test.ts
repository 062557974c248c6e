import { copyFileSync, mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { initSync, runSync } from '../../../src/app/sync/run-sync.js';
import { SchedulerSet } from '../../../src/schedule/scheduler-set.js';
import { openStore } from '../../../src/store/open-store.js';
import { defaultSchedule } from '../../helpers/default-schedule.js';
import { tempDir } from '../../helpers/temp-dir.js';

const FIXTURES = fileURLToPath(new URL('../../fixtures/stores/', import.meta.url));
const NOW = Date.parse('2026-03-02T10:00:00Z');

describe('the first sync of a store from before sync', () => {
  it('sends its whole history: every answer, the suspension and the drop standing', () => {
    const dir = tempDir();
    copyFileSync(join(FIXTURES, 'v6.db'), join(dir, 'engram.db'));
    const store = openStore(join(dir, 'engram.db'), { create: false });
    try {
      const reviews = store.db.prepare('SELECT count(*) FROM reviews').pluck().get() as number;
      expect(reviews).toBe(100);
      mkdirSync(join(dir, 'shared'));
      const { device } = initSync(store, join(dir, 'shared'), { now: NOW, cwd: dir, env: {} });
      const report = runSync(store, { now: NOW, schedulers: new SchedulerSet(defaultSchedule()), dryRun: false, env: {} });
      expect(report).toMatchObject({ sent: 102, received: 0, git: null, devices: [device] });
      const files = readdirSync(join(dir, 'shared', 'engram-sync', device)).sort();
      expect(files).toEqual(['2026-01.jsonl', '2026-02.jsonl', '2026-03.jsonl']);
      const kinds = files.flatMap((f) => readFileSync(join(dir, 'shared', 'engram-sync', device, f), 'utf8').trim().split('\n')).map((l) => (JSON.parse(l) as { kind: string }).kind);
      expect(kinds.filter((k) => k === 'answer')).toHaveLength(100);
      expect(kinds.filter((k) => k !== 'answer').sort()).toEqual(['drop', 'suspend']);
      expect(runSync(store, { now: NOW, schedulers: new SchedulerSet(defaultSchedule()), dryRun: false, env: {} })).toMatchObject({ sent: 0 });
    } finally {
      store.close();
    }
  });
});
