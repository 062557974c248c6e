/**
 * Long answers cut into parts that each fit MAX_ANSWER_CHARS, always at a
 * boundary a reader sees: between list items first, then between lines of
 * one item, then between sentences, and only as a last resort between words.
 */
import type { Nodes } from 'mdast';
import { type DerivedCard, MAX_ANSWER_CHARS } from './derived-card.js';

/** One piece of an answer: markdown lines and where they come from (cleaned-text lines). */
export interface AnswerUnit {
  text: string;
  line: number;
  endLine: number;
}

/** One part of an answer, ready to be a card's back. */
export interface AnswerPart {
  text: string;
  line: number;
  endLine: number;
}

/**
 * The units packed greedily, in order, into parts of at most `limit`
 * characters (units joined by newlines). A unit that alone is too long is
 * split into its lines, sentences or words first, so every part fits.
 * Returns [] when the units hold no text; never throws.
 */
export function answerParts(units: readonly AnswerUnit[], limit: number = MAX_ANSWER_CHARS): AnswerPart[] {
  const parts: AnswerPart[] = [];
  let current: AnswerPart | null = null;
  for (const unit of units.flatMap((u) => fitting(u, limit))) {
    if (current !== null && current.text.length + 1 + unit.text.length <= limit) {
      current.text += `\n${unit.text}`;
      current.endLine = Math.max(current.endLine, unit.endLine);
    } else {
      if (current !== null) parts.push(current);
      current = { ...unit };
    }
  }
  if (current !== null) parts.push(current);
  return parts;
}

/** The unit as pieces no longer than the limit, cut at the coarsest boundary that works. */
function fitting(unit: AnswerUnit, limit: number): AnswerUnit[] {
  const text = unit.text.trim();
  if (text === '') return [];
  if (text.length <= limit) return [{ ...unit, text }];
  const lines = text.split('\n');
  if (lines.length > 1) {
    return lines.flatMap((line) => fitting({ ...unit, text: line }, limit));
  }
  const indent = /^\s*(?:[-*+] |\d+[.)] )?/.exec(unit.text)?.[0] ?? '';
  return pieces(text, limit).map((piece, i) => ({ ...unit, text: i === 0 ? piece : continued(indent, piece) }));
}

/** Later pieces of a cut bullet keep its indentation so they still read as part of it. */
function continued(indent: string, piece: string): string {
  return indent === '' ? piece : ' '.repeat(indent.length) + piece;
}

/** One long line cut between sentences, or between words when a sentence is too long. */
function pieces(text: string, limit: number): string[] {
  const sentences = text.split(/(?<=[.!?])\s+/);
  const out: string[] = [];
  let current = '';
  for (const raw of sentences.flatMap((s) => (s.trim().length > limit ? words(s.trim(), limit) : [s.trim()]))) {
    if (raw === '') continue;
    if (current !== '' && current.length + 1 + raw.length <= limit) current += ` ${raw}`;
    else {
      if (current !== '') out.push(current);
      current = raw;
    }
  }
  if (current !== '') out.push(current);
  return out;
}

/** A sentence longer than the limit cut between words (a word longer than the limit is cut). */
function words(sentence: string, limit: number): string[] {
  const out: string[] = [];
  let current = '';
  for (const word of sentence.split(/\s+/)) {
    for (let start = 0; start < word.length; start += limit) {
      const chunk = word.slice(start, start + limit);
      if (current !== '' && current.length + 1 + chunk.length <= limit) current += ` ${chunk}`;
      else {
        if (current !== '') out.push(current);
        current = chunk;
      }
    }
  }
  if (current !== '') out.push(current);
  return out;
}

/** The first line of `node` in the original file. */
export function nodeStart(node: Nodes, lineOf: (line: number) => number): number {
  return lineOf(node.position?.start.line ?? 1);
}

/** The last line of `node` in the original file. */
export function nodeEnd(node: Nodes, lineOf: (line: number) => number): number {
  return lineOf(node.position?.end.line ?? node.position?.start.line ?? 1);
}

/**
 * Basic cards asking `front`, one per part of the answer (`Front (1/2)`, ...
 * when it had to be cut): the first starts at `span.line`, later ones at their
 * own lines; a card that is whole ends at `span.endLine`.
 * Returns [] when the units hold no text.
 */
export function partCards(
  front: string,
  units: readonly AnswerUnit[],
  span: { line: number; endLine: number },
  card: Pick<DerivedCard, 'syntax' | 'context' | 'headingPath'>,
): DerivedCard[] {
  const parts = answerParts(units);
  return parts.map((part, i) => ({
    kind: 'basic',
    ...card,
    front: parts.length > 1 ? `${front} (${i + 1}/${parts.length})` : front,
    back: part.text,
    line: i === 0 ? span.line : part.line,
    endLine: parts.length === 1 ? span.endLine : part.endLine,
  }));
}
