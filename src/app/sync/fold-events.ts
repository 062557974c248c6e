import { FLAG_FAMILY, LOCAL_SETTINGS, settingTarget, type FlagEventKind, type SyncEvent } from '../../model/sync-event.js';
import type { SchedulerSet } from '../../schedule/scheduler-set.js';
import { saveCardState } from '../../store/card-state-rows.js';
import { PHASE_CODES } from '../../store/card-state-rows.js';
import { addKeyAlias, cardForKey } from '../../store/key-aliases.js';
import { withIndexesRemade } from '../../store/bulk-indexes.js';
import { useLargeCache, type Store } from '../../store/open-store.js';
import { factsBefore } from '../../store/reviews.js';
import {
  chosenDaysOf,
  applyFlag,
  deleteReviewByEvent,
  hasLaterFlagEvent,
  hasLaterSettingEvent,
  heldEventIds,
  insertAnswersWithFacts,
  insertForeignEvents,
  type ForeignEventRow,
  type NewAnswer,
  loggedAnswers,
  markFolded,
  pendingEvents,
  replayIdentities,
  hasAnswers,
  type LoggedAnswer,
  type ReplayIdentity,
  seedOfAnswer,
  setCardSeed,
  undoTargets,
  updateAnswerFacts,
} from '../../store/sync-events.js';

/** An event as read from a device's file: the event and its line. */
export interface IncomingEvent {
  event: SyncEvent;
  line: string;
  /** This device's own event (read back from its files: the store was put back to an older copy). */
  own?: boolean;
}

/** What a fold did. */
export interface FoldResult {
  /** Events new to this store. */
  received: number;
  /** Events applied (or found to change nothing) now, earlier waiting ones included. */
  folded: number;
  /** Events waiting: their card is not in this store (not imported here yet). */
  waiting: number;
  /** Cards whose log or flags changed. */
  cardsUpdated: number;
  /** Settings another device changed last (latest by time, then id): for the caller to write to the settings file. */
  settings: { name: string; deck: string | null; value: unknown }[];
}

const FAMILY_KINDS: Record<string, FlagEventKind[]> = {
  suspended: ['suspend', 'unsuspend'],
  buried: ['bury', 'unbury'],
  dropped: ['drop', 'undrop'],
};

/**
 * Folds events read from the files into the store, in one transaction:
 * `incoming` (deduplicated by id against everything the store holds, so this
 * device's own events are folded only when the store lacks them, and a fold
 * of the same events twice changes nothing) and the events
 * that waited for their card at earlier folds. Identity changes first (so
 * answers name cards by any of their keys); answers join the review log
 * unless undone anywhere; undos take theirs out; flags follow the latest
 * event of their family by time, then id (last writer wins). Every card whose
 * log changed is replayed once, its answers merged in replay order (time,
 * then event id) with the seed of its first answer, so every device that
 * holds the same events holds the same states and facts. An event whose card
 * is not here waits for a later fold (after an import). `onProgress` hears
 * how many events were gone through.
 */
export function foldEvents(store: Store, schedulers: SchedulerSet, incoming: readonly IncomingEvent[], onProgress?: (done: number, total: number) => void): FoldResult {
  // A fold of many events writes the event log and the review log at many places: their indexes stay in memory.
  if (incoming.length > 10_000) useLargeCache(store);
  return store.transaction(() => {
    const result: FoldResult = { received: 0, folded: 0, waiting: 0, cardsUpdated: 0, settings: [] };
    const waitingBefore = pendingEvents(store);
    // In id order (ids begin with their time): the event log, keyed by id, then grows at its end, not all over
    // (each device's file is in order already, so the sort merges a few runs). Which event is read first changes nothing else.
    const byId = [...incoming].sort((a, b) => (a.event.id < b.event.id ? -1 : a.event.id > b.event.id ? 1 : 0));
    const all: { event: SyncEvent; line: string | null; own?: boolean }[] = [...waitingBefore.map((event) => ({ event, line: null })), ...byId];
    for (const { event } of all) if (event.kind === 'identity') addKeyAlias(store, event.from, event.card);
    const undone = undoTargets(store);
    for (const { event } of incoming) if (event.kind === 'undo') undone.add(event.target);
    // Keys resolve to the same card through the whole fold: memoised.
    const cards = new Map<string, number | null>();
    const cardOf = (key: string): number | null => {
      let id = cards.get(key);
      if (id === undefined) cards.set(key, (id = cardForKey(store, key)));
      return id;
    };
    // Each card's new answers, by their place in `all` (the order their rows are written in): numbers, not an object an answer.
    const answers = new Map<number, number[]>();
    const replay = new Set<number>();
    const flags: { event: SyncEvent; cardId: number }[] = [];
    const settings: (SyncEvent & { kind: 'setting' })[] = [];
    let done = 0;
    // Events the store holds already (this device's own, a fold of the same lines again) are left out, as are
    // repeats among those read; the others are recorded many a statement, after the loop (nothing in it reads them).
    const held = heldEventIds(store, byId.map((x) => x.event.id));
    const rows: ForeignEventRow[] = [];
    // The events' own log written with its indexes made again after, when the fold is a bulk one (see withIndexesRemade).
    withIndexesRemade(store, 'sync_events', incoming.length, () => {
      let lastId = '';
      for (const { event: e, line, own } of all) {
        const place = done;
        if (++done % 10_000 === 0) onProgress?.(done, all.length);
        let cardId: number | null = null;
        let folds = true;
        if (e.kind === 'answer') {
          if (!undone.has(e.id)) {
            cardId = cardOf(e.card);
            folds = cardId !== null;
          }
        } else if (e.kind === 'undo') {
          cardId = cardOf(e.card);
        } else if (e.kind !== 'identity' && e.kind !== 'setting') {
          cardId = cardOf(e.card);
          folds = cardId !== null;
        }
        if (line === null) {
          if (!folds) {
            result.waiting++;
            continue;
          }
          markFolded(store, e.id, cardId);
        } else {
          // `byId` is sorted: a repeat follows its first.
          if (e.id === lastId || held.has(e.id)) continue;
          lastId = e.id;
          rows.push({ event: e, line, cardId, folded: folds, own: own === true });
          result.received++;
          if (!folds) {
            result.waiting++;
            continue;
          }
        }
        result.folded++;
        if (e.kind === 'answer' && cardId !== null) (answers.get(cardId) ?? answers.set(cardId, []).get(cardId)!).push(place);
        // This device's own setting changes are in its settings file already: recorded (so a later one stands), never written back.
        else if (e.kind === 'setting') {
          if (!own) settings.push(e);
        }
        else if (e.kind === 'undo') {
          const of = deleteReviewByEvent(store, e.target);
          if (of !== null) replay.add(of);
        } else if (cardId !== null && e.kind !== 'identity' && e.kind !== 'answer') flags.push({ event: e, cardId });
      }
      insertForeignEvents(store, rows);
    });
    onProgress?.(all.length, all.length);
    const updated = new Set<number>();
    flags.sort((a, b) => a.event.at - b.event.at || (a.event.id < b.event.id ? -1 : 1));
    for (const { event, cardId } of flags) {
      const kinds = FAMILY_KINDS[FLAG_FAMILY[event.kind as FlagEventKind]]!;
      if (hasLaterFlagEvent(store, cardId, kinds, event.at, event.id)) continue;
      applyFlag(store, cardId, event);
      updated.add(cardId);
    }
    // The new answers of every card, each at its event's place: written together in id order (time order, mostly),
    // the log's row ids and its indexes of time and event id grow at their end. No sort: `all` is in that order.
    const added: (NewAnswer | undefined)[] = new Array(all.length);
    const replayed = [...new Set([...answers.keys(), ...replay])];
    // Read for all the cards at once; a log with no answer yet (a first fold into a fresh store) is not asked for each card's.
    const identities = replayIdentities(store, replayed);
    const logged = hasAnswers(store);
    for (const cardId of replayed) {
      const card = identities.get(cardId);
      if (card) mergeAndReplay(store, schedulers, cardId, card, logged ? loggedAnswers(store, cardId) : [], answers.get(cardId) ?? [], all, added);
      updated.add(cardId);
    }
    insertAnswersWithFacts(store, added.filter((a) => a !== undefined));
    result.cardsUpdated = updated.size;
    // Of each setting, the latest change anywhere (this device's own included) stands.
    const latest = new Map<string, SyncEvent & { kind: 'setting' }>();
    for (const e of settings) {
      // A machine's own settings (its time zone, whether it syncs by itself) never come from another,
      // even when a device that does not filter them (an older or altered engram) sent them.
      if (LOCAL_SETTINGS.includes(e.name)) continue;
      const target = settingTarget(e.name, e.deck);
      if (!hasLaterSettingEvent(store, target, e.at, e.id)) latest.set(target, e);
    }
    result.settings = [...latest.values()].map((e) => ({ name: e.name, deck: e.deck, value: e.value }));
    return result;
  });
}

/** An answer as the merge orders and replays it (reviewedAt, rating, chosenDays): one object an answer, old or new. */
interface Merged {
  reviewedAt: number;
  eventId: string;
  localId: number;
  rating: 1 | 2 | 3 | 4;
  chosenDays: number | null;
  /** An answer in the log already, or null for a new one. */
  old: LoggedAnswer | null;
  /** A new answer's place in the fold's events (-1: an old one). */
  place: number;
}

/**
 * A card's log (`logged`) with the answers at `places` of `all` merged in, replayed in replay order: the
 * new answers go to `out` at their places with their facts (for the caller to write), the facts of answers already
 * there rewritten where the merge changed them, the seed set to the first
 * answer's, the cached state saved.
 */
function mergeAndReplay(
  store: Store,
  schedulers: SchedulerSet,
  cardId: number,
  card: ReplayIdentity,
  logged: readonly LoggedAnswer[],
  places: readonly number[],
  all: readonly { event: SyncEvent }[],
  out: (NewAnswer | undefined)[],
): void {
  const merged: Merged[] = [];
  for (const r of logged) merged.push({ reviewedAt: r.reviewedAt, eventId: r.eventId ?? '', localId: r.id, rating: r.rating, chosenDays: r.chosenDays, old: r, place: -1 });
  for (const place of places) {
    const e = answerAt(all, place);
    merged.push({ reviewedAt: e.at, eventId: e.id, localId: Number.MAX_SAFE_INTEGER, rating: e.rating, chosenDays: chosenDaysOf(e), old: null, place });
  }
  merged.sort((a, b) => a.reviewedAt - b.reviewedAt || (a.eventId < b.eventId ? -1 : a.eventId > b.eventId ? 1 : a.localId - b.localId));
  const first = merged[0];
  // The seed of the first answer in the merged order: the same on every device holding these answers.
  let seed: string | null = null;
  if (first && first.place >= 0) seed = answerAt(all, first.place).seed;
  else if (first?.old) seed = (first.old.eventId ? seedOfAnswer(store, first.old.eventId) : null) ?? card.seed ?? null;
  if (seed !== card.fuzzSeed) setCardSeed(store, cardId, seed);
  const { before, after } = schedulers.forDeck(card.deck).history(seed ?? card.key, merged);
  for (let i = 0; i < merged.length; i++) {
    const m = merged[i]!;
    const f = factsBefore(before[i] ?? null);
    const code = PHASE_CODES[f.phaseBefore];
    if (m.place >= 0) out[m.place] = { cardId, event: answerAt(all, m.place), stateBefore: code, lastInterval: f.intervalBefore };
    else if (m.old!.stateBefore !== code || m.old!.lastInterval !== f.intervalBefore) updateAnswerFacts(store, m.old!.id, code, f.intervalBefore);
  }
  saveCardState(store, cardId, after);
}

/** The answer event at `place` of the fold's events (a place mergeAndReplay was given is always an answer's). */
function answerAt(all: readonly { event: SyncEvent }[], place: number): SyncEvent & { kind: 'answer' } {
  return all[place]!.event as SyncEvent & { kind: 'answer' };
}
