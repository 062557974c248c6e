import { compareOutput } from '../../check/compare-output.js';
import type { QuizAnswer, QuizItem } from '../../app/quiz/quiz-session.js';
import { compareTyped } from '../../check/word-diff.js';
import type { RunResult } from '../../run/run-types.js';
import { GRADE_NAMES } from '../card/grade-names.js';
import type { RunView } from '../code-pane/code-views.js';
import { expandTabs, formatMs, outputLine, runSectionLines, type RunSectionLook } from '../code-pane/run-section.js';
import { sanitizeText } from '../markdown/sanitize-text.js';
import { segment, type Segment, type Style, type StyledLine } from '../markdown/styled-line.js';
import { wrapKeepingBlank, wrapSegments } from '../markdown/wrap-segments.js';
import { currentItem, type QuizScreenState } from './quiz-screen-state.js';

/** The quiz's run pane: the code runs to check a prediction, its output the evidence under the verdict. */
const QUIZ_RUN_LOOK: RunSectionLook = { ask: (lang) => `Run this ${lang} block to check your prediction? `, no: ' no, judge it myself', status: runStatus, quiet: true };

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
    return { lines: feedbackLines(item, answer, s.run, width, scheduled, s.gradeChosen), follow: false };
  }
  // While asking, what needs the user is last: the cursor, the trust question, new output, "was it right?".
  return { lines: askingLines(s, item, width), follow: true };
}

function askingLines(s: QuizScreenState, item: QuizItem, width: number): StyledLine[] {
  const ask = item.ask;
  switch (ask.kind) {
    case 'choice':
      return [...wrapSegments([segment('Pick the answer: ', { bold: true }), segment('1-4', { bold: true }), segment(' picks it', { dim: true })], width), ...ask.options.flatMap((o, i) => optionLines(i, o, {}, width))];
    case 'typed':
      if (s.unchecked !== null) {
        return [
          ...wrapSegments([segment('Yours: ', { dim: true }), segment(sanitizeText(s.text) || '(nothing typed)')], width),
          [],
          ...wrapSegments([segment(s.unchecked, { color: 'yellow' })], width),
          ...judgeLines('Was your answer right?', width),
        ];
      }
      return [...wrapSegments([segment('Type the answer. ', { bold: true }), segment('enter checks it', { dim: true })], width), ...boxLines(s.text, true, width)];
    case 'predict': {
      if (!s.submitted) {
        return [
          ...wrapSegments([segment('Predict the output. ', { bold: true }), segment('enter: new line · enter on an empty line or ctrl-d: check', { dim: true })], width),
          ...boxLines(s.text, true, width),
        ];
      }
      const out = [...wrapSegments([segment('Your prediction:', { dim: true })], width), ...boxLines(s.text.replace(/\n+$/, ''), false, width)];
      if (s.run) out.push([], ...runSectionLines(s.run, width, QUIZ_RUN_LOOK));
      if (s.unchecked !== null) out.push([], ...wrapSegments([segment(s.unchecked, { color: 'yellow' })], width), ...judgeLines('Was your prediction right?', width));
      return out;
    }
    case 'recall':
      return s.revealed ? judgeLines('Did you know it?', width) : [];
  }
}

function judgeLines(question: string, width: number): StyledLine[] {
  return wrapSegments([segment(`${question} `, { bold: true }), segment('y', { bold: true }), segment(' right · '), segment('n', { bold: true }), segment(' wrong')], width);
}

/**
 * Right, wrong, or a near miss: a wrong answer whose suggested grade is Hard (a
 * slip, a missing article) is still counted wrong, but says it came close, so
 * a typo does not read like not knowing the card.
 */
function verdict(answer: QuizAnswer) {
  if (answer.correct) return segment('✓ Right', { bold: true, color: 'green' });
  if (answer.grade === 2) return segment('≈ Nearly right (counted wrong)', { bold: true, color: 'yellow' });
  return segment('✗ Wrong', { bold: true, color: 'red' });
}

function feedbackLines(item: QuizItem, answer: QuizAnswer, run: RunView | null, width: number, scheduled: boolean, chosen: boolean): StyledLine[] {
  const ask = item.ask;
  const out: StyledLine[] = [[verdict(answer)]];
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
      // Judged by the user against the whole answer: a word diff with it would only be noise.
      if (ask.expected === null) out.push(...wrapSegments([segment('Yours: ', { dim: true }), segment(sanitizeText(answer.given) || '(nothing typed)')], width));
      else out.push(...typedDiffLines(answer, width));
      break;
    case 'predict':
      if (answer.expected === '' && !answer.correct && answer.given !== '') out.push(...wrapSegments([segment(`You predicted: ${oneLine(answer.given)}`, { dim: true })], width));
      else if (answer.expected !== '' || answer.given !== '') out.push(...outputDiffLines(answer, ask.unordered, width));
      if (run?.step === 'finished') out.push(...wrapSegments(runStatus(run.result), width));
      break;
    case 'recall':
      break;
  }
  if (scheduled) {
    // Enter records Again only once the user chose it (the controller holds it back otherwise).
    const keys = answer.grade === 1 && !chosen ? ' · press 1 to record it, 2-4 if you knew it' : ' · 1-4 changes it · enter goes on';
    out.push([], ...wrapSegments([segment('Grade to record: '), segment(`${answer.grade} ${GRADE_NAMES[answer.grade]}`, { bold: true }), segment(keys, { dim: true })], width));
  }
  return out;
}

function typedDiffLines(answer: QuizAnswer, width: number): StyledLine[] {
  if (answer.given.trim() === '') return wrapSegments([segment('(nothing typed)', { dim: true })], width);
  const parts: Segment[] = [segment('Yours: ', { dim: true })];
  if (answer.correct) {
    parts.push(segment(sanitizeText(answer.given)));
    return wrapSegments(parts, width);
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
  return [...wrapSegments(parts, width), ...wrapSegments([segment('+ missing word   - word not in the answer', { dim: true })], width)];
}

function outputDiffLines(answer: QuizAnswer, unordered: boolean, width: number): StyledLine[] {
  const { diff } = compareOutput(answer.given, answer.expected, { unordered });
  const out: StyledLine[] = [];
  if (!answer.correct) out.push(...wrapSegments([segment('- your line not in the output   + output line you did not predict', { dim: true })], width));
  for (const l of diff) {
    const mark = l.op === 'same' ? '  ' : l.op === 'extra' ? '- ' : '+ ';
    const style = l.op === 'same' ? {} : { color: l.op === 'extra' ? ('red' as const) : ('green' as const) };
    out.push(...outputLine(mark + expandTabs(sanitizeText(l.text)), style, width));
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

/** Text on one line for a short note: line breaks shown as ⏎. */
export function oneLine(text: string): string {
  return sanitizeText(text).replace(/^\n+/, '').trimEnd().replace(/\n/g, ' ⏎ ');
}
