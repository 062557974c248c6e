import { exportDeckNames } from '../../store/export-queries.js';
import type { Store } from '../../store/open-store.js';
import { namedDecks } from '../named-decks.js';
import type { ExportContext, ExportSteps, ExportSummary } from './export-context.js';
import type { ExportRequest } from './export-request.js';


/**
 * Writes the export asked for: the review log, cards or the stats report as
 * CSV, JSON or JSON lines, or decks as markdown; to the output file (each
 * checked before any work: see fileTarget) or through `context.out`. Only the
 * code of the kind asked for is loaded.
 * @returns what was written and what was left out
 * @throws EngramError 'notFound' for an unknown deck; 'usage' for an output
 *   that cannot be used (see fileTarget, exportDecks) or nothing to write; 'failed' when a
 *   file cannot be written or the settings file is broken
 */
export async function runExport(store: Store, request: ExportRequest, context: ExportContext): Promise<ExportSummary> {
  const summary: ExportSummary = { written: [], leftOut: [] };
  const steps: ExportSteps = {
    now: context.now,
    cwd: context.cwd,
    configPath: context.configPath,
    out: (text) => context.out(text),
    describe: (path) => (context.describePath ? context.describePath(path) : path),
    written: (file) => {
      summary.written.push(file);
      context.written?.(file);
    },
    leftOut: (failure) => {
      summary.leftOut.push(failure);
      context.leftOut?.(failure);
    },
  };
  // Every deck that holds a card, archived ones too: their reviews can be exported.
  const decks = request.decks.length === 0 ? null : namedDecks(request.decks, exportDeckNames(store));
  if (request.what === 'deck') await (await import('./export-decks.js')).exportDecks(store, decks, request, steps);
  else if (request.what === 'apkg') await (await import('../anki/export-package.js')).exportApkg(store, decks, request, steps);
  else if (request.what === 'stats') await (await import('./export-stats.js')).exportStats(store, request, steps);
  else await (await import('./export-records.js')).exportRecords(store, decks, request, steps);
  return summary;
}
