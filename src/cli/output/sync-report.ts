import type { SyncReport } from '../../app/sync/run-sync.js';
import { plural } from './plural.js';

/** `engram sync`'s summary for a terminal: where, what was sent and received, the devices, what waits, lines skipped. */
export function syncReportLines(r: SyncReport, showPath: (path: string) => string): string[] {
  const lines: string[] = [];
  const how = r.git
    ? `git work tree ${showPath(r.git.top)}${r.dryRun ? '' : `: ${[r.git.committed ? 'committed' : 'nothing to commit', r.git.pulled ? 'pulled' : 'nothing pulled', r.git.pushed ? 'pushed' : 'not pushed'].join(', ')}`}`
    : 'a plain folder';
  lines.push(`${r.dryRun ? 'Would sync' : 'Synced'} through ${showPath(r.folder)} (${how}).`);
  const others = r.devices.filter((d) => d !== r.device);
  if (r.dryRun) {
    lines.push(`Would send ${plural(r.sent, 'event')} and receive ${plural(r.received, 'new event')}.`);
  } else {
    lines.push(`Sent ${plural(r.sent, 'event')}, received ${plural(r.received, 'new event')}; ${plural(r.cardsUpdated, 'card')} updated.`);
  }
  lines.push(`Devices: ${[`${r.device} (this one)`, ...others].join(', ')}.`);
  if (r.settings.length > 0) lines.push(`Settings changed on another device, written here: ${r.settings.join(', ')}.`);
  if (r.waiting > 0) {
    lines.push(`${plural(r.waiting, 'event')} wait${r.waiting === 1 ? 's' : ''} for cards this store does not have yet: import their files here, then sync again.`);
  }
  for (const s of r.skipped) lines.push(`Skipped ${showPath(s.file)}:${s.line}: ${s.message}.`);
  return lines;
}

/** The report as JSON for scripts. */
export function syncReportJson(r: SyncReport): object {
  return {
    folder: r.folder,
    device: r.device,
    dry_run: r.dryRun,
    git: r.git,
    sent: r.sent,
    received: r.received,
    folded: r.folded,
    waiting: r.waiting,
    settings: r.settings,
    cards_updated: r.cardsUpdated,
    devices: r.devices,
    skipped: r.skipped,
  };
}

/** The one line a sync run by engram review or import prints: what it sent and received. */
export function autoSyncLine(r: SyncReport): string {
  return `Synced: sent ${plural(r.sent, 'event')}, received ${plural(r.received, 'new event')}; ${plural(r.cardsUpdated, 'card')} updated.`;
}
