import type { CardSyntax } from '../../model/card.js';

/**
 * Cards derived from notes (summaries, outlines, chapters) rather than written
 * as cards: what each note extractor returns. The import turns them into
 * ParsedCards (identity key, sibling) like any other card.
 */

/** Which extractor made a card; stored as the card's syntax, so users can filter derived cards. */
export type NoteSyntax = Extract<CardSyntax, `note-${string}`>;

/** Every note syntax, in the order `--explain` lists them. */
export const NOTE_SYNTAXES: readonly NoteSyntax[] = [
  'note-definition', 'note-outline', 'note-section', 'note-emphasis',
  'note-prose-definition', 'note-why', 'note-list', 'note-contrast', 'note-consequence', 'note-claim', 'note-asked',
];

/** One card an extractor found, with its place in the original file. */
export interface DerivedCard {
  /** 'basic' question -> answer, or 'cloze' (the front holds the gap as `**[...]**`). */
  kind: 'basic' | 'cloze';
  syntax: NoteSyntax;
  /** Question side, markdown, free of capture noise, wiki-link brackets and reference markers. */
  front: string;
  /** Answer side, markdown; never longer than MAX_ANSWER_CHARS. */
  back: string;
  /** Context shown with the question (e.g. the sentence around a cloze, a figure caption), or null. */
  context: string | null;
  /** Headings above the card, outermost first, as plain text. */
  headingPath: string[];
  /**
   * The text the card was cut from when one text can give several cards (a
   * cloze's whole sentence, as written); cards cut from one note are siblings.
   * Absent when the card is a note of its own (a definition, a topic, a section).
   */
  note?: string;
  /** 1-based first and last line in the ORIGINAL file (before cleaning). */
  line: number;
  endLine: number;
}

/** Answers longer than this are split or left out: a card is never a wall of text. */
export const MAX_ANSWER_CHARS = 600;
