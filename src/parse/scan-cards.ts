import type { CardKind, CardSyntax, ParsedCard } from '../model/card.js';
import type { Problem } from '../model/problem.js';
import { hashKey, normaliseForKey } from './card-key.js';
import { rangeText, type TextEdit, type TextRange } from './card-text.js';
import { ankiClozeNote } from './anki-cloze-note.js';
import { hasAnkiCloze } from './anki-clozes.js';
import { ankiNearMisses, mayHoldNearMiss } from './anki-near-misses.js';
import { bracketDeletions, groupPlan, highlightDeletions, type ClozePlan, type Deletion } from './cloze-deletions.js';
import {
  bracketsBalance,
  continuesAnswer,
  headingOf,
  inlineSeparator,
  isBothWays,
  blockPrefixLength,
  markerEnd,
  markOf,
  opensMath,
  type LineMark,
} from './markers.js';
import { codeSpanEscapes, dropEscapes } from './code-span-escapes.js';
import { clozeNearMisses, headingNearMisses, referenceNearMisses, type NearMiss } from './near-misses.js';
import { Fence, type ScannedLine } from './scan-lines.js';

/** Cards over this many characters are refused: no one reviews a wall of text. */
export const MAX_CARD_CHARS = 100_000;
/** A cloze note with more gaps than this is refused instead of making that many cards. */
export const MAX_DELETIONS_PER_NOTE = 100;

/** A reference definition `[label]: url`, up to three spaces in. */
const REFERENCE_DEF_RE = /^ {0,3}\[([^[\]]+)\]:/;
/** Matched against one recorded comment at a time, anchored: linear on any line. */
const EXPLICIT_ID_RE = /^<!--\s*engram-id:\s*([^\s>]+)\s*-->$/;

/** Cards and problems found in one file's lines. */
export interface CardScan {
  cards: ParsedCard[];
  problems: Problem[];
}

/** How a user knows each syntax, for messages. */
const SYNTAX_NAMES: Partial<Record<CardSyntax, string>> = {
  'title-block': ':p', qa: 'Q:/A:', 'qa-cloze': 'C:', inline: 'front::back', 'inline-both': 'front:::back',
  multiline: 'front / ? / back', 'multiline-both': 'front / ?? / back', 'highlight-cloze': '==gap==',
};

/**
 * Reads every explicit card in `lines` from `bodyStart` on, in one forward pass
 * (recovery from an unclosed answer steps back once over lines it then reads
 * only once more), so time is linear in the size of the file.
 */
export function scanCards(lines: readonly ScannedLine[], bodyStart: number): CardScan {
  return new CardScanner(lines).run(bodyStart);
}

interface Heading {
  level: number;
  text: string;
  index: number;
}

/** The parts of a card that come from its lines; the rest (key, kind …) is derived. */
type CardText = Pick<ParsedCard, 'front' | 'back' | 'title' | 'context' | 'headingPath' | 'line' | 'endLine' | 'explicitId'>;

class CardScanner {
  private readonly n: number;
  private readonly marks: LineMark[];
  private readonly nextNonBlank: Int32Array;
  private readonly cards: ParsedCard[] = [];
  private readonly problems: Problem[] = [];
  private readonly seenKeys = new Map<string, number>();
  private headings: Heading[] = [];
  /** The texts of `headings`, rebuilt only when they change: cards of a section share one array. */
  private path: string[] = [];
  /** First line of the current run of free lines (a paragraph, a list, a code block), or -1. */
  private blockStart = -1;
  /** Where the context of a `:p` card would start: after the last heading, rule or card. */
  private contextFrom = 0;
  /** Heading line that titles the next `:p` card, or -1. */
  private titleIndex = -1;
  /** The heading the last `:p` card took as its title: it leaves the context at the next rule. */
  private usedTitle: Heading | null = null;
  /** `==gaps==` in headings, reported at the end when the file holds written cards. */
  private readonly headingMisses: NearMiss[] = [];
  /** First lines of cards already warned of an Anki cloze inside them. */
  private readonly strayClozeSaid = new Set<number>();
  /** Labels of the file's `[label]: …` reference definitions (lower-cased), read when a `C:` line first needs them. */
  private references: Set<string> | null = null;

  constructor(private readonly lines: readonly ScannedLine[]) {
    this.n = lines.length;
    this.marks = lines.map(markOf);
    this.nextNonBlank = new Int32Array(this.n + 1);
    this.nextNonBlank[this.n] = this.n;
    for (let i = this.n - 1; i >= 0; i--) this.nextNonBlank[i] = this.marks[i] === 'blank' ? this.nextNonBlank[i + 1]! : i;
  }

  run(bodyStart: number): CardScan {
    this.contextFrom = bodyStart;
    let i = bodyStart;
    while (i < this.n) i = this.idle(i);
    this.flushBlock(this.n);
    // Only a file of written cards hears of them: notes highlight their headings freely.
    if (this.cards.length > 0) for (const miss of this.headingMisses) this.problem(miss.line, 'warning', miss.message, miss.fix);
    return { cards: this.cards, problems: this.problems };
  }

  /** Handles one line outside any card; returns the next line to read. */
  private idle(i: number): number {
    const mark = this.marks[i]!;
    switch (mark) {
      case 'blank':
        this.flushBlock(i);
        return i + 1;
      case 'heading': {
        this.flushBlock(i);
        for (const miss of headingNearMisses(this.lines[i]!, i)) this.headingMisses.push(miss);
        const h = headingOf(this.lines[i]!);
        while (this.headings.length && this.headings[this.headings.length - 1]!.level >= h.level) this.headings.pop();
        this.headings.push({ ...h, index: i });
        this.path = this.headings.map((x) => x.text);
        this.usedTitle = null;
        this.titleIndex = i;
        this.contextFrom = i + 1;
        return i + 1;
      }
      case 'rule':
        this.flushBlock(i);
        // A card's own title stops being context at the rule that ends its card.
        if (this.usedTitle !== null && this.headings[this.headings.length - 1] === this.usedTitle) {
          this.headings.pop();
          this.path = this.headings.map((x) => x.text);
        }
        this.usedTitle = null;
        this.titleIndex = -1;
        this.contextFrom = i + 1;
        return i + 1;
      case 'p-question':
        return this.titleBlock(i);
      case 'answer-open':
        this.flushBlock(i);
        this.problem(i, 'error', 'has ??x but no :p question above it; the answer was skipped.', 'Put a line ":p <question>" just above the ??x line.');
        return this.skipTitleAnswer(i);
      case 'answer-close':
        this.flushBlock(i);
        this.problem(i, 'warning', 'has x?? but no answer is open here; the line was ignored.', 'Remove the stray x?? or open the answer with ??x.');
        this.contextFrom = i + 1;
        return i + 1;
      case 'q':
        this.flushBlock(i);
        return this.qaCard(i);
      case 'a': {
        this.flushBlock(i);
        this.problem(i, 'error', 'has A: but no Q: above it; the answer was skipped.', 'Put a line "Q: <question>" just above the A: line.');
        const end = this.answerEnd(i + 1);
        this.afterCard(end);
        return end;
      }
      case 'c':
        this.flushBlock(i);
        return this.clozeLines(i);
      case 'ml-sep':
      case 'ml-sep-both':
        return this.multiline(i, mark === 'ml-sep-both');
      case 'fence':
      case 'id-comment':
        if (this.blockStart < 0) this.blockStart = i;
        return i + 1;
      case 'text': {
        const masked = this.lines[i]!.masked;
        if (!hasAnkiCloze(masked) && !masked.trimStart().startsWith('|')) {
          const sep = inlineSeparator(masked);
          if (sep >= 0 && this.inlineCard(i, sep)) return i + 1;
        }
        if (this.blockStart < 0) this.blockStart = i;
        return i + 1;
      }
    }
  }

  /** `:p question` / `??x` / answer / `x??`, with the title and context above it. */
  private titleBlock(p: number): number {
    let i = p + 1;
    while (i < this.n && (this.marks[i] === 'text' || this.marks[i] === 'fence' || this.marks[i] === 'id-comment')) i++;
    if (i >= this.n || this.marks[i] !== 'answer-open') {
      this.problem(p, 'error', 'has a :p question with no ??x answer below it; the card was skipped.', 'Add a line ??x, the answer, and a line x?? right below the question.');
      this.blockStart = -1;
      this.afterCard(i);
      return i;
    }
    const open = i;
    for (let j = open + 1; j < this.n; j++) {
      const mark = this.marks[j];
      if (mark === 'answer-close') {
        this.emitTitleCard(p, open, j, j + 1);
        return j + 1;
      }
      if (mark === 'p-question' || mark === 'answer-open') {
        const end = this.recoveryEnd(open, j);
        this.unclosedAnswer(p, open, end);
        return end;
      }
    }
    this.unclosedAnswer(p, open, this.n);
    return this.n;
  }

  /**
   * Where an answer left open by a missing `x??` most likely ended, given that
   * the next card starts at `next`: at the last rule before it, else at the last
   * heading (the next card's title), else right before it.
   */
  private recoveryEnd(open: number, next: number): number {
    for (let k = next - 1; k > open; k--) if (this.marks[k] === 'rule') return k;
    for (let k = next - 1; k > open; k--) if (this.marks[k] === 'heading') return k;
    return next;
  }

  /** Reports an answer never closed with `x??` and keeps it, up to its last non-blank line before `end`. */
  private unclosedAnswer(p: number, open: number, end: number): void {
    let last = end - 1;
    while (last > open && (this.marks[last] === 'blank' || this.marks[last] === 'rule')) last--;
    this.problem(
      open,
      'error',
      `opens an answer with ??x that is never closed with x??; the answer was taken to end at line ${last + 1}.`,
      'Add a line x?? where the answer ends.',
    );
    this.emitTitleCard(p, open, last + 1, last + 1);
    this.afterCard(end);
  }

  /** Skips an answer that has no question, up to its `x??` or the next card. */
  private skipTitleAnswer(open: number): number {
    for (let j = open + 1; j < this.n; j++) {
      const mark = this.marks[j];
      if (mark === 'answer-close') {
        this.afterCard(j + 1);
        return j + 1;
      }
      if (mark === 'p-question' || mark === 'answer-open') {
        const end = this.recoveryEnd(open, j);
        this.afterCard(end);
        return end;
      }
    }
    return this.n;
  }

  private emitTitleCard(p: number, open: number, answerEnd: number, after: number): void {
    const titled = this.titleIndex >= 0;
    let first = titled ? this.titleIndex : p;
    const context = rangeText(this.lines, { from: this.contextFrom, to: p }) || null;
    if (!titled && context) first = this.nextNonBlank[this.contextFrom]!;
    if (this.withinLimits(first, after)) {
      this.emitBasic(
        'title-block',
        {
          front: rangeText(this.lines, { from: p, to: open, firstOffset: markerEnd(this.lines[p]!, 'p-question') }),
          back: rangeText(this.lines, { from: open + 1, to: answerEnd }),
          title: titled ? this.headings[this.headings.length - 1]!.text || null : null,
          context,
          headingPath: this.headingPath(titled),
          line: first + 1,
          endLine: Math.max(after, open + 1),
          explicitId: this.explicitId(first, after),
        },
        false,
      );
    }
    if (titled) this.usedTitle = this.headings[this.headings.length - 1]!;
    this.blockStart = -1;
    this.afterCard(after);
  }

  /** Whether the file defines the reference `[label]: …` (read once, on first need). */
  private defines(label: string): boolean {
    if (this.references === null) {
      this.references = new Set();
      for (const line of this.lines) {
        if (line.fence !== Fence.None || !line.masked.includes(']:')) continue;
        const m = REFERENCE_DEF_RE.exec(line.masked);
        if (m) this.references.add(m[1]!.toLowerCase());
      }
    }
    return this.references.has(label.toLowerCase());
  }

  /**
   * `Q:` question lines, then `A:` answer lines. The question runs to its `A:`
   * whatever lies between (blank lines, an image, a formula), as long as the
   * `A:` comes before the next card marker, rule or heading.
   */
  private qaCard(q: number): number {
    let i = q + 1;
    for (; i < this.n; i++) {
      const mark = this.marks[i]!;
      if (mark === 'a') break;
      if (mark === 'text' || mark === 'fence' || mark === 'id-comment') continue;
      if (mark === 'blank') {
        const k = this.nextNonBlank[i]!;
        if (k < this.n && (this.marks[k] === 'a' || continuesAnswer(this.lines[k]!, this.marks[k]!))) continue;
      }
      break;
    }
    if (i < this.n && this.marks[i] !== 'a') {
      const a = this.answerAhead(i);
      if (a >= 0) i = a;
    }
    if (i >= this.n || this.marks[i] !== 'a') {
      this.problem(q, 'error', 'has a Q: question with no A: answer below it; the card was skipped.', 'Add a line "A: <answer>" right below the question.');
      this.afterCard(i);
      return i;
    }
    const a = i;
    // An answer can open display math on its own line: `A: $$`.
    const end = this.answerEnd(opensMath(this.lines[a]!.masked.slice(markerEnd(this.lines[a]!, 'a'))) ? this.mathEnd(a) : a + 1);
    if (this.withinLimits(q, end)) {
      this.emitBasic(
        'qa',
        {
          front: rangeText(this.lines, { from: q, to: a, firstOffset: markerEnd(this.lines[q]!, 'q') }),
          back: rangeText(this.lines, { from: a, to: end, firstOffset: markerEnd(this.lines[a]!, 'a') }),
          title: null,
          context: null,
          headingPath: this.headingPath(false),
          line: q + 1,
          endLine: this.lastNonBlank(a, end) + 1,
          explicitId: this.explicitId(q, end),
        },
        false,
      );
    }
    this.afterCard(end);
    return end;
  }

  /**
   * The `A:` line a question that stopped at `from` still reaches: the first
   * one before the next card marker, rule or heading, or -1. Lines it passes
   * are read again when there is none, so a file is read at most twice.
   */
  private answerAhead(from: number): number {
    for (let j = from; j < this.n; j++) {
      const mark = this.marks[j]!;
      if (mark === 'a') return j;
      if (mark !== 'text' && mark !== 'fence' && mark !== 'blank' && mark !== 'id-comment') return -1;
    }
    return -1;
  }

  /**
   * Where an `A:` answer (or `C:` text) that continues at `from` ends: at a
   * marker, rule or heading, or at a blank line followed by ordinary prose.
   * A display-math block (`$$` … `$$`) is read whole, blank lines and all.
   */
  private answerEnd(from: number): number {
    let j = from;
    while (j < this.n) {
      const mark = this.marks[j]!;
      if (mark === 'text' || mark === 'fence') {
        j = mark === 'text' && opensMath(this.lines[j]!.masked) ? this.mathEnd(j) : j + 1;
        continue;
      }
      if (mark === 'blank') {
        const k = this.nextNonBlank[j]!;
        if (k < this.n && continuesAnswer(this.lines[k]!, this.marks[k]!)) {
          j++;
          continue;
        }
      }
      return j;
    }
    return this.n;
  }

  /** The line after the `$$` that closes the math block opened at `open`; `open + 1` when none does before the next marker. */
  private mathEnd(open: number): number {
    for (let j = open + 1; j < this.n; j++) {
      const mark = this.marks[j]!;
      if (mark === 'text' && this.lines[j]!.masked.includes('$$')) return j + 1;
      if (mark !== 'text' && mark !== 'blank' && mark !== 'fence') break;
    }
    return open + 1;
  }

  /**
   * Where `C:` text that continues at `from` ends. As in hashcards, its text
   * may run on over blank lines: a later paragraph with a `[gap]` belongs to it
   * (with any prose between), up to the next card, marker, rule or heading.
   * A paragraph that is a card of its own (`::`, `{{c1::}}`, `==gap==`, the
   * question of a `?` card) ends it. Paragraphs after the last one with a gap
   * are read again as whatever they are, so a file is read at most twice.
   */
  private clozeEnd(from: number): number {
    let end = this.answerEnd(from);
    let k = end;
    while (k < this.n && this.marks[k] === 'blank') {
      const start = this.nextNonBlank[k]!;
      if (start >= this.n || this.marks[start] !== 'text') break;
      let stop = start;
      while (stop < this.n && (this.marks[stop] === 'text' || this.marks[stop] === 'fence' || this.marks[stop] === 'id-comment')) stop++;
      const after = stop < this.n ? this.marks[stop]! : 'blank';
      if (after === 'ml-sep' || after === 'ml-sep-both' || after === 'p-question' || after === 'answer-open') break;
      const kind = this.paragraphGaps(start, stop);
      if (kind === 'card') break;
      k = this.answerEnd(stop);
      if (kind === 'gaps') end = k;
    }
    return end;
  }

  /** Whether lines [from, to) hold a `[gap]`, are a card of their own, or neither. */
  private paragraphGaps(from: number, to: number): 'gaps' | 'card' | 'plain' {
    let gaps = false;
    for (let i = from; i < to; i++) {
      const line = this.lines[i]!;
      if (line.fence !== Fence.None) continue;
      const m = line.masked;
      if (hasAnkiCloze(m) || inlineSeparator(m) >= 0 || (m.includes('==') && highlightDeletions(line, i).length > 0)) return 'card';
      // A reference definition `[label]: url` holds a link's target, not a gap.
      if (!gaps && m.includes('[') && !REFERENCE_DEF_RE.test(m) && bracketDeletions(line, i, 0).length > 0) gaps = true;
    }
    return gaps ? 'gaps' : 'plain';
  }

  /** `C:` text with `[deletions]`, one card per deletion. */
  private clozeLines(c: number): number {
    const offset = markerEnd(this.lines[c]!, 'c');
    const end = this.clozeEnd(opensMath(this.lines[c]!.masked.slice(offset)) ? this.mathEnd(c) : c + 1);
    if (this.withinLimits(c, end)) {
      const deletions: Deletion[] = [];
      const escapes = new Map<number, number[]>();
      for (let i = c; i < end; i++) {
        const line = this.lines[i]!;
        if (line.fence !== Fence.None) continue;
        for (const d of bracketDeletions(line, i, i === c ? offset : 0)) deletions.push(d);
        for (const miss of referenceNearMisses(line, i, i === c ? offset : 0, (label) => this.defines(label))) this.problem(miss.line, 'warning', miss.message, miss.fix);
        const cols = codeSpanEscapes(line, i === c ? offset : 0);
        if (cols.length > 0) escapes.set(i, cols);
      }
      if (deletions.length === 0) {
        this.problem(c, 'error', 'has a C: cloze with no [deletion] in it; no card was made.', 'Put the words to hide in brackets, e.g. "C: The capital of France is [Paris]."');
      } else if (escapes.size > 0) {
        const cleaned = dropEscapes(deletions, escapes);
        this.emitCloze('qa-cloze', { from: c, to: end, firstOffset: offset }, cleaned.deletions, cleaned.edits);
      } else {
        this.emitCloze('qa-cloze', { from: c, to: end, firstOffset: offset }, deletions);
      }
    }
    this.afterCard(end);
    return end;
  }

  /** Question lines, a line `?` (or `??`), answer lines up to a blank line. */
  private multiline(sep: number, both: boolean): number {
    let end = sep + 1;
    while (end < this.n && (this.marks[end] === 'text' || this.marks[end] === 'fence')) end++;
    const from = this.blockStart;
    this.blockStart = -1;
    const marker = both ? '??' : '?';
    if (from < 0) {
      this.problem(sep, 'error', `has a ${marker} line with no question right above it; the card was skipped.`, `Write the question on the lines just above the ${marker} line, with no blank line between.`);
    } else if (end === sep + 1) {
      this.problem(sep, 'error', `has a ${marker} line with no answer right below it; the card was skipped.`, `Write the answer on the lines just below the ${marker} line.`);
    } else if (this.withinLimits(from, end)) {
      this.emitBasic(
        both ? 'multiline-both' : 'multiline',
        {
          front: rangeText(this.lines, { from, to: sep }),
          back: rangeText(this.lines, { from: sep + 1, to: end }),
          title: null,
          context: null,
          headingPath: this.headingPath(false),
          line: from + 1,
          endLine: end,
          explicitId: this.explicitId(from, end),
        },
        both,
      );
    }
    this.afterCard(end);
    return end;
  }

  /** `front::back` or `front:::back` on one line; false when a side is empty (then it is prose). */
  private inlineCard(i: number, sep: number): boolean {
    const line = this.lines[i]!;
    if (line.text.length > MAX_CARD_CHARS) {
      this.flushBlock(i);
      this.withinLimits(i, i + 1);
      this.afterCard(i + 1);
      return true;
    }
    const both = isBothWays(line.masked, sep);
    const front = rangeText(this.lines, { from: i, to: i + 1, firstOffset: blockPrefixLength(line.text), lastEnd: sep });
    const back = rangeText(this.lines, { from: i, to: i + 1, firstOffset: sep + (both ? 3 : 2), endsCard: true });
    if (front === '' || back === '') return false;
    if (!bracketsBalance(line.masked.slice(0, sep)) || !bracketsBalance(line.masked.slice(sep + (both ? 3 : 2)))) return false;
    this.flushBlock(i);
    this.emitBasic(
      both ? 'inline-both' : 'inline',
      {
        front,
        back,
        title: null,
        context: null,
        headingPath: this.headingPath(false),
        line: i + 1,
        endLine: i + 1,
        explicitId: this.explicitId(i, i + 1),
      },
      both,
    );
    this.afterCard(i + 1);
    return true;
  }

  /** Ends the current run of free lines; a run with `{{c1::…}}` or `==…==` is a cloze note. */
  private flushBlock(end: number): void {
    const from = this.blockStart;
    if (from < 0) return;
    this.blockStart = -1;
    let anki = false;
    let highlight = false;
    let braces = false;
    let size = 0;
    for (let i = from; i < end; i++) {
      const line = this.lines[i]!;
      size += line.text.length + 1;
      if (line.fence !== Fence.None) continue;
      if (hasAnkiCloze(line.masked)) anki = true;
      else if (line.masked.includes('==')) highlight = true;
      if (!braces && mayHoldNearMiss(line.masked)) braces = true;
    }
    // Clozes written almost right make no card: say so (a run too long to be a card is reported as that).
    if (braces && size <= MAX_CARD_CHARS) {
      for (let i = from; i < end; i++) {
        const line = this.lines[i]!;
        if (line.fence === Fence.None) for (const p of ankiNearMisses(line, i)) this.problem(p.index, p.severity, p.message, p.fix, 'near-miss');
      }
    }
    if (!anki && !highlight) return;
    if (!this.withinLimits(from, end)) return;
    if (anki) {
      for (let i = from; i < end; i++) {
        const line = this.lines[i]!;
        if (line.fence === Fence.None) for (const miss of clozeNearMisses(line, i, true)) this.problem(miss.line, 'warning', miss.message, miss.fix, 'near-miss');
      }
      const note = ankiClozeNote(this.lines, from, end);
      for (const p of note.problems) this.problem(p.index, p.severity, p.message, p.fix);
      if (this.withinDeletionLimit(from, Math.max(note.deletions, note.plan.cards.length))) this.emitClozePlan('anki-cloze', { from, to: end }, note.plan);
      return;
    }
    const deletions: Deletion[] = [];
    for (let i = from; i < end; i++) {
      const line = this.lines[i]!;
      if (line.fence !== Fence.None) continue;
      for (const d of highlightDeletions(line, i)) deletions.push(d);
      for (const miss of clozeNearMisses(line, i, false)) this.problem(miss.line, 'warning', miss.message, miss.fix, 'near-miss');
    }
    this.emitCloze('highlight-cloze', { from, to: end }, deletions);
  }

  /** One card per deletion group of a cloze note; `around` edits the text outside the gaps (never overlapping one). */
  private emitCloze(syntax: CardSyntax, range: TextRange, deletions: Deletion[], around: readonly TextEdit[] = []): void {
    if (deletions.length === 0) return;
    if (this.withinDeletionLimit(range.from, deletions.length)) this.emitClozePlan(syntax, range, groupPlan(deletions, around));
  }

  /** Whether a cloze note of `count` gaps (or cards) is small enough to make cards of; else says why not. */
  private withinDeletionLimit(from: number, count: number): boolean {
    if (count <= MAX_DELETIONS_PER_NOTE) return true;
    this.problem(from, 'error', `has a cloze note with ${count} gaps (the limit is ${MAX_DELETIONS_PER_NOTE}); no card was made.`, 'Split the note into smaller ones.');
    return false;
  }

  /** The cards of a cloze note's plan, in the plan's card order. */
  private emitClozePlan(syntax: CardSyntax, range: TextRange, plan: ClozePlan): void {
    if (plan.cards.length === 0) return;
    const plainKey = normaliseForKey(rangeText(this.lines, range, plan.plain));
    const sibling = plan.cards.length > 1 ? hashKey(['note', plainKey]) : null;
    const explicitId = this.explicitId(range.from, range.to);
    const endLine = this.lastNonBlank(range.from, range.to) + 1;
    const ordinals = new Map<string, number>();
    const made: { card: ParsedCard; line: number; order: number }[] = [];
    for (const planned of plan.cards) {
      const groupText = planned.hidden.map(normaliseForKey).join('\u0002');
      const ordinal = ordinals.get(groupText) ?? 0;
      ordinals.set(groupText, ordinal + 1);
      const key = explicitId
        ? hashKey(['id', explicitId, groupText, String(ordinal)])
        : hashKey(['cloze', plainKey, groupText, String(ordinal)]);
      const card: ParsedCard = {
        key,
        sibling,
        kind: 'cloze',
        syntax,
        front: rangeText(this.lines, range, planned.front),
        back: rangeText(this.lines, range, planned.back),
        title: null,
        context: null,
        headingPath: this.headingPath(false),
        line: range.from + 1,
        endLine,
        explicitId,
      };
      made.push({ card, line: planned.line, order: planned.order });
    }
    // Most notes plan their cards in order already; sort's work copy per note added up over a large import.
    let ordered = true;
    for (let k = 1; k < made.length && ordered; k++) ordered = made[k]!.order >= made[k - 1]!.order;
    if (!ordered) made.sort((a, b) => a.order - b.order);
    for (const m of made) this.push(m.card, m.line);
  }

  private emitBasic(syntax: CardSyntax, text: CardText, both: boolean): void {
    if (text.front === '' || text.back === '') {
      const side = text.front === '' ? 'question' : 'answer';
      this.problem(text.line - 1, 'error', `has a card with an empty ${side}; it was skipped.`, `Write the ${side}.`);
      return;
    }
    const f = normaliseForKey(text.front);
    const b = normaliseForKey(text.back);
    const id = text.explicitId;
    const sibling = both ? hashKey(['pair', f, b]) : null;
    const card = (kind: CardKind, front: string, back: string, key: string): ParsedCard => ({
      key,
      sibling,
      kind,
      syntax,
      front,
      back,
      title: text.title,
      context: text.context,
      headingPath: text.headingPath,
      line: text.line,
      endLine: text.endLine,
      explicitId: id,
    });
    this.push(card('basic', text.front, text.back, id ? hashKey(['id', id]) : hashKey(['basic', f, b])), text.line - 1);
    if (both) {
      this.push(card('reversed', text.back, text.front, id ? hashKey(['id', id, 'reversed']) : hashKey(['reversed', f, b])), text.line - 1);
    }
  }

  /** Adds a card unless the same card (same key) is already in this file. */
  private push(card: ParsedCard, index: number): void {
    const earlier = this.seenKeys.get(card.key);
    if (earlier !== undefined) {
      if (card.explicitId !== null) {
        this.problem(index, 'error', `uses the id "${card.explicitId}", which the card at line ${earlier} already has; this card was skipped.`, 'Give each card its own engram-id.');
      } else {
        this.problem(index, 'warning', `repeats the card at line ${earlier}; the copy was skipped.`, 'Remove one of the two, or make them differ.');
      }
      return;
    }
    this.seenKeys.set(card.key, card.line);
    this.cards.push(card);
    // An Anki cloze inside another kind of card ("Q: What is {{c1::x}}?") is no gap there: said once for the lines
    // of a card (a C: block's cards share them), read from the masked lines, where code is already blanked.
    if (card.syntax !== 'anki-cloze' && !this.strayClozeSaid.has(card.line) && this.holdsAnkiCloze(card.line - 1, card.endLine)) {
      this.strayClozeSaid.add(card.line);
      this.problem(index, 'warning', `has an Anki cloze {{c…::…}} inside a ${SYNTAX_NAMES[card.syntax] ?? card.syntax} card, where it is no gap: it shows as written.`, 'Write the cloze on a line of its own (an Anki cloze note), or hide the text with this card\'s own gap syntax.', 'near-miss');
    }
  }

  /** Whether lines `from..to-1` (outside fenced code) hold an Anki cloze opener. */
  private holdsAnkiCloze(from: number, to: number): boolean {
    for (let i = from; i < to; i++) {
      const line = this.lines[i]!;
      if (line.fence === Fence.None && hasAnkiCloze(line.masked)) return true;
    }
    return false;
  }

  private withinLimits(from: number, to: number): boolean {
    let size = 0;
    for (let i = from; i < to; i++) size += this.lines[i]!.text.length + 1;
    if (size <= MAX_CARD_CHARS) return true;
    this.problem(from, 'error', `starts a card of ${size.toLocaleString('en')} characters (the limit is ${MAX_CARD_CHARS.toLocaleString('en')}); it was skipped.`, 'Split it into smaller cards.');
    return false;
  }

  /** The user's `<!-- engram-id: … -->` in the card's lines or on a comment line right above. */
  private explicitId(from: number, to: number): string | null {
    const above = from - 1;
    const start = above >= 0 && this.lines[above]!.comments && this.lines[above]!.masked.trim() === '' ? above : from;
    for (let i = start; i < to; i++) {
      const c = this.lines[i]!.comments;
      if (!c) continue;
      for (let k = 0; k < c.length; k += 2) {
        const m = EXPLICIT_ID_RE.exec(this.lines[i]!.text.slice(c[k], c[k + 1]));
        if (m) return m[1]!;
      }
    }
    return null;
  }

  private headingPath(dropTitle: boolean): string[] {
    return dropTitle ? this.path.slice(0, -1) : this.path;
  }

  private lastNonBlank(from: number, to: number): number {
    let k = to - 1;
    while (k > from && this.marks[k] === 'blank') k--;
    return k;
  }

  private afterCard(next: number): void {
    this.titleIndex = -1;
    this.contextFrom = next;
  }

  private problem(index: number, severity: Problem['severity'], message: string, fix: string, code?: Problem['code']): void {
    this.problems.push(code === undefined ? { line: index + 1, severity, message, fix } : { line: index + 1, severity, message, fix, code });
  }
}
