import { resolve } from 'node:path';
import { statsText } from '../../export/stats-records.js';
import type { Store } from '../../store/open-store.js';
import { loadSettings } from '../settings/study-settings.js';
import { loadStatsReport } from '../stats/load-stats.js';
import { fileTarget } from './export-target.js';
import type { ExportRequest } from './export-request.js';
import type { ExportSteps } from './export-context.js';
import { writeExport } from './write-export.js';

/**
 * The stats report of the request's decks, as `engram stats --json` gives it,
 * flattened to CSV or JSON lines, or drawn as a self-contained web page (html).
 * @throws EngramError as fileTarget, writeExport and loadStatsReport do
 */
export async function exportStats(store: Store, request: ExportRequest, steps: ExportSteps): Promise<void> {
  const o = { force: request.force, describe: steps.describe, out: steps.out };
  const target = request.output === null ? null : fileTarget(resolve(steps.cwd, request.output), o);
  const report = loadStatsReport(store, loadSettings(steps.configPath), steps.now, [...request.decks]);
  // The page's code (and d3) is loaded only when a page is asked for.
  const text = request.format === 'html' ? (await import('../../export/stats-page/stats-page.js')).statsPage(report, steps.now) : statsText(report, request.format as 'json' | 'csv' | 'jsonl');
  await writeExport(target, o, [text]);
  if (target) steps.written({ path: target, what: 'stats' });
}
