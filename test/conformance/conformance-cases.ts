import { cpSync, readdirSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { importPaths } from '../../src/library/import-sources.js';
import type { Card } from '../../src/model/card.js';
import type { Problem } from '../../src/model/problem.js';
import { library, T0 } from '../library/library-fixture.js';

/** Where each suite of another tool's test cases lives, a folder per case. */
export const CONFORMANCE_ROOT = fileURLToPath(new URL('../fixtures/conformance', import.meta.url));

/** A card as compared across tools: the fields a case states, the others left out. */
export interface ComparedCard {
  /** The card file's name, for cases of several files. */
  file?: string;
  deck?: string;
  kind: Card['kind'];
  front: string;
  back: string;
  /** 1-based first line. */
  line?: number;
}

/**
 * One case of another tool's tests: its input files (*.md) and expected.json,
 * which says what the tool's test expects (`theirs`, in its words), the cards
 * that means in engram's terms, and, where engram deliberately differs, the
 * cards engram gives and why.
 */
export interface ConformanceCase {
  suite: string;
  name: string;
  dir: string;
  source: string;
  test: string;
  /** The tool stops with an error on this input: engram must report a problem (an error or warning) for it. */
  errors?: boolean;
  cards: ComparedCard[];
  engram?: { cards: ComparedCard[]; why: string };
}

/** The cases of one suite, in folder order. */
export function conformanceCases(suite: string): ConformanceCase[] {
  const dir = join(CONFORMANCE_ROOT, suite);
  return readdirSync(dir)
    .sort()
    .map((name) => ({ suite, name, dir: join(dir, name), ...(JSON.parse(readFileSync(join(dir, name, 'expected.json'), 'utf8')) as object) }) as ConformanceCase);
}

/** What `engram import --mode cards` made of a case's files: its cards and the problems reported. */
export function importCase(c: ConformanceCase): { cards: ComparedCard[]; problems: Problem[] } {
  const lib = library();
  const folder = join(lib.notes, c.name);
  cpSync(c.dir, folder, { recursive: true, filter: (src) => !src.endsWith('expected.json') });
  const reports = importPaths(lib.store, [c.name], { cwd: lib.notes, now: T0, mode: 'cards' });
  const cards = lib
    .cards()
    .filter((card) => !card.archived)
    .map((card) => ({ file: basename(card.sourcePath ?? ''), deck: card.deck, kind: card.kind, front: card.front, back: card.back, line: card.line }));
  return { cards, problems: reports.flatMap((r) => r.problems) };
}

/** `actual` cut down to the fields `expected` states (a case need not state file, deck or line), both in one order. */
export function compared(expected: readonly ComparedCard[], actual: readonly ComparedCard[]): { expected: ComparedCard[]; actual: ComparedCard[] } {
  const stated = new Set(expected.flatMap((c) => Object.keys(c)));
  const cut = actual.map((c) => Object.fromEntries(Object.entries(c).filter(([k]) => stated.has(k))) as unknown as ComparedCard);
  return { expected: [...expected].sort(byPlace), actual: cut.sort(byPlace) };
}

function byPlace(a: ComparedCard, b: ComparedCard): number {
  const key = (c: ComparedCard): string => [c.file ?? '', String(c.line ?? 0).padStart(6, '0'), c.kind, c.front, c.back, c.deck ?? ''].join('\u0000');
  const [x, y] = [key(a), key(b)];
  return x < y ? -1 : x > y ? 1 : 0;
}
