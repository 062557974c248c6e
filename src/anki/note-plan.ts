import type { AnkiCard, AnkiCollection, AnkiNote, AnkiNoteType } from '../model/anki-collection.js';
import { fieldMarkdown, fieldPlainText, type FieldMedia } from './html-markdown.js';

/** What an Anki card is among the engram cards its note's markdown gives. */
export type CardRole = { kind: 'basic' } | { kind: 'reversed' } | { kind: 'cloze'; number: number };

/** One note as engram writes it: its markdown block and which Anki card is which engram card. */
export interface NotePlan {
  note: AnkiNote;
  /** The `engram-id` its block carries (see {@link ankiNoteId}). */
  id: string;
  /** The deck (path of names) its block goes to: its first card's home deck. */
  deck: string[];
  /** The markdown block, id comment first, no blank line at either end. */
  markdown: string;
  /** Anki card id to the engram card it becomes. */
  roles: Map<number, CardRole>;
  media: FieldMedia[];
  /** Cards of the note that give no engram card, with why. */
  skipped: { card: AnkiCard; reason: string }[];
}

/** A note that gives no markdown at all, with why. */
export interface SkippedNote {
  note: AnkiNote;
  reason: string;
}

/** The prefix of the guids engram gives notes of its own cards on export: such a note is found by its card key. */
export const ENGRAM_GUID_PREFIX = 'engram-';

/** The engram-id of an Anki note: its guid, base64url (guids hold `<`, `>`, spaces, which an id comment cannot). */
export function ankiNoteId(guid: string): string {
  return `anki-${Buffer.from(guid, 'utf8').toString('base64url')}`;
}

/** The guid an `anki-…` engram-id was made from, or null for any other id. */
export function guidOfNoteId(id: string): string | null {
  if (!id.startsWith('anki-')) return null;
  const guid = Buffer.from(id.slice(5), 'base64url').toString('utf8');
  return ankiNoteId(guid) === id ? guid : null;
}

/** Template references that are no field of the note. */
const SPECIAL = new Set(['FrontSide', 'Tags', 'Deck', 'Subdeck', 'Card', 'CardFlag', 'Type', 'CardID']);
const REF_RE = /\{\{([^#/^!{}][^{}]*)\}\}/g;

/** The fields a template shows, in order (filters like `type:` and `cloze:` read through; conditionals left out). */
export function templateFields(template: string): { name: string; filter: string | null }[] {
  const out: { name: string; filter: string | null }[] = [];
  for (const m of template.matchAll(REF_RE)) {
    const parts = m[1]!.trim().split(':');
    const name = parts.pop()!.trim();
    if (SPECIAL.has(name)) continue;
    out.push({ name, filter: parts.length ? parts[0]!.trim() : null });
  }
  return out;
}

/** How engram writes a note type's notes. */
type Shape =
  | { kind: 'cloze'; text: number; extra: number[] }
  | { kind: 'basic'; front: number[]; back: number[]; typed: number | null; reverse: boolean }
  | { kind: 'none'; reason: string };

function shapeOf(type: AnkiNoteType): Shape {
  const index = (name: string) => type.fields.indexOf(name);
  const t0 = type.templates[0];
  if (!t0) return { kind: 'none', reason: `its note type "${type.name}" has no card template` };
  const front = templateFields(t0.front);
  const back = templateFields(t0.back);
  if (type.cloze || front.some((f) => f.filter === 'cloze')) {
    if (/image.occlusion/i.test(type.name) || front.some((f) => /^image.occlusion/i.test(f.filter ?? ''))) {
      return { kind: 'none', reason: 'it is an image occlusion note: engram cannot mask parts of an image' };
    }
    const cloze = front.find((f) => f.filter === 'cloze');
    const text = cloze ? index(cloze.name) : -1;
    if (text < 0) return { kind: 'none', reason: `its cloze note type "${type.name}" shows no cloze field` };
    const extra = unique(back.filter((f) => f.filter !== 'cloze').map((f) => index(f.name))).filter((i) => i >= 0 && i !== text);
    return { kind: 'cloze', text, extra };
  }
  const typedRef = front.find((f) => f.filter === 'type');
  const frontIdx = unique(front.filter((f) => f.filter !== 'type').map((f) => index(f.name))).filter((i) => i >= 0);
  const typed = typedRef ? index(typedRef.name) : -1;
  const backIdx = unique(back.filter((f) => f.filter !== 'type').map((f) => index(f.name))).filter((i) => i >= 0 && !frontIdx.includes(i));
  if (typed >= 0 && !backIdx.includes(typed)) backIdx.unshift(typed);
  if (frontIdx.length === 0 || backIdx.length === 0) return { kind: 'none', reason: `its note type "${type.name}" has no question or no answer field in its first template` };
  const t1 = type.templates[1];
  const reverse =
    t1 !== undefined &&
    sameSet(templateFields(t1.front).map((f) => index(f.name)).filter((i) => i >= 0), backIdx) &&
    templateFields(t1.back).some((f) => frontIdx.includes(index(f.name)));
  return { kind: 'basic', front: frontIdx, back: backIdx, typed: typed >= 0 ? typed : null, reverse };
}

function unique(xs: number[]): number[] {
  return [...new Set(xs)];
}

function sameSet(a: number[], b: number[]): boolean {
  const sa = new Set(a);
  return sa.size === new Set(b).size && b.every((x) => sa.has(x));
}

const CLOZE_OPEN_RE = /\{\{c(\d+(?:\s*,\s*\d+)*)::/g;

/** The card numbers of a cloze text (0 makes no card), ascending. */
export function clozeNumbers(text: string): number[] {
  const numbers = new Set<number>();
  for (const m of text.matchAll(CLOZE_OPEN_RE)) for (const n of m[1]!.split(',')) if (Number(n) > 0) numbers.add(Number(n));
  return [...numbers].sort((a, b) => a - b);
}

/** Every cloze marker on one line: Anki's cloze may span a line break, engram's must not. */
function oneLineClozes(markdown: string): string {
  return /\{\{c\d[^}]*\n/.test(markdown) || markdown.split('\n').some((l) => (l.match(/\{\{/g) ?? []).length !== (l.match(/\}\}/g) ?? []).length)
    ? markdown.replace(/\n/g, ' ')
    : markdown;
}

/**
 * How each note of a collection is written in engram's syntaxes: basic notes
 * as `Q:`/`A:`, notes with a reverse card as `front ?? back`, typed answers
 * with an ```` ```answer ```` block, clozes as Anki clozes (hints and nesting
 * as written; the extra fields below, shown on both sides); other note types
 * from their first template's fields. `mediaDir` is the folder media links
 * point into, relative to the deck file.
 */
export function planNotes(collection: AnkiCollection, mediaDir: string): { plans: NotePlan[]; skipped: SkippedNote[] } {
  const cardsOf = new Map<number, AnkiCard[]>();
  for (const c of collection.cards) {
    const list = cardsOf.get(c.noteId);
    if (list) list.push(c);
    else cardsOf.set(c.noteId, [c]);
  }
  const shapes = new Map<number, Shape>();
  const plans: NotePlan[] = [];
  const skipped: SkippedNote[] = [];
  for (const note of collection.notes) {
    const cards = (cardsOf.get(note.id) ?? []).sort((a, b) => a.ord - b.ord);
    if (cards.length === 0) {
      skipped.push({ note, reason: 'it has no card' });
      continue;
    }
    const type = collection.noteTypes.get(note.noteTypeId);
    if (!type) {
      skipped.push({ note, reason: 'its note type is missing from the collection' });
      continue;
    }
    let shape = shapes.get(type.id);
    if (!shape) shapes.set(type.id, (shape = shapeOf(type)));
    if (shape.kind === 'none') {
      skipped.push({ note, reason: shape.reason });
      continue;
    }
    const home = cards[0]!.originalDeckId || cards[0]!.deckId;
    const deck = collection.decks.get(home)?.path ?? ['Default'];
    const media: FieldMedia[] = [];
    const md = (i: number) => fieldMarkdown(note.fields[i] ?? '', mediaDir, media);
    const join = (idx: number[]) => idx.map(md).filter((s) => s !== '').join('\n');
    const id = ankiNoteId(note.guid);
    const roles = new Map<number, CardRole>();
    const cardSkips: NotePlan['skipped'] = [];
    let body: string;
    if (shape.kind === 'cloze') {
      const text = oneLineClozes(md(shape.text));
      const numbers = clozeNumbers(text);
      if (numbers.length === 0) {
        skipped.push({ note, reason: 'its cloze text has no cloze' });
        continue;
      }
      const extra = join(shape.extra);
      body = extra ? `${text}\n${extra}` : text;
      for (const c of cards) {
        if (numbers.includes(c.ord + 1)) roles.set(c.id, { kind: 'cloze', number: c.ord + 1 });
        else cardSkips.push({ card: c, reason: `its text has no cloze c${c.ord + 1} any more` });
      }
    } else {
      const front = join(shape.front);
      const back = join(shape.back);
      if (front === '' || back === '') {
        skipped.push({ note, reason: `its ${front === '' ? 'question' : 'answer'} is empty` });
        continue;
      }
      const hasReverse = shape.reverse && cards.some((c) => c.ord === 1);
      if (hasReverse) body = `${front}\n??\n${back}`;
      else if (shape.typed !== null) {
        const answer = fieldPlainText(note.fields[shape.typed] ?? '');
        body = `Q: ${front}\nA: ${back}\n\n\`\`\`answer\n${answer}\n\`\`\``;
      } else body = `Q: ${front}\nA: ${back}`;
      for (const c of cards) {
        if (c.ord === 0) roles.set(c.id, { kind: 'basic' });
        else if (c.ord === 1 && hasReverse) roles.set(c.id, { kind: 'reversed' });
        else cardSkips.push({ card: c, reason: `its note type "${type.name}" has a card ${c.ord + 1} that engram has no syntax for` });
      }
    }
    plans.push({ note, id, deck, markdown: `<!-- engram-id: ${id} -->\n${body}`, roles, media, skipped: cardSkips });
  }
  return { plans, skipped };
}
