import type { NotePlan } from './note-plan.js';

/** The markdown file of one Anki deck: where it goes (relative, '/'-separated) and its text. */
export interface DeckFile {
  /** The deck's path of names, as in Anki. */
  deck: string[];
  /** engram's name of the deck: Anki's names joined with '/'. */
  deckName: string;
  /** Where the file goes under the target folder, e.g. `Languages/Spanish.md`. */
  path: string;
  /** The folder its media go into, relative to the target folder (`Languages/media`). */
  mediaFolder: string;
  text: string;
  notes: NotePlan[];
}

/** The folder name media links point into, beside each deck file. */
export const MEDIA_FOLDER = 'media';

/** A deck name made safe as one file or folder name on every OS (no separators, reserved characters, leading dots). */
export function safeFileName(name: string): string {
  // eslint-disable-next-line no-control-regex
  const s = name.replace(/[\\/:*?"<>|\x00-\x1f]/g, '-').replace(/^[.\s]+|[.\s]+$/g, '').slice(0, 120);
  return s === '' || /^(con|prn|aux|nul|com\d|lpt\d)$/i.test(s) ? `deck-${s || 'unnamed'}` : s;
}

/**
 * One file per deck that has notes (subdecks as folders: `A::B` is `A/B.md`),
 * each note's block in the package's order, the deck named in frontmatter so
 * that it stays Anki's name wherever the file is imported from. `taken` says
 * whether a relative path is already used (a file that exists): the next free
 * `Name (2).md` is chosen then, so nothing is overwritten.
 */
export function deckFiles(plans: readonly NotePlan[], taken: (path: string) => boolean): DeckFile[] {
  const byDeck = new Map<string, NotePlan[]>();
  for (const p of plans) {
    const key = p.deck.join('\x1f');
    const list = byDeck.get(key);
    if (list) list.push(p);
    else byDeck.set(key, [p]);
  }
  const used = new Set<string>();
  const files: DeckFile[] = [];
  for (const [key, notes] of byDeck) {
    const deck = key.split('\x1f');
    const parts = deck.map(safeFileName);
    const folder = parts.slice(0, -1).join('/');
    const base = parts[parts.length - 1]!;
    let path = '';
    for (let n = 1; ; n++) {
      path = `${folder ? `${folder}/` : ''}${base}${n === 1 ? '' : ` (${n})`}.md`;
      if (!used.has(path.toLowerCase()) && !taken(path)) break;
    }
    used.add(path.toLowerCase());
    const deckName = deck.map((d) => d.replace(/\//g, '-').trim()).join('/');
    const text = `---\ndeck: ${JSON.stringify(deckName)}\n---\n\n${notes.map((n) => n.markdown).join('\n\n')}\n`;
    files.push({ deck, deckName, path, mediaFolder: folder ? `${folder}/${MEDIA_FOLDER}` : MEDIA_FOLDER, text, notes });
  }
  return files;
}
