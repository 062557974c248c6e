import type { ParsedCard } from '../model/card.js';
import type { Problem } from '../model/problem.js';
import { deckName, frontmatterDeck } from './deck-name.js';
import { assignTagDecks } from './deck-tags.js';
import { decodeSource, normaliseLineEnds } from './decode-source.js';
import { noteCards, type WithheldCard } from './notes/note-cards.js';
import type { ParseMode } from '../model/parse-mode.js';
import { readFrontmatter } from './read-frontmatter.js';
import { scanCards } from './scan-cards.js';
import { scanLines } from './scan-lines.js';

export { PARSER_VERSION } from './parser-version.js';

/** What one file gives: its deck, its cards in file order, and its problems by line. */
export interface ParseResult {
  deck: string;
  cards: ParsedCard[];
  problems: Problem[];
  /** False when the file is not text at all (binary); it then gives nothing. */
  readable: boolean;
  /** Whether the cards were derived from notes (else they are the cards written in the file). */
  fromNotes: boolean;
  /** Cards the notes proposed that break a rule of a good card, and were not made (absent when none). */
  withheld?: WithheldCard[];
}

/**
 * Parses a file's bytes: decoding (BOM, CRLF, UTF-16, invalid UTF-8, binary),
 * then {@link parseText}. Pure; never throws for any input.
 */
export function parseSource(bytes: Uint8Array, fileName: string, mode: ParseMode = 'auto'): ParseResult {
  const decoded = decodeSource(bytes);
  if (decoded.text === null) return { deck: '', cards: [], problems: decoded.problems, readable: false, fromNotes: false };
  const parsed = parseText(decoded.text, fileName, mode);
  parsed.problems = decoded.problems.concat(parsed.problems);
  return parsed;
}

/**
 * Parses markdown text into cards: the cards written in it, or cards derived
 * from its notes, as `mode` says. CRLF and a lone CR end a line as `\n` does
 * (remark, which reads notes, counts them so), and line numbers count them.
 * The deck comes from the frontmatter, a `#flashcards/<deck>` tag or
 * `fileName`: the file's name, or its path below the folder imported
 * ('spanish/vocab.md' names the deck spanish/vocab). Pure; never throws.
 */
export function parseText(input: string, fileName: string, mode: ParseMode = 'auto'): ParseResult {
  const text = normaliseLineEnds(input);
  const raw = text.split('\n');
  const fm = readFrontmatter(raw);
  const { lines, unclosed } = scanLines(raw, fm.bodyStart);
  const problems: Problem[] = [...fm.problems];
  for (const u of unclosed) {
    problems.push(
      u.marker === '<!--'
        ? {
            line: u.index + 1,
            severity: 'warning',
            message: 'has an HTML comment <!-- that is never closed; it was read as plain text.',
            fix: 'Close the comment with -->, or write the text as `<!--` in code.',
          }
        : {
            line: u.index + 1,
            severity: 'warning',
            message: `opens a code block with ${u.marker} that is never closed; it was read as plain text.`,
            fix: `Close the code block with a line ${u.marker}.`,
          },
    );
  }
  const scan = scanCards(lines, fm.bodyStart);
  // A file whose cards are all broken is a card file with problems, not notes. A near-miss alone ("===high===",
  // "{{Portuguese::language}}" in prose) does not make notes that give cards a card file: the notes give their
  // cards and the near-miss is still reported, as a warning, in case a card was meant. When the notes give no
  // card, the near-miss is what the file meant: a card file with that error.
  const onlyNearMisses = scan.problems.length > 0 && scan.problems.every((p) => p.code === 'near-miss');
  let fromNotes = mode === 'notes' || (mode === 'auto' && scan.cards.length === 0 && (scan.problems.length === 0 || onlyNearMisses));
  let notes = fromNotes ? noteCards(text) : null;
  if (mode === 'auto' && onlyNearMisses && notes !== null && notes.cards.length === 0) {
    fromNotes = false;
    notes = null;
  }
  if (!fromNotes) for (const p of scan.problems) problems.push(p);
  else if (mode === 'auto') for (const p of scan.problems) problems.push({ ...p, severity: 'warning' });
  const cards = notes?.cards ?? scan.cards;
  if (cards.length === 0 && (fromNotes || scan.problems.length === 0) && text.trim() !== '') {
    problems.push({
      line: 0,
      severity: 'warning',
      message: mode === 'notes' ? 'has no notes engram can make cards from.' : 'has no cards.',
      fix:
        mode === 'notes'
          ? 'Notes give cards from "- **Term:** definition" bullets, outline topics with a Description, emphasised terms in sentences and short sections (see the README).'
          : 'Write cards as ":p question / ??x / answer / x??", "Q: / A:", "C: text with [gaps]", "front::back", "front / ? / back", "==gap==" or "{{c1::gap}}" (see the README).',
    });
  }
  problems.sort((a, b) => a.line - b.line);
  const deck = deckName(fm.data, lines, fileName);
  // Tags place written cards one by one, unless the frontmatter names the deck of them all.
  if (!fromNotes && frontmatterDeck(fm.data) === null) assignTagDecks(cards, lines, deck);
  const result: ParseResult = { deck, cards, problems, readable: true, fromNotes };
  if (notes !== null && notes.withheld.length > 0) result.withheld = notes.withheld;
  return result;
}
