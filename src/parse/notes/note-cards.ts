import type { Root } from 'mdast';
import type { ParsedCard } from '../../model/card.js';
import { cardFindings } from '../../quality/card-findings.js';
import type { QualityRule } from '../../quality/finding.js';
import { factCount } from '../../quality/multi-fact-answer.js';
import { askedPart, DERIVED_REPEAT_SIMILARITY, laterRepeats } from '../../quality/near-duplicates.js';
import { hashKey, normaliseForKey } from '../card-key.js';
import { cleanCapture } from './clean-capture.js';
import { extractDefinitionBullets } from './definition-bullets.js';
import { NOTE_SYNTAXES, type DerivedCard, type NoteSyntax } from './derived-card.js';
import { extractOutlineTopics } from './outline-topics.js';
import { extractProseCards } from './prose-rules/prose-cards.js';
import { parseMarkdown, readableForNotes } from './notes-markdown.js';

type Extractor = (tree: Root, lineOf: (line: number) => number) => DerivedCard[];

/** Extractors of bullet-shaped notes (summaries, outlines), in the order their cards win a tie. */
const BULLET_EXTRACTORS: readonly Extractor[] = [extractDefinitionBullets, extractOutlineTopics];
/** Extractors of prose (chapters, captures). */
const PROSE_EXTRACTORS: readonly Extractor[] = [extractProseCards];

/**
 * Bullet-shaped notes give cards from their terms and topics only: in a
 * summary the bold words inside definitions and the short sections are the
 * definitions again, worse. Notes are bullet-shaped when their bullets give at
 * least this many cards, and at least as many as their emphasised terms.
 */
const MIN_BULLET_CARDS = 3;

/** What the notes of one file give. */
export interface NoteCards {
  /** Derived cards in file order, each with its identity key. */
  cards: ParsedCard[];
  /** How many cards each extractor made (after duplicates were dropped). */
  counts: Record<NoteSyntax, number>;
  /** Cards an extractor proposed that break a rule of a good card, and so were not made. */
  withheld: WithheldCard[];
}

/** A derived card left out, with the rule it broke (so `--explain` can show what the rules drop). */
export interface WithheldCard {
  line: number;
  front: string;
  rule: QualityRule;
}


/**
 * Cards derived from a file of notes (`text` is the whole file, frontmatter
 * included): the text is cleaned of capture noise, parsed once with remark,
 * and the extractors read the tree (those of bullets only, when the notes are
 * bullet-shaped). A derived card is keyed like a written
 * one, on its normalised text (so an edit elsewhere in the notes keeps it,
 * and a typo fix pairs it by similarity); the same card found twice is kept
 * once. Cards cut from one sentence share a sibling group, keyed on the
 * sentence's normalised text (a card alone in its sentence has none, as a
 * written cloze with one gap). Pure; never throws for any input.
 */
export function noteCards(text: string): NoteCards {
  const cleaned = cleanCapture(readableForNotes(text));
  const tree = parseMarkdown(cleaned.text);
  const counts = Object.fromEntries(NOTE_SYNTAXES.map((s) => [s, 0])) as Record<NoteSyntax, number>;
  const seen = new Set<string>();
  const cards: ParsedCard[] = [];
  const bullets = BULLET_EXTRACTORS.flatMap((extract) => extract(tree, cleaned.lineOf));
  const prose = PROSE_EXTRACTORS.flatMap((extract) => extract(tree, cleaned.lineOf));
  const clozes = prose.length;
  const bulletShaped = bullets.length >= MIN_BULLET_CARDS && bullets.length >= clozes;
  const kept: { key: string; d: DerivedCard; note: string | null }[] = [];
  const perNote = new Map<string, number>();
  const { passed, withheld } = qualityGate(bulletShaped ? bullets : bullets.concat(prose));
  for (const d of passed) {
    const key = hashKey(['note', d.syntax, normaliseForKey(d.front), normaliseForKey(d.back)]);
    if (seen.has(key)) continue;
    seen.add(key);
    const note = d.note === undefined ? null : normaliseForKey(d.note);
    if (note !== null) perNote.set(note, (perNote.get(note) ?? 0) + 1);
    kept.push({ key, d, note });
  }
  for (const { key, d, note } of kept) {
    counts[d.syntax]++;
    cards.push({
      key,
      // Cards cut from one sentence give each other away: siblings, never studied the same day.
      sibling: note !== null && perNote.get(note)! > 1 ? hashKey(['sentence', note]) : null,
      kind: d.kind,
      syntax: d.syntax,
      front: d.front,
      back: d.kind === 'cloze' ? filledIn(d.front, d.back) : d.back,
      title: null,
      context: d.context,
      headingPath: d.headingPath,
      line: d.line,
      endLine: d.endLine,
      explicitId: null,
    });
  }
  cards.sort((a, b) => a.line - b.line || a.endLine - b.endLine);
  return { cards, counts, withheld };
}

/** A front that counts what its answer lists ("What are the three examples …?"): the learner knows how many to recall. */
const COUNTED_RE = /\b(?:\d+|two|three|four|five|six|seven|eight|nine|ten)\b/i;

/** A list of at most four items: a group's children, which its question asks for together. */
function isShortList(back: string): boolean {
  const lines = back.split('\n').filter((l) => l.trim() !== '');
  return lines.length >= 2 && lines.length <= 4 && lines.every((l) => /^\s*(?:[-*+]|\d+[.)])\s/.test(l));
}

/**
 * Questions a label makes that ask nothing a learner can check: a quality
 * ("How reliable are networks?" — "unreliable"), a vague action ("How do you
 * handle errors …?"). Graders
 * of the seeds' cards found these weak or circular nearly every time.
 */
const VAGUE_LABEL_QUESTION_RE =
  /^(?:How (?:reliable|variable|accurate|predictable) (?:is|are) |Why (?:is|are) .+ (?:uncertain|complex)\?$|How do you (?:handle|deal with|manage|enhance|improve|map|meet|approach|use) )/;

/** Cards whose question was made from a label (a bullet's bold term, an outline topic). */
const LABEL_SYNTAXES: ReadonlySet<NoteSyntax> = new Set(['note-definition', 'note-outline']);

/**
 * The derived cards that keep the rules of a good card (src/quality, the
 * rules `engram check --quality` applies to any deck), and those that do
 * not, with the first rule each breaks. Of two cards that ask the same thing
 * (two wordings of one sentence in the notes), the first is kept.
 */
function qualityGate(derived: readonly DerivedCard[]): { passed: DerivedCard[]; withheld: WithheldCard[] } {
  const withheld: WithheldCard[] = [];
  const checked: DerivedCard[] = [];
  for (const d of derived) {
    const back = d.kind === 'cloze' ? filledIn(d.front, d.back) : d.back;
    const finding = cardFindings({ kind: d.kind, front: d.front, back, context: d.context, headingPath: d.headingPath })[0];
    if (finding !== undefined) withheld.push({ line: d.line, front: d.front, rule: finding.rule });
    // A question made from a note's label ("How do you enhance reliability?") asks one thing only when its
    // answer states one: with several facts a learner cannot tell which one the question wants.
    else if (LABEL_SYNTAXES.has(d.syntax) && d.kind === 'basic' && !isShortList(back) && factCount(back) > 1 && !COUNTED_RE.test(d.front)) {
      withheld.push({ line: d.line, front: d.front, rule: 'multi-fact-answer' });
    } else if (LABEL_SYNTAXES.has(d.syntax) && VAGUE_LABEL_QUESTION_RE.test(d.front)) {
      withheld.push({ line: d.line, front: d.front, rule: 'label-front' });
    } else checked.push(d);
  }
  const repeats = new Set<number>();
  const candidates = checked.map((d) => askedPart({ kind: d.kind, front: d.front, back: d.kind === 'cloze' ? filledIn(d.front, d.back) : d.back }));
  for (const { b } of laterRepeats(candidates, DERIVED_REPEAT_SIMILARITY)) {
    repeats.add(b);
    withheld.push({ line: checked[b]!.line, front: checked[b]!.front, rule: 'duplicate' });
  }
  withheld.sort((a, b) => a.line - b.line);
  return { passed: checked.filter((_, i) => !repeats.has(i)), withheld };
}

/**
 * The answer side of a derived cloze as engram's clozes have it: the question
 * with each gap filled in, in bold (an extractor gives the hidden term alone).
 */
function filledIn(front: string, term: string): string {
  return front.replace(GAP, () => `**${term}**`);
}

/** A gap, plain or with its hint (`**[3 names]**`). */
const GAP = /\*\*\[[^\]\n]*\]\*\*/g;
