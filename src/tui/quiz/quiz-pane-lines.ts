import type { Grade } from '../../model/review.js';
import { compareOutput } from '../../check/compare-output.js';
import type { QuizAnswer, QuizItem } from '../../app/quiz/quiz-session.js';
import { compareTyped } from '../../check/word-diff.js';
import type { RunResult } from '../../run/run-types.js';
import { sanitizeText } from '../markdown/sanitize-text.js';
import { segment, type Segment, type Style, type StyledLine } from '../markdown/styled-line.js';
import { wrapSegments } from '../markdown/wrap-segments.js';
import { currentItem, type QuizRunView, type QuizScreenState } from './quiz-screen-state.js';

/** Grade names as the review screen's buttons call them. */
export const GRADE_NAMES: Record<Grade, string> = { 1: 'Again', 2: 'Hard', 3: 'Good', 4: 'Easy' };

/** The pane under the card, laid out; `follow` when its end matters most (typing, output arriving). */
export interface QuizPaneLayout {
  lines: StyledLine[];
  follow: boolean;
}

/**
 * What goes under the card for the question on screen: the options, the
 * answer box, the run of a prediction's code; after the answer, the verdict,
 * the diff and (with --schedule) the grade. Empty when there is nothing.
 */
export function quizPaneLines(s: QuizScreenState, width: number, scheduled: boolean): QuizPaneLayout {
  const item = currentItem(s);
  if (!item) return { lines: [], follow: false };
  if (s.quiz.phase === 'feedback') {
    const answer = s.quiz.answers[s.quiz.answers.length - 1];
    if (!answer) return { lines: [], follow: false };
    return { lines: feedbackLines(item, answer, s.run, width, scheduled), follow: false };
  }
  // While asking, what needs the user is last: the cursor, the trust question, new output, "was it right?".
  return { lines: askingLines(s, item, width), follow: true };
}

function askingLines(s: QuizScreenState, item: QuizItem, width: number): StyledLine[] {
  const ask = item.ask;
  switch (ask.kind) {
    case 'choice':
      return [...wrap([segment('Pick the answer: ', { bold: true }), segment('1-4', { bold: true }), segment(' picks it', { dim: true })], width), ...ask.options.flatMap((o, i) => optionLines(i, o, {}, width))];
    case 'typed':
      return [...wrap([segment('Type the answer. ', { bold: true }), segment('enter checks it', { dim: true })], width), ...boxLines(s.text, true, width)];
    case 'predict': {
      if (!s.submitted) {
        return [
          ...wrap([segment('Predict the output. ', { bold: true }), segment('enter: new line · enter on an empty line or ctrl-d: check', { dim: true })], width),
          ...boxLines(s.text, true, width),
        ];
      }
      const out = [...wrap([segment('Your prediction:', { dim: true })], width), ...boxLines(s.text.replace(/\n+$/, ''), false, width)];
      if (s.run) out.push([], ...runLines(s.run, width));
      if (s.unchecked !== null) out.push([], ...wrap([segment(s.unchecked, { color: 'yellow' })], width), ...judgeLines('Was your prediction right?', width));
      return out;
    }
    case 'recall':
      return s.revealed ? judgeLines('Did you know it?', width) : [];
  }
}

function judgeLines(question: string, width: number): StyledLine[] {
  return wrap([segment(`${question} `, { bold: true }), segment('y', { bold: true }), segment(' right · '), segment('n', { bold: true }), segment(' wrong')], width);
}

function feedbackLines(item: QuizItem, answer: QuizAnswer, run: QuizRunView | null, width: number, scheduled: boolean): StyledLine[] {
  const ask = item.ask;
  const out: StyledLine[] = [[answer.correct ? segment('✓ Right', { bold: true, color: 'green' }) : segment('✗ Wrong', { bold: true, color: 'red' })]];
  switch (ask.kind) {
    case 'choice':
      ask.options.forEach((o, i) => {
        const right = i === ask.correct;
        const picked = o === answer.given;
        const mark = right ? { text: '✓', style: { bold: true, color: 'green' as const } } : picked ? { text: '✗', style: { bold: true, color: 'red' as const } } : null;
        out.push(...optionLines(i, o, { mark, dim: !right && !picked }, width));
      });
      break;
    case 'typed':
      out.push(...typedDiffLines(answer, width));
      break;
    case 'predict':
      if (answer.expected === '' && !answer.correct && answer.given !== '') out.push(...wrap([segment(`You predicted: ${oneLine(answer.given)}`, { dim: true })], width));
      else if (answer.expected !== '' || answer.given !== '') out.push(...outputDiffLines(answer, ask.unordered, width));
      if (run?.step === 'finished') out.push(...wrap(runStatus(run.result), width));
      break;
    case 'recall':
      break;
  }
  if (scheduled) {
    out.push(
      [],
      ...wrap([segment('Grade to record: '), segment(`${answer.grade} ${GRADE_NAMES[answer.grade]}`, { bold: true }), segment(' · 1-4 changes it · enter goes on', { dim: true })], width),
    );
  }
  return out;
}

function typedDiffLines(answer: QuizAnswer, width: number): StyledLine[] {
  if (answer.given.trim() === '') return wrap([segment('(nothing typed)', { dim: true })], width);
  const parts: Segment[] = [segment('Yours: ', { dim: true })];
  if (answer.correct) {
    parts.push(segment(sanitizeText(answer.given)));
    return wrap(parts, width);
  }
  compareTyped(answer.given, answer.expected).parts.forEach((w, i) => {
    if (i > 0) parts.push(segment(' '));
    parts.push(
      w.op === 'same'
        ? segment(sanitizeText(w.text))
        : w.op === 'missing'
          ? segment(`+${sanitizeText(w.text)}`, { color: 'green', underline: true })
          : segment(`-${sanitizeText(w.text)}`, { color: 'red', strikethrough: true }),
    );
  });
  return [...wrap(parts, width), ...wrap([segment('+ missing word   - word not in the answer', { dim: true })], width)];
}

function outputDiffLines(answer: QuizAnswer, unordered: boolean, width: number): StyledLine[] {
  const { diff } = compareOutput(answer.given, answer.expected, { unordered });
  const out: StyledLine[] = [];
  if (!answer.correct) out.push(...wrap([segment('- your line not in the output   + output line you did not predict', { dim: true })], width));
  for (const l of diff) {
    const mark = l.op === 'same' ? '  ' : l.op === 'extra' ? '- ' : '+ ';
    const style = l.op === 'same' ? {} : { color: l.op === 'extra' ? ('red' as const) : ('green' as const) };
    out.push(...wrapKeepingBlank([segment(keepIndent(mark + sanitizeText(l.text).replace(/\t/g, '    ')), style)], width));
  }
  if (diff.length === 0) out.push([segment('(no output)', { dim: true })]);
  return out;
}

function optionLines(i: number, text: string, o: { mark?: { text: string; style: Style } | null; dim?: boolean }, width: number): StyledLine[] {
  const head: Segment[] = [o.mark ? segment(o.mark.text, o.mark.style) : segment(' '), segment(` ${i + 1} `, { bold: true })];
  const body = wrapSegments([segment(sanitizeText(text), { dim: o.dim ?? false })], Math.max(1, width - 4));
  return body.map((line, n) => (n === 0 ? [...head, ...line] : [segment('    '), ...line]));
}

/** The answer box: each typed line after `›`, with a cursor at the end while typing. */
function boxLines(text: string, cursor: boolean, width: number): StyledLine[] {
  const lines = text.split('\n');
  return lines.flatMap((line, i) => {
    const tail = cursor && i === lines.length - 1 ? [segment(' ', { inverse: true })] : [];
    return wrapKeepingBlank([segment(`› ${line}`), ...tail], width);
  });
}

function runLines(run: QuizRunView, width: number): StyledLine[] {
  switch (run.step) {
    case 'trust':
      return wrap(
        [
          segment(`Deck "${sanitizeText(run.deck)}" is not trusted: its code has not run here before, or it changed since. `),
          segment(`Run this ${run.block.lang || 'code'} block to check your prediction? `),
          segment('y', { bold: true }),
          segment(' once · '),
          segment('a', { bold: true }),
          segment(' trust the deck · '),
          segment('n', { bold: true }),
          segment(' no, judge it myself'),
        ],
        width,
      );
    case 'running':
      return [...wrap([segment(`▶ running ${run.block.lang}…`, { bold: true }), segment('  esc stops it', { dim: true })], width), ...outputLines(run.output, width)];
    case 'finished':
      return [...wrap(runStatus(run.result), width), ...outputLines(run.output || run.result.stdout + run.result.stderr, width)];
  }
}

/** A run's one-line verdict: exit code and time, or why it stopped; the sandbox when there was none. */
function runStatus(r: RunResult): Segment[] {
  const out: Segment[] = [];
  if (r.reason === null) {
    const ok = r.exit === 0;
    out.push(segment(ok ? 'ran: ' : 'ran, failed: ', { dim: true }), segment(`exit ${r.exit ?? r.signal} · ${formatMs(r.ms)}`, { dim: true }));
    if (!ok) out.push(segment('  only its standard output is compared', { color: 'yellow' }));
  } else {
    out.push(segment('■ ', { bold: true, color: 'yellow' }), segment(r.message ?? r.reason));
  }
  if (r.sandbox === 'none') out.push(segment('  unsandboxed', { color: 'yellow' }));
  return out;
}

function outputLines(output: string, width: number): StyledLine[] {
  if (output === '') return [];
  return output
    .replace(/\n$/, '')
    .split('\n')
    .flatMap((l) => wrapKeepingBlank([segment(keepIndent(l.replace(/\t/g, '    ')), { dim: true })], width));
}

/**
 * The line with its leading spaces as no-break spaces: wrapping drops spaces at
 * the start of a line, and in program output they are part of the answer.
 */
function keepIndent(text: string): string {
  return text.replace(/^ +/, (spaces) => '\u00a0'.repeat(spaces.length));
}

/** Text on one line for a short note: line breaks shown as ⏎. */
export function oneLine(text: string): string {
  return sanitizeText(text).replace(/^\n+/, '').trimEnd().replace(/\n/g, ' ⏎ ');
}

function formatMs(ms: number): string {
  return ms < 1000 ? `${Math.round(ms)} ms` : `${(ms / 1000).toFixed(1)} s`;
}

function wrap(segments: Segment[], width: number): StyledLine[] {
  return wrapSegments(segments, width);
}

/** Wrapped, but an empty line stays a line: output and diffs keep their blank lines. */
function wrapKeepingBlank(segments: Segment[], width: number): StyledLine[] {
  const lines = wrapSegments(segments, width);
  return lines.length > 0 ? lines : [[]];
}
