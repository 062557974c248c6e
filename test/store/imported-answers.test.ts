import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Phase } from '../../src/model/card-state.js';
import type { Grade } from '../../src/model/review.js';
import { insertCard } from '../../src/store/cards.js';
import { ensureDeck } from '../../src/store/decks.js';
import { appendImportedColumns, fixFuzzSeed } from '../../src/store/imported-answers.js';
import { PHASE_CODES } from '../../src/store/card-state-rows.js';
import { openStore, type Store } from '../../src/store/open-store.js';
import { appendImportedReview, deleteReview } from '../../src/store/reviews.js';
import { unsentEvents } from '../../src/store/sync-events.js';
import { tempDir } from '../helpers/temp-dir.js';

const NOW = Date.UTC(2026, 0, 5);
const DAY = 86_400_000;

let stores: Store[];

function newStore(): { store: Store; cardId: number } {
  const store = openStore(join(tempDir(), 'engram.db'), { create: true });
  stores.push(store);
  const deckId = ensureDeck(store, 'd', NOW);
  const cardId = insertCard(store, { key: 'k1', sibling: null, deckId, sourceId: null, line: 1, endLine: 1, kind: 'basic', syntax: 'inline', front: 'f', back: 'b', title: null, context: null, headingPath: [] }, NOW);
  return { store, cardId };
}

beforeEach(() => {
  stores = [];
});

afterEach(() => {
  for (const s of stores) s.close();
});

/** An answer to write, as one object (the store takes them as columns: see appendWrites). */
interface Write {
  cardId: number;
  key: string;
  seed: string;
  at: number;
  rating: Grade;
  durationMs: number;
  device: string;
  phaseBefore: Phase;
  intervalBefore: number;
  eventId: string;
}

/** The n-th answer, in phase `phase` before it; its event id a fixed 26-character id. */
function write(cardId: number, n: number, phase: Phase = n === 0 ? 'new' : 'review'): Write {
  return {
    cardId, key: 'k1', seed: 'k1', at: NOW + n * DAY, rating: ((n % 4) + 1) as 1 | 2 | 3 | 4, durationMs: 3000 + n, device: 'anki',
    phaseBefore: phase, intervalBefore: phase === 'review' ? n : 0, eventId: `01KAAAAAAAAAAAAAAAAAA${String(n).padStart(5, '0')}`,
  };
}

/** Writes the answers (of one device) through appendImportedColumns, each its own card entry, in the order given. */
function appendWrites(store: Store, writes: readonly Write[]): boolean[] {
  const columns = {
    cards: writes.map((w) => ({ cardId: w.cardId, key: w.key, seed: w.seed })),
    card: Uint32Array.from(writes, (_, i) => i),
    at: Float64Array.from(writes, (w) => w.at),
    rating: Uint8Array.from(writes, (w) => w.rating),
    durationMs: Float64Array.from(writes, (w) => w.durationMs),
    phaseBefore: Uint8Array.from(writes, (w) => PHASE_CODES[w.phaseBefore]),
    intervalBefore: Float64Array.from(writes, (w) => w.intervalBefore),
    device: writes[0]!.device,
  };
  return appendImportedColumns(store, columns, Uint32Array.from(writes, (_, i) => i), writes.map((w) => w.eventId));
}

const logs = (store: Store) => ({
  reviews: store.db.prepare('SELECT card_id, reviewed_at, rating, duration_ms, session_id, device, state_before, last_interval, event_id FROM reviews ORDER BY id').raw().all(),
  events: store.db.prepare('SELECT id, at, kind, card_key, card_id, target, folded, sent FROM sync_events ORDER BY id').raw().all(),
  // The lines as sent (an imported answer's is made from its answer when sent); the device id is the store's own (random): left out.
  lines: unsentEvents(store).map((e) => e.line.replace(/"device":"[a-z0-9-]+"/, '')),
  seed: store.db.prepare('SELECT fuzz_seed FROM cards').pluck().get(),
});

describe('appendImportedColumns', () => {
  it('writes what appendImportedReview writes one answer at a time: the same answers, events and lines, in batches and the rest', () => {
    const one = newStore();
    const many = newStore();
    const phases: Phase[] = ['new', 'learning', 'review', 'relearning'];
    // 512 a statement: 600 answers are a whole batch and 88 more.
    const writes = Array.from({ length: 600 }, (_, n) => write(many.cardId, n, phases[n % 4]!));
    one.store.transaction(() => {
      for (const w of writes) {
        const before = w.phaseBefore === 'new' ? null : { phase: w.phaseBefore, scheduledDays: w.intervalBefore } as never;
        appendImportedReview(one.store, { cardId: one.cardId, reviewedAt: w.at, rating: w.rating, durationMs: w.durationMs, sessionId: null, device: 'anki' }, w.eventId, before);
      }
    });
    many.store.transaction(() => {
      fixFuzzSeed(many.store, many.cardId, 'k1');
      expect(appendWrites(many.store, writes)).toEqual(writes.map(() => true));
    });
    expect(logs(many.store)).toEqual(logs(one.store));
    expect(logs(many.store).reviews).toHaveLength(600);
  });

  it("keeps no line for an answer it can make it from, and makes it before the answer is undone or its facts rewritten", () => {
    const { store, cardId } = newStore();
    const writes = [write(cardId, 0), write(cardId, 1), write(cardId, 2), { ...write(cardId, 3), seed: 'older-key' }];
    store.transaction(() => appendWrites(store, writes));
    const lines = () => store.db.prepare('SELECT line FROM sync_events ORDER BY id').pluck().all() as string[];
    const made = unsentEvents(store).map((e) => e.line);
    // Answer 3's seed is not its card key: its line is kept as written.
    expect(lines().map((l) => l === '')).toEqual([true, true, true, false]);
    expect(made.map((l) => JSON.parse(l) as unknown)).toEqual(
      writes.map((w) => ({
        v: 1, id: w.eventId, device: expect.any(String), at: w.at, kind: 'answer', card: 'k1', rating: w.rating, durationMs: w.durationMs, session: null, host: 'anki',
        before: w.phaseBefore === 'new' ? null : { phase: w.phaseBefore, intervalDays: w.intervalBefore }, seed: w.seed,
      })),
    );
    // Answer 1 undone, answer 2's facts rewritten by a replay: each line is made first, as it was sent before.
    const reviewId = (n: number) => store.db.prepare('SELECT id FROM reviews WHERE event_id = ?').pluck().get(write(cardId, n).eventId) as number;
    store.transaction(() => {
      store.db.prepare('UPDATE reviews SET state_before = 1, last_interval = 0 WHERE id = ?').run(reviewId(2));
      deleteReview(store, reviewId(1), NOW + 10 * DAY);
    });
    expect(lines().slice(0, 3)).toEqual(['', made[1], made[2]]);
    expect(unsentEvents(store).filter((e) => e.id !== write(cardId, 3).eventId && JSON.parse(e.line).kind === 'answer').map((e) => e.line)).toEqual(made.slice(0, 3));
  });

  it('takes an answer whose event waited for its card, and leaves out one whose event is folded already', () => {
    const { store, cardId } = newStore();
    store.transaction(() => appendWrites(store, [write(cardId, 1)]));
    // Another device's import of the same package sent answer 2 before this store had the card: it waits.
    store.db
      .prepare("INSERT INTO sync_events (id, device, at, kind, card_key, card_id, target, line, folded, sent) VALUES (?, 'phone', ?, 'answer', 'k1', NULL, NULL, '{}', 0, 1)")
      .run(write(cardId, 2).eventId, write(cardId, 2).at);
    const added = store.transaction(() => appendWrites(store, [write(cardId, 1), write(cardId, 2), write(cardId, 3)]));
    expect(added).toEqual([false, true, true]);
    expect(store.db.prepare('SELECT event_id FROM reviews ORDER BY id').pluck().all()).toEqual([1, 2, 3].map((n) => write(cardId, n).eventId));
    expect(store.db.prepare('SELECT folded, card_id FROM sync_events WHERE id = ?').raw().get(write(cardId, 2).eventId)).toEqual([1, cardId]);
  });

  it('fixes a fuzz seed once: a card that has one keeps it', () => {
    const { store, cardId } = newStore();
    fixFuzzSeed(store, cardId, 'first');
    fixFuzzSeed(store, cardId, 'second');
    expect(store.db.prepare('SELECT fuzz_seed FROM cards WHERE id = ?').pluck().get(cardId)).toBe('first');
  });
});
