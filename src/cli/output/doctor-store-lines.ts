import { errorText } from './error-text.js';
import type { StoreHealth } from '../../app/doctor/store-health.js';
import type { StoreReport } from '../../app/doctor/store-report.js';
import { backupFolder, type BackupFile } from '../../store/backup.js';
import { onlyIndexProblems } from '../../store/health-queries.js';
import { fileSize } from './file-size.js';
import { plural } from './plural.js';

const OK = '  ok       ';
const PROBLEM = '  PROBLEM  ';
const NOTE = '  note     ';
/** At most this many card ids are listed per finding. */
const LIST = 10;

/** The store and backup sections of `engram doctor`, as lines of text. */
export function storeLines(r: StoreReport): string[] {
  const out = [`Store: ${r.path}`];
  if (!r.exists) return [...out, `${NOTE}no store yet (engram import <files> creates it)`];
  if (r.openError) {
    out.push(`${PROBLEM}${errorText(r.openError)}`);
    out.push(...restoreAdvice(r));
    return [...out, '', ...backupLines(r)];
  }
  const h = r.repair?.after ?? r.health!;
  out.push(`  schema v${r.schemaVersion}, ${fileSize(r.bytes!)}, ${plural(h.cards, 'card')}, ${plural(h.reviews, 'review')}`);
  if (r.repair) out.push(...repairLines(r), '  After the repair:');
  out.push(...healthLines(h));
  if (!r.healthy) out.push(...nextSteps(h, r));
  return [...out, '', ...backupLines(r)];
}

/** What the check covered, in words. */
function scopeLine(h: StoreHealth): string {
  const s = h.scope;
  if (s.kind === 'repaired') return `  Checked: the ${plural(h.statesChecked, 'card')} repaired, and the file's structure.`;
  if (s.kind === 'changed') {
    const since = new Date(s.since).toISOString().slice(0, 16).replace('T', ' ');
    return `  Checked: what changed since the last clean check (${since} UTC): ${plural(h.statesChecked, 'card')}; engram doctor --full checks everything.`;
  }
  const why = { asked: '--full', first: 'no clean check before', settings: 'the scheduling settings changed since the last clean check' }[s.why];
  return `  Checked: everything (${why}).`;
}

function healthLines(h: StoreHealth): string[] {
  const out: string[] = [scopeLine(h)];
  const fileCheck = h.scope.kind === 'full' ? 'file integrity (SQLite integrity check)' : "file structure (SQLite quick check; --full also checks every index against its table)";
  out.push(h.integrity.length === 0 ? `${OK}${fileCheck}` : `${PROBLEM}the file is damaged: ${h.integrity.slice(0, 3).join('; ')}${h.integrity.length > 3 ? ` (+${h.integrity.length - 3} more)` : ''}`);
  out.push(
    h.foreignKeys.length === 0
      ? `${OK}every row points at rows that exist (foreign keys)`
      : `${PROBLEM}${plural(h.foreignKeys.length, 'row')} point at rows that are gone: ${summariseKeys(h)}`,
  );
  if (h.orphanedReviews.reviews > 0) {
    out.push(`${PROBLEM}${plural(h.orphanedReviews.reviews, 'review')} of cards no longer in the store (${cardIds(h.orphanedReviews.cards)}), kept as history`);
  }
  if (h.orphanedStates.length > 0) out.push(`${PROBLEM}${plural(h.orphanedStates.length, 'cached state')} of cards no longer in the store (${cardIds(h.orphanedStates)})`);
  if (h.orphanedReviews.reviews === 0 && h.orphanedStates.length === 0) out.push(`${OK}no orphaned reviews or states`);
  const same = h.statesChecked - h.historyDrift.length - h.scheduleDrift.length;
  if (h.statesChecked === 0) out.push(h.scope.kind === 'full' ? `${OK}no answers yet: no cached state to check against the review log` : `${OK}no card changed: nothing to replay`);
  else out.push(`${OK}${plural(same, 'card')}: cached state = the replay of the review log`);
  if (h.historyDrift.length > 0) {
    out.push(`${PROBLEM}${plural(h.historyDrift.length, 'card')}: cached state lost or gained answers (${cardIds(h.historyDrift)})`);
  }
  if (h.scheduleDrift.length > 0) {
    out.push(
      `${NOTE}${plural(h.scheduleDrift.length, 'card')}: scheduled under other settings than today's (${cardIds(h.scheduleDrift)})`,
      `           (retention, parameters or steps changed since; --repair reschedules)`,
    );
  }
  if (h.miscountedSources.length > 0) out.push(`${PROBLEM}${plural(h.miscountedSources.length, 'source')} with a wrong count of cards`);
  return out;
}

/** "card 4" or "cards 4, 9, 12 and 3 more": the first ids of a finding. */
function cardIds(ids: readonly number[]): string {
  const shown = ids.slice(0, LIST).join(', ');
  return `${ids.length === 1 ? 'card' : 'cards'} ${ids.length > LIST ? `${shown} and ${ids.length - LIST} more` : shown}`;
}

function summariseKeys(h: StoreHealth): string {
  const byTable = new Map<string, number>();
  for (const v of h.foreignKeys) byTable.set(`${v.table} → ${v.parent}`, (byTable.get(`${v.table} → ${v.parent}`) ?? 0) + 1);
  return [...byTable].map(([k, n]) => `${n} in ${k}`).join(', ');
}

function repairLines(r: StoreReport): string[] {
  const d = r.repair!.done;
  const did = [
    d.reindexed ? 'rebuilt every index' : '',
    d.statesRebuilt ? `rebuilt ${plural(d.statesRebuilt, 'card state')} from the log` : '',
    d.orphanedStatesRemoved ? `removed ${plural(d.orphanedStatesRemoved, 'cached state')} of cards that are gone` : '',
    d.sourcesRecounted ? `recounted ${plural(d.sourcesRecounted, 'source')}` : '',
  ].filter(Boolean);
  return [`  Repaired: ${did.length ? did.join('; ') : 'nothing needed rebuilding'}.`, `  The store as it was: ${r.repair!.backup}`];
}

/** What the user can do about the problems left. */
function nextSteps(h: StoreHealth, r: StoreReport): string[] {
  const indexesOnly = onlyIndexProblems(h.integrity);
  const fixable = h.historyDrift.length + h.orphanedStates.length + h.miscountedSources.length > 0 || indexesOnly;
  const out: string[] = [];
  if (fixable && !r.repair) out.push('  engram doctor --repair rebuilds states, counts and indexes from the review log', '  (after a backup).');
  if ((h.integrity.length > 0 && !indexesOnly) || h.foreignKeys.length > 0 || h.orphanedReviews.reviews > 0) out.push(...restoreAdvice(r));
  return out;
}

function restoreAdvice(r: StoreReport): string[] {
  const newest = r.backups[0];
  if (!newest) return ['  No backup of this store exists yet to restore from.'];
  return [`  What the log cannot rebuild, a backup can: engram restore ${newest.path}  (taken ${new Date(newest.writtenAt).toISOString().slice(0, 16).replace('T', ' ')} UTC)`];
}

function backupLines(r: StoreReport): string[] {
  const out = [`Backups: ${backupFolder(r.path)}`];
  if (r.backups.length === 0) return [...out, `${NOTE}none yet: one is taken each day engram is used (or: engram backup)`];
  const counts = new Map<string, number>();
  for (const b of r.backups) counts.set(kindGroup(b), (counts.get(kindGroup(b)) ?? 0) + 1);
  out.push(`  ${[...counts].map(([k, n]) => `${n} ${k}`).join(', ')}; newest ${r.backups[0]!.path.split('/').at(-1)}`);
  return out;
}

function kindGroup(b: BackupFile): string {
  if (b.kind === 'daily') return 'daily';
  if (b.kind === 'manual') return 'manual';
  if (b.kind.startsWith('before-v')) return 'before upgrade';
  return b.kind === 'before-restore' ? 'before restore' : 'before repair';
}
