import type { RunResult } from '../../run/run-types.js';
import { sanitizeText } from '../markdown/sanitize-text.js';
import { segment, type Segment, type Style, type StyledLine } from '../markdown/styled-line.js';
import { wrapSegments } from '../markdown/wrap-segments.js';
import { breakCodeLine } from '../markdown/break-code-line.js';
import { textWidth } from '../terminal/text-width.js';
import type { RunView } from './code-views.js';

/** How a screen shows its run where the review and the quiz differ. */
export interface RunSectionLook {
  /** The trust question's ask, after the deck's note ("Run this js block? "), for a block in `lang`. */
  ask(lang: string): string;
  /** What `n` does, after the key (" no"). */
  no: string;
  /** The finished run's verdict line. */
  status(result: RunResult): Segment[];
  /**
   * Output shown as evidence under a prediction (the quiz): dim, below the
   * verdict. Otherwise the pane is the output's own
   * (the review): plain, "(no output)" and a cut output said, the verdict
   * last, as a shell shows it.
   */
  quiet: boolean;
}

/**
 * A screen's run pane as lines of `width`, on the review and the quiz alike:
 * which block to run, whether to trust the deck, the output streaming in, or
 * the run's verdict with all it printed.
 */
export function runSectionLines(run: RunView, width: number, look: RunSectionLook): StyledLine[] {
  switch (run.step) {
    case 'choose':
      return [
        ...wrapSegments([segment('Which block? ', { bold: true }), segment('1-9 runs it · esc cancels', { dim: true })], width),
        ...run.blocks.slice(0, 9).map((b, i) => wrapSegments([segment(` ${i + 1} `, { bold: true }), segment(`${b.lang || 'code'}  `, { dim: true }), segment(firstLine(b.code))], width)[0] ?? []),
      ];
    case 'trust':
      return wrapSegments(
        [
          segment(`Deck "${sanitizeText(run.deck)}" is not trusted: its code has not run here before, or it changed since. `),
          segment(look.ask(run.block.lang || 'code')),
          segment('y', { bold: true }),
          segment(' once · '),
          segment('a', { bold: true }),
          segment(' trust the deck · '),
          segment('n', { bold: true }),
          segment(look.no),
        ],
        width,
      );
    case 'running':
      return [...wrapSegments([segment(`▶ running ${run.block.lang}…`, { bold: true }), segment('  esc stops it', { dim: true })], width), ...outputLines(run.output, width, look.quiet)];
    case 'finished': {
      // What streamed, in the order it came (a runner that did not stream still has its result).
      const output = run.output || run.result.stdout + run.result.stderr;
      const status = wrapSegments(look.status(run.result), width);
      if (look.quiet) return [...status, ...outputLines(output, width, true)];
      return [...outputLines(output, width, false, run.result), ...status];
    }
  }
}

function outputLines(output: string, width: number, quiet: boolean, result?: RunResult): StyledLine[] {
  if (output === '') return result && result.reason === null ? [[segment('(no output)', { dim: true })]] : [];
  const lines = output.replace(/\n$/, '').split('\n');
  const out = lines.flatMap((l) => outputLine(l, quiet ? { dim: true } : {}, width));
  if (result?.truncated) out.push([segment('… output cut at the limit', { color: 'yellow' })]);
  return out;
}

/**
 * One line of a program's output as a terminal shows it: every space kept
 * (uniq -c pads its counts, and a prediction is typed from what the pane
 * shows), tabs to the next multiple of 8 columns, never reflowed between
 * words; a line wider than the pane is cut where it ends, as a terminal
 * wraps it.
 */
export function outputLine(text: string, style: Style, width: number): StyledLine[] {
  return breakCodeLine([segment(expandTabs(text), style)], width);
}

/** `text` with each tab turned into the spaces up to the next tab stop (every 8 columns), as a terminal draws it. */
export function expandTabs(text: string): string {
  if (!text.includes('\t')) return text;
  const parts = text.split('\t');
  let out = parts[0]!;
  for (const part of parts.slice(1)) out += ' '.repeat(TAB_STOP - (textWidth(out) % TAB_STOP)) + part;
  return out;
}

const TAB_STOP = 8;

/** A run's time: "340 ms", "1.2 s". */
export function formatMs(ms: number): string {
  return ms < 1000 ? `${Math.round(ms)} ms` : `${(ms / 1000).toFixed(1)} s`;
}

function firstLine(code: string): string {
  return code.split('\n').find((l) => l.trim() !== '')?.trim() ?? '';
}
