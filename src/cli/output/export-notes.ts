import type { WrittenFile } from '../../app/export/export-context.js';
import type { CardFailure } from '../../export/deck-markdown.js';
import { shownSourcePath } from '../../model/card.js';
import { displayPath } from './display-path.js';

/** "wrote 6 reviews to revlog.csv": what `engram export` says on stderr for each file it wrote. */
export function writtenLine(file: WrittenFile): string {
  const count = (n: number, noun: string) => `${n.toLocaleString('en')} ${noun}${n === 1 ? '' : 's'}`;
  if (file.what === 'apkg') {
    const left = file.leftOut.map((l) => `\n  left out: ${l}`).join('');
    return `wrote ${count(file.notes, 'note')}, ${count(file.cards, 'card')}, ${count(file.reviews, 'review')} and ${count(file.media, 'media file')} to ${displayPath(file.path)} (an Anki package)${left}`;
  }
  const what =
    file.what === 'stats' ? 'stats' : file.what === 'deck' ? `${count(file.count, 'card')} of deck "${file.deck}"` : count(file.count, file.what === 'reviews' ? 'review' : 'card');
  return `wrote ${what} to ${displayPath(file.path)}`;
}

/** What `engram export` says (after `engram: `) about a card it left out of a deck's markdown. */
export function leftOutLine(failure: CardFailure): string {
  const { card } = failure;
  const path = shownSourcePath(card);
  const where = path ? ` at ${displayPath(path)}:${card.line}` : '';
  return `card ${card.id}${where} cannot be written back as markdown: ${failure.reason}. It was left out; copy it from its file by hand.`;
}
