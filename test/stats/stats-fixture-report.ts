import { join } from 'node:path';
import { onTestFinished } from 'vitest';
import { defaultSettings } from '../../src/app/settings/settings.js';
import { loadStatsReport } from '../../src/app/stats/load-stats.js';
import type { StatsReport } from '../../src/stats/stats-report.js';
import { openStore } from '../../src/store/open-store.js';
import { tempDir } from '../helpers/temp-dir.js';
import { fillStatsStore, GO_WEIGHTS, STATS_NOW } from './stats-store-fixture.js';

/**
 * The stats report of the hand-counted store (stats-store-fixture.ts), decks Go
 * (with fitted weights) and Spanish, in UTC at STATS_NOW; an empty store's
 * report when `fill` is false. The store closes when the test ends.
 */
export function statsFixtureReport(fill = true): StatsReport {
  const store = openStore(join(tempDir(), 'engram.db'), { create: true });
  onTestFinished(() => store.close());
  if (fill) fillStatsStore(store);
  const settings = { ...defaultSettings(), 'time-zone': 'UTC' };
  return loadStatsReport(store, { path: '', file: { settings, decks: { Go: { weights: GO_WEIGHTS } } }, settings }, STATS_NOW, []);
}
