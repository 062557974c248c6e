import { splitFenced } from './card-code.js';

/** Stands for a code span or an escaped character while links and emphasis are stripped. */
const HOLE = '\uE000';
const ASCII_PUNCTUATION_RE = /[!-/:-@[-`{-~]/;
const THEMATIC_BREAK_RE = /^ {0,3}([-*_])(?:[ \t]*\1){2,}[ \t]*$/;
const QUOTE_RE = /^[ \t]*(?:>[ \t]?)+/;
const BULLET_RE = /^[ \t]*(?:[-*+]|\d{1,9}[.)])[ \t]+(?:\[[ xX]\][ \t]+)?/;
const HEADING_RE = /^[ \t]*#{1,6}[ \t]+/;
const CLOSING_HASHES_RE = /[ \t]+#+[ \t]*$/;
const WIKI_LINK_RE = /\[\[([^[\]|\n]*)(?:\|([^[\]\n]*))?\]\]/g;
const INLINE_LINK_RE = /!?\[([^[\]\n]*)\]\([^()\n]*\)/g;
const REFERENCE_LINK_RE = /!?\[([^[\]\n]*)\]\[[^[\]\n]*\]/g;
const AUTOLINK_RE = /<((?:https?|mailto):[^<>\s]*)>/g;

/**
 * A card side's markdown as the plain text a user would type or pick: fenced
 * code kept as written; in prose, emphasis and strikethrough markers, code
 * span ticks, escapes, link targets (links become their text, images their
 * alt text), list bullets, quote markers, heading hashes and rules dropped.
 * Lines are right-trimmed, blank edge lines dropped and blank runs collapsed
 * to one. Linear in the length of the text.
 */
export function plainTextOf(markdown: string): string {
  const lines: string[] = [];
  for (const segment of splitFenced(markdown)) {
    if (segment.kind === 'code') lines.push(...segment.code.split('\n'));
    else for (const line of segment.text.split('\n')) lines.push(plainLine(line));
  }
  const out: string[] = [];
  for (const line of lines.map((l) => l.trimEnd())) {
    if (line === '' && (out.length === 0 || out[out.length - 1] === '')) continue;
    out.push(line);
  }
  while (out.length > 0 && out[out.length - 1] === '') out.pop();
  return out.join('\n');
}

function plainLine(line: string): string {
  if (THEMATIC_BREAK_RE.test(line)) return '';
  let text = line.replace(QUOTE_RE, '').replace(BULLET_RE, '');
  if (HEADING_RE.test(text)) text = text.replace(HEADING_RE, '').replace(CLOSING_HASHES_RE, '');
  const { masked, literals } = holdLiterals(text.trim());
  const linked = masked
    .replace(WIKI_LINK_RE, (_, target: string, alias: string | undefined) => alias ?? target)
    .replace(INLINE_LINK_RE, '$1')
    .replace(REFERENCE_LINK_RE, '$1')
    .replace(AUTOLINK_RE, '$1');
  let k = 0;
  return dropEmphasis(linked).replace(/\uE000/g, () => literals[k++] ?? '');
}

/**
 * The line with each code span and backslash escape replaced by HOLE, and
 * what each hole stands for, in order: their text must survive link and
 * emphasis stripping untouched. A backtick run whose length never closes is
 * remembered, so a line of odd runs stays linear instead of rescanning.
 */
function holdLiterals(line: string): { masked: string; literals: string[] } {
  const literals: string[] = [];
  const neverCloses = new Set<number>();
  let masked = '';
  let i = 0;
  const clean = line.replaceAll(HOLE, '');
  while (i < clean.length) {
    const c = clean[i]!;
    if (c === '\\' && i + 1 < clean.length && ASCII_PUNCTUATION_RE.test(clean[i + 1]!)) {
      literals.push(clean[i + 1]!);
      masked += HOLE;
      i += 2;
      continue;
    }
    if (c !== '`') {
      masked += c;
      i++;
      continue;
    }
    const run = runEnd(clean, i) - i;
    const close = neverCloses.has(run) ? -1 : closingRun(clean, i + run, run);
    if (close < 0) {
      neverCloses.add(run);
      masked += clean.slice(i, i + run);
      i += run;
      continue;
    }
    const content = clean.slice(i + run, close);
    // CommonMark strips one space each side so `` `x` `` can show a backtick.
    literals.push(content.length > 2 && content.startsWith(' ') && content.endsWith(' ') && content.trim() !== '' ? content.slice(1, -1) : content);
    masked += HOLE;
    i = close + run;
  }
  return { masked, literals };
}

function runEnd(text: string, from: number): number {
  let j = from;
  while (j < text.length && text[j] === '`') j++;
  return j;
}

/** Start of the next backtick run of exactly `length` at or after `from`, or -1. */
function closingRun(text: string, from: number, length: number): number {
  let j = text.indexOf('`', from);
  while (j >= 0) {
    const end = runEnd(text, j);
    if (end - j === length) return j;
    j = text.indexOf('`', end);
  }
  return -1;
}

/**
 * The text without `*`, `_` and `~~` runs that pair up as emphasis: a run can
 * open before a non-space and close after one (`_` only at a word's edge, so
 * `snake_case` stays); a closer takes the nearest open run of its character.
 * Unpaired runs (`a * b`, `2*3`) are kept. One pass.
 */
function dropEmphasis(text: string): string {
  const runs: { from: number; to: number; drop: boolean }[] = [];
  const open = new Map<string, number[]>();
  for (let i = 0; i < text.length; ) {
    const c = text[i]!;
    if (c !== '*' && c !== '_' && c !== '~') {
      i++;
      continue;
    }
    let j = i;
    while (j < text.length && text[j] === c) j++;
    const before = text[i - 1];
    const after = text[j];
    let canOpen = after !== undefined && !/\s/.test(after);
    let canClose = before !== undefined && !/\s/.test(before);
    if (c === '_') {
      canOpen &&= before === undefined || !/[\p{L}\p{N}]/u.test(before);
      canClose &&= after === undefined || !/[\p{L}\p{N}]/u.test(after);
    }
    // A single `~` is "about" (`~5 min`), not strikethrough.
    if (c === '~' && j - i < 2) canOpen = canClose = false;
    const run = { from: i, to: j, drop: false };
    runs.push(run);
    const stack = open.get(c) ?? [];
    open.set(c, stack);
    if (canClose && stack.length > 0) {
      run.drop = true;
      runs[stack.pop()!]!.drop = true;
    } else if (canOpen) {
      stack.push(runs.length - 1);
    }
    i = j;
  }
  let out = '';
  let at = 0;
  for (const run of runs) {
    if (!run.drop) continue;
    out += text.slice(at, run.from);
    at = run.to;
  }
  return out + text.slice(at);
}
