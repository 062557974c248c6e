import type { RestoreOutcome, RestorePlan } from '../../app/backup/restore-backup.js';
import type { StoreFileFacts } from '../../store/backup.js';
import { displayPath } from './display-path.js';
import { plural } from './plural.js';

/** What `engram restore` shows before it asks: the backup and the store it replaces, with what each holds. */
export function restorePlanLines(plan: RestorePlan): string[] {
  const current = plan.current !== null ? storeFacts(plan.current) : plan.unreadable !== null ? `unreadable (${plan.unreadable})` : 'no store yet';
  return [`Restore:   ${displayPath(plan.source)}`, `           ${storeFacts(plan.incoming)}`, `over:      ${displayPath(plan.store)}`, `           ${current}`];
}

/** What `engram restore` says when done: what the store holds now, and where the store as it was went. */
export function restoredLines(r: RestoreOutcome): string[] {
  const out = [`Restored: ${storeFacts(r.restored)}.`];
  if (r.safety === null) return out;
  if (r.damaged) {
    return [...out, 'The damaged store as it was, byte for byte (for recovery tools; engram cannot restore it as it is):', `  ${displayPath(r.safety)}`];
  }
  return [...out, `The store as it was: ${displayPath(r.safety)}`, `Undo with: engram restore ${displayPath(r.safety)}`];
}

/** "12 cards, 40 reviews, last answer 2026-03-01 09:12 UTC, schema v4". */
function storeFacts(f: StoreFileFacts): string {
  const last = f.lastReview === null ? 'no answers' : `last answer ${new Date(f.lastReview).toISOString().slice(0, 16).replace('T', ' ')} UTC`;
  return `${plural(f.cards, 'card')}, ${plural(f.reviews, 'review')}, ${last}, schema v${f.schemaVersion}`;
}
