import type { RunResult } from '../../run/run-types.js';
import { sanitizeText } from '../markdown/sanitize-text.js';
import { segment, type Segment, type StyledLine } from '../markdown/styled-line.js';
import { wrapSegments } from '../markdown/wrap-segments.js';
import type { CheckView, RunView } from './code-views.js';

const GRADE_NAMES = { 1: 'Again', 2: 'Hard', 3: 'Good', 4: 'Easy' } as const;

/** The pane under the card, laid out; `follow` when its end matters most (output still arriving). */
export interface PaneLayout {
  lines: StyledLine[];
  follow: boolean;
}

/**
 * The answer box and the code pane as lines of `width`: the typed text with a
 * cursor, the check's diff and suggested grade, then the run's question,
 * progress or result with its output. Empty when there is neither.
 */
export function codePaneLines(run: RunView | null, check: CheckView | null, width: number): PaneLayout {
  const lines: StyledLine[] = [];
  if (check) lines.push(...checkLines(check, width));
  if (run) {
    if (lines.length > 0) lines.push([]);
    lines.push(...runLines(run, width));
  }
  // Output that is arriving, or has just ended with its status line last, is read from
  // its end; a checked answer's verdict, at the top, matters more than the output.
  const follow = check?.step === 'typing' || run?.step === 'running' || (run?.step === 'finished' && check === null);
  return { lines, follow };
}

function checkLines(check: CheckView, width: number): StyledLine[] {
  const predict = check.exercise.kind === 'predict';
  switch (check.step) {
    case 'typing': {
      const head = predict ? 'Predict the output:' : 'Type the answer:';
      const text = check.text.split('\n');
      return [
        ...wrap([segment(head, { dim: true })], width),
        ...text.flatMap((line, i) => {
          const cursor = i === text.length - 1 ? [segment(' ', { inverse: true })] : [];
          return wrapKeepingBlank([segment(`› ${line}`), ...cursor], width);
        }),
      ];
    }
    case 'waiting':
      return wrap([segment('Running the code to check your prediction…', { dim: true })], width);
    case 'checked': {
      const out: StyledLine[] = [];
      const verdict = check.suggested === null ? segment('? Not checked', { bold: true, color: 'yellow' }) : check.correct ? segment('✓ Right', { bold: true, color: 'green' }) : segment('✗ Not quite', { bold: true, color: 'red' });
      // Verdict and suggestion on one line: the diff below gets the room.
      const suggestion =
        check.suggested === null ? [] : [segment('  suggested: '), segment(`${check.suggested} ${GRADE_NAMES[check.suggested]}`, { bold: true }), segment(' (enter) · 1-4 to choose', { dim: true })];
      out.push(...wrap([verdict, ...suggestion], width));
      if (check.lines && !check.correct) {
        out.push(...wrap([segment('- your line not in the output   + output line you did not predict', { dim: true })], width));
        for (const l of check.lines) {
          // No-break spaces: a plain leading space would be dropped by the wrapping.
          const mark = l.op === 'same' ? '\u00a0\u00a0' : l.op === 'extra' ? '- ' : '+ ';           const style = l.op === 'same' ? {} : { color: l.op === 'extra' ? ('red' as const) : ('green' as const) };
          out.push(...wrapKeepingBlank([segment(mark + l.text, style)], width));
        }
      } else if (check.words && !check.correct) {
        const parts: Segment[] = [];
        check.words.forEach((w, i) => {
          if (i > 0) parts.push(segment(' '));
          parts.push(w.op === 'same' ? segment(w.text) : w.op === 'missing' ? segment(`+${w.text}`, { color: 'green', underline: true }) : segment(`-${w.text}`, { color: 'red', strikethrough: true }));
        });
        out.push(...wrap(parts, width));
      } else if (check.suggested === null && check.given !== '') {
        out.push(...wrap([segment(`You said: ${check.given}`, { dim: true })], width));
      }
      if (check.note) out.push(...wrap([segment(check.note, { color: 'yellow' })], width));
      return out;
    }
  }
}

function runLines(run: RunView, width: number): StyledLine[] {
  switch (run.step) {
    case 'choose':
      return [
        ...wrap([segment('Which block? ', { bold: true }), segment('1-9 runs it · esc cancels', { dim: true })], width),
        ...run.blocks.slice(0, 9).map((b, i) => truncate([segment(` ${i + 1} `, { bold: true }), segment(`${b.lang || 'code'}  `, { dim: true }), segment(firstLine(b.code))], width)),
      ];
    case 'trust':
      return wrap(
        [
          segment(`Deck "${sanitizeText(run.deck)}" is not trusted: its code has not run here before, or it changed since. `),
          segment('Run this ' + (run.block.lang || 'code') + ' block? '),
          segment('y', { bold: true }),
          segment(' once · '),
          segment('a', { bold: true }),
          segment(' trust the deck · '),
          segment('n', { bold: true }),
          segment(' no'),
        ],
        width,
      );
    case 'running':
      return [
        ...wrap([segment(`▶ running ${run.block.lang}…`, { bold: true }), segment('  esc stops it', { dim: true })], width),
        ...outputLines(run.output, width),
      ];
    case 'finished':
      // What streamed, in the order it came (a runner that did not stream still has its
      // result), then the status last, as a shell shows it.
      return [...outputLines(run.output || run.result.stdout + run.result.stderr, width, run.result), ...wrap(statusSegments(run.result), width)];
  }
}

/** The run's one-line verdict: exit code and time, or why it stopped; the sandbox when there was none. */
export function statusSegments(r: RunResult): Segment[] {
  const out: Segment[] = [];
  if (r.reason === null) {
    const ok = r.exit === 0;
    out.push(segment(ok ? '✓ ' : '✗ ', { bold: true, color: ok ? 'green' : 'red' }), segment(`exit ${r.exit ?? r.signal} · ${formatMs(r.ms)}`));
  } else {
    out.push(segment('■ ', { bold: true, color: 'yellow' }), segment(r.reason === 'cancelled' ? 'stopped' : (r.message ?? r.reason)));
  }
  if (r.sandbox === 'none') out.push(segment('  unsandboxed', { color: 'yellow' }));
  out.push(segment('  r runs again · esc closes', { dim: true }));
  return out;
}

function outputLines(output: string, width: number, result?: RunResult): StyledLine[] {
  if (output === '') return result && result.reason === null ? [[segment('(no output)', { dim: true })]] : [];
  const lines = output.replace(/\n$/, '').split('\n');
  const out = lines.flatMap((l) => wrapKeepingBlank([segment(l.replace(/\t/g, '    '))], width));
  if (result?.truncated) out.push([segment('… output cut at the limit', { color: 'yellow' })]);
  return out;
}

function wrap(segments: Segment[], width: number): StyledLine[] {
  return wrapSegments(segments, width);
}

/** Wrapped, but an empty line stays a line: output and diffs keep their blank lines. */
function wrapKeepingBlank(segments: Segment[], width: number): StyledLine[] {
  const lines = wrapSegments(segments, width);
  return lines.length > 0 ? lines : [[]];
}

function truncate(segments: Segment[], width: number): StyledLine {
  return wrapSegments(segments, width)[0] ?? [];
}

function firstLine(code: string): string {
  return code.split('\n').find((l) => l.trim() !== '')?.trim() ?? '';
}

function formatMs(ms: number): string {
  return ms < 1000 ? `${Math.round(ms)} ms` : `${(ms / 1000).toFixed(1)} s`;
}
