import { clozeNote, type ClozeNote, type NoteGap } from './cloze-note.js';
import type { Note } from './deck-notes.js';

const FENCE_START_RE = /^[ \t]*(?:`{3,}|~{3,})/;

/**
 * The markdown lines of one note in the syntax its cards came from, without
 * the headings above it (the deck writer places those, and a title-block
 * card's title). Returns a reason instead when the syntax cannot hold the
 * cards as they are.
 */
export function noteLines(note: Note): string[] | { reason: string } {
  const { lead } = note;
  switch (lead.syntax) {
    case 'title-block': {
      const c = lead;
      const context = c.context ? [...c.context.split('\n'), ''] : [];
      return [...context, ...afterMarker(':p', c.front), '??x', ...c.back.split('\n'), 'x??'];
    }
    case 'qa':
      return [...afterMarker('Q:', lead.front), ...afterMarker('A:', lead.back)];
    case 'inline':
    case 'inline-both': {
      const c = forward(note);
      if (c.front.includes('\n') || c.back.includes('\n')) return { reason: 'a front::back card must fit on one line' };
      return [`${c.front}${lead.syntax === 'inline' ? '::' : ':::'}${c.back}`];
    }
    case 'multiline':
    case 'multiline-both': {
      const c = forward(note);
      return [...c.front.split('\n'), lead.syntax === 'multiline' ? '?' : '??', ...c.back.split('\n')];
    }
    case 'qa-cloze':
    case 'highlight-cloze':
    case 'anki-cloze':
      return clozeLines(note);
    default:
      return { reason: `its syntax "${String(lead.syntax)}" is not one this engram writes` };
  }
}

/** The card read the way it was written: a two-way note's forward card, or its reversed one turned round. */
function forward(note: Note): { front: string; back: string } {
  const basic = note.cards.find((c) => c.kind === 'basic');
  if (basic) return basic;
  return { front: note.lead.back, back: note.lead.front };
}

/** `marker text…`; the text goes below a marker when it opens with a code fence or is empty. */
function afterMarker(marker: string, text: string): string[] {
  const lines = text.split('\n');
  if (lines[0] === '' || FENCE_START_RE.test(lines[0]!)) return [marker, ...lines];
  return [`${marker} ${lines[0]}`, ...lines.slice(1)];
}

function clozeLines(note: Note): string[] | { reason: string } {
  const syntax = note.lead.syntax;
  const found = clozeNote(note.cards);
  if ('reason' in found) return found;
  const perCard = new Map<number, number>();
  for (const g of found.gaps) {
    if (g.text.includes('\n')) return { reason: 'a gap spans lines' };
    perCard.set(g.card, (perCard.get(g.card) ?? 0) + 1);
  }
  if (syntax === 'anki-cloze') return ankiClozeText(found).split('\n');
  if ([...perCard.values()].some((n) => n > 1)) return { reason: `a ${syntax} card hides one gap only, and one of these hides several` };
  if (found.gaps.some((g) => g.hint !== null)) return { reason: `a ${syntax} gap has no hint, and one of these shows one` };
  for (let i = 1; i < found.gaps.length; i++) {
    if (found.gaps[i]!.from < found.gaps[i - 1]!.to) return { reason: 'two of its gaps overlap' };
  }
  const marker = (g: NoteGap): string => (syntax === 'qa-cloze' ? `[${g.text}]` : `==${g.text}==`);
  let text = '';
  let at = 0;
  for (const g of found.gaps) {
    text += found.plain.slice(at, g.from) + marker(g);
    at = g.to;
  }
  text += found.plain.slice(at);
  return syntax === 'qa-cloze' ? afterMarker('C:', text) : text.split('\n');
}

/** One gap of an Anki note as written: its place, hint, and every card it is on. */
interface AnkiGap {
  from: number;
  to: number;
  hint: string | null;
  cards: number[];
}

/**
 * An Anki note's text with its clozes: a gap on several cards written once
 * with their numbers (`{{c1,2::…}}`), a gap inside another nested in it, its
 * hint after the gaps it holds (`{{c1::a {{c2::b}}::hint}}`). Cards are
 * numbered in the order their gaps first appear.
 */
function ankiClozeText(found: ClozeNote): string {
  const spans: AnkiGap[] = [];
  for (const g of found.gaps) {
    const last = spans[spans.length - 1];
    if (last && last.from === g.from && last.to === g.to && last.hint === g.hint) last.cards.push(g.card);
    else spans.push({ from: g.from, to: g.to, hint: g.hint, cards: [g.card] });
  }
  const number = new Map<number, number>();
  for (const s of spans) for (const c of s.cards) if (!number.has(c)) number.set(c, number.size + 1);
  let text = '';
  let at = 0;
  const open: AnkiGap[] = [];
  const close = (): void => {
    const s = open.pop()!;
    text += `${found.plain.slice(at, s.to)}${s.hint === null ? '' : `::${s.hint}`}}}`;
    at = s.to;
  };
  for (const s of spans) {
    while (open.length > 0 && open[open.length - 1]!.to <= s.from) close();
    const numbers = [...new Set(s.cards.map((c) => number.get(c)!))].sort((a, b) => a - b);
    text += `${found.plain.slice(at, s.from)}{{c${numbers.join(',')}::`;
    at = s.from;
    open.push(s);
  }
  while (open.length > 0) close();
  return text + found.plain.slice(at);
}
