import { existsSync, mkdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { deckFileName } from '../../export/deck-file-name.js';
import { deckMarkdown } from '../../export/deck-markdown.js';
import { EngramError } from '../../model/engram-error.js';
import { listCards } from '../../store/cards.js';
import { deckNames } from '../../store/decks.js';
import type { Store } from '../../store/open-store.js';
import { fileTarget, isFolder } from './export-target.js';
import type { ExportRequest } from './export-request.js';
import type { ExportSteps } from './export-context.js';
import { writeExport } from './write-export.js';

/**
 * Decks back to markdown (see deckMarkdown): one deck to a file or the output
 * stream, several to a file each in a folder (the output, made when missing;
 * an output ending in `/` or naming a folder is a folder even for one deck).
 * Every file is checked before any is written, so a refused export leaves
 * every file as it was. Cards markdown cannot hold are left out and told of;
 * a deck left with none gets no file.
 * @param selected the decks asked for (null: every deck); archived-only decks are passed over
 * @throws EngramError 'notFound' when no deck has a card to write; 'usage' when several
 *   decks have no folder to go to (fix `output-folder-or-deck`) or their
 *   folder is a file (fix `output-folder`), and as fileTarget and writeExport do
 */
export async function exportDecks(store: Store, selected: string[] | null, request: ExportRequest, steps: ExportSteps): Promise<void> {
  const active = new Set(deckNames(store));
  const decks = (selected ?? [...active]).filter((d) => active.has(d));
  if (decks.length === 0) {
    throw new EngramError(
      'notFound',
      selected ? `${selected.join(', ')} ${selected.length === 1 ? 'has' : 'have'} only archived cards; there is nothing to write.` : 'no cards to export yet. Import some first: engram import <files>',
    );
  }
  const out = request.output === null ? null : resolve(steps.cwd, request.output);
  const folder = out !== null && (request.output!.endsWith('/') || isFolder(out) || decks.length > 1) ? out : null;
  if (out === null && decks.length > 1) {
    throw new EngramError('usage', `${decks.length} decks are selected and a markdown file holds one deck.`, { kind: 'output-folder-or-deck', decks });
  }
  if (folder !== null && existsSync(folder) && !isFolder(folder)) {
    throw new EngramError('usage', `${steps.describe(folder)} is a file.`, { kind: 'output-folder', count: decks.length });
  }
  const taken = new Set<string>();
  const targets = decks.map((deck) => {
    if (folder === null) return out;
    const name = deckFileName(deck, taken);
    taken.add(name);
    return join(folder, name);
  });
  const o = { force: request.force, describe: steps.describe, out: steps.out };
  // Refuse before anything is written, so a refused export leaves every file as it was.
  for (const t of targets) if (t !== null) fileTarget(t, { ...o, makeFolders: folder !== null });
  for (let i = 0; i < decks.length; i++) {
    const deck = decks[i]!;
    const target = targets[i] ?? null;
    // Dropped cards were dropped for good: a deck written back leaves them out, as reviews do.
    const md = deckMarkdown(deck, listCards(store, { deck, includeArchived: false }).filter((c) => c.droppedAt === null));
    for (const failure of md.failures) steps.leftOut(failure);
    if (md.cards === 0) continue;
    if (target !== null) mkdirSync(dirname(target), { recursive: true });
    await writeExport(target, o, [md.text]);
    if (target !== null) steps.written({ path: target, what: 'deck', deck, count: md.cards });
  }
}
