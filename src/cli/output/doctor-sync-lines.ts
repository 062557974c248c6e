import type { SyncHealth } from '../../app/doctor/sync-health.js';
import { minuteUtc } from './minute-utc.js';
import { plural } from './plural.js';

/** The doctor's sync section: each device, what is not yet received, folded or sent, lines that cannot be read; nothing when sync is not set up. */
export function syncLines(s: SyncHealth): string[] {
  if (s.folder === null) return [];
  const out = [`Sync: ${s.folder}`];
  for (const d of s.devices) {
    const last = d.lastAt === null ? 'no events yet' : `last event ${minuteUtc(d.lastAt)}`;
    out.push(`  device   ${d.device}${d.thisDevice ? ' (this one)' : ''}: ${plural(d.inFiles, 'event')} in its files, ${d.inStore} here; ${last}`);
  }
  out.push(...s.problems.map((p) => `  PROBLEM  ${p}`));
  out.push(...s.unreadable.map((u) => `           ${u}`));
  if (s.notReceived > 0) out.push(`  note     ${plural(s.notReceived, 'event')} of other devices not received yet: engram sync takes them.`);
  if (s.notFolded > 0) out.push(`  note     ${plural(s.notFolded, 'event')} wait for cards not in this store: import their files, then engram sync.`);
  if (s.unsent > 0) out.push(`  note     ${plural(s.unsent, 'event')} of this device not sent yet: engram sync sends them.`);
  if (s.problems.length === 0 && s.notReceived + s.notFolded + s.unsent === 0) out.push('  ok       the review log here is the union of every device\'s event files');
  out.push('');
  return out;
}
