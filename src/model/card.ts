/** What a card asks: a question with an answer, the other direction of one, or a gap in a text. */
export type CardKind = 'basic' | 'reversed' | 'cloze';

/**
 * The markdown syntax a card was written in, kept so the card can be written back
 * the way it came (export) and so users can tell where a card came from.
 */
export type CardSyntax =
  | 'title-block' // #### Title / context / :p question / ??x / answer / x??
  | 'qa' // Q: / A:
  | 'qa-cloze' // C: with [deletions]
  | 'inline' // front::back
  | 'inline-both' // front:::back
  | 'multiline' // front / ? / back
  | 'multiline-both' // front / ?? / back
  | 'highlight-cloze' // ==deletion==
  | 'anki-cloze' // {{c1::deletion::hint}}
  // Derived from notes, not written as cards (see src/parse/notes):
  | 'note-definition' // - **Term:** definition
  | 'note-outline' // a [[Topic]] bullet with a Description child
  | 'note-emphasis' // a sentence with an emphasised key term, as a cloze on it
  | 'note-section' // a short section: heading -> key points
  | 'note-prose-definition' // "X is ...", "... is called X" -> What is X?
  | 'note-why' // a causal sentence ("because", "so that") -> Why ...?
  | 'note-list' // a list the text announces ("three kinds of ...:") -> What are the three kinds of ...?
  | 'note-contrast' // "X, whereas Y", "unlike X, Y" -> How does X differ from Y?
  | 'note-consequence' // "if ..., then ...", "can lead to" -> What can happen if ...?
  | 'note-claim' // "X must assume that Y" -> What must X assume?
  | 'note-asked'; // the text's own question and the sentence that answers it

/** Whether a card was derived from notes rather than written as a card. */
export function isDerivedSyntax(syntax: CardSyntax): boolean {
  return syntax.startsWith('note-');
}

/** A card as the parser read it from one file: pure data, no store identity yet. */
export interface ParsedCard {
  /** Identity key: hash of the normalised text, or of the user's explicit id. */
  key: string;
  /** Cards made from one note (two directions, deletions of one cloze) share this; else null. */
  sibling: string | null;
  kind: CardKind;
  syntax: CardSyntax;
  /** Question side, markdown. Cloze gaps are written as `**[...]**` or `**[hint]**`. */
  front: string;
  /** Answer side, markdown. */
  back: string;
  /** The `####` title above a title-block card. */
  title: string | null;
  /** The context paragraph between a title and its `:p` question. */
  context: string | null;
  /** Headings above the card, outermost first (without its own title). */
  headingPath: string[];
  /** 1-based first and last line of the card in its file. */
  line: number;
  endLine: number;
  /** Id the user wrote with `<!-- engram-id: ... -->`, which wins over the text key. */
  explicitId: string | null;
  /**
   * The deck a `#flashcards/<deck>` tag puts this card in, when that is not its
   * file's deck (a tag on the card's line, or the last tag above it); absent
   * when the card goes to its file's deck.
   */
  deck?: string;
}

/** A card as the store holds it. */
export interface Card extends Omit<ParsedCard, 'explicitId'> {
  /** Short, stable, store-local number users type (`engram suspend 42`); never reused. */
  id: number;
  deck: string;
  /** Absolute, symlink-free path of the file the card was last read from (its identity). */
  sourcePath: string | null;
  /** The absolute path the user gave that file by, when it is not `sourcePath` (through a symlink); for messages and listings. */
  shownPath?: string;
  archived: boolean;
  suspended: boolean;
  /** When the learner dropped this derived card for good (UTC ms), or null: a dropped card is never shown, and re-imports keep it dropped. */
  droppedAt: number | null;
  /**
   * What seeds the fuzz of the card's intervals: fixed at its first answer
   * (to its key then, so it is the same on every device; its store id for
   * cards answered before schema 7), its key until then. Absent on cards not
   * read from a store.
   */
  seed?: string;
  createdAt: number;
  updatedAt: number;
}

/** The path to print for a card's file: as the user gave it, else its own; null for a card with no file. */
export function shownSourcePath(card: Pick<Card, 'sourcePath' | 'shownPath'>): string | null {
  return card.shownPath ?? card.sourcePath;
}
