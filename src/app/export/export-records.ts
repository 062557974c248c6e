import { resolve } from 'node:path';
import { cardLayout } from '../../export/card-records.js';
import { csvText, jsonText, recordText, type RecordFormat } from '../../export/record-text.js';
import { REVLOG_HEADER, reviewJson, revlogLine } from '../../export/review-records.js';
import { cardRecords, deckOfCards, reviewRows, revlogRows } from '../../store/export-queries.js';
import type { Store } from '../../store/open-store.js';
import { ensureReviewFacts } from '../review-facts.js';
import { loadSettings, schedulerSet } from '../settings/study-settings.js';
import { fileTarget } from './export-target.js';
import type { ExportRequest } from './export-request.js';
import type { ExportSteps } from './export-context.js';
import { writeExport } from './write-export.js';

/**
 * Reviews (the revlog CSV, or every field of the log as JSON) or cards with
 * their schedule, of `decks` (null: every deck), streamed row by row.
 * @throws EngramError as fileTarget and writeExport do, or for a broken settings file (reviews)
 */
export async function exportRecords(store: Store, decks: string[] | null, request: ExportRequest, steps: ExportSteps): Promise<void> {
  const o = { force: request.force, describe: steps.describe, out: steps.out };
  const target = request.output === null ? null : fileTarget(resolve(steps.cwd, request.output), o);
  const format = request.format as RecordFormat;
  // Counted as they stream by, for the file's summary.
  let count = 0;
  const counted = function* <R>(rows: Iterable<R>): Generator<R> {
    for (const r of rows) {
      count++;
      yield r;
    }
  };
  if (request.what === 'reviews') {
    // The revlog's review_state is the state before each answer: fill it where an older engram left it out.
    ensureReviewFacts(store, schedulerSet(loadSettings(steps.configPath)));
    if (format === 'csv') {
      await writeExport(target, o, csvText(counted(revlogRows(store, decks)), REVLOG_HEADER, revlogLine));
    } else {
      const deckOf = deckOfCards(store);
      await writeExport(target, o, jsonText(counted(reviewRows(store, decks)), format, reviewJson((id) => deckOf.get(id) ?? null)));
    }
  } else {
    await writeExport(target, o, recordText(counted(cardRecords(store, decks, request.archived)), format, cardLayout(steps.now)));
  }
  if (target) steps.written({ path: target, what: request.what === 'reviews' ? 'reviews' : 'cards', count });
}
