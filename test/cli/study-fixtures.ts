import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { CardState, Phase } from '../../src/model/card-state.js';
import { saveCardState } from '../../src/store/card-state-rows.js';
import { openStore, type Store } from '../../src/store/open-store.js';
import { FIXED_NOW } from '../helpers/run-engram.js';
import { md, type CardJson, type CliEnv } from './cli-env.js';
import type { Settings } from '../../src/app/settings/settings.js';

/** The fixed clock of every spawned engram, in UTC ms (2026-03-02 10:00 UTC, a Monday). */
export const NOW = Date.parse(FIXED_NOW);
export const MINUTE = 60_000;
export const HOUR = 60 * MINUTE;
export const DAY = 24 * HOUR;

/** What `engram due --json` prints. */
export interface DueCardJson {
  id: number;
  deck: string;
  kind: 'basic' | 'reversed' | 'cloze';
  phase: Phase;
  due: string | null;
  front: string;
  source: { path: string; line: number } | null;
}

export interface DueJson {
  counts: { new: number; learning: number; review: number };
  cards: DueCardJson[];
}

/** What `engram config --json` prints. */
export interface ConfigJson {
  path: string;
  settings: Settings;
  decks: Record<string, { 'new-per-day'?: number; 'reviews-per-day'?: number }>;
}

/**
 * A card file for `deck` (frontmatter `deck:`), one `front::answer` card per
 * front, separated by blank lines. Such cards have no siblings, so every one of
 * them can be shown the same day. Card i (from 0) is on line 5 + 2i.
 */
export function deckFile(deck: string, fronts: readonly string[]): string {
  return md('---', `deck: ${deck}`, '---', '', ...fronts.flatMap((front, i) => [`${front}::answer ${i + 1}`, '']));
}

/** `prefix 1` … `prefix n`. */
export function numbered(prefix: string, n: number): string[] {
  return Array.from({ length: n }, (_, i) => `${prefix} ${i + 1}`);
}

/** Writes the files under `work` and imports them all (in the order given); throws when the import fails. */
export function importFiles(env: CliEnv, files: Record<string, string>): void {
  for (const [path, content] of Object.entries(files)) env.write(path, content);
  const r = env.run(['import', ...Object.keys(files)]);
  if (r.status !== 0) throw new Error(`import failed (${r.status}): ${r.stderr}`);
}

/** Every active card, by its front (fronts are unique in these tests). */
export function cardsByFront(env: CliEnv): Map<string, CardJson> {
  const r = env.json<CardJson[]>(['cards']);
  if (r.status !== 0) throw new Error(`engram cards failed (${r.status}): ${r.stderr}`);
  return new Map(r.data.map((c) => [c.front, c]));
}

/** The id of the card with this front. */
export function idOf(env: CliEnv, front: string): number {
  const card = cardsByFront(env).get(front);
  if (!card) throw new Error(`no card "${front}"`);
  return card.id;
}

/** Opens the test's default store, runs `fn`, and always closes it. */
export function withStore<T>(env: CliEnv, fn: (store: Store) => T): T {
  if (!existsSync(env.defaultStore)) throw new Error(`no store at ${env.defaultStore}`);
  const store = openStore(env.defaultStore, { create: false });
  try {
    return fn(store);
  } finally {
    store.close();
  }
}

/** Rows in a table of the default store. */
export function rowCount(env: CliEnv, table: 'reviews' | 'card_state'): number {
  return withStore(env, (store) => (store.db.prepare(`SELECT COUNT(*) AS n FROM ${table}`).get() as { n: number }).n);
}

/** A plausible cached state in `phase`, due at `due` (UTC ms). */
export function stateAt(phase: Exclude<Phase, 'new'>, due: number): CardState {
  const review = phase === 'review';
  return {
    phase,
    due,
    stability: review ? 4 : 0.4,
    difficulty: 5,
    scheduledDays: review ? 3 : 0,
    learningSteps: review ? 0 : 1,
    reps: review ? 2 : 1,
    lapses: 0,
    lastReview: review ? due - 3 * DAY : NOW - 5 * MINUTE,
  };
}

/** Saves a state for each card id into the default store. */
export function setStates(env: CliEnv, states: ReadonlyArray<readonly [number, CardState]>): void {
  withStore(env, (store) => store.transaction(() => states.forEach(([id, s]) => saveCardState(store, id, s))));
}

/** An instant as engram prints it in JSON. */
export const iso = (ms: number): string => new Date(ms).toISOString();

/** $XDG_CONFIG_HOME/engram/config.json of the test's private HOME. */
export function configFile(env: CliEnv): string {
  return join(env.home, '.config', 'engram', 'config.json');
}
