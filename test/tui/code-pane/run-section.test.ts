import { describe, expect, it } from 'vitest';
import type { RunResult } from '../../../src/run/run-types.js';
import type { RunView } from '../../../src/tui/code-pane/code-views.js';
import { paneSplit } from '../../../src/tui/code-pane/pane-split.js';
import { formatMs, runSectionLines, type RunSectionLook } from '../../../src/tui/code-pane/run-section.js';
import { lineText, segment, type StyledLine } from '../../../src/tui/markdown/styled-line.js';
import { finishedRun, JS_BLOCK } from '../quiz/quiz-fake.js';

const status = (r: RunResult) => [segment(`exit ${r.exit}`)];
const LOUD: RunSectionLook = { ask: (lang) => `Run ${lang}? `, no: ' no', status, quiet: false };
const QUIET: RunSectionLook = { ask: (lang) => `Check with ${lang}? `, no: ' no, I judge', status, quiet: true };

const text = (lines: StyledLine[]) => lines.map((l) => lineText(l));
const finished = (output: string, result: RunResult): RunView => ({ step: 'finished', id: 1, block: JS_BLOCK, purpose: 'predict', output, result });

describe('runSectionLines', () => {
  it('asks about trust in the words of the look', () => {
    const run: RunView = { step: 'trust', block: JS_BLOCK, deck: 'code', purpose: 'predict' };
    expect(text(runSectionLines(run, 200, QUIET))).toEqual(['Deck "code" is not trusted: its code has not run here before, or it changed since. Check with js? y once · a trust the deck · n no, I judge']);
    expect(text(runSectionLines(run, 200, LOUD))[0]).toMatch(/Run js\? y once · a trust the deck · n no$/);
  });

  it('shows a finished run: the output exactly then the verdict, or (quiet) the verdict then the output dim', () => {
    const run = finished('  a\n\tb\nab\tc\n', finishedRun('  a\n\tb\nab\tc\n'));
    expect(text(runSectionLines(run, 40, LOUD))).toEqual(['  a', '        b', 'ab      c', 'exit 0']);
    const quiet = runSectionLines(run, 40, QUIET);
    expect(text(quiet)).toEqual(['exit 0', '  a', '        b', 'ab      c']);
    expect(quiet[1]![0]!.dim).toBe(true);
  });

  it('keeps the padding of uniq -c and cuts a line wider than the pane where it ends, never between words', () => {
    const out = '      1 a\n      2 bb\n';
    expect(text(runSectionLines(finished(out, finishedRun(out)), 40, LOUD))).toEqual(['      1 a', '      2 bb', 'exit 0']);
    const long = 'aaa bbb ccc ddd\n';
    expect(text(runSectionLines(finished(long, finishedRun(long)), 10, LOUD))).toEqual(['aaa bbb cc', '↪ c ddd', 'exit 0']);
  });

  it('says "(no output)" and a cut output only where the pane is the output’s own', () => {
    const cut = finished('', { ...finishedRun(''), truncated: true });
    expect(text(runSectionLines(cut, 40, LOUD))).toEqual(['(no output)', 'exit 0']);
    expect(text(runSectionLines(finished('x\n', { ...finishedRun('x\n'), truncated: true }), 40, LOUD))).toEqual(['x', '… output cut at the limit', 'exit 0']);
    expect(text(runSectionLines(cut, 40, QUIET))).toEqual(['exit 0']);
  });

  it('streams under a running line, and offers at most nine blocks by their first line', () => {
    const running: RunView = { step: 'running', id: 2, block: JS_BLOCK, purpose: 'show', output: 'tick\n' };
    expect(text(runSectionLines(running, 60, LOUD))).toEqual(['▶ running js…  esc stops it', 'tick']);
    const blocks = Array.from({ length: 10 }, (_, i) => ({ ...JS_BLOCK, index: i, code: `\nline ${i}\nmore` }));
    const choose = text(runSectionLines({ step: 'choose', blocks, purpose: 'show' }, 60, LOUD));
    expect(choose).toHaveLength(10);
    expect(choose[0]).toBe('Which block? 1-9 runs it · esc cancels');
    expect(choose[9]).toBe('9 js  line 8');
  });

  it('times runs in ms below a second, in tenths of seconds above', () => {
    expect([formatMs(340.4), formatMs(1234)]).toEqual(['340 ms', '1.2 s']);
  });
});

describe('paneSplit', () => {
  it('gives the pane what it needs up to what the card leaves, at least half the area, and the card the rest', () => {
    expect(paneSplit(19, 5, 0)).toEqual({ paneHeight: 0, bodyHeight: 19 });
    expect(paneSplit(19, 5, 4)).toEqual({ paneHeight: 5, bodyHeight: 14 });
    expect(paneSplit(19, 5, 30)).toEqual({ paneHeight: 14, bodyHeight: 5 });
    expect(paneSplit(19, 40, 30)).toEqual({ paneHeight: 9, bodyHeight: 10 });
    expect(paneSplit(4, 40, 30)).toEqual({ paneHeight: 3, bodyHeight: 1 });
  });
});
