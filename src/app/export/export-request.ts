/** What an export writes: the review log, cards with their schedule, decks as markdown, the stats report, or decks as an Anki package. */
export type ExportWhat = 'stats' | 'cards' | 'reviews' | 'deck' | 'apkg';
/** How it writes it: records as JSON, CSV or JSON lines; a deck as markdown; the stats also as a web page. */
export type ExportFormat = 'json' | 'csv' | 'jsonl' | 'markdown' | 'html' | 'apkg';

/** Every kind of export, in the order help lists them. */
export const EXPORT_WHATS: readonly ExportWhat[] = ['reviews', 'cards', 'deck', 'stats', 'apkg'];

/** Formats each kind of export can be written in; the first is the default. */
export const FORMATS_OF: Readonly<Record<ExportWhat, readonly ExportFormat[]>> = {
  reviews: ['csv', 'json', 'jsonl'],
  cards: ['csv', 'json', 'jsonl'],
  stats: ['json', 'csv', 'jsonl', 'html'],
  deck: ['markdown'],
  apkg: ['apkg'],
};

/** An export, as asked for; `format` is one of FORMATS_OF[what]. */
export interface ExportRequest {
  what: ExportWhat;
  format: ExportFormat;
  /** The file (a folder, for several decks) to write, relative to the working folder; null for the caller's output stream. */
  output: string | null;
  /** Replace files that exist. */
  force: boolean;
  /** Cards export only: archived cards too. */
  archived: boolean;
  /** Decks to export (a deck takes in the decks under it); none for every deck. */
  decks: string[];
}
