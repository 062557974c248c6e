import type { ParsedCard } from '../model/card.js';
import { parseText } from '../parse/parse-source.js';
import { scanLines } from '../parse/scan-lines.js';
import { deckNotes, type DeckCard, type Note } from './deck-notes.js';
import { noteLines } from './note-markdown.js';
import { asWrittenCard } from './written-card.js';

/** A card left out of a deck's markdown, and why. */
export interface CardFailure {
  card: DeckCard;
  reason: string;
}

/** A deck as markdown, with the cards it holds and those it could not hold. */
export interface DeckMarkdown {
  text: string;
  /** How many cards importing `text` gives. */
  cards: number;
  failures: CardFailure[];
}

/** Rounds of leaving out one note at a time before leaving out every note that did not come back. */
const MAX_ROUNDS = 50;
/** ATX headings go six deep. */
const MAX_HEADING = 6;
/** A line that, after a blank line, would still belong to the `A:`/`C:` text above it (or might). */
const CONTINUES_ANSWER_RE = /^(?:[ \t]|[-*+>|]|\d{1,9}[.)]|`{3,}|~{3,})/;
const PLAIN_YAML_RE = /^[A-Za-z_][\w ./-]*$/;
const YAML_WORD_RE = /^(?:true|false|yes|no|on|off|null|y|n)$/i;

/**
 * The deck's cards as one markdown file that imports back to the same cards:
 * a frontmatter `deck:` line, each note in the syntax it came from (cards
 * derived from notes as Q:/A: and C: cards, see asWrittenCard; both
 * directions and all gaps of a note written once), under headings rebuilt
 * from the cards' heading paths. The text is parsed back before it is
 * returned; a note whose cards would not come back the same is left out and
 * listed in `failures` with the reason. Pure; never throws.
 */
export function deckMarkdown(deck: string, deckCards: readonly DeckCard[]): DeckMarkdown {
  const cards = deckCards.map(asWrittenCard);
  const failures: CardFailure[] = [];
  const fail = (note: Note, reason: string) => {
    for (const card of note.cards) failures.push({ card, reason });
  };
  let written: Written[] = [];
  for (const note of deckNotes(cards)) {
    const depth = note.lead.headingPath.length + (note.lead.title !== null ? 1 : 0);
    const lines = depth > MAX_HEADING ? { reason: `it sits under more than ${MAX_HEADING} levels of headings` } : noteLines(note);
    if ('reason' in lines) fail(note, lines.reason);
    else written.push({ note, lines });
  }
  let rounds = 0;
  for (;;) {
    const doc = renderDeck(deck, written);
    const parsed = parseText(doc.text, 'export.md');
    if (parsed.deck !== deck) {
      for (const w of written) fail(w.note, `the deck name "${deck}" cannot be written as a frontmatter deck: line`);
      return { text: '', cards: 0, failures };
    }
    const got: ParsedCard[][] = written.map(() => []);
    for (const card of parsed.cards) if (written.length) got[noteAt(doc.starts, card.line)]!.push(card);
    const bad = written.flatMap((w, i) => {
      const reason = difference(w.note.cards, got[i]!);
      return reason ? [{ at: i, reason }] : [];
    });
    if (bad.length === 0) return { text: doc.text, cards: parsed.cards.length, failures };
    // A note can spoil the notes after it (an unclosed code fence in its text swallows them):
    // leave out only the first, and look again, unless there have been many rounds already.
    const out = ++rounds > MAX_ROUNDS ? bad : bad.slice(0, 1);
    for (const b of out) fail(written[b.at]!.note, unclosedIn(written[b.at]!.lines) ?? b.reason);
    const dropped = new Set(out.map((b) => b.at));
    written = written.filter((_, i) => !dropped.has(i));
  }
}

interface Written {
  note: Note;
  lines: string[];
}

/**
 * The markdown of the notes, and the line where each note's cards start. Each
 * note gets the headings its cards had; a title-block card's title is a heading
 * one level below them, ended by a rule so the next card does not take it as
 * a heading of its own.
 */
function renderDeck(deck: string, notes: readonly Written[]): { text: string; starts: number[] } {
  const out = ['---', `deck: ${yamlString(deck)}`, '---'];
  const starts: number[] = [];
  const blank = () => {
    if (out[out.length - 1] !== '') out.push('');
  };
  let path: string[] = [];
  let prev: Note | null = null;
  for (const { note, lines } of notes) {
    const c = note.lead;
    const titled = c.syntax === 'title-block' && c.title !== null;
    const target = c.headingPath;
    let k = 0;
    while (k < path.length && k < target.length && path[k] === target[k]) k++;
    // Headings only go back up by repeating one: an untitled card under [A] after [A, B] needs "# A" again;
    // a title one level below A drops B by itself.
    if (k === target.length && k < path.length && !titled) k = Math.max(0, target.length - 1);
    const inlineRun = k === target.length && target.length === path.length && prev !== null && isInline(prev) && isInline(note);
    if (!inlineRun) blank();
    for (let level = k + 1; level <= target.length; level++) {
      out.push(heading(level, target[level - 1]!));
      out.push('');
    }
    const movedHeadings = k < target.length;
    path = [...target];
    if (c.syntax === 'title-block' && !titled) {
      // Without a rule, a heading or a cloze paragraph above would become its title or context.
      if ((prev !== null || movedHeadings) && lastLine(out) !== '---') out.push('---', '');
    } else if (!titled && !movedHeadings && prev !== null && answerRunsOn(prev) && CONTINUES_ANSWER_RE.test(lines[0]!)) {
      out.push('---', '');
    }
    starts.push(out.length + 1);
    if (titled) out.push(heading(target.length + 1, c.title!), '');
    out.push(...lines);
    if (titled) out.push('', '---');
    prev = note;
  }
  return { text: `${out.join('\n')}\n`, starts };
}

/** The index of the last note starting at or before `line` (the first note for lines above it). */
function noteAt(starts: readonly number[], line: number): number {
  let lo = 0;
  let hi = starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (starts[mid]! <= line) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/** Why a note's text spoils what follows it, when it opens a code block or comment it never closes. */
function unclosedIn(lines: readonly string[]): string | null {
  const u = scanLines(lines).unclosed[0];
  if (!u) return null;
  return u.marker === '<!--' ? 'its text opens an HTML comment <!-- that it never closes' : `its text opens a code block ${u.marker} that it never closes`;
}

function lastLine(out: readonly string[]): string | undefined {
  let i = out.length - 1;
  while (i >= 0 && out[i] === '') i--;
  return out[i];
}

function heading(level: number, text: string): string {
  return `${'#'.repeat(level)}${text === '' ? '' : ` ${text}`}`;
}

function isInline(note: Note): boolean {
  return note.lead.syntax === 'inline' || note.lead.syntax === 'inline-both';
}

/** Q:/A: answers and C: texts run on past a blank line into lists, quotes, indented text and code. */
function answerRunsOn(note: Note): boolean {
  return note.lead.syntax === 'qa' || note.lead.syntax === 'qa-cloze';
}

/** A deck name as a YAML scalar that reads back as the same string. */
function yamlString(name: string): string {
  return PLAIN_YAML_RE.test(name) && !YAML_WORD_RE.test(name) && name.trimEnd() === name ? name : JSON.stringify(name);
}

const COMPARED = ['kind', 'syntax', 'front', 'back', 'title', 'context', 'headingPath'] as const;
const FIELD_NAMES: Record<(typeof COMPARED)[number], string> = {
  kind: 'kind',
  syntax: 'syntax',
  front: 'front',
  back: 'back',
  title: 'title',
  context: 'context',
  headingPath: 'headings',
};

/** Why the parsed cards are not the note's cards (compared as sets, on what a card says), or null. */
function difference(expected: readonly DeckCard[], got: readonly ParsedCard[]): string | null {
  if (expected.length !== got.length) {
    return `importing it back would give ${got.length} card${got.length === 1 ? '' : 's'} instead of ${expected.length}`;
  }
  const canon = (c: Pick<ParsedCard, (typeof COMPARED)[number]>) => JSON.stringify(COMPARED.map((f) => c[f]));
  const a = [...expected].sort((x, y) => (canon(x) < canon(y) ? -1 : 1));
  const b = [...got].sort((x, y) => (canon(x) < canon(y) ? -1 : 1));
  for (let i = 0; i < a.length; i++) {
    for (const f of COMPARED) {
      if (JSON.stringify(a[i]![f]) !== JSON.stringify(b[i]![f])) return `importing it back would change its ${FIELD_NAMES[f]}`;
    }
  }
  return null;
}
