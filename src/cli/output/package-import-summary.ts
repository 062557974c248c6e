import type { PackageImportResult } from '../../app/anki/import-package.js';
import { displayPath } from './display-path.js';
import { plural } from './plural.js';

/** The lines `engram import <package>` prints: what came in, where it went, and what was left out and why. */
export function packageImportLines(r: PackageImportResult): string[] {
  const would = r.dryRun ? 'would ' : '';
  const lines = [
    `${displayPath(r.package)} (Anki, ${r.layout}): ${plural(r.notes, 'note')}, ${plural(r.cards, 'card')}, ${plural(r.reviews, 'review')}, ${plural(r.media, 'media file')}${r.dryRun ? ' (dry run: nothing written)' : ''}`,
  ];
  if (r.known) lines.push(`  ${plural(r.known, 'review')} already in engram, not added again`);
  for (const f of r.filesWritten) lines.push(`  ${would}write ${displayPath(f)}`);
  if (r.filesKept.length) lines.push(`  ${plural(r.filesKept.length, 'deck file')} of an earlier import left as ${r.filesKept.length === 1 ? 'it is' : 'they are'} (only new reviews are added)`);
  if (r.suspended) lines.push(`  ${plural(r.suspended, 'card')} suspended, as in Anki`);
  if (r.buried) lines.push(`  ${plural(r.buried, 'card')} buried until the next study day, as in Anki`);
  for (const s of r.skipped) lines.push(`  skipped ${plural(s.count, s.what === 'media' ? 'media file' : s.what)}: ${s.reason}`);
  if (r.cardImport?.store) lines.push(`Store: ${displayPath(r.cardImport.store)}`);
  return lines;
}

/** `--json`: the result as data (paths as shown). */
export function packageImportJson(r: PackageImportResult, exitCode: number): string {
  return JSON.stringify(
    {
      exitCode,
      package: displayPath(r.package),
      layout: r.layout,
      folder: displayPath(r.folder),
      dryRun: r.dryRun,
      notes: r.notes,
      cards: r.cards,
      reviews: r.reviews,
      known: r.known,
      media: r.media,
      filesWritten: r.filesWritten.map((f) => displayPath(f)),
      filesKept: r.filesKept.map((f) => displayPath(f)),
      suspended: r.suspended,
      buried: r.buried,
      skipped: r.skipped,
      cardImport: r.cardImport ? { store: r.cardImport.store, totals: r.cardImport.totals, outcome: r.cardImport.outcome } : null,
    },
    null,
    2,
  );
}
