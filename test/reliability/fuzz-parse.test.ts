import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { ParsedCard } from '../../src/model/card.js';
import { decodeSource } from '../../src/parse/decode-source.js';
import { PARSE_MODES } from '../../src/model/parse-mode.js';
import { parseSource, parseText, type ParseResult } from '../../src/parse/parse-source.js';
import { suiteFigures } from './figures.js';
import { anyMarkdown, fileBytes } from './markdown-arbitraries.js';

// Random and mutated markdown through the parser in every mode. Fixed seeds:
// a failure here replays with the same seed (fast-check prints the shrunk input).

/**
 * A hang detector, not a speed target: generated inputs stay under ~600 KB
 * (most are a few KB), which the slowest mode (notes, through remark) reads
 * in under a second; minutes would mean a super-linear path.
 */
const HANG_MS = 10_000;
/**
 * Runs per property are sized for the CI budget. A longer hunt multiplies them
 * and picks other inputs:
 * ENGRAM_FUZZ_SCALE=20 ENGRAM_FUZZ_SEED=1 npx vitest run test/reliability/fuzz-parse.test.ts
 */
const RUNS = Number(process.env['ENGRAM_FUZZ_SCALE'] ?? 1);
const SEED = Number(process.env['ENGRAM_FUZZ_SEED'] ?? 7000);
/** vitest's own timeout for one property, which runs all its inputs. */
const TIMEOUT_MS = 180_000 * RUNS;
const figures = suiteFigures('fuzz', ['inputs tried', 'problems found', 'cards parsed', 'slowest ms']);

/** Parses once, timing it against the hang bound. */
function timed<T>(parse: () => T): T {
  const start = performance.now();
  const result = parse();
  const ms = performance.now() - start;
  figures['slowest ms'] = Math.max(figures['slowest ms'], Math.round(ms));
  expect(ms, 'parse took longer than the hang bound').toBeLessThan(HANG_MS);
  return result;
}

/** Every text of a card that reaches the store and the screen. */
const cardTexts = (c: ParsedCard): string[] => [c.front, c.back, c.title ?? '', c.context ?? '', ...c.headingPath];

/**
 * What every parse result must be, whatever the input: problems at a line of
 * the file (0 = the file as a whole) with a message and a fix; cards inside
 * the file, with both sides, a 32-hex key, each key once.
 */
function checkResult(r: ParseResult, lineCount: number): void {
  for (const p of r.problems) {
    expect(Number.isInteger(p.line) && p.line >= 0 && p.line <= lineCount, `problem line ${p.line} of ${lineCount}: ${p.message}`).toBe(true);
    expect(p.message.trim()).not.toBe('');
    expect(p.fix.trim()).not.toBe('');
    expect(['error', 'warning']).toContain(p.severity);
  }
  const keys = new Set<string>();
  for (const c of r.cards) {
    expect(c.line >= 1 && c.line <= c.endLine && c.endLine <= lineCount, `card lines ${c.line}-${c.endLine} of ${lineCount}`).toBe(true);
    expect(c.front.trim(), 'a card with no question').not.toBe('');
    expect(c.back.trim(), 'a card with no answer').not.toBe('');
    expect(c.key).toMatch(/^[0-9a-f]{32}$/);
    expect(keys.has(c.key), `key ${c.key} twice in one file`).toBe(false);
    keys.add(c.key);
  }
  figures['problems found'] += r.problems.length;
  figures['cards parsed'] += r.cards.length;
}

describe('fuzz: parseText', () => {
  it('never throws or hangs, keeps problems and cards inside the file, and gives the same cards twice', () => {
    fc.assert(
      fc.property(anyMarkdown, (text) => {
        figures['inputs tried']++;
        // parseText ends lines at LF, CRLF and a lone CR.
        const lineCount = text.split(/\r\n?|\n/).length;
        for (const mode of PARSE_MODES) {
          const first = timed(() => parseText(text, 'fuzz.md', mode));
          checkResult(first, lineCount);
          const again = parseText(text, 'fuzz.md', mode);
          expect(again).toEqual(first);
        }
      }),
      { seed: SEED + 1, numRuns: 400 * RUNS },
    );
  }, TIMEOUT_MS);
});

describe('fuzz: parseSource', () => {
  it('decodes any bytes, never throws or hangs, and no card holds a NUL', () => {
    fc.assert(
      fc.property(fileBytes, (bytes) => {
        figures['inputs tried']++;
        const decoded = decodeSource(bytes);
        const lineCount = decoded.text === null ? 0 : decoded.text.split('\n').length;
        for (const mode of PARSE_MODES) {
          const r = timed(() => parseSource(bytes, 'fuzz.md', mode));
          checkResult(r, lineCount);
          if (!r.readable) expect(r.cards).toEqual([]);
          // A NUL in card text would make two cards' identity keys collide
          // (keys join their parts with NUL) and shows as nothing on a terminal.
          for (const c of r.cards) for (const t of cardTexts(c)) expect(t.includes('\u0000'), 'card text holds a NUL').toBe(false);
          expect(parseSource(bytes, 'fuzz.md', mode)).toEqual(r);
        }
      }),
      { seed: SEED + 2, numRuns: 300 * RUNS },
    );
  }, TIMEOUT_MS);
});
