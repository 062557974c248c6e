/**
 * Cards from bold-term summaries. `- **Term:** definition` asks the question
 * the term names ("What are fencing tokens?", "What causes delay?", "How are
 * fencing tokens implemented?": label-questions.ts) and answers it with the
 * sentences that do (bullet-answers.ts), one fact, short. A bold group over
 * child bullets asks for its children as a list whose size the front names
 * ("What are the three properties of …?"), and each child that is a term of
 * its own asks in the light of its group ("How can switch queues cause
 * delay?"). Vague labels ("Other Reasons", "Realistic Approach"), claims and
 * instructions give no label card. The sentences no card took are handed to
 * the sentence rules (sentence-cards.ts). The headings above are the card's
 * heading path; an enclosing term is its context.
 *
 * The note is read in three steps: its bullets are collected, their labels
 * tagged in one call of the tagger, and the cards made.
 */
import type { List, ListItem, Paragraph, Root, RootContent } from 'mdast';
import { nodeEnd, nodeStart } from './answer-parts.js';
import { ANSWER_MAX, boldDefinition, defines, isNoise, LIST_MAX, meaningOf, pickAnswer, plain } from './bullet-answers.js';
import { bulletSentences } from './bullet-sentences.js';
import type { DerivedCard } from './derived-card.js';
import { casingOf, type Casing } from './label-casing.js';
import { childQuestion, cleanLabel, labelQuestion, MEMBER_FACETS, numberWord, tagLabels, type LabelQuestion } from './label-questions.js';
import { eachBlockUnderHeadings, inlineMarkdown, listItemLines, type NodeTextOptions } from './node-text.js';
import { looseSentenceCards, type LooseSentence } from './sentence-cards.js';
import type { Sentence } from './sentences.js';
import { wikiText } from './wiki-text.js';

const TEXT: NodeTextOptions = { text: (value) => wikiText(value) };

// `**Term:**`, `**Term**:`, and the broken marks notes really hold
// (`**Term:***`, `*Term:**`). The term is capped so a line that only looks
// like one costs a bounded amount of backtracking.
const TERM = /^(?:\*{1,3}|_{1,2})(?!\s)([^*\n]{1,200}?)\s*(:?)(?:\*{1,3}|_{1,2})\**\s*(:?)\s*/;

/** A list answer's items are short points; past this, an item is a fact of its own. */
const MAX_LIST_ITEM = 140;

/** A bullet (or a bold paragraph) that opens with a term. */
interface TermEntry {
  kind: 'term';
  label: string;
  /** The text after the term and any paragraphs under it, markdown on one line. */
  text: string;
  /** The paragraphs its text is read from. */
  paragraphs: Paragraph[];
  /** The first paragraph opens with the term (a bullet), rather than being all text (a paragraph under a bold label). */
  opensWithTerm: boolean;
  /** Its sentences (tagged, the term cut off), worked out on first use. */
  sentences?: Sentence[];
  children: Entry[];
  headingPath: string[];
  line: number;
  endLine: number;
}

/** A bullet without a term. */
interface PlainEntry {
  kind: 'plain';
  /** Its first paragraph, rendered as markdown on one line only when a card needs it. */
  text?: string;
  paragraph: Paragraph | null;
  /** The item, rendered as `- …` lines only when a list answer needs it. */
  item: ListItem;
  children: Entry[];
  headingPath: string[];
  line: number;
  endLine: number;
}

type Entry = TermEntry | PlainEntry;

/** A paragraph read as a term and what follows it on the same line. */
interface TermLine {
  term: string;
  rest: string;
  hasColon: boolean;
}

/**
 * The definition cards of a parsed note, in document order. `lineOf` maps a
 * cleaned-text line to the original file's line. Returns [] when the note has
 * no definitions; never throws.
 */
export function extractDefinitionBullets(tree: Root, lineOf: (cleanedLine: number) => number): DerivedCard[] {
  const entries = collect(tree, lineOf);
  // Plain bullets are read for their sentences only in a note of terms: an outline has its own reader.
  if (!hasTerm(entries)) return [];
  tagLabels(tagTexts(entries));
  const scope: Scope = { parent: null, casing: casingOf(tree), cards: [], asked: new Set(), loose: [] };
  for (const entry of entries) make(entry, scope);
  for (const card of looseSentenceCards(scope.loose)) {
    if (scope.asked.has(card.front.toLowerCase())) continue;
    scope.asked.add(card.front.toLowerCase());
    scope.cards.push(card);
  }
  return scope.cards.sort((a, b) => a.line - b.line);
}

// ---- Collecting the bullets ----

function hasTerm(entries: readonly Entry[]): boolean {
  return entries.some((e) => e.kind === 'term' || hasTerm(e.children));
}

function collect(tree: Root, lineOf: (cleanedLine: number) => number): Entry[] {
  const entries: Entry[] = [];
  // A bold label alone on its paragraph ("**Properties of X:**") heads the list or paragraph after it.
  let pending: { found: TermLine; block: Paragraph; path: string } | null = null;
  eachBlockUnderHeadings(
    tree,
    (block, headingPath) => {
      const label = pending !== null && pending.path === headingPath.join('\u0000') ? pending : null;
      pending = null;
      if (label !== null && (block.type === 'list' || (block.type === 'paragraph' && termLine(block) === null))) {
        const span = { line: nodeStart(label.block, lineOf), endLine: nodeEnd(block, lineOf) };
        const text = block.type === 'paragraph' ? inlineMarkdown(block.children, TEXT) : '';
        const children = block.type === 'list' ? listEntries(block, headingPath, lineOf) : [];
        const paragraphs = block.type === 'paragraph' ? [block] : [];
        entries.push({ kind: 'term', label: label.found.term, text, paragraphs, children, headingPath, ...span, opensWithTerm: false });
        return;
      }
      if (block.type === 'paragraph') {
        const found = termLine(block);
        if (found !== null && found.hasColon && found.rest === '') {
          pending = { found, block, path: headingPath.join('\u0000') };
          return;
        }
      }
      entries.push(...blockEntries(block, headingPath, lineOf));
    },
    TEXT,
  );
  return entries;
}

function blockEntries(block: RootContent, headingPath: string[], lineOf: (line: number) => number): Entry[] {
  if (block.type === 'list') return listEntries(block, headingPath, lineOf);
  if (block.type === 'blockquote') return block.children.flatMap((child) => blockEntries(child, headingPath, lineOf));
  if (block.type === 'paragraph') {
    // A bold term opening a plain paragraph defines it only when a colon says so.
    const found = termLine(block);
    if (found !== null && found.hasColon && found.rest !== '') {
      return [{ kind: 'term', label: found.term, text: found.rest, paragraphs: [block], children: [], headingPath, line: nodeStart(block, lineOf), endLine: nodeEnd(block, lineOf), opensWithTerm: true }];
    }
  }
  return [];
}

function listEntries(list: List, headingPath: string[], lineOf: (line: number) => number): Entry[] {
  const entries: Entry[] = [];
  for (const item of list.children) {
    const span = { line: nodeStart(item, lineOf), endLine: nodeEnd(item, lineOf) };
    const children: Entry[] = [];
    const paragraphs: string[] = [];
    const nodes: Paragraph[] = [];
    // Everything after the item's own line; an item that opens with a list (deep nesting) has no line.
    for (const block of item.children[0]?.type === 'paragraph' ? item.children.slice(1) : item.children) {
      if (block.type === 'list') children.push(...listEntries(block, headingPath, lineOf));
      else if (block.type === 'paragraph') {
        paragraphs.push(inlineMarkdown(block.children, TEXT));
        nodes.push(block);
      }
    }
    const found = definitionOf(item);
    const [first] = item.children;
    const opening = first?.type === 'paragraph' ? first : null;
    if (found !== null && opening !== null) {
      const text = [found.rest, ...paragraphs].filter((t) => t !== '').join(' ');
      entries.push({ kind: 'term', label: found.term, text, paragraphs: [opening, ...nodes], children, headingPath, ...span, opensWithTerm: true });
    } else {
      entries.push({ kind: 'plain', paragraph: opening, item, children, headingPath, ...span });
    }
  }
  return entries;
}

/** The item's term when it defines one: a term with text after it, or a term over child bullets. */
function definitionOf(item: ListItem): TermLine | null {
  const [first] = item.children;
  if (first?.type !== 'paragraph') return null;
  const found = termLine(first);
  if (found === null) return null;
  if (found.rest !== '') return found.hasColon ? found : null;
  return item.children.some((child) => child.type === 'list') ? found : null;
}

function termLine(paragraph: Paragraph): TermLine | null {
  // A term opens with emphasis (or with the stray marks of broken emphasis): most bullets are read no further.
  const [head] = paragraph.children;
  if (head === undefined || (head.type === 'text' && !/^\s*[*_]/.test(head.value)) || (head.type !== 'text' && head.type !== 'strong' && head.type !== 'emphasis')) return null;
  const text = inlineMarkdown(paragraph.children, TEXT);
  const match = TERM.exec(text);
  if (match === null) return null;
  const term = match[1]!.trim().replace(/:$/, '').trim();
  if (term === '') return null;
  return { term, rest: text.slice(match[0].length).trim(), hasColon: match[2] === ':' || match[3] === ':' };
}

/** Every text the questions will tag: labels, the headings they may be about, the openings of answers. */
function* tagTexts(entries: readonly Entry[]): Generator<string> {
  for (const entry of entries) {
    if (entry.kind === 'term') {
      yield entry.label;
      const about = entry.headingPath[entry.headingPath.length - 1];
      if (about !== undefined) yield about;
    }
    yield* tagTexts(entry.children);
  }
}

/** An entry's text: a term's is read when collected, a plain bullet's on first use. */
function textOf(entry: Entry): string {
  if (entry.kind === 'plain') entry.text ??= entry.paragraph === null ? '' : inlineMarkdown(entry.paragraph.children, TEXT);
  return entry.text ?? '';
}

function sentencesOfEntry(entry: TermEntry): Sentence[] {
  entry.sentences ??= entry.paragraphs.flatMap((p, i) => bulletSentences(p, i === 0 && entry.opensWithTerm ? TERM : null));
  return entry.sentences;
}

/** The sentences' text with wiki links read as text. */
function textsOf(sentences: readonly Sentence[]): string[] {
  return sentences.map((s) => wikiText(s.text));
}

// ---- Making the cards ----

interface Scope {
  /** The group a bullet sits in: its label and the question it asked. */
  parent: { label: string; question: LabelQuestion | null } | null;
  casing: Casing;
  cards: DerivedCard[];
  /** Questions already asked in this note (lower case): the first card asking one wins. */
  asked: Set<string>;
  /** Sentences left for the sentence rules. */
  loose: LooseSentence[];
}

function make(entry: Entry, scope: Scope): void {
  if (entry.kind === 'plain') {
    // A plain bullet: its sentences may still hold a fact; its children are read as usual.
    looseCards(entry.paragraph === null ? [] : bulletSentences(entry.paragraph), entry, scope, scope.parent?.label ?? null);
    for (const child of entry.children) make(child, scope);
    return;
  }
  termCards(entry, scope);
}

/**
 * The cards of one labelled bullet: the label's question answered by its
 * text, or by its child bullets as a list; each child term's own cards; the
 * bold terms its sentences define; and the sentences left to the sentence rules.
 */
function termCards(entry: TermEntry, scope: Scope): void {
  const { label, text, children } = entry;
  const about = scope.parent?.label ?? entry.headingPath[entry.headingPath.length - 1] ?? null;
  const context = { about, casing: scope.casing };
  // Under "Examples:", "**Safety:** Uniqueness and …" gives examples of safety, not what safety is.
  const underExamples = scope.parent !== null && /^examples?\b/i.test(cleanLabel(scope.parent.label));
  const question = underExamples ? null : scope.parent !== null ? childQuestion(label, scope.parent.question, context) : labelQuestion(label, context);
  const note = plain(`${label}: ${text}`);
  const group = scope.parent?.label ?? null;
  let loose = sentencesOfEntry(entry).filter((s) => !isNoise(s.text));
  let embedded = false;
  const fresh = question !== null && !scope.asked.has(question.question.toLowerCase());

  // "This concept is explored more deeply in …": the note points to where the label is explained; what it says
  // around the pointer is no definition of it.
  const pointsElsewhere = /\b(?:is|are) (?:explored|discussed|covered|described|explained|treated) (?:(?:more |in more )?(?:deeply|detail|further|fully|at length) )?in\b/i.test(text);
  if (question !== null && fresh && text !== '' && pointsElsewhere) {
    loose = [];
  } else if (question !== null && fresh && text !== '') {
    const sentences = sentencesOfEntry(entry);
    const picked = pickAnswer(textsOf(sentences), question, false, sentences.map((x) => x.tokens[0]));
    const named = question.asks === 'examples' && picked.answer !== null ? namedExamples(picked.answer) : null;
    if (named !== null) {
      // "**A**, **B** and **C** are examples of …": the examples, counted, are the answer, not the sentence.
      push(scope, entry, counted(question, named.length), named.map((n) => `- ${n}`).join('\n'), group, note);
      loose = sentences.filter((_, i) => picked.restAt.includes(i));
    } else if (picked.answer !== null) {
      push(scope, entry, question.question, picked.answer, group, note);
      loose = sentences.filter((_, i) => picked.restAt.includes(i));
    }
  } else if (question !== null && fresh && children.length > 0) {
    embedded = listCard(question, entry, scope, group, note);
  }
  for (const sentence of loose) {
    const defined = boldDefinition(wikiText(sentence.text)) ?? meaningOf(wikiText(sentence.text));
    const q = defined === null ? null : labelQuestion(defined.term, { casing: scope.casing });
    if (defined !== null && q !== null && q.asks === 'what' && defined.definition.length <= ANSWER_MAX) {
      if (!scope.asked.has(q.question.toLowerCase())) push(scope, entry, q.question, defined.definition, label, note);
    }
  }
  looseCards(loose.filter((s) => boldDefinition(s.text) === null && meaningOf(s.text) === null), entry, scope, label);
  if (embedded) return;
  const inner: Scope = { ...scope, parent: { label, question } };
  // Children the label card did not take are facts of their own.
  for (const child of children) make(child, inner);
}

/**
 * The group's children as the answer to its question, when they fit and a
 * list answers it: plain bullets as they are; child terms with their
 * definitions when all fit, else by name when the group asks for a set
 * (causes, methods, a facet). Returns true when the children's text is in
 * the card (they then make no cards of their own).
 */
function listCard(question: LabelQuestion, entry: TermEntry, scope: Scope, context: string | null, note: string): boolean {
  const plainItems = entry.children.filter((c): c is PlainEntry => c.kind === 'plain');
  const terms = entry.children.filter((c): c is TermEntry => c.kind === 'term');
  if (plainItems.length === 1 && plainItems[0]!.children.length === 0) {
    // One bullet under a label is the label's text, set on a line of its own.
    const only = plainItems[0]!;
    const said = only.paragraph === null ? [] : bulletSentences(only.paragraph);
    const picked = pickAnswer(textsOf(said), question, false, said.map((x) => x.tokens[0]));
    if (picked.answer === null) return false;
    push(scope, entry, question.question, picked.answer, context, note);
    return picked.rest.length === 0;
  }
  if (plainItems.length > 1) {
    const lines = plainItems.map((c) => listItemLines(c.item, '-', TEXT).join('\n')).filter((l) => l !== '' && !isNoise(plain(l)));
    const answer = lines.join('\n');
    if (lines.length < 2 || answer.length > (question.asks === 'what' ? ANSWER_MAX : LIST_MAX) || !fitsAsList(lines)) return false;
    // A list answers when its items are short points; long sentences are facts of their own.
    if (lines.some((l) => l.length > MAX_LIST_ITEM)) return false;
    // "The four characteristics of X" in full sentences is a set of unrelated facts, not a list to recall.
    const members = question.asks === 'facet' && question.facet !== null && MEMBER_FACETS.has(question.facet);
    if (members && lines.length > 3 && lines.every((l) => /[.!?]$/.test(l))) return false;
    const firstSaid = plainItems[0]!.paragraph === null ? undefined : bulletSentences(plainItems[0]!.paragraph)[0];
    if (question.asks === 'what' && !defines(textOf(plainItems[0]!), question, firstSaid?.tokens[0])) return false;
    push(scope, entry, counted(question, lines.length), answer, context, note);
    return terms.length === 0;
  }
  if (terms.length === 0) return false;
  // The group's terms with what each says; when that is too long, with each one's first sentence.
  let whole = terms.map((c) => (c.text === '' ? `- ${c.label}` : `- **${c.label}:** ${c.text}`)).join('\n');
  const short = whole.length > LIST_MAX;
  if (short) whole = terms.map((c) => (c.text === '' ? `- ${c.label}` : `- **${c.label}:** ${textsOf(sentencesOfEntry(c))[0] ?? ''}`)).join('\n');
  const members = question.asks === 'facet' && question.facet !== null && MEMBER_FACETS.has(question.facet);
  if (question.asks === 'facet' && !members && whole.length <= LIST_MAX && (terms.length < 3 || !short) && terms.every((c) => c.children.length === 0)) {
    push(scope, entry, counted(question, terms.length), whole, context, note);
    // What the list left out of each term is a fact of its own.
    if (short) for (const c of terms) looseCards(sentencesOfEntry(c).slice(1), c, scope, c.label);
    return true;
  }
  const asksForSet = question.asks === 'facet' || question.asks === 'causes' || question.asks === 'methods' || question.asks === 'examples';
  // A list with "Other Reasons" or "Consider as Planned Downtime" in it names nothing a learner can recall.
  const vague = terms.some((c) => labelQuestion(c.label, { casing: scope.casing, pairs: true }) === null);
  // Items that each say what the thing must or may do ("**Dynamic Memory Allocation:** May be restricted") are
  // requirements: their names alone read as the opposite of what the note says.
  const requirements = terms.filter((c) => /^(?:must|should|may|might|can|cannot|needs? to|has to|have to)\b/i.test(c.text.trim())).length * 2 > terms.length;
  if (asksForSet && !vague && !requirements && terms.length >= 2) {
    push(scope, entry, counted(question, terms.length), terms.map((c) => `- ${c.label}`).join('\n'), context, note);
  }
  return false;
}

/**
 * The examples a sentence sets in bold when they open it as a list ("**A**,
 * **B**, and **C** are examples of …"), or null: two to six names, nothing but
 * commas and "and"/"or" between them.
 */
function namedExamples(answer: string): string[] | null {
  const m = /^((?:\*\*[^*]+\*\*(?:,\s*|\s+(?:and|or)\s+|,\s*(?:and|or)\s+))+\*\*[^*]+\*\*)\s+(?:are|were)\s+(?:some\s+)?examples\b/i.exec(answer);
  if (m === null) return null;
  const names = [...m[1]!.matchAll(/\*\*([^*]+)\*\*/g)].map((x) => x[1]!.trim());
  return names.length >= 2 && names.length <= 6 ? names : null;
}

/** A list of sentences is several facts past an answer's length: the items are then cards of their own. */
function fitsAsList(lines: readonly string[]): boolean {
  const sentences = lines.filter((l) => /[.!?]$/.test(l)).length;
  return sentences < 3 || plain(lines.map((l) => l.replace(/^\s*- /, '')).join(' ')).length <= ANSWER_MAX;
}

/** "What are the properties of X?" with the size of the list: "What are the three properties of X?" */
function counted(question: LabelQuestion, n: number): string {
  if (n < 2) return question.question;
  const word = numberWord(n);
  const q = question.question;
  if (/^What are the /.test(q)) return q.replace(/^What are the /, `What are the ${word} `);
  if (/^What are examples of /.test(q)) return q.replace(/^What are examples of /, `What are ${word} examples of `);
  if (/^What causes /.test(q)) return q.replace(/^What causes (.*)\?$/, `What are ${word} causes of $1?`);
  if (/^What can cause /.test(q)) return q.replace(/^What can cause (.*)\?$/, `What are ${word} things that can cause $1?`);
  // "Why are clocks inaccurate?" answered by four points: "What are four reasons clocks are inaccurate?"
  if (n >= 3 && /^Why (?:are|is) .+ \S+\?$/.test(q)) return q.replace(/^Why (are|is) (.+) (\S+)\?$/, `What are ${word} reasons $2 $1 $3?`);
  return q;
}

/** Sentences no label card took, kept for the sentence rules (read all at once at the end). */
function looseCards(sentences: readonly Sentence[], entry: Entry, scope: Scope, label: string | null): void {
  let before: string | null = label;
  for (const sentence of sentences) {
    if (isNoise(sentence.text)) continue;
    scope.loose.push({ sentence, before, headingPath: entry.headingPath, note: plain(textOf(entry)), line: entry.line, endLine: entry.endLine });
    before = sentence.text;
  }
}

function push(scope: Scope, entry: Entry, front: string, back: string, context: string | null, note: string): void {
  scope.asked.add(front.toLowerCase());
  // "every write goes to …" after a term reads as a sentence of its own on the card.
  back = back.replace(/^\p{Ll}/u, (c) => c.toUpperCase());
  scope.cards.push({
    kind: 'basic',
    syntax: 'note-definition',
    front,
    back,
    context,
    headingPath: entry.headingPath,
    note,
    line: entry.line,
    endLine: entry.endLine,
  });
}
