import type { RunResult } from '../../run/run-types.js';
import { GRADE_NAMES } from '../card/grade-names.js';
import { segment, type Segment, type StyledLine } from '../markdown/styled-line.js';
import { wrapKeepingBlank, wrapSegments } from '../markdown/wrap-segments.js';
import type { CheckView, RunView } from './code-views.js';
import { expandTabs, formatMs, outputLine, runSectionLines, type RunSectionLook } from './run-section.js';

/** The review's run pane: the output is what it shows, its verdict last. */
const REVIEW_RUN_LOOK: RunSectionLook = { ask: (lang) => `Run this ${lang} block? `, no: ' no', status: statusSegments, quiet: false };

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
    lines.push(...runSectionLines(run, width, REVIEW_RUN_LOOK));
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
        ...wrapSegments([segment(head, { dim: true })], width),
        ...text.flatMap((line, i) => {
          const cursor = i === text.length - 1 ? [segment(' ', { inverse: true })] : [];
          return wrapKeepingBlank([segment(`› ${line}`), ...cursor], width);
        }),
      ];
    }
    case 'waiting':
      return wrapSegments([segment('Running the code to check your prediction…', { dim: true })], width);
    case 'checked': {
      const out: StyledLine[] = [];
      const verdict = check.suggested === null ? segment('? Not checked', { bold: true, color: 'yellow' }) : check.correct ? segment('✓ Right', { bold: true, color: 'green' }) : segment('✗ Not quite', { bold: true, color: 'red' });
      // Verdict and suggestion on one line: the diff below gets the room.
      // Enter takes a suggested pass; Again and an unchecked answer need their digit (the controller's accept).
      const suggestion =
        check.suggested === null
          ? [segment('  grade it: 1-4', { dim: true })]
          : [
              segment('  suggested: '),
              segment(`${check.suggested} ${GRADE_NAMES[check.suggested]}`, { bold: true }),
              segment(check.suggested === 1 ? ' · press 1 for it, 2-4 if you knew it' : ' (enter) · 1-4 to choose', { dim: true }),
            ];
      out.push(...wrapSegments([verdict, ...suggestion], width));
      if (check.lines && !check.correct) {
        out.push(...wrapSegments([segment('- your line not in the output   + output line you did not predict', { dim: true })], width));
        for (const l of check.lines) {
          const mark = l.op === 'same' ? '  ' : l.op === 'extra' ? '- ' : '+ ';
          const style = l.op === 'same' ? {} : { color: l.op === 'extra' ? ('red' as const) : ('green' as const) };
          // As the output pane shows it, spaces kept: the line is typed from what is seen.
          out.push(...outputLine(mark + expandTabs(l.text), style, width));
        }
      } else if (check.words && !check.correct) {
        const parts: Segment[] = [];
        check.words.forEach((w, i) => {
          if (i > 0) parts.push(segment(' '));
          parts.push(w.op === 'same' ? segment(w.text) : w.op === 'missing' ? segment(`+${w.text}`, { color: 'green', underline: true }) : segment(`-${w.text}`, { color: 'red', strikethrough: true }));
        });
        out.push(...wrapSegments(parts, width));
      } else if (check.suggested === null && check.given !== '') {
        out.push(...wrapSegments([segment(`You said: ${check.given}`, { dim: true })], width));
      }
      if (check.note) out.push(...wrapSegments([segment(check.note, { color: 'yellow' })], width));
      return out;
    }
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
